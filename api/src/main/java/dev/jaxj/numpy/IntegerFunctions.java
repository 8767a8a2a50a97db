package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.lax.Lax;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;

import static dev.jaxj.array.Promotion.Kind.NUMERIC;
import static dev.jaxj.numpy.Operands.fullLike;
import static dev.jaxj.numpy.Operands.prepare;

/**
 * Integer-flavoured arithmetic: {@code gcd}, {@code lcm}, C's {@code fmod} and Python's
 * {@code divmod}, with JAX's promotion (bools count as i32).
 */
public final class IntegerFunctions {
    private IntegerFunctions() {}

    /** The greatest common divisor of {@code |x1|} and {@code |x2|} by Euclid's algorithm; {@code gcd(0, 0) = 0}. */
    public static Array gcd(Array x1, Array x2) {
        Vector<Array> p = integers("gcd", x1, x2);
        Vector<Array> init = Vector.of(Elementwise.abs(p.get(0)), Elementwise.abs(p.get(1)));
        // Runs until every pair has reached (g, 0); finished pairs stay put meanwhile.
        Vector<Array> done = Lax.whileLoop(
                (Vector<Array> c) -> Lax.reduceOr(Lax.ne(c.get(1), fullLike(c.get(1), 0)), Vector.range(0, c.get(1).ndim())),
                (Vector<Array> c) -> {
                    Array a = c.get(0), b = c.get(1), live = Lax.ne(b, fullLike(b, 0));
                    Array safe = Lax.select(live, b, fullLike(b, 1));
                    return Vector.of(Lax.select(live, b, a), Lax.select(live, Lax.rem(a, safe), fullLike(b, 0)));
                },
                init);
        return done.get(0);
    }

    /** The least common multiple {@code |x1 * (x2 / gcd)|}; 0 when either is 0. */
    public static Array lcm(Array x1, Array x2) {
        Vector<Array> p = integers("lcm", x1, x2);
        Array d = gcd(p.get(0), p.get(1));
        Array zero = Lax.eq(d, fullLike(d, 0));
        Array safe = Lax.select(zero, fullLike(d, 1), d);
        return Lax.select(zero, fullLike(d, 0), Elementwise.abs(Lax.mul(p.get(0), Lax.div(p.get(1), safe))));
    }

    private static Vector<Array> integers(String op, Array x1, Array x2) {
        Operands.requireDTypes(op, d -> !d.isFloating(), "integer or bool", x1, x2);
        return prepare(op, NUMERIC, x1, x2);
    }

    /**
     * C's {@code fmod}: the remainder with the sign of the dividend ({@code fmod(-7, 2) = -1});
     * an integer divisor of 0 gives 0, a float one NaN.
     */
    public static Array fmod(Array x1, Array x2) {
        Vector<Array> p = prepare("fmod", NUMERIC, x1, x2);
        Array a = p.get(0), b = p.get(1);
        if (!a.dtype().isFloating()) b = Lax.select(Lax.eq(b, fullLike(b, 0)), fullLike(b, 1), b);
        return Lax.rem(a, b);
    }

    /** {@return {@code (floor_divide(x1, x2), remainder(x1, x2))}}, Python's {@code divmod} elementwise. */
    public static Tuple2<Array, Array> divmod(Array x1, Array x2) {
        Vector<Array> p = prepare("divmod", NUMERIC, x1, x2);
        return Tuple.of(Elementwise.floorDivide(p.get(0), p.get(1)), Elementwise.remainder(p.get(0), p.get(1)));
    }
}
