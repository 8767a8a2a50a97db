package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.ir.Primitive.Sort;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

import java.util.Arrays;

/**
 * Multi-operand sort along one axis: every operand is permuted by the lexicographic order of the
 * first {@code numKeys} operands. The sort is always stable, which also satisfies {@code isStable = false}.
 *
 * <p>Each key element maps to a {@code long} whose signed order is JAX's order: floats with -0.0
 * equal to 0.0 and every NaN after +inf, u32 unsigned, bools false before true. One permutation
 * is computed per lane (a line along the sorted axis) and then applied to every operand, so the
 * payload operands cost one gather each whatever their dtype.
 */
final class SortKernels {
    private SortKernels() {}

    static Seq<HostData> sort(Sort p, ShapedArray in, Seq<HostData> operands) {
        int[] dims = in.shape().toArray();
        int n = dims[p.dimension()], inner = IndexMath.product(dims, p.dimension() + 1, dims.length), size = in.size();
        if (size == 0) return operands.map(HostData::copy);
        HostData[] keys = operands.take(p.numKeys()).toJavaArray(HostData[]::new);
        int lanes = size / n;
        int[] perm = HeapArrays.ints(size);                             // perm[out position] = source position
        Parallel.forRange(lanes, Math.max(1, Parallel.DEFAULT_GRAIN / n), (lo, hi) -> {
            var lane = new Lane(keys, n);
            for (int l = lo; l < hi; l++) lane.sort(l / inner * n * inner + l % inner, inner, perm);
        });
        return operands.map(b -> b.gather(perm));
    }

    /** {@return element {@code i} of {@code b} as a long whose signed order is the sort order} */
    private static long orderKey(HostData b, int i) {
        return switch (b.dtype()) {
            case F32 -> {
                float v = b.f32()[i];
                int bits = Float.floatToIntBits(v == 0 ? 0f : v);  // merges -0.0 into 0.0, NaNs into one NaN
                yield bits ^ ((bits >> 31) & Integer.MAX_VALUE);    // negative floats count down: flip their magnitude
            }
            case F64 -> {
                double v = b.f64()[i];
                long bits = Double.doubleToLongBits(v == 0 ? 0d : v);
                yield bits ^ ((bits >> 63) & Long.MAX_VALUE);
            }
            case I32 -> b.i32()[i];
            case U32 -> Integer.toUnsignedLong(b.i32()[i]);
            case I64 -> b.i64()[i];
            case BOOL -> b.bool()[i] ? 1 : 0;
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(b.dtype());
        };
    }

    /**
     * Scratch for sorting lanes of length {@code n} on one thread. Several keys sort least significant
     * first, each pass stable, which gives the lexicographic order without a comparator.
     */
    private static final class Lane {
        private final HostData[] keys;
        private final int n;
        private final long[] key, keyTmp;
        private final int[] idx, idxTmp;

        Lane(HostData[] keys, int n) {
            this.keys = keys;
            this.n = n;
            this.key = HeapArrays.longs(n);
            this.keyTmp = HeapArrays.longs(n);
            this.idx = HeapArrays.ints(n);
            this.idxTmp = HeapArrays.ints(n);
        }

        /** Sorts the lane whose k-th element is at {@code base + k * step}, writing its permutation into {@code perm}. */
        void sort(int base, int step, int[] perm) {
            for (int k = 0; k < n; k++) idx[k] = k;
            for (int j = keys.length - 1; j >= 0; j--) {
                HostData b = keys[j];
                for (int k = 0; k < n; k++) key[k] = orderKey(b, base + idx[k] * step);
                switch (b.dtype()) {
                    case F32, I32, BOOL -> packedSort(0);
                    case U32 -> packedSort(1L << 31);              // [0, 2^32) shifted into int range, order kept
                    case F64, I64 -> mergeSort(0, n);
                }
            }
            for (int k = 0; k < n; k++) perm[base + k * step] = base + idx[k] * step;
        }

        /** A 32-bit key packs with its current position into one long: a primitive sort, stable through the position. */
        private void packedSort(long shift) {
            for (int k = 0; k < n; k++) key[k] = (key[k] - shift) << 32 | k;
            Arrays.sort(key, 0, n);
            for (int k = 0; k < n; k++) idxTmp[k] = idx[(int) key[k]];
            System.arraycopy(idxTmp, 0, idx, 0, n);
        }

        /** Stable top-down merge sort of the pairs {@code (key, idx)[lo, hi)} by key; insertion sort for short runs. */
        private void mergeSort(int lo, int hi) {
            if (hi - lo <= 16) {
                for (int i = lo + 1; i < hi; i++) {
                    long kv = key[i];
                    int iv = idx[i], j = i - 1;
                    for (; j >= lo && key[j] > kv; j--) {
                        key[j + 1] = key[j];
                        idx[j + 1] = idx[j];
                    }
                    key[j + 1] = kv;
                    idx[j + 1] = iv;
                }
                return;
            }
            int mid = (lo + hi) >>> 1;
            mergeSort(lo, mid);
            mergeSort(mid, hi);
            if (key[mid - 1] <= key[mid]) return;
            System.arraycopy(key, lo, keyTmp, lo, hi - lo);
            System.arraycopy(idx, lo, idxTmp, lo, hi - lo);
            for (int i = lo, j = mid, k = lo; k < hi; k++) {
                boolean left = j >= hi || (i < mid && keyTmp[i] <= keyTmp[j]);
                key[k] = left ? keyTmp[i] : keyTmp[j];
                idx[k] = left ? idxTmp[i++] : idxTmp[j++];
            }
        }
    }
}
