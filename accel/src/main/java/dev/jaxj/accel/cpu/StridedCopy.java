package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.Runs.Combine;

import dev.jaxj.ir.DType;

import java.util.Arrays;

/**
 * The one data-movement engine behind the structural and gather/scatter kernels: a rectangular
 * box of elements, addressed in a source and a destination buffer by a start offset and one
 * stride per axis. Broadcast (stride 0), transpose (permuted strides), rev (negative strides),
 * slices, padding and concatenation are all such boxes, so every dtype and rank shares this code.
 *
 * <p>A plan first drops size-1 axes and merges axes that are contiguous on both sides, so that
 * the innermost run is as long as possible (one {@code System.arraycopy} where both sides are
 * dense). Large one-shot copies split across the worker pool, and go through the box in square
 * tiles when source and destination are contiguous along different axes (transposes), so that
 * both sides stay in cache.
 *
 * <p>A plan holds a scratch counter: one plan serves one thread.
 */
final class StridedCopy {
    private static final int TILE = 64;
    /** Side of the blocks of {@link #transposeF32}: one cache line of floats. */
    private static final int BLOCK = 16;

    private final int[] box, src, dst, at;
    private final int size;
    /** The axis along which the source is contiguous while the destination is not, or -1: the tiling axis. */
    private final int tileAxis;

    private StridedCopy(int[] box, int[] src, int[] dst) {
        this.box = box;
        this.src = src;
        this.dst = dst;
        this.at = new int[box.length];
        this.size = IndexMath.product(box, 0, box.length);
        int last = box.length - 1, a = -1;
        if (dst[last] == 1 && Math.abs(src[last]) > 1) {
            for (int i = 0; i < last; i++) if (src[i] == 1) a = i;
        }
        this.tileAxis = a;
    }

    /** {@return a plan for the box {@code box}, with source and destination strides per axis (any length, rank 0 included)} */
    static StridedCopy of(int[] box, int[] srcStrides, int[] dstStrides) {
        int r = box.length, k = 0;
        int[] b = new int[Math.max(1, r)], s = new int[b.length], d = new int[b.length];
        for (int i = 0; i < r; i++) {
            if (box[i] == 0) return new StridedCopy(new int[] {0}, new int[] {0}, new int[] {0});
            if (box[i] == 1) continue;                          // its stride never matters
            if (k > 0 && s[k - 1] == srcStrides[i] * box[i] && d[k - 1] == dstStrides[i] * box[i]) {
                b[k - 1] *= box[i];                             // contiguous on both sides: one longer axis
                s[k - 1] = srcStrides[i];
                d[k - 1] = dstStrides[i];
            } else {
                b[k] = box[i];
                s[k] = srcStrides[i];
                d[k] = dstStrides[i];
                k++;
            }
        }
        if (k == 0) return new StridedCopy(new int[] {1}, new int[] {0}, new int[] {0});
        return new StridedCopy(Arrays.copyOf(b, k), Arrays.copyOf(s, k), Arrays.copyOf(d, k));
    }

    /** {@return the number of elements in the box} */
    int size() { return size; }

    /** Copies or combines the box on the calling thread. */
    void apply(Combine op, HostData s, int sp, HostData d, int dp) {
        // Most gather/scatter windows merge into one run (rows, scalars): skip the odometer.
        if (box.length == 1) Runs.apply(op, s, sp, src[0], d, dp, dst[0], box[0]);
        else walk(op, box, at, s, sp, d, dp);
    }

    /** Copies the box once: on the worker pool when it is large, in tiles when the two sides run along different axes. */
    void copy(HostData s, int sp, HostData d, int dp) {
        if (size < Parallel.DEFAULT_GRAIN) {
            tiled(box, at, s, sp, d, dp);
            return;
        }
        int p = 0;
        for (int i = 1; i < box.length; i++) if (box[i] > box[p]) p = i;
        int axis = p, perStep = size / box[p];
        // Each chunk writes its own slab of the destination: destination strides of a copy never alias.
        Parallel.forRange(box[p], Math.max(1, Parallel.DEFAULT_GRAIN / perStep), (lo, hi) -> {
            int[] sub = box.clone();
            sub[axis] = hi - lo;
            tiled(sub, new int[box.length], s, sp + lo * src[axis], d, dp + lo * dst[axis]);
        });
    }

    private void tiled(int[] b, int[] scratch, HostData s, int sp, HostData d, int dp) {
        int a = tileAxis, last = b.length - 1;
        if (a < 0 || b[a] <= TILE || b[last] <= TILE) {
            walk(Combine.REPLACE, b, scratch, s, sp, d, dp);
            return;
        }
        if (b.length == 2 && s.dtype() == DType.F32) {
            transposeF32(b, s.f32(), sp, d.f32(), dp);
            return;
        }
        int[] t = b.clone();
        for (int i = 0; i < b[a]; i += TILE) {
            t[a] = Math.min(TILE, b[a] - i);
            for (int j = 0; j < b[last]; j += TILE) {
                t[last] = Math.min(TILE, b[last] - j);
                walk(Combine.REPLACE, t, scratch, s, sp + i * src[a] + j * src[last], d, dp + i * dst[a] + j * dst[last]);
            }
        }
    }

    /**
     * The 2-D transpose (source contiguous along axis 0, destination along axis 1), the
     * weight-gradient layout change of every dense layer, in {@value #BLOCK} x {@value #BLOCK}
     * blocks: a block's {@value #BLOCK} source lines stay in L1 even when a power-of-two row
     * stride maps them all to a few cache sets, and the loops index the arrays directly
     * instead of one {@link Runs} call per short run.
     */
    private void transposeF32(int[] b, float[] s, int sp, float[] d, int dp) {
        int rows = b[0], cols = b[1], ss = src[1], ds = dst[0];
        for (int i0 = 0; i0 < rows; i0 += BLOCK) {
            int i1 = Math.min(rows, i0 + BLOCK);
            for (int j0 = 0; j0 < cols; j0 += BLOCK) {
                int j1 = Math.min(cols, j0 + BLOCK);
                for (int i = i0; i < i1; i++) {
                    int from = sp + i, to = dp + i * ds;
                    for (int j = j0; j < j1; j++) d[to + j] = s[from + j * ss];
                }
            }
        }
    }

    /** Row-major walk over the box {@code b}: one run per innermost row, an odometer over the rest. */
    private void walk(Combine op, int[] b, int[] scratch, HostData s, int sp, HostData d, int dp) {
        int last = b.length - 1, n = b[last];
        if (IndexMath.product(b, 0, b.length) == 0) return;
        Arrays.fill(scratch, 0);
        while (true) {
            Runs.apply(op, s, sp, src[last], d, dp, dst[last], n);
            int i = last - 1;
            for (; i >= 0; i--) {
                if (++scratch[i] < b[i]) {
                    sp += src[i];
                    dp += dst[i];
                    break;
                }
                scratch[i] = 0;
                sp -= src[i] * (b[i] - 1);
                dp -= dst[i] * (b[i] - 1);
            }
            if (i < 0) return;
        }
    }
}
