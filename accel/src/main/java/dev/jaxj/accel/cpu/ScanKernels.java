package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HeapArrays;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Inclusive scans (cumsum, cumprod, cummax, cummin) along the middle axis of an
 * {@code [outer, n, inner]} view, forward or from the end. Max and min propagate NaN.
 *
 * <p>f32 keeps each running value in a {@code double} (more accurate sums and products; max and
 * min are exact either way) and writes it back rounded. Lanes of a tile advance together, so the
 * inner loops run over contiguous memory.
 */
final class ScanKernels {
    private ScanKernels() {}

    static float[] scanF32(Monoid op, float[] x, LaneTiles v, boolean reverse) {
        float[] out = HeapArrays.floats(x.length);
        int n = v.n();
        v.run((lo, hi) -> {
            double[] acc = new double[v.width()];
            for (int t = lo; t < hi; t++) {
                int o = v.o(t), j0 = v.j0(t), w = v.j1(t) - j0;
                if (v.inner() == 1) {
                    row(op, x, out, v.at(o, 0, 0), n, reverse);
                    continue;
                }
                java.util.Arrays.fill(acc, 0, w, op.floatIdentity());
                for (int s = 0; s < n; s++) {
                    int base = v.at(o, reverse ? n - 1 - s : s, j0);
                    switch (op) {
                        case SUM -> { for (int j = 0; j < w; j++) out[base + j] = (float) (acc[j] += x[base + j]); }
                        case PROD -> { for (int j = 0; j < w; j++) out[base + j] = (float) (acc[j] *= x[base + j]); }
                        case MAX -> { for (int j = 0; j < w; j++) out[base + j] = (float) (acc[j] = Math.max(acc[j], x[base + j])); }
                        case MIN -> { for (int j = 0; j < w; j++) out[base + j] = (float) (acc[j] = Math.min(acc[j], x[base + j])); }
                        case AND, OR -> throw new IllegalStateException(op + " is not a scan");
                    }
                }
            }
        });
        return out;
    }

    /** One contiguous row of {@code n} elements from {@code from}. */
    private static void row(Monoid op, float[] x, float[] out, int from, int n, boolean reverse) {
        int step = reverse ? -1 : 1;
        int i = reverse ? from + n - 1 : from;
        double acc = op.floatIdentity();
        switch (op) {
            case SUM -> { for (int s = 0; s < n; s++, i += step) out[i] = (float) (acc += x[i]); }
            case PROD -> { for (int s = 0; s < n; s++, i += step) out[i] = (float) (acc *= x[i]); }
            case MAX -> { for (int s = 0; s < n; s++, i += step) out[i] = (float) (acc = Math.max(acc, x[i])); }
            case MIN -> { for (int s = 0; s < n; s++, i += step) out[i] = (float) (acc = Math.min(acc, x[i])); }
            case AND, OR -> throw new IllegalStateException(op + " is not a scan");
        }
    }

    static double[] scanF64(DoubleBinaryOperator op, double[] x, LaneTiles v, boolean reverse) {
        double[] out = HeapArrays.doubles(x.length);
        int n = v.n();
        v.run((lo, hi) -> {
            for (int t = lo; t < hi; t++) {
                int o = v.o(t), j0 = v.j0(t), w = v.j1(t) - j0;
                int prev = -1;
                for (int s = 0; s < n; s++) {
                    int base = v.at(o, reverse ? n - 1 - s : s, j0);
                    if (prev < 0) System.arraycopy(x, base, out, base, w);
                    else for (int j = 0; j < w; j++) out[base + j] = op.applyAsDouble(out[prev + j], x[base + j]);
                    prev = base;
                }
            }
        });
        return out;
    }

    /** Widened integers: the running value wraps once narrowed, as the dtype's arithmetic does. */
    static long[] scanLong(LongBinaryOperator op, long[] x, LaneTiles v, boolean reverse) {
        long[] out = HeapArrays.longs(x.length);
        int n = v.n();
        v.run((lo, hi) -> {
            for (int t = lo; t < hi; t++) {
                int o = v.o(t), j0 = v.j0(t), w = v.j1(t) - j0;
                int prev = -1;
                for (int s = 0; s < n; s++) {
                    int base = v.at(o, reverse ? n - 1 - s : s, j0);
                    if (prev < 0) System.arraycopy(x, base, out, base, w);
                    else for (int j = 0; j < w; j++) out[base + j] = op.applyAsLong(out[prev + j], x[base + j]);
                    prev = base;
                }
            }
        });
        return out;
    }
}
