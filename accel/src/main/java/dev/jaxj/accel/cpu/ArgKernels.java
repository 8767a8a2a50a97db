package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HeapArrays;

/**
 * Argmax and argmin along the middle axis of an {@code [outer, n, inner]} view: the index of
 * the first extreme value, where a NaN counts as more extreme than any number (so the first
 * NaN wins), as in JAX. Argmin is argmax of the order-reversed values: {@code -x} for floats
 * (NaN stays NaN) and {@code ~x} for widened integers (no overflow, unlike negation).
 */
final class ArgKernels {
    private ArgKernels() {}

    static int[] argF32(boolean max, float[] x, LaneTiles v) {
        int[] index = HeapArrays.ints(v.outer() * v.inner());
        if (v.n() == 0) return index;
        float sign = max ? 1 : -1;
        v.run((lo, hi) -> {
            float[] best = new float[v.width()];
            for (int t = lo; t < hi; t++) {
                int o = v.o(t), j0 = v.j0(t), w = v.j1(t) - j0, dst = o * v.inner() + j0;
                if (v.inner() == 1) {
                    index[o] = rowF32(x, o * v.n(), v.n(), sign);
                    continue;
                }
                int first = v.at(o, 0, j0);
                for (int j = 0; j < w; j++) best[j] = sign * x[first + j];
                for (int r = 1; r < v.n(); r++) {
                    int base = v.at(o, r, j0);
                    for (int j = 0; j < w; j++) {
                        float y = sign * x[base + j], b = best[j];
                        if (y > b || (y != y && b == b)) {
                            best[j] = y;
                            index[dst + j] = r;
                        }
                    }
                }
            }
        });
        return index;
    }

    static int[] argF64(boolean max, double[] x, LaneTiles v) {
        int[] index = HeapArrays.ints(v.outer() * v.inner());
        if (v.n() == 0) return index;
        double sign = max ? 1 : -1;
        v.run((lo, hi) -> {
            double[] best = new double[v.width()];
            for (int t = lo; t < hi; t++) {
                int o = v.o(t), j0 = v.j0(t), w = v.j1(t) - j0, dst = o * v.inner() + j0;
                if (v.inner() == 1) {
                    index[o] = rowF64(x, o * v.n(), v.n(), sign);
                    continue;
                }
                int first = v.at(o, 0, j0);
                for (int j = 0; j < w; j++) best[j] = sign * x[first + j];
                for (int r = 1; r < v.n(); r++) {
                    int base = v.at(o, r, j0);
                    for (int j = 0; j < w; j++) {
                        double y = sign * x[base + j], b = best[j];
                        if (y > b || (y != y && b == b)) {
                            best[j] = y;
                            index[dst + j] = r;
                        }
                    }
                }
            }
        });
        return index;
    }

    /** Widened integers and bools (u32 zero-extended, so {@code long} order is the right order). */
    static int[] argLong(boolean max, long[] x, LaneTiles v) {
        int[] index = HeapArrays.ints(v.outer() * v.inner());
        if (v.n() == 0) return index;
        long flip = max ? 0 : -1;
        v.run((lo, hi) -> {
            long[] best = new long[v.width()];
            for (int t = lo; t < hi; t++) {
                int o = v.o(t), j0 = v.j0(t), w = v.j1(t) - j0, dst = o * v.inner() + j0;
                if (v.inner() == 1) {
                    index[o] = rowLong(x, o * v.n(), v.n(), flip);
                    continue;
                }
                int first = v.at(o, 0, j0);
                for (int j = 0; j < w; j++) best[j] = x[first + j] ^ flip;
                for (int r = 1; r < v.n(); r++) {
                    int base = v.at(o, r, j0);
                    for (int j = 0; j < w; j++) {
                        long y = x[base + j] ^ flip;
                        if (y > best[j]) {
                            best[j] = y;
                            index[dst + j] = r;
                        }
                    }
                }
            }
        });
        return index;
    }

    /** A contiguous row: stops at the first NaN, which no later element can beat. */
    private static int rowF32(float[] x, int from, int n, float sign) {
        float best = sign * x[from];
        if (best != best) return 0;
        int at = 0;
        for (int r = 1; r < n; r++) {
            float y = sign * x[from + r];
            if (y > best) {
                best = y;
                at = r;
            } else if (y != y) {
                return r;
            }
        }
        return at;
    }

    private static int rowF64(double[] x, int from, int n, double sign) {
        double best = sign * x[from];
        if (best != best) return 0;
        int at = 0;
        for (int r = 1; r < n; r++) {
            double y = sign * x[from + r];
            if (y > best) {
                best = y;
                at = r;
            } else if (y != y) {
                return r;
            }
        }
        return at;
    }

    private static int rowLong(long[] x, int from, int n, long flip) {
        long best = x[from] ^ flip;
        int at = 0;
        for (int r = 1; r < n; r++) {
            long y = x[from + r] ^ flip;
            if (y > best) {
                best = y;
                at = r;
            }
        }
        return at;
    }
}
