package dev.jaxj.lax;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.core.CustomRules;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;

/**
 * Bit-level functions built from the integer primitives (shifts, masks, wrapping adds), so that
 * they are bit-exact on every backend: population count, count of leading zeros, and XLA's
 * {@code reduce_precision}.
 */
final class LaxBits {
    private LaxBits() {}

    /** SWAR population count: pairs, nibbles, bytes, then a multiply sums the bytes into the top one. */
    static Array populationCount(Array x) {
        int w = width("population_count", x);
        Array v = Lax.sub(x, Lax.and(shr(x, 1), k(x, 0x5555555555555555L)));
        v = Lax.add(Lax.and(v, k(x, 0x3333333333333333L)), Lax.and(shr(v, 2), k(x, 0x3333333333333333L)));
        v = Lax.and(Lax.add(v, shr(v, 4)), k(x, 0x0F0F0F0F0F0F0F0FL));
        return shr(Lax.mul(v, k(x, 0x0101010101010101L)), w - 8);
    }

    /** Leading zeros: smear the highest set bit rightwards, then count the ones below it. */
    static Array clz(Array x) {
        int w = width("clz", x);
        Array v = x;
        for (int s = 1; s < w; s *= 2) v = Lax.or(v, shr(v, s));
        return Lax.sub(k(x, w), populationCount(v));
    }

    /**
     * XLA's ReducePrecision: rounds the significand to {@code mantissaBits} (to nearest, ties to
     * even) and then clamps the exponent to {@code exponentBits} (overflow to a signed infinity,
     * values at or below the smallest normal exponent to a signed zero); NaNs pass unchanged
     * while there is a mantissa bit to keep them NaN. Its derivative applies the same rounding
     * to tangents and cotangents, as JAX defines it.
     */
    static Array reducePrecision(Array x, int exponentBits, int mantissaBits) {
        String op = "reduce_precision";
        if (!x.dtype().isFloating()) throw new DTypeError(op, "needs a floating operand, got " + x.aval());
        if (exponentBits < 1 || mantissaBits < 0) {
            throw new ArgumentError(op, "needs exponent_bits >= 1 and mantissa_bits >= 0, got " + exponentBits + " and " + mantissaBits);
        }
        CustomRules.Vjp linear = new CustomRules.Vjp(in -> Vector.of(rounded(in.head(), exponentBits, mantissaBits)),
                in -> new CustomRules.OutputsResiduals(Vector.of(rounded(in.head(), exponentBits, mantissaBits)), Vector.empty()),
                (res, cts) -> Vector.of(rounded(cts.head(), exponentBits, mantissaBits)));
        CustomRules.Jvp rule = new CustomRules.Jvp(in -> Vector.of(rounded(in.head(), exponentBits, mantissaBits)),
                (p, t) -> new CustomRules.PrimalsTangents(Vector.of(rounded(p.head(), exponentBits, mantissaBits)),
                        Bind.bindCustomVjp(linear, Vector.of(t.head()))));
        return Bind.bindCustomJvp(rule, Vector.of(x)).head();
    }

    private static Array rounded(Array x, int exponentBits, int mantissaBits) {
        boolean wide = x.dtype() == DType.F64;
        int srcMantissa = wide ? 52 : 23, srcExponent = wide ? 11 : 8, nbits = wide ? 64 : 32;
        if (exponentBits >= srcExponent && mantissaBits >= srcMantissa) return x;
        Array bits = Lax.bitcastConvertType(x, wide ? DType.I64 : DType.I32);
        if (mantissaBits < srcMantissa) {
            int drop = srcMantissa - mantissaBits;
            long lastBit = 1L << drop;
            Array kept = shr(Lax.and(bits, k(bits, lastBit)), drop);
            Array bias = Lax.add(kept, k(bits, (lastBit >> 1) - 1));
            bits = Lax.and(Lax.add(bits, bias), k(bits, ~(lastBit - 1)));
        }
        if (exponentBits < srcExponent) {
            long signMask = 1L << (nbits - 1);
            long expMask = ((1L << srcExponent) - 1) << srcMantissa;
            long bias = (1L << (srcExponent - 1)) - 1, reducedBias = (1L << (exponentBits - 1)) - 1;
            Array exponent = Lax.and(bits, k(bits, expMask));
            Array overflows = Lax.gt(exponent, k(bits, (bias + reducedBias) << srcMantissa));
            Array underflows = Lax.le(exponent, k(bits, (bias - reducedBias) << srcMantissa));
            Array signedZero = Lax.and(bits, k(bits, signMask));
            Array signedInf = Lax.or(signedZero, k(bits, expMask));
            bits = Lax.select(overflows, signedInf, Lax.select(underflows, signedZero, bits));
        }
        Array result = Lax.bitcastConvertType(bits, x.dtype());
        return mantissaBits > 0 ? Lax.select(Lax.ne(x, x), x, result) : result;
    }

    private static int width(String op, Array x) {
        return switch (x.dtype()) {
            case I32, U32 -> 32;
            case I64 -> 64;
            default -> throw new DTypeError(op, "needs an integer operand (i32, u32 or i64), got " + x.aval());
        };
    }

    private static Array shr(Array x, int s) {
        return Lax.shiftRightLogical(x, k(x, s));
    }

    /** {@code v} (wrapped to the dtype's width) broadcast like {@code like}. */
    private static Array k(Array like, long v) {
        DType t = like.dtype();
        HostData d = HostData.allocate(t, 1);
        d.setLong(0, t.bits() == 64 ? v : (long) (int) v);
        Array s = Array.fromHost(new ShapedArray(Shape.SCALAR, t, false), d);
        return Lax.broadcastInDim(s, like.shape(), Vector.empty());
    }
}
