package dev.jaxj.accel.cpu;

import io.vavr.collection.Seq;

/** Index arithmetic shared by the data-movement kernels (structural, gather/scatter, sort). */
final class IndexMath {
    private IndexMath() {}

    /** {@return the static axis list of a primitive as an {@code int[]}} */
    static int[] ints(Seq<Integer> s) {
        int[] r = new int[s.size()];
        int i = 0;
        for (int x : s) r[i++] = x;
        return r;
    }

    /** {@return a mask of length {@code rank}, true at the given axes} */
    static boolean[] mask(int rank, Seq<Integer> axes) {
        boolean[] m = new boolean[rank];
        for (int a : axes) m[a] = true;
        return m;
    }

    /** {@return {@code v} clamped to {@code [lo, hi]}, with {@code lo <= hi}; a long so that i64 and u32 indices clamp without wrapping} */
    static int clamp(long v, int lo, int hi) {
        return (int) Math.max(lo, Math.min(hi, v));
    }

    /** {@return the product of the sizes of axes {@code [from, to)}} */
    static int product(int[] dims, int from, int to) {
        int n = 1;
        for (int i = from; i < to; i++) n *= dims[i];
        return n;
    }

    /** {@return the flat offset {@code sum(index[i] * strides[i])}} */
    static int dot(int[] index, int[] strides) {
        int s = 0;
        for (int i = 0; i < index.length; i++) s += index[i] * strides[i];
        return s;
    }

    /**
     * A row-major counter over a box of {@code dims} that keeps one flat offset, {@code sum(at[i] * strides[i])},
     * up to date as it steps, so that walking a batch of windows costs no division per step.
     */
    static final class Odometer {
        private final int[] dims, strides, at;
        private int offset;

        /** Starts at the row-major position {@code start}. */
        Odometer(int[] dims, int[] strides, int start) {
            this.dims = dims;
            this.strides = strides;
            this.at = new int[dims.length];
            for (int i = dims.length - 1; i >= 0 && start > 0; i--) {
                at[i] = start % dims[i];
                start /= dims[i];
                offset += at[i] * strides[i];
            }
        }

        int at(int axis) { return at[axis]; }

        int offset() { return offset; }

        void next() {
            for (int i = dims.length - 1; i >= 0; i--) {
                if (++at[i] < dims[i]) {
                    offset += strides[i];
                    return;
                }
                offset -= strides[i] * (at[i] - 1);
                at[i] = 0;
            }
        }
    }
}
