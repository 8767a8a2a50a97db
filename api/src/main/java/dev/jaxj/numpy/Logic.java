package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.Ufuncs;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import java.util.function.BinaryOperator;

import static dev.jaxj.array.Promotion.Kind.ANY;
import static dev.jaxj.array.Promotion.Kind.NUMERIC;
import static dev.jaxj.numpy.Operands.boolLike;
import static dev.jaxj.numpy.Operands.fullLike;
import static dev.jaxj.numpy.Operands.prepare;
import static dev.jaxj.numpy.Operands.truthy;

/**
 * Comparisons, logical and bitwise functions, floating-point predicates and selection. Results
 * of comparisons and predicates are bool; logical functions treat non-zero as true.
 */
public final class Logic {
    private Logic() {}

    public static Array equal(Array x, Array y) { return Ufuncs.equal(x, y); }
    public static Array notEqual(Array x, Array y) { return Ufuncs.notEqual(x, y); }
    public static Array less(Array x, Array y) { return Ufuncs.less(x, y); }
    public static Array lessEqual(Array x, Array y) { return Ufuncs.lessEqual(x, y); }
    public static Array greater(Array x, Array y) { return Ufuncs.greater(x, y); }
    public static Array greaterEqual(Array x, Array y) { return Ufuncs.greaterEqual(x, y); }

    // Logical: any dtype, non-zero is true. -----------------------------------------------------

    private static Array logical(String op, BinaryOperator<Array> f, Array x, Array y) {
        Vector<Array> p = Operands.broadcast(op, truthy(x), truthy(y));
        return f.apply(p.get(0), p.get(1));
    }

    public static Array logicalAnd(Array x, Array y) { return logical("logical_and", Lax::and, x, y); }
    public static Array logicalOr(Array x, Array y) { return logical("logical_or", Lax::or, x, y); }
    public static Array logicalXor(Array x, Array y) { return logical("logical_xor", Lax::xor, x, y); }
    public static Array logicalNot(Array x) { return Lax.not(truthy(x)); }

    // Bitwise: integers and bools. --------------------------------------------------------------

    public static Array bitwiseAnd(Array x, Array y) { return Ufuncs.bitwiseAnd(x, y); }
    public static Array bitwiseOr(Array x, Array y) { return Ufuncs.bitwiseOr(x, y); }
    public static Array bitwiseXor(Array x, Array y) { return Ufuncs.bitwiseXor(x, y); }

    public static Array bitwiseNot(Array x) {
        Operands.requireDTypes("bitwise_not", d -> !d.isFloating(), "integer or bool", x);
        return Lax.not(x);
    }

    /** {@code x << y}; bools count as i32. */
    public static Array leftShift(Array x, Array y) {
        Operands.requireDTypes("left_shift", d -> !d.isFloating(), "integer or bool", x, y);
        Vector<Array> p = prepare("left_shift", NUMERIC, x, y);
        return Lax.shiftLeft(p.get(0), p.get(1));
    }

    /** {@code x >> y}: arithmetic for signed integers, logical for unsigned. */
    public static Array rightShift(Array x, Array y) {
        Operands.requireDTypes("right_shift", d -> !d.isFloating(), "integer or bool", x, y);
        Vector<Array> p = prepare("right_shift", NUMERIC, x, y);
        return p.head().dtype().kind() == DType.Kind.UNSIGNED
                ? Lax.shiftRightLogical(p.get(0), p.get(1))
                : Lax.shiftRightArithmetic(p.get(0), p.get(1));
    }

    // Floating-point predicates: integers and bools are always finite. ------------------------

    public static Array isfinite(Array x) { return x.dtype().isFloating() ? Lax.isFinite(x) : boolLike(x, true); }

    public static Array isnan(Array x) {
        if (x.dtype().isComplex()) return Lax.or(isnan(Lax.real(x)), isnan(Lax.imag(x)));
        return x.dtype().isFloating() ? Lax.ne(x, x) : boolLike(x, false);
    }

    public static Array isinf(Array x) {
        if (x.dtype().isComplex()) return Lax.or(isinf(Lax.real(x)), isinf(Lax.imag(x)));
        return x.dtype().isFloating() ? Lax.eq(Lax.abs(x), fullLike(x, Double.POSITIVE_INFINITY)) : boolLike(x, false);
    }

    /** True where the sign bit is set, which includes {@code -0.0} and negative NaNs. */
    public static Array signbit(Array x) {
        return switch (x.dtype()) {
            case F32 -> Lax.lt(Lax.bitcastConvertType(x, DType.I32), fullLike(Lax.bitcastConvertType(x, DType.I32), 0));
            case F64 -> Lax.lt(Lax.bitcastConvertType(x, DType.I64), fullLike(Lax.bitcastConvertType(x, DType.I64), 0));
            case BF16, F16 -> Lax.lt(Lax.bitcastConvertType(x, DType.I16), fullLike(Lax.bitcastConvertType(x, DType.I16), 0));
            case I32, I64, I8, I16 -> Lax.lt(x, fullLike(x, 0));
            case U32, BOOL, U8, U16, U64 -> boolLike(x, false);
            case C64, C128 -> throw new dev.jaxj.errors.DTypeError("signbit", "requires a real dtype, got " + x.aval());
        };
    }

    /** Replaces NaN with {@code nan} and infinities with {@code posinf}/{@code neginf}; integers pass through. */
    public static Array nanToNum(Array x, double nan, double posinf, double neginf) {
        if (!x.dtype().isFloating()) return x;
        Array r = Lax.select(isnan(x), fullLike(x, nan), x);
        r = Lax.select(Lax.eq(x, fullLike(x, Double.POSITIVE_INFINITY)), fullLike(x, posinf), r);
        return Lax.select(Lax.eq(x, fullLike(x, Double.NEGATIVE_INFINITY)), fullLike(x, neginf), r);
    }

    /** {@link #nanToNum(Array, double, double, double)} with 0 and the dtype's largest finite values. */
    public static Array nanToNum(Array x) {
        double big = x.dtype() == DType.F64 ? Double.MAX_VALUE : Float.MAX_VALUE;
        return nanToNum(x, 0, big, -big);
    }

    /**
     * {@code |a - b| <= atol + rtol * |b|}, with equal infinities close and NaN close to NaN only
     * when {@code equalNan}; integers and bools compare exactly.
     */
    public static Array isclose(Array a, Array b, double rtol, double atol, boolean equalNan) {
        return isclose("isclose", a, b, rtol, atol, equalNan);
    }

    /** {@link #isclose(Array, Array, double, double, boolean)} naming {@code op}, the function the user called, in its errors. */
    private static Array isclose(String op, Array a, Array b, double rtol, double atol, boolean equalNan) {
        Vector<Array> p = prepare(op, ANY, a, b);
        Array x = p.get(0), y = p.get(1);
        if (!x.dtype().isFloating()) return Lax.eq(x, y);
        Array tol = Lax.add(fullLike(x, atol), Operands.mul(Lax.abs(y), rtol));
        Array close = Lax.le(Lax.abs(Lax.sub(x, y)), tol);
        // Infinities are close only to themselves (their difference would be NaN or inf).
        Array anyInf = Lax.or(isinf(x), isinf(y));
        close = Lax.select(anyInf, Lax.eq(x, y), close);
        return equalNan ? Lax.or(close, Lax.and(isnan(x), isnan(y))) : close;
    }

    /** {@return a bool scalar: whether every element pair is {@link #isclose}} */
    public static Array allclose(Array a, Array b, double rtol, double atol, boolean equalNan) {
        Array c = isclose("allclose", a, b, rtol, atol, equalNan);
        return Lax.reduceAnd(c, Vector.range(0, c.ndim()));
    }

    /** {@code cond ? x : y} elementwise with broadcasting; a non-bool {@code cond} is true where non-zero. */
    public static Array where(Array cond, Array x, Array y) {
        Operands.broadcastShape("where", cond, x, y);
        Vector<Array> p = prepare("where", ANY, x, y);
        Vector<Array> b = Operands.broadcast("where", truthy(cond), p.get(0), p.get(1));
        return Lax.select(b.get(0), b.get(1), b.get(2));
    }
}
