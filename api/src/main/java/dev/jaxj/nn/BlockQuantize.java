package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.RoundingMethod;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

/**
 * Block quantisation as JAX's {@code scaled_dot_general} does it, on f32 values of [B, R, K]
 * blocked along K: per block the largest magnitude {@code amax}, a scale {@code amax / MAX} (MAX the
 * element format's largest value) stored in the scale format (mxfp8: e8m0, rounded up to a power of
 * two; nvfp4: e4m3 of {@code scale / globalScale}, to nearest), the elements divided by the stored
 * scale, clipped to ±MAX and rounded to the element format. The narrow formats are emulated in f32.
 */
final class BlockQuantize {
    private BlockQuantize() {}

    /** Rounded elements [B, R, K] and the effective f32 scale of each block [B, R, K / blockSize]. */
    record Quantized(Array values, Array scales) {}

    static Quantized quantize(String op, Array x, BlockScaleConfig config) {
        int b = x.shape().dim(0), r = x.shape().dim(1), k = x.shape().dim(2), size = config.blockSize();
        if (k % size != 0)
            throw new ShapeError(op, "the contracting size must be a multiple of the block size " + size + " (" + config.mode()
                    + "), got K = " + k + " for " + x.aval());
        Shape blocked = Shape.of(b, r, k / size, size);
        Array xb = Lax.reshape(Lax.convertElementType(x, DType.F32), blocked);
        Array amax = Lax.reduceMax(Lax.abs(xb), Vector.of(3));
        double max = config.dataType().max;
        Array wanted = Lax.div(amax, full(amax, max));
        Array scale = switch (config.mode()) {
            case MXFP8 -> e8m0RoundingUp(wanted);
            case NVFP4 -> {
                Array global = NumpyOps.broadcastTo(Lax.convertElementType(config.globalScale().get(), DType.F32), wanted.shape());
                Array stored = round(Lax.clamp(full(wanted, 0), Lax.div(wanted, global), full(wanted, config.scaleType().max)), config.scaleType());
                yield Lax.mul(stored, global);
            }
        };
        Array spread = Lax.broadcastInDim(scale, blocked, Vector.of(0, 1, 2));
        // A block of zeros has scale 0 under nvfp4; its elements are 0 rather than 0/0.
        Array safe = Lax.select(Lax.eq(spread, full(spread, 0)), full(spread, 1), spread);
        Array clipped = Lax.clamp(full(xb, -max), Lax.div(xb, safe), full(xb, max));
        Array values = Lax.reshape(round(clipped, config.dataType()), x.shape());
        return new Quantized(values, scale);
    }

    /** {@return {@code x} rounded to the nearest value of {@code format} (ties to even)}, for |x| within its range */
    static Array round(Array x, BlockScaleConfig.Format format) {
        Array ax = Lax.abs(x);
        // The binade's exponent from the f32 bits, floored at the format's smallest normal exponent (below it the spacing is fixed).
        Array bits = Lax.bitcastConvertType(ax, DType.I32);
        Array exponent = Lax.sub(Lax.shiftRightLogical(bits, ints(bits, 23)), ints(bits, 127));
        exponent = Lax.max(exponent, ints(exponent, format.minExponent));
        Array quantum = powerOfTwo(Lax.sub(exponent, ints(exponent, format.mantissaBits)));
        Array q = Lax.mul(Lax.round(Lax.div(ax, quantum), RoundingMethod.TO_NEAREST_EVEN), quantum);
        return Lax.mul(Lax.sign(x), q);
    }

    /** JAX's {@code cast_to_e8m0_with_rounding_up}: the next power of two at or above {@code x}, as f32 (2^-127 for the e8m0 byte 0). */
    static Array e8m0RoundingUp(Array x) {
        Array bits = Lax.bitcastConvertType(x, DType.I32);
        Array exp = Lax.shiftRightLogical(bits, ints(bits, 23)), mant = Lax.and(bits, ints(bits, 0x7FFFFF));
        Array roundUp = Lax.and(Lax.and(Lax.gt(mant, ints(mant, 0)), Lax.ne(exp, ints(exp, 0xFE))),
                Lax.not(Lax.and(Lax.eq(exp, ints(exp, 0)), Lax.le(mant, ints(mant, 0x400000)))));
        exp = Lax.select(roundUp, Lax.add(exp, ints(exp, 1)), exp);
        // e8m0 byte e is 2^(e - 127); byte 0 reads as 2^-127, an f32 subnormal.
        Array value = Lax.bitcastConvertType(Lax.shiftLeft(exp, ints(exp, 23)), DType.F32);
        return Lax.select(Lax.eq(exp, ints(exp, 0)), full(value, 0x1p-127), value);
    }

    private static Array powerOfTwo(Array exponent) {
        return Lax.bitcastConvertType(Lax.shiftLeft(Lax.add(exponent, ints(exponent, 127)), ints(exponent, 23)), DType.F32);
    }

    private static Array ints(Array like, int v) { return Lax.full(like.shape(), v, DType.I32); }

    private static Array full(Array like, double v) { return Lax.full(like.shape(), v, DType.F32); }
}
