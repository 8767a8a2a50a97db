package dev.jaxj.random;

import dev.jaxj.array.Array;
import dev.jaxj.array.JavaScalars;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.control.Option;

import static dev.jaxj.random.Bits.*;

/**
 * JAX's {@code randint}: uniform integers in {@code [minval, maxval)} for every integer dtype.
 * Twice the dtype's width of random bits is reduced modulo the span, which keeps the bias of
 * non-power-of-two spans below 2^-width, exactly as JAX computes it (so the same key gives the
 * same integers). 64-bit unsigned arithmetic runs on i64 bit patterns.
 */
public final class IntegerSamplers {
    private IntegerSamplers() {}

    /**
     * {@return integers of {@code dtype} in {@code [minval, maxval)}}; where {@code maxval <= minval}
     * the result is {@code minval}. Bounds outside the dtype's range are clipped to it, and a
     * {@code maxval} above the dtype's maximum makes that maximum reachable, as in JAX.
     *
     * @param minval integer (floats are truncated to i32), broadcast-compatible with {@code shape}
     * @param maxval integer (floats are truncated to i32), broadcast-compatible with {@code shape}
     * @param dtype  an integer dtype
     */
    public static Array randint(Key key, Shape shape, Array minval, Array maxval, DType dtype) {
        if (!dtype.isInteger()) throw new DTypeError("random.randint", "dtype must be an integer type, got " + dtype);
        Samplers.resultShape("randint", Option.some(shape), minval.shape(), maxval.shape());
        if (!minval.dtype().isInteger()) minval = minval.astype(DType.I32);
        if (!maxval.dtype().isInteger()) maxval = maxval.astype(DType.I32);
        Array outOfRange = to(maxval.gt(integer(smallerMax(dtype, maxval.dtype()), maxval.dtype())), shape);
        Array lo = to(clipConvert(minval, dtype), shape), hi = to(clipConvert(maxval, dtype), shape);
        int nbits = dtype.bits();
        Key keys = new Key(Threefry.split(key, Shape.of(2)), key.mode());
        Array higher = Threefry.randomBits(keys.get(0), nbits, shape), lower = Threefry.randomBits(keys.get(1), nbits, shape);
        DType unsigned = nbits == 32 ? DType.U32 : DType.I64;
        Array one = to(integer(1, unsigned), shape);
        Array span = Lax.bitcastConvertType(Lax.sub(hi, lo), unsigned);
        span = Lax.select(Lax.le(hi, lo), one, span);
        span = Lax.select(Lax.and(outOfRange, Lax.gt(hi, lo)), Lax.add(span, one), span);
        // 2^nbits mod span, squared from 2^(nbits/2) so that no product overflows the width.
        Array multiplier = rem(to(integer(1L << (nbits / 2), unsigned), shape), span);
        multiplier = rem(Lax.mul(multiplier, multiplier), span);
        Array offset = rem(Lax.add(Lax.mul(rem(higher, span), multiplier), rem(lower, span)), span);
        return Lax.add(lo, Lax.bitcastConvertType(offset, dtype));
    }

    /**
     * {@return integers of {@code dtype} in {@code [minval, maxval)}} for Java bounds: a bound is
     * an array of {@code dtype} when it fits (as JAX's int arrays), else an i64 array that is
     * clipped as JAX clips it
     */
    public static Array randint(Key key, Shape shape, long minval, long maxval, DType dtype) {
        if (!dtype.isInteger()) throw new DTypeError("random.randint", "dtype must be an integer type, got " + dtype);
        return randint(key, shape, bound(minval, dtype), bound(maxval, dtype), dtype);
    }

    private static Array bound(long v, DType dtype) {
        return JavaScalars.fits(v, dtype) ? integer(v, dtype) : i64(v);
    }

    /** Unsigned remainder of u32 or (as bit patterns) u64, with XLA's {@code x mod 0 = x} (a span that wrapped to 2^width). */
    private static Array rem(Array x, Array s) {
        if (x.dtype() == DType.I64) return remU64(x, s);
        Array zero = to(u32(0), s.shape());
        Array safe = Lax.select(Lax.eq(s, zero), to(u32(1), s.shape()), s);
        return Lax.select(Lax.eq(s, zero), x, Lax.rem(x, safe));
    }

    /** JAX's {@code _convert_and_clip_integer}: clamp into the range both dtypes share, then convert. */
    static Array clipConvert(Array v, DType dtype) {
        long lo = Math.max(min(dtype), min(v.dtype())), hi = smallerMax(dtype, v.dtype());
        Array clamped = Lax.clamp(integer(lo, v.dtype()), v, integer(hi, v.dtype()));
        return Lax.convertElementType(clamped, dtype);
    }

    static long min(DType d) {
        return switch (d) {
            case I32 -> Integer.MIN_VALUE;
            case I64 -> Long.MIN_VALUE;
            case I8 -> Byte.MIN_VALUE;
            case I16 -> Short.MIN_VALUE;
            case U32, U8, U16, U64 -> 0;
            case F32, F64, BOOL, BF16, F16, C64, C128 -> throw new IllegalArgumentException("not an integer dtype: " + d);
        };
    }

    /** {@return the largest value of an integer dtype, as its bits (u64's 2^64 - 1 is -1L)} */
    static long max(DType d) {
        return switch (d) {
            case I32 -> Integer.MAX_VALUE;
            case I64 -> Long.MAX_VALUE;
            case U32 -> 0xFFFF_FFFFL;
            case I8 -> Byte.MAX_VALUE;
            case I16 -> Short.MAX_VALUE;
            case U8 -> 0xFF;
            case U16 -> 0xFFFF;
            case U64 -> -1L;                // 2^64 - 1, as its bits
            case F32, F64, BOOL, BF16, F16, C64, C128 -> throw new IllegalArgumentException("not an integer dtype: " + d);
        };
    }

    /** {@return the smaller of two dtypes' maxima}, compared unsigned: u64's bits read -1, every other maximum is non-negative */
    private static long smallerMax(DType a, DType b) {
        long x = max(a), y = max(b);
        return Long.compareUnsigned(x, y) <= 0 ? x : y;
    }
}
