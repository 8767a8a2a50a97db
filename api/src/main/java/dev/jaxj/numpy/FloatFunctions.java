package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;

import static dev.jaxj.array.Promotion.Kind.INEXACT;
import static dev.jaxj.numpy.Operands.boolLike;
import static dev.jaxj.numpy.Operands.fullLike;
import static dev.jaxj.numpy.Operands.inexact;
import static dev.jaxj.numpy.Operands.prepare;

/**
 * Functions of the representation of floating-point numbers ({@code modf}, {@code frexp},
 * {@code ldexp}, {@code spacing}), {@code sinc}, {@code float_power} and the predicates
 * {@code isposinf}, {@code isneginf}, {@code isreal}, {@code iscomplex}. Integers and bools
 * compute as f32, as in JAX.
 */
public final class FloatFunctions {
    private FloatFunctions() {}

    /** {@return the fractional and integral parts of {@code x}}, both with {@code x}'s sign: {@code modf(-2.5) = (-0.5, -2)} */
    public static Tuple2<Array, Array> modf(Array x) {
        Array a = inexact(x);
        Array whole = Elementwise.trunc(a);
        return Tuple.of(Lax.sub(a, whole), whole);
    }

    /**
     * {@return {@code (m, e)} with {@code x = m * 2^e}, {@code 0.5 <= |m| < 1} and {@code e} i32};
     * zero, infinities and NaN give {@code (x, 0)}. Subnormals are normalised first.
     */
    public static Tuple2<Array, Array> frexp(Array x) {
        Array a = inexact(x);
        Layout f = Layout.of(a.dtype());
        // Scaling subnormals into the normal range makes the exponent field meaningful.
        Array sub = Lax.lt(Lax.abs(a), fullLike(a, f.minNormal));
        Array scaled = Lax.select(sub, Operands.mul(a, Math.scalb(1.0, f.mantissaBits)), a);
        Array bits = Lax.bitcastConvertType(scaled, f.bitsType);
        Array field = Lax.and(Lax.shiftRightLogical(bits, fullLike(bits, f.mantissaBits)), fullLike(bits, f.exponentMask));
        Array e = Lax.sub(field, fullLike(field, f.bias - 1));
        e = Lax.select(sub, Lax.sub(e, fullLike(e, f.mantissaBits)), e);
        // Exponent field bias-1 puts the magnitude in [0.5, 1); sign and mantissa are kept.
        long clear = ~((long) f.exponentMask << f.mantissaBits);
        Array mBits = Lax.or(Lax.and(bits, f.constant(bits, clear)), f.constant(bits, (long) (f.bias - 1) << f.mantissaBits));
        Array m = Lax.bitcastConvertType(mBits, a.dtype());
        Array special = Lax.or(Lax.eq(a, fullLike(a, 0)), Lax.not(Lax.isFinite(a)));
        Array exponent = Lax.convertElementType(Lax.select(special, fullLike(e, 0), e), DType.I32);
        return Tuple.of(Lax.select(special, a, m), exponent);
    }

    /**
     * {@return {@code x1 * 2^x2}} for an integer {@code x2}, exact unless the result under- or
     * overflows; the derivative in {@code x1} is {@code 2^x2}.
     */
    public static Array ldexp(Array x1, Array x2) {
        if (x2.dtype().isFloating()) throw new DTypeError("ldexp", "requires an integer exponent x2, got " + Operands.avals(x1, x2));
        Array m = inexact(x1);
        Vector<Array> b = Operands.broadcast("ldexp", m, Lax.convertElementType(x2, DType.I32));
        Array r = b.get(0), k = b.get(1);
        Layout f = Layout.of(r.dtype());
        // Three exact powers of two, each within the normal range, reach any exponent that matters (|k| < 3 * (bias - 1)).
        int step = f.bias - 1;
        Array left = k;
        for (int i = 0; i < 3; i++) {
            Array part = Lax.max(Lax.min(left, fullLike(left, step)), fullLike(left, -step));
            r = Lax.mul(r, powerOfTwo(part, f, r.dtype()));
            left = Lax.sub(left, part);
        }
        return r;
    }

    /** {@code 2^k} for {@code |k| <= bias - 1}, built from its exponent field. */
    private static Array powerOfTwo(Array k, Layout f, DType dtype) {
        Array field = Lax.convertElementType(Lax.add(k, fullLike(k, f.bias)), f.bitsType);
        return Lax.bitcastConvertType(Lax.shiftLeft(field, fullLike(field, f.mantissaBits)), dtype);
    }

    /** {@return the distance from {@code x} to the next representable value away from zero}, negative for negative {@code x} */
    public static Array spacing(Array x) {
        Array a = inexact(x);
        Array away = Elementwise.copysign(fullLike(a, Double.POSITIVE_INFINITY), a);
        return Lax.sub(Lax.nextafter(a, away), a);
    }

    /**
     * {@return {@code sin(pi x) / (pi x)}}, 1 at 0. Near 0 the Taylor polynomial {@code 1 - (pi x)²/6}
     * is used, so that the first and second derivatives at 0 are right ({@code 0}, {@code -pi²/3}).
     */
    public static Array sinc(Array x) {
        Array a = inexact(x);
        Array zero = Lax.eq(a, fullLike(a, 0));
        Array px = Operands.mul(a, Math.PI);
        Array safe = Lax.select(zero, fullLike(px, 1), px);
        Array taylor = Lax.sub(fullLike(px, 1), Operands.mul(Lax.mul(px, px), 1.0 / 6));
        return Lax.select(zero, taylor, Lax.div(Lax.sin(safe), safe));
    }

    /** {@return {@code x1 ** x2}} in floating point (JAX's dtype, not NumPy's f64). */
    public static Array floatPower(Array x1, Array x2) {
        Vector<Array> p = prepare("float_power", INEXACT, x1, x2);
        return Lax.pow(p.get(0), p.get(1));
    }

    public static Array isposinf(Array x) { return isInfinity(x, Double.POSITIVE_INFINITY); }

    public static Array isneginf(Array x) { return isInfinity(x, Double.NEGATIVE_INFINITY); }

    private static Array isInfinity(Array x, double inf) {
        return x.dtype().isFloating() ? Lax.eq(x, fullLike(x, inf)) : boolLike(x, false);
    }

    /** {@return true where the imaginary part is 0}: everywhere for real dtypes. */
    public static Array isreal(Array x) {
        return x.dtype().isComplex() ? Lax.eq(Lax.imag(x), fullLike(Lax.imag(x), 0)) : boolLike(x, true);
    }

    /** {@return true where the imaginary part is not 0}: nowhere for real dtypes, whatever the value. */
    public static Array iscomplex(Array x) {
        return x.dtype().isComplex() ? Lax.ne(Lax.imag(x), fullLike(Lax.imag(x), 0)) : boolLike(x, false);
    }

    /** The bit layout of a floating dtype. */
    private record Layout(DType bitsType, int mantissaBits, int exponentMask, int bias, double minNormal) {
        static Layout of(DType d) {
            return switch (d) {
                case F32 -> new Layout(DType.I32, 23, 0xff, 127, Float.MIN_NORMAL);
                case F64 -> new Layout(DType.I64, 52, 0x7ff, 1023, Double.MIN_NORMAL);
                case BF16 -> new Layout(DType.I16, 7, 0xff, 127, Float.MIN_NORMAL);
                case F16 -> new Layout(DType.I16, 10, 0x1f, 15, 0x1p-14);
                case I32, I64, U32, BOOL, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalStateException("not a real floating dtype: " + d);
            };
        }

        /** {@return the bit pattern {@code v} (which fits {@code bitsType}) shaped like {@code like}} */
        Array constant(Array like, long v) { return Creation.full(like.shape(), v, bitsType); }
    }
}
