package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.Promotion;
import dev.jaxj.array.Ufuncs;
import dev.jaxj.core.CustomRules;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.RoundingMethod;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

import static dev.jaxj.array.Promotion.Kind.ANY;
import static dev.jaxj.array.Promotion.Kind.INEXACT;
import static dev.jaxj.array.Promotion.Kind.NUMERIC;
import static dev.jaxj.numpy.Operands.fullLike;
import static dev.jaxj.numpy.Operands.inexact;
import static dev.jaxj.numpy.Operands.prepare;

/**
 * NumPy's arithmetic and transcendental functions, written from primitives. Binary functions
 * promote and broadcast; functions of real numbers compute integers and bools in f32, as
 * {@code jax.numpy} does.
 */
public final class Elementwise {
    private Elementwise() {}

    private static Array binary(String op, Promotion.Kind kind, BinaryOperator<Array> f, Array x, Array y) {
        Vector<Array> p = prepare(op, kind, x, y);
        return f.apply(p.get(0), p.get(1));
    }

    /** A function of reals: the operand is made floating first. */
    private static Array real(UnaryOperator<Array> f, Array x) { return f.apply(inexact(x)); }

    // Arithmetic -------------------------------------------------------------------------------

    /** Bools add as logical or, as in JAX. */
    public static Array add(Array x, Array y) { return Ufuncs.add(x, y); }

    public static Array subtract(Array x, Array y) { return Ufuncs.subtract(x, y); }

    /** Bools multiply as logical and, as in JAX. */
    public static Array multiply(Array x, Array y) { return Ufuncs.multiply(x, y); }

    /** True division: integers divide as f32. */
    public static Array divide(Array x, Array y) { return Ufuncs.divide(x, y); }

    /**
     * Division rounded toward negative infinity, as NumPy's {@code floor_divide}: a float divisor
     * of zero gives {@code x / 0} (±inf, or NaN for a zero or NaN {@code x}), a zero quotient
     * carries the sign of {@code x / y}, and an integer divisor of zero gives 0.
     */
    public static Array floorDivide(Array x, Array y) {
        Vector<Array> p = prepare("floor_divide", NUMERIC, x, y);
        Array a = p.get(0), b = p.get(1);
        return switch (a.dtype().kind()) {
            case UNSIGNED -> integerByZeroIsZero(a, b, Lax.div(a, b));
            case SIGNED -> {
                Array q = Lax.div(a, b);
                // C division truncates; step down where the signs differ and the division is inexact.
                Array fix = Lax.and(Lax.ne(Lax.sign(a), Lax.sign(b)), Lax.ne(Lax.rem(a, b), fullLike(a, 0)));
                yield integerByZeroIsZero(a, b, Lax.select(fix, Operands.add(q, -1), q));
            }
            case FLOAT -> floatFloorDivide(a, b);
            case COMPLEX -> throw new dev.jaxj.errors.DTypeError("floor_divide", "is not defined for complex numbers, got " + a.aval() + ", " + b.aval());
            case BOOL -> throw new IllegalStateException("bools were promoted to i32");
        };
    }

    /** {@code q}, or 0 where the integer divisor {@code b} is 0 (NumPy's result; XLA's quotient is -1 there). */
    private static Array integerByZeroIsZero(Array a, Array b, Array q) {
        return Lax.select(Lax.eq(b, fullLike(b, 0)), fullLike(a, 0), q);
    }

    /**
     * {@code (x - mod(x, y)) / y} rounded, which is exact where {@code floor(x / y)} is not;
     * NumPy's {@code npy_divmod} for the signed zeros and zero divisors.
     */
    private static Array floatFloorDivide(Array a, Array b) {
        Array mod = Lax.rem(a, b);
        Array div = Lax.div(Lax.sub(a, mod), b);
        Array fix = Lax.and(Lax.ne(mod, fullLike(mod, 0)), Lax.ne(Lax.sign(b), Lax.sign(mod)));
        div = Lax.round(Lax.select(fix, Operands.add(div, -1), div), RoundingMethod.TO_NEAREST_EVEN);
        Array quotient = Lax.div(a, b);
        // (a - mod) / b loses the sign of a zero quotient: -0.0 // 5 and -1 // -5 would give +0 and -0.
        Array zero = fullLike(div, 0);
        Array signedZero = Lax.select(Logic.signbit(quotient), Lax.neg(zero), zero);
        div = Lax.select(Lax.eq(div, zero), signedZero, div);
        return Lax.select(Lax.eq(b, fullLike(b, 0)), quotient, div);
    }

    /**
     * Remainder with the sign of the divisor (Python's {@code %}); an integer divisor of 0 gives
     * 0, a float one NaN, and a zero float remainder carries the divisor's sign, as in NumPy.
     */
    public static Array remainder(Array x, Array y) {
        Vector<Array> p = prepare("remainder", NUMERIC, x, y);
        Array a = p.get(0), b = p.get(1);
        Array zero = fullLike(a, 0);
        if (!a.dtype().isFloating()) b = Lax.select(Lax.eq(b, zero), fullLike(b, 1), b);
        Array r = Lax.rem(a, b);
        Array plus = a.dtype().kind() == DType.Kind.UNSIGNED
                ? Operands.boolLike(r, false)
                : Lax.and(Lax.ne(Lax.lt(r, zero), Lax.lt(b, zero)), Lax.ne(r, zero));
        Array mod = Lax.select(plus, Lax.add(r, b), r);
        if (!a.dtype().isFloating()) return mod;
        // fmod's zero has the dividend's sign; Python's and NumPy's has the divisor's. Adding +0 turns
        // -0 into +0 and leaves every other value (and the gradient) alone; -((-m) + 0) gives -0.
        return Lax.select(Logic.signbit(b), Lax.neg(Lax.add(Lax.neg(mod), zero)), Lax.add(mod, zero));
    }

    /**
     * {@code x ** y}. Integer powers of integers use binary exponentiation over the low six
     * bits of the exponent, as JAX does; every other combination computes in floating point.
     */
    public static Array power(Array x, Array y) { return Ufuncs.power(x, y); }

    /** {@code x ** n} for a static integer exponent (negative needs a floating {@code x}). */
    public static Array power(Array x, int n) { return Ufuncs.power(x, n); }

    public static Array negative(Array x) {
        Operands.requireDTypes("negative", d -> !d.isBool(), "numeric", x);
        return Lax.neg(x);
    }

    public static Array positive(Array x) {
        Operands.requireDTypes("positive", d -> !d.isBool(), "numeric", x);
        return x;
    }

    /** Bools and unsigned integers are returned unchanged. */
    public static Array abs(Array x) {
        return x.dtype().isBool() || x.dtype().kind() == DType.Kind.UNSIGNED ? x : Lax.abs(x);
    }

    public static Array sign(Array x) {
        Operands.requireDTypes("sign", d -> !d.isBool(), "numeric", x);
        return Lax.sign(x);
    }

    public static Array square(Array x) { return power(x, 2); }

    public static Array reciprocal(Array x) { return Lax.integerPow(inexact(x), -1); }

    // Rounding: integers and bools are already integral and come back unchanged. --------------

    public static Array floor(Array x) { return x.dtype().isFloating() ? Lax.floor(x) : x; }

    public static Array ceil(Array x) { return x.dtype().isFloating() ? Lax.ceil(x) : x; }

    /** Rounds toward zero. */
    public static Array trunc(Array x) {
        return x.dtype().isFloating() ? Lax.select(Lax.lt(x, fullLike(x, 0)), Lax.ceil(x), Lax.floor(x)) : x;
    }

    /** Rounds to {@code decimals} places, halves to even. */
    public static Array round(Array x, int decimals) {
        if (!x.dtype().isFloating()) {
            if (decimals < 0) throw new ArgumentError("round", "integer rounding needs decimals >= 0, got decimals=" + decimals + " for " + x.aval());
            return x;
        }
        if (decimals == 0) return Lax.round(x, RoundingMethod.TO_NEAREST_EVEN);
        double factor = Math.pow(10, decimals);
        return Lax.div(Lax.round(Operands.mul(x, factor), RoundingMethod.TO_NEAREST_EVEN), fullLike(x, factor));
    }

    /** Rounds halves to even; integers and bools come back as f32. */
    public static Array rint(Array x) { return Lax.round(inexact(x), RoundingMethod.TO_NEAREST_EVEN); }

    // Functions of reals -----------------------------------------------------------------------

    public static Array exp(Array x) { return real(Lax::exp, x); }
    public static Array exp2(Array x) { return real(Lax::exp2, x); }
    public static Array expm1(Array x) { return real(Lax::expm1, x); }
    public static Array log(Array x) { return real(Lax::log, x); }
    public static Array log1p(Array x) { return real(Lax::log1p, x); }
    public static Array log2(Array x) { return real(a -> Operands.mul(Lax.log(a), 1 / Math.log(2)), x); }
    public static Array log10(Array x) { return real(a -> Operands.mul(Lax.log(a), 1 / Math.log(10)), x); }
    public static Array sqrt(Array x) { return real(Lax::sqrt, x); }
    public static Array rsqrt(Array x) { return real(Lax::rsqrt, x); }
    public static Array cbrt(Array x) { return real(Lax::cbrt, x); }
    public static Array sin(Array x) { return real(Lax::sin, x); }
    public static Array cos(Array x) { return real(Lax::cos, x); }
    public static Array tan(Array x) { return real(Lax::tan, x); }
    public static Array arcsin(Array x) { return real(Lax::asin, x); }
    public static Array arccos(Array x) { return real(Lax::acos, x); }
    public static Array arctan(Array x) { return real(Lax::atan, x); }
    public static Array sinh(Array x) { return real(Lax::sinh, x); }
    public static Array cosh(Array x) { return real(Lax::cosh, x); }
    public static Array tanh(Array x) { return real(Lax::tanh, x); }
    public static Array arcsinh(Array x) { return real(Lax::asinh, x); }
    public static Array arccosh(Array x) { return real(Lax::acosh, x); }
    public static Array arctanh(Array x) { return real(Lax::atanh, x); }
    public static Array deg2rad(Array x) { return real(a -> Operands.mul(a, Math.PI / 180), x); }
    public static Array rad2deg(Array x) { return real(a -> Operands.mul(a, 180 / Math.PI), x); }

    /** The angle of the point {@code (x2, x1)}: {@code atan(x1 / x2)} in the right quadrant. */
    public static Array arctan2(Array x1, Array x2) { return binary("arctan2", INEXACT, Lax::atan2, x1, x2); }

    /** {@code sqrt(x1² + x2²)} without intermediate overflow or underflow. */
    public static Array hypot(Array x1, Array x2) {
        Vector<Array> p = prepare("hypot", INEXACT, x1, x2);
        Array a = Lax.abs(p.get(0)), b = Lax.abs(p.get(1));
        Array inf = fullLike(a, Double.POSITIVE_INFINITY);
        Array anyInf = Lax.or(Lax.eq(a, inf), Lax.eq(b, inf));
        Array hi = Lax.max(a, b), lo = Lax.min(a, b);
        Array zero = Lax.eq(hi, fullLike(hi, 0));
        Array ratio = Lax.div(lo, Lax.select(zero, fullLike(hi, 1), hi));
        Array r = Lax.mul(hi, Lax.sqrt(Operands.add(Lax.integerPow(ratio, 2), 1)));
        return Lax.select(anyInf, inf, Lax.select(zero, hi, r));
    }

    /**
     * {@code log(exp(x1) + exp(x2))}, stable for large magnitudes. Its derivatives are the
     * weights {@code exp(x1 - out)} and {@code exp(x2 - out)}, which split a tie evenly (a
     * max-based formula differentiated as is would not: its {@code abs} picks a side at 0).
     */
    public static Array logaddexp(Array x1, Array x2) {
        return Bind.bindCustomJvp(LOGADDEXP, prepare("logaddexp", INEXACT, x1, x2)).head();
    }

    /** {@code log2(2^x1 + 2^x2)}, stable for large magnitudes; derivatives {@code 2^(x1 - out)} and {@code 2^(x2 - out)}. */
    public static Array logaddexp2(Array x1, Array x2) {
        return Bind.bindCustomJvp(LOGADDEXP2, prepare("logaddexp2", INEXACT, x1, x2)).head();
    }

    private static final CustomRules.Jvp LOGADDEXP = logOfSum(Lax::exp, 1, Elementwise::logaddexp);
    private static final CustomRules.Jvp LOGADDEXP2 = logOfSum(Lax::exp2, Math.log(2), Elementwise::logaddexp2);

    /**
     * {@code log_b(b^x1 + b^x2)} as {@code max + log1p(b^-|x1 - x2|) / ln b}, with the JVP
     * {@code t1 b^(x1 - out) + t2 b^(x2 - out)}. {@code self} is the public function, so that
     * higher derivatives go through this rule again.
     */
    private static CustomRules.Jvp logOfSum(UnaryOperator<Array> pow, double lnBase, BinaryOperator<Array> self) {
        return new CustomRules.Jvp(
                in -> {
                    Array a = in.get(0), b = in.get(1), delta = Lax.sub(a, b);
                    Array tail = Lax.log1p(pow.apply(Lax.neg(Lax.abs(delta))));
                    if (lnBase != 1) tail = Operands.mul(tail, 1 / lnBase);
                    // A NaN delta means a NaN operand or equal infinities, whose sum is the answer.
                    return Vector.of(Lax.select(Logic.isnan(delta), Lax.add(a, b), Lax.add(Lax.max(a, b), tail)));
                },
                (p, t) -> {
                    Array a = p.get(0), b = p.get(1), out = self.apply(a, b), o = posInfToZero(out);
                    Array wa = pow.apply(Lax.sub(posInfToZero(a), o)), wb = pow.apply(Lax.sub(posInfToZero(b), o));
                    return new CustomRules.PrimalsTangents(Vector.of(out), Vector.of(Lax.add(Lax.mul(t.get(0), wa), Lax.mul(t.get(1), wb))));
                });
    }

    /** {@code +inf} becomes 0 in the derivative's weights, as in JAX, so that {@code inf - inf} gives no NaN. */
    private static Array posInfToZero(Array x) {
        return Lax.select(Lax.eq(x, fullLike(x, Double.POSITIVE_INFINITY)), fullLike(x, 0), x);
    }

    /** {@code |x1|} with the sign bit of {@code x2}. */
    public static Array copysign(Array x1, Array x2) {
        Vector<Array> p = prepare("copysign", INEXACT, x1, x2);
        Array mag = Lax.abs(p.get(0));
        return Lax.select(Logic.signbit(p.get(1)), Lax.neg(mag), mag);
    }

    /** 0 for negative {@code x1}, 1 for positive, {@code x2} where {@code x1} is zero, NaN where it is NaN. */
    public static Array heaviside(Array x1, Array x2) {
        Vector<Array> p = prepare("heaviside", INEXACT, x1, x2);
        Array x = p.get(0), zero = fullLike(x, 0);
        Array step = Lax.select(Lax.lt(x, zero), zero, Lax.select(Lax.gt(x, zero), fullLike(x, 1), p.get(1)));
        // NaN is neither below, above nor equal to zero: it propagates.
        return Lax.select(Logic.isnan(x), x, step);
    }

    // Extremes ---------------------------------------------------------------------------------

    /** Elementwise maximum; NaN propagates; bools take the logical or. */
    public static Array maximum(Array x, Array y) { return Ufuncs.maximum(x, y); }

    public static Array minimum(Array x, Array y) { return Ufuncs.minimum(x, y); }

    /** Elementwise maximum that ignores NaN unless both operands are NaN. */
    public static Array fmax(Array x, Array y) { return nanIgnoring("fmax", x, y, Elementwise::maximum); }

    public static Array fmin(Array x, Array y) { return nanIgnoring("fmin", x, y, Elementwise::minimum); }

    private static Array nanIgnoring(String op, Array x, Array y, BinaryOperator<Array> f) {
        Vector<Array> p = prepare(op, ANY, x, y);
        Array a = p.get(0), b = p.get(1), m = f.apply(a, b);
        if (!a.dtype().isInexact()) return m;
        return Lax.select(Logic.isnan(b), a, Lax.select(Logic.isnan(a), b, m));
    }

    /** {@code min(max(x, lo), hi)} with broadcasting and promotion; complex operands are refused, as by {@code jnp.clip}. */
    public static Array clip(Array x, Array lo, Array hi) {
        // Promoted and broadcast together first, so that errors name clip, not the maximum inside it.
        Vector<Array> p = prepare("clip", ANY, x, lo, hi);
        // As jnp.clip: maximum and minimum order complex numbers, but clip refuses to.
        if (p.head().dtype().isComplex()) {
            throw new DTypeError("clip", "complex numbers have no order to clip by (clip their real or imaginary parts), got "
                    + Operands.avals(x, lo, hi));
        }
        return minimum(maximum(p.get(0), p.get(1)), p.get(2));
    }
}
