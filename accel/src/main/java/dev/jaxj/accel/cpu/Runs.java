package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.ir.DType;

import java.util.Arrays;

/**
 * The inner loops of the data-movement kernels: one strided run of {@code n} elements read from a
 * source buffer and written, or combined, into a destination buffer of the same dtype. Offsets and
 * strides count elements; a source stride of 0 repeats one element (broadcast, fill).
 *
 * <p>The dtype switch happens once per run, so the loops themselves touch one primitive array type.
 */
final class Runs {
    private Runs() {}

    /** How a written element meets the one already there: scatter's combiners, or plain replacement. */
    enum Combine { REPLACE, ADD, MUL, MIN, MAX }

    static void apply(Combine op, HostData src, int sp, int ss, HostData dst, int dp, int ds, int n) {
        switch (op) {
            case REPLACE -> copy(src, sp, ss, dst, dp, ds, n);
            case ADD, MUL, MIN, MAX -> combine(op, src, sp, ss, dst, dp, ds, n);
        }
    }

    static void copy(HostData src, int sp, int ss, HostData dst, int dp, int ds, int n) {
        if (ss == 1 && ds == 1) {
            System.arraycopy(src.array(), sp, dst.array(), dp, n);
            return;
        }
        boolean fill = ss == 0 && ds == 1;
        switch (dst.dtype()) {
            case F32 -> {
                float[] s = src.f32(), d = dst.f32();
                if (fill) Arrays.fill(d, dp, dp + n, s[sp]);
                else for (int k = 0; k < n; k++) d[dp + k * ds] = s[sp + k * ss];
            }
            case F64 -> {
                double[] s = src.f64(), d = dst.f64();
                if (fill) Arrays.fill(d, dp, dp + n, s[sp]);
                else for (int k = 0; k < n; k++) d[dp + k * ds] = s[sp + k * ss];
            }
            case I32, U32 -> {
                int[] s = src.i32(), d = dst.i32();
                if (fill) Arrays.fill(d, dp, dp + n, s[sp]);
                else for (int k = 0; k < n; k++) d[dp + k * ds] = s[sp + k * ss];
            }
            case I64 -> {
                long[] s = src.i64(), d = dst.i64();
                if (fill) Arrays.fill(d, dp, dp + n, s[sp]);
                else for (int k = 0; k < n; k++) d[dp + k * ds] = s[sp + k * ss];
            }
            case BOOL -> {
                boolean[] s = src.bool(), d = dst.bool();
                if (fill) Arrays.fill(d, dp, dp + n, s[sp]);
                else for (int k = 0; k < n; k++) d[dp + k * ds] = s[sp + k * ss];
            }
        }
    }

    // Integer arithmetic wraps (Java's does); floats propagate NaN through min and max (Math.min/max do);
    // u32 compares unsigned; on bools add and max are "or", mul and min are "and".
    private static void combine(Combine op, HostData src, int sp, int ss, HostData dst, int dp, int ds, int n) {
        switch (dst.dtype()) {
            case C64 -> c64(op, (float[]) src.array(), sp, ss, (float[]) dst.array(), dp, ds, n);
            case C128 -> c128(op, (double[]) src.array(), sp, ss, (double[]) dst.array(), dp, ds, n);
            case F32 -> f32(op, src.f32(), sp, ss, dst.f32(), dp, ds, n);
            case F64 -> {
                double[] s = src.f64(), d = dst.f64();
                for (int k = 0; k < n; k++, sp += ss, dp += ds) {
                    d[dp] = switch (op) {
                        case REPLACE -> s[sp];
                        case ADD -> d[dp] + s[sp];
                        case MUL -> d[dp] * s[sp];
                        case MIN -> Math.min(d[dp], s[sp]);
                        case MAX -> Math.max(d[dp], s[sp]);
                    };
                }
            }
            case I32, U32 -> {
                int[] s = src.i32(), d = dst.i32();
                int flip = dst.dtype() == DType.U32 ? Integer.MIN_VALUE : 0;
                for (int k = 0; k < n; k++, sp += ss, dp += ds) {
                    int a = d[dp], b = s[sp];
                    d[dp] = switch (op) {
                        case REPLACE -> b;
                        case ADD -> a + b;
                        case MUL -> a * b;
                        // Flipping the sign bit turns unsigned order into signed order.
                        case MIN -> (a ^ flip) <= (b ^ flip) ? a : b;
                        case MAX -> (a ^ flip) >= (b ^ flip) ? a : b;
                    };
                }
            }
            case I64 -> {
                long[] s = src.i64(), d = dst.i64();
                for (int k = 0; k < n; k++, sp += ss, dp += ds) {
                    d[dp] = switch (op) {
                        case REPLACE -> s[sp];
                        case ADD -> d[dp] + s[sp];
                        case MUL -> d[dp] * s[sp];
                        case MIN -> Math.min(d[dp], s[sp]);
                        case MAX -> Math.max(d[dp], s[sp]);
                    };
                }
            }
            case BOOL -> {
                boolean[] s = src.bool(), d = dst.bool();
                for (int k = 0; k < n; k++, sp += ss, dp += ds) {
                    d[dp] = switch (op) {
                        case REPLACE -> s[sp];
                        case ADD, MAX -> d[dp] | s[sp];
                        case MUL, MIN -> d[dp] & s[sp];
                    };
                }
            }
        }
    }

    /** f32 gets one loop per combiner, keeping the dispatch out of the loop (scatter-add is the gradient of gather). */
    private static void f32(Combine op, float[] s, int sp, int ss, float[] d, int dp, int ds, int n) {
        switch (op) {
            case REPLACE -> { for (int k = 0; k < n; k++) d[dp + k * ds] = s[sp + k * ss]; }
            case ADD -> { for (int k = 0; k < n; k++) d[dp + k * ds] += s[sp + k * ss]; }
            case MUL -> { for (int k = 0; k < n; k++) d[dp + k * ds] *= s[sp + k * ss]; }
            case MIN -> { for (int k = 0; k < n; k++) d[dp + k * ds] = Math.min(d[dp + k * ds], s[sp + k * ss]); }
            case MAX -> { for (int k = 0; k < n; k++) d[dp + k * ds] = Math.max(d[dp + k * ds], s[sp + k * ss]); }
        }
    }

    /*
     * Complex numbers, stored as interleaved parts (element k at 2k, 2k + 1): the product is the
     * plain formula the elementwise multiply lowers to, and min and max are lax.min and lax.max,
     * lexicographic by (real, imaginary), keeping the element already there where it compares
     * less (greater), else taking the update.
     */

    private static void c64(Combine op, float[] s, int sp, int ss, float[] d, int dp, int ds, int n) {
        for (int k = 0, i = 2 * dp, j = 2 * sp; k < n; k++, i += 2 * ds, j += 2 * ss) {
            float xr = d[i], xi = d[i + 1], yr = s[j], yi = s[j + 1];
            if (op == Combine.MUL) { d[i] = xr * yr - xi * yi; d[i + 1] = xr * yi + xi * yr; }
            else if (op == Combine.ADD) { d[i] = xr + yr; d[i + 1] = xi + yi; }
            else if (takesUpdate(op, xr, xi, yr, yi)) { d[i] = yr; d[i + 1] = yi; }
        }
    }

    private static void c128(Combine op, double[] s, int sp, int ss, double[] d, int dp, int ds, int n) {
        for (int k = 0, i = 2 * dp, j = 2 * sp; k < n; k++, i += 2 * ds, j += 2 * ss) {
            double xr = d[i], xi = d[i + 1], yr = s[j], yi = s[j + 1];
            if (op == Combine.MUL) { d[i] = xr * yr - xi * yi; d[i + 1] = xr * yi + xi * yr; }
            else if (op == Combine.ADD) { d[i] = xr + yr; d[i + 1] = xi + yi; }
            else if (takesUpdate(op, xr, xi, yr, yi)) { d[i] = yr; d[i + 1] = yi; }
        }
    }

    /** {@return whether the update {@code y} replaces {@code x}}: always, or where {@code x} is not the lexicographic min (max) of the two */
    private static boolean takesUpdate(Combine op, double xr, double xi, double yr, double yi) {
        return switch (op) {
            case REPLACE -> true;
            case MIN -> !(xr == yr ? xi < yi : xr < yr);
            case MAX -> !(xr == yr ? xi > yi : xr > yr);
            case ADD, MUL -> throw new IllegalArgumentException(op + " is arithmetic");
        };
    }
}
