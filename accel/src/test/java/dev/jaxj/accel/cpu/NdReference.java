package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Naive multi-index helpers for the data-movement kernel tests: random operands of every dtype,
 * nested-loop iteration over multi-indices, and bit-exact element comparison.
 */
final class NdReference {
    private NdReference() {}

    static final DType[] INDEX_TYPES = {DType.I32, DType.I64, DType.U32};

    /** Calls {@code f} with every multi-index of {@code dims} in row-major order (once for rank 0, never when empty). */
    static void forEachIndex(int[] dims, Consumer<int[]> f) {
        for (int d : dims) if (d == 0) return;
        int[] at = new int[dims.length];
        while (true) {
            f.accept(at.clone());
            int i = dims.length - 1;
            while (i >= 0 && ++at[i] == dims[i]) at[i--] = 0;
            if (i < 0) return;
        }
    }

    /** {@return the row-major flat position of {@code idx} in {@code dims}} */
    static int flat(int[] idx, int[] dims) {
        int f = 0;
        for (int i = 0; i < dims.length; i++) f = f * dims[i] + idx[i];
        return f;
    }

    /** {@return a random shape of rank in [minRank, maxRank] with dims in [0, maxDim]} */
    static int[] randomDims(Random r, int minRank, int maxRank, int maxDim) {
        int[] d = new int[minRank + r.nextInt(maxRank - minRank + 1)];
        for (int i = 0; i < d.length; i++) d[i] = r.nextInt(maxDim + 1);
        return d;
    }

    /** {@return a random permutation of {@code 0 .. n-1}} */
    static int[] randomPermutation(int n, Random r) {
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < n; i++) p.add(i);
        Collections.shuffle(p, r);
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * {@return an operand of random values of {@code t}}: i64 values beyond 2^53 and u32 values beyond
     * 2^31, so that a path through double or signed int would show; floats are small integers and
     * halves, so that sums and products in any order are exact.
     */
    static Operand random(DType t, int[] dims, Random r) {
        Shape s = Shape.of(dims);
        int n = s.size();
        HostData b = HostData.allocate(t, n);
        for (int i = 0; i < n; i++) {
            switch (t) {
                case F32 -> b.f32()[i] = (r.nextInt(33) - 16) / 2f;
                case F64 -> b.f64()[i] = (r.nextInt(33) - 16) / 2d;
                case I32 -> b.i32()[i] = r.nextInt();
                case U32 -> b.i32()[i] = r.nextInt() | (r.nextBoolean() ? Integer.MIN_VALUE : 0);
                case I64 -> b.i64()[i] = r.nextLong();
                case BOOL -> b.bool()[i] = r.nextBoolean();
            }
        }
        return new Operand(ShapedArray.of(t, s), b);
    }

    /** {@return a scalar index operand of dtype {@code t} holding {@code v} (wrapped to the dtype's width)} */
    static Operand index(DType t, long v) {
        HostData b = HostData.allocate(t, 1);
        b.setLong(0, v);
        return new Operand(ShapedArray.of(t, Shape.SCALAR), b);
    }

    /** {@return whether two elements have equal bits (every NaN counts as one NaN)} */
    static boolean same(HostData a, int i, HostData b, int j) {
        return switch (a.dtype()) {
            case F32 -> Float.floatToIntBits(a.f32()[i]) == Float.floatToIntBits(b.f32()[j]);
            case F64 -> Double.doubleToLongBits(a.f64()[i]) == Double.doubleToLongBits(b.f64()[j]);
            case I32, U32 -> a.i32()[i] == b.i32()[j];
            case I64 -> a.i64()[i] == b.i64()[j];
            case BOOL -> a.bool()[i] == b.bool()[j];
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(a.dtype());
        };
    }

    static String show(HostData a, int i) {
        return switch (a.dtype()) {
            case F32 -> Float.toString(a.f32()[i]);
            case F64 -> Double.toString(a.f64()[i]);
            case I32, I64, U32, BOOL -> Long.toString(a.getLong(i));
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(a.dtype());
        };
    }

    /** Fails unless every element of {@code actual} has the bits of the same element of {@code expected}. */
    static void assertSameElements(HostData expected, HostData actual, String what) {
        if (expected.dtype() != actual.dtype() || expected.size() != actual.size()) {
            fail(what + ": expected " + expected + ", got " + actual);
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!same(expected, i, actual, i)) {
                fail(what + ": element " + i + " expected " + show(expected, i) + ", got " + show(actual, i));
            }
        }
    }

    /** Where output element {@code o} comes from: a flat operand position, or -1 for the padding value. */
    interface Source {
        int of(int[] o);
    }

    /** The reference result: every element copied from the operand position {@code src} names (or the padding value). */
    static HostData expected(Operand x, int[] outDims, Source src, HostData padValue) {
        HostData e = HostData.allocate(x.aval().dtype(), Shape.of(outDims).size());
        forEachIndex(outDims, o -> {
            int s = src.of(o);
            if (s < 0) e.copyFrom(padValue, 0, flat(o, outDims));
            else e.copyFrom(x.data(), s, flat(o, outDims));
        });
        return e;
    }

    static void check(Result r, int[] outDims, HostData expected, String what) {
        assertArrayEquals(outDims, r.aval().shape().toArray(), what);
        assertSameElements(expected, r.data(), what);
    }
}
