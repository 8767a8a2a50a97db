package dev.jaxj.array;

import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import java.util.function.BinaryOperator;

import static dev.jaxj.array.NumpyOps.fullLike;
import static dev.jaxj.array.Promotion.Kind.ANY;
import static dev.jaxj.array.Promotion.Kind.INEXACT;
import static dev.jaxj.array.Promotion.Kind.NUMERIC;

/**
 * NumPy's binary arithmetic, comparison and bitwise functions, defined once: the fluent
 * {@link Array} methods and {@code Jnp} both call these, so that they agree on every dtype.
 * Operands promote on JAX's lattice (Java scalars weakly, from their exact values) and
 * broadcast; bools follow JAX ({@code add} is a logical or, {@code multiply} a logical and).
 */
public final class Ufuncs {
    private Ufuncs() {}

    private static Array apply(String op, Promotion.Kind kind, BinaryOperator<Array> f, Array x, Array y) {
        Vector<Array> p = NumpyOps.prepare(op, kind, Vector.of(x, y));
        return f.apply(p.get(0), p.get(1));
    }

    // Arithmetic -------------------------------------------------------------------------------

    /** {@return {@code x + y}}; bools add as logical or. */
    public static Array add(Array x, Array y) {
        return apply("add", ANY, (a, b) -> a.dtype().isBool() ? Lax.or(a, b) : Lax.add(a, b), x, y);
    }

    /** {@return {@code x - y}} @throws DTypeError for two bools, as NumPy */
    public static Array subtract(Array x, Array y) {
        return apply("subtract", ANY, (a, b) -> {
            if (a.dtype().isBool()) {
                throw new DTypeError("subtract", "boolean subtract is not supported (use logicalXor), got " + NumpyOps.avals(Vector.of(x, y)));
            }
            return Lax.sub(a, b);
        }, x, y);
    }

    /** {@return {@code x * y}}; bools multiply as logical and. */
    public static Array multiply(Array x, Array y) {
        return apply("multiply", ANY, (a, b) -> a.dtype().isBool() ? Lax.and(a, b) : Lax.mul(a, b), x, y);
    }

    /** {@return {@code x / y}}, true division: bools and integers divide as f32. */
    public static Array divide(Array x, Array y) { return apply("divide", INEXACT, Lax::div, x, y); }

    /**
     * {@return {@code x ** y}}. Integer powers of integers use binary exponentiation over the
     * low six bits of the exponent, as JAX does; every other combination computes in floating point.
     */
    public static Array power(Array x, Array y) {
        return apply("power", NUMERIC, (a, b) -> a.dtype().isInexact() ? Lax.pow(a, b) : integerPower(a, b), x, y);
    }

    private static Array integerPower(Array a, Array b) {
        Array zero = fullLike(a, 0);
        Array acc = Lax.select(Lax.and(Lax.eq(a, zero), Lax.ne(b, fullLike(b, 0))), zero, fullLike(a, 1));
        Array one = fullLike(b, 1);
        for (int bit = 0; bit < 6; bit++) {
            acc = Lax.select(Lax.ne(Lax.and(b, one), fullLike(b, 0)), Lax.mul(acc, a), acc);
            a = Lax.mul(a, a);
            b = Lax.shiftRightLogical(b, one);
        }
        return acc;
    }

    /** {@return {@code x ** n}} for a static exponent ({@code integer_pow}); bools count as i32, and a negative {@code n} needs a floating {@code x}. */
    public static Array power(Array x, int n) {
        return Lax.integerPow(x.dtype().isBool() ? Lax.convertElementType(x, DType.I32) : x, n);
    }

    /** {@return the elementwise maximum}; NaN propagates; bools take the logical or */
    public static Array maximum(Array x, Array y) {
        return apply("maximum", ANY, (a, b) -> a.dtype().isBool() ? Lax.or(a, b) : Lax.max(a, b), x, y);
    }

    /** {@return the elementwise minimum}; NaN propagates; bools take the logical and */
    public static Array minimum(Array x, Array y) {
        return apply("minimum", ANY, (a, b) -> a.dtype().isBool() ? Lax.and(a, b) : Lax.min(a, b), x, y);
    }

    // Comparisons: bool results. ----------------------------------------------------------------

    public static Array equal(Array x, Array y) { return apply("equal", ANY, Lax::eq, x, y); }
    public static Array notEqual(Array x, Array y) { return apply("not_equal", ANY, Lax::ne, x, y); }
    public static Array less(Array x, Array y) { return apply("less", ANY, ordered(Lax::lt), x, y); }
    public static Array lessEqual(Array x, Array y) { return apply("less_equal", ANY, ordered(Lax::le), x, y); }
    public static Array greater(Array x, Array y) { return apply("greater", ANY, ordered(Lax::gt), x, y); }
    public static Array greaterEqual(Array x, Array y) { return apply("greater_equal", ANY, ordered(Lax::ge), x, y); }

    /**
     * {@code compare} on real numbers; on complex ones (which {@code lax.lt} and its kin refuse)
     * the lexicographic order by (real, imaginary) parts that {@code jnp.less} and its kin use:
     * the real parts decide unless they are equal, and then the imaginary parts do.
     */
    private static BinaryOperator<Array> ordered(BinaryOperator<Array> compare) {
        return (a, b) -> {
            if (!a.dtype().isComplex()) return compare.apply(a, b);
            Array ra = Lax.real(a), rb = Lax.real(b);
            return Lax.select(Lax.eq(ra, rb), compare.apply(Lax.imag(a), Lax.imag(b)), compare.apply(ra, rb));
        };
    }

    // Bitwise: integers and bools (logical for bools). -------------------------------------------

    public static Array bitwiseAnd(Array x, Array y) { return bitwise("bitwise_and", Lax::and, x, y); }
    public static Array bitwiseOr(Array x, Array y) { return bitwise("bitwise_or", Lax::or, x, y); }
    public static Array bitwiseXor(Array x, Array y) { return bitwise("bitwise_xor", Lax::xor, x, y); }

    private static Array bitwise(String op, BinaryOperator<Array> f, Array x, Array y) {
        requireNotFloating(op, x, y);
        return apply(op, ANY, f, x, y);
    }

    /** @throws DTypeError naming {@code op} unless every operand is an integer or a bool */
    public static void requireNotFloating(String op, Array... xs) {
        for (Array x : xs) {
            if (x.dtype().isFloating()) throw new DTypeError(op, "requires integer or bool operands, got " + NumpyOps.avals(Vector.of(xs)));
        }
    }
}
