package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.Primitive.ReducePrecision;

/**
 * XLA's ReducePrecision on IEEE bit patterns: one routine over the pattern as a long, with the
 * source format's field widths, for f32 and f64.
 */
final class ReducePrecisionKernel {
    private ReducePrecisionKernel() {}

    static HostData apply(ReducePrecision r, HostData x) {
        int n = x.size();
        return switch (x.dtype()) {
            case F32 -> {
                float[] in = x.f32(), out = new float[n];
                for (int i = 0; i < n; i++) {
                    long bits = Float.floatToRawIntBits(in[i]) & 0xFFFFFFFFL;
                    float v = Float.intBitsToFloat((int) round(bits, 8, 23, r));
                    out[i] = Float.isNaN(in[i]) && r.mantissaBits() > 0 ? in[i] : v;
                }
                yield HostData.own(out);
            }
            case F64 -> {
                double[] in = x.f64(), out = new double[n];
                for (int i = 0; i < n; i++) {
                    double v = Double.longBitsToDouble(round(Double.doubleToRawLongBits(in[i]), 11, 52, r));
                    out[i] = Double.isNaN(in[i]) && r.mantissaBits() > 0 ? in[i] : v;
                }
                yield HostData.own(out);
            }
            default -> throw new BackendError(r.name(), "has a CPU kernel for f32 and f64, got " + x.dtype());
        };
    }

    /**
     * The significand rounded to nearest-even at {@code mantissaBits} by adding a bias and
     * truncating, then exponents past the narrower range replaced by a signed infinity or zero.
     * Patterns are compared unsigned within the source width (the sign bit is masked off first).
     */
    static long round(long bits, int srcExponent, int srcMantissa, ReducePrecision r) {
        int width = 1 + srcExponent + srcMantissa;
        long mask = width == 64 ? -1L : (1L << width) - 1;
        if (r.mantissaBits() < srcMantissa) {
            int drop = srcMantissa - r.mantissaBits();
            long lastKept = 1L << drop;
            long bias = ((bits & lastKept) >>> drop) + (lastKept >>> 1) - 1;
            bits = ((bits + bias) & ~(lastKept - 1)) & mask;
        }
        if (r.exponentBits() < srcExponent) {
            long sign = bits & (1L << (width - 1));
            long expMask = ((1L << srcExponent) - 1) << srcMantissa;
            long bias = (1L << (srcExponent - 1)) - 1, reduced = (1L << (r.exponentBits() - 1)) - 1;
            long exponent = bits & expMask;
            if (exponent > (bias + reduced) << srcMantissa) bits = sign | expMask;
            else if (exponent <= (bias - reduced) << srcMantissa) bits = sign;
        }
        return bits;
    }
}
