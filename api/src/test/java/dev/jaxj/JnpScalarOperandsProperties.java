package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A Java scalar meeting an array of each dtype, through every Jnp function with a
 * {@code double} or {@code long} overload: the result's dtype and weak type follow JAX's rules
 * for a Python float or int (written out below from the JAX type-promotion table, not from
 * jaxj's lattice), and its value equals an f64 / BigInteger reference in which the scalar is
 * converted once, from its exact value, to the dtype it meets.
 */
class JnpScalarOperandsProperties {
    /** How operands promote: JAX's {@code promote_args}, {@code _numeric}, {@code _inexact}; a comparison; {@code integer_pow}. */
    enum Family { ANY, NUMERIC, INEXACT, COMPARE, INTEGER_POW }

    /** Which scalars a case draws, so that references stay exact (no division by zero, no int to a negative power). */
    enum Domain { GENERAL, EXACT, POWER }

    /**
     * One function; {@code relTol} is 0 where the result must be exact. {@code real}/{@code integer} take the array element first and the
     * converted scalar second, whatever side the function puts the scalar on.
     */
    record Case(String name, Family family, Domain domain, BiFunction<Array, Double, Array> onDouble,
                BiFunction<Array, Long, Array> onLong, DoubleBinaryOperator real, BinaryOperator<BigInteger> integer, double relTol) {
        @Override public String toString() { return name; }
    }

    private static final BigInteger FIVE = BigInteger.valueOf(5);

    private static Case exact(String name, Family f, Domain d, BiFunction<Array, Double, Array> onDouble,
                              BiFunction<Array, Long, Array> onLong, DoubleBinaryOperator real, BinaryOperator<BigInteger> integer) {
        return new Case(name, f, d, onDouble, onLong, real, integer, 0);
    }

    private static Case compare(String name, BiFunction<Array, Double, Array> onDouble, BiFunction<Array, Long, Array> onLong, int... signs) {
        java.util.function.IntPredicate holds = s -> java.util.Arrays.stream(signs).anyMatch(t -> t == s);
        return exact(name, Family.COMPARE, Domain.GENERAL, onDouble, onLong,
                (a, b) -> holds.test(Double.compare(a, b) < 0 ? -1 : a == b ? 0 : 1) ? 1 : 0,
                (a, b) -> holds.test(a.compareTo(b)) ? BigInteger.ONE : BigInteger.ZERO);
    }

    /** {@return a bool condition of {@code x}'s shape, true where the element is positive} (read back from the host, not computed by jaxj) */
    private static Array positive(Array x) {
        double[] v = x.toDoubleArray();
        boolean[] c = new boolean[v.length];
        for (int i = 0; i < v.length; i++) c[i] = v[i] > 0;
        return Jnp.array(c);
    }

    private static final List<Case> CASES = List.of(
            exact("add", Family.ANY, Domain.GENERAL, Jnp::add, Jnp::add, Double::sum, BigInteger::add),
            exact("add(s, x)", Family.ANY, Domain.GENERAL, (x, s) -> Jnp.add(s, x), (x, s) -> Jnp.add(s, x), (a, b) -> b + a, (a, b) -> b.add(a)),
            exact("subtract", Family.ANY, Domain.GENERAL, Jnp::subtract, Jnp::subtract, (a, b) -> a - b, BigInteger::subtract),
            exact("subtract(s, x)", Family.ANY, Domain.GENERAL, (x, s) -> Jnp.subtract(s, x), (x, s) -> Jnp.subtract(s, x), (a, b) -> b - a, (a, b) -> b.subtract(a)),
            exact("multiply", Family.ANY, Domain.GENERAL, Jnp::multiply, Jnp::multiply, (a, b) -> a * b, BigInteger::multiply),
            exact("multiply(s, x)", Family.ANY, Domain.GENERAL, (x, s) -> Jnp.multiply(s, x), (x, s) -> Jnp.multiply(s, x), (a, b) -> b * a, (a, b) -> b.multiply(a)),
            exact("divide", Family.INEXACT, Domain.GENERAL, Jnp::divide, Jnp::divide, (a, b) -> a / b, null),
            exact("divide(s, x)", Family.INEXACT, Domain.GENERAL, (x, s) -> Jnp.divide(s, x), (x, s) -> Jnp.divide(s, x), (a, b) -> b / a, null),
            exact("floorDivide", Family.NUMERIC, Domain.EXACT, Jnp::floorDivide, Jnp::floorDivide,
                    (a, b) -> Math.floor(a / b), (a, b) -> BigInteger.valueOf(Math.floorDiv(a.longValue(), b.longValue()))),
            exact("remainder", Family.NUMERIC, Domain.EXACT, Jnp::remainder, Jnp::remainder,
                    (a, b) -> a - b * Math.floor(a / b), (a, b) -> BigInteger.valueOf(Math.floorMod(a.longValue(), b.longValue()))),
            exact("mod", Family.NUMERIC, Domain.EXACT, Jnp::mod, Jnp::mod,
                    (a, b) -> a - b * Math.floor(a / b), (a, b) -> BigInteger.valueOf(Math.floorMod(a.longValue(), b.longValue()))),
            new Case("power", Family.NUMERIC, Domain.POWER, Jnp::power, null, Math::pow, null, 4e-6),
            new Case("power(s, x)", Family.NUMERIC, Domain.POWER, (x, s) -> Jnp.power(s, x), null, (a, b) -> Math.pow(b, a), null, 4e-6),
            new Case("power(x, n)", Family.INTEGER_POW, Domain.POWER, null, Jnp::power, Math::pow, (a, b) -> a.pow(b.intValue()), 4e-6),
            exact("maximum", Family.ANY, Domain.GENERAL, Jnp::maximum, Jnp::maximum, Math::max, BigInteger::max),
            exact("maximum(s, x)", Family.ANY, Domain.GENERAL, (x, s) -> Jnp.maximum(s, x), (x, s) -> Jnp.maximum(s, x), Math::max, BigInteger::max),
            exact("minimum", Family.ANY, Domain.GENERAL, Jnp::minimum, Jnp::minimum, Math::min, BigInteger::min),
            exact("minimum(s, x)", Family.ANY, Domain.GENERAL, (x, s) -> Jnp.minimum(s, x), (x, s) -> Jnp.minimum(s, x), Math::min, BigInteger::min),
            exact("clip(x, s, 5)", Family.ANY, Domain.GENERAL, (x, s) -> Jnp.clip(x, s, 5.0), (x, s) -> Jnp.clip(x, s, 5L),
                    (a, b) -> Math.min(Math.max(a, b), 5), (a, b) -> a.max(b).min(FIVE)),
            exact("clip(x, 0, s)", Family.ANY, Domain.GENERAL, (x, s) -> Jnp.clip(x, 0.0, s), (x, s) -> Jnp.clip(x, 0L, s),
                    (a, b) -> Math.min(Math.max(a, 0), b), (a, b) -> a.max(BigInteger.ZERO).min(b)),
            exact("where(c, x, s)", Family.ANY, Domain.GENERAL, (x, s) -> Jnp.where(positive(x), x, s), (x, s) -> Jnp.where(positive(x), x, s),
                    (a, b) -> a > 0 ? a : b, (a, b) -> a.signum() > 0 ? a : b),
            exact("where(c, s, x)", Family.ANY, Domain.GENERAL, (x, s) -> Jnp.where(positive(x), s, x), (x, s) -> Jnp.where(positive(x), s, x),
                    (a, b) -> a > 0 ? b : a, (a, b) -> a.signum() > 0 ? b : a),
            new Case("logaddexp", Family.INEXACT, Domain.GENERAL, Jnp::logaddexp, null,
                    (a, b) -> Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))), null, 4e-6),
            new Case("logaddexp(s, x)", Family.INEXACT, Domain.GENERAL, (x, s) -> Jnp.logaddexp(s, x), null,
                    (a, b) -> Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))), null, 4e-6),
            new Case("logaddexp2", Family.INEXACT, Domain.GENERAL, Jnp::logaddexp2, null,
                    (a, b) -> Math.max(a, b) + Math.log1p(Math.pow(2, -Math.abs(a - b))) / Math.log(2), null, 4e-6),
            new Case("logaddexp2(s, x)", Family.INEXACT, Domain.GENERAL, (x, s) -> Jnp.logaddexp2(s, x), null,
                    (a, b) -> Math.max(a, b) + Math.log1p(Math.pow(2, -Math.abs(a - b))) / Math.log(2), null, 4e-6),
            compare("equal", Jnp::equal, Jnp::equal, 0),
            compare("notEqual", Jnp::notEqual, Jnp::notEqual, -1, 1),
            compare("less", Jnp::less, Jnp::less, -1),
            compare("lessEqual", Jnp::lessEqual, Jnp::lessEqual, -1, 0),
            compare("greater", Jnp::greater, Jnp::greater, 1),
            compare("greaterEqual", Jnp::greaterEqual, Jnp::greaterEqual, 0, 1));

    @Provide
    Arbitrary<Case> cases() { return Arbitraries.of(CASES); }

    /** The type JAX gives: {@code dtype} with its weak flag. */
    record Typed(DType dtype, boolean weak) {}

    /** The dtype the scalar and an array of {@code d} compute in, from JAX's table: a Python float gives way only to f32/f64, a Python int to any array but bool. */
    static Typed computeType(Family f, DType d, boolean isDouble) {
        Typed joined = isDouble
                ? new Typed(d.isFloating() ? d : DType.F32, !d.isFloating())
                : new Typed(d == DType.BOOL ? DType.I32 : d, d == DType.BOOL);
        return switch (f) {
            case ANY, NUMERIC, COMPARE -> joined;
            case INEXACT -> joined.dtype().isFloating() ? joined : new Typed(DType.F32, joined.weak());
            case INTEGER_POW -> d == DType.BOOL ? new Typed(DType.I32, false) : new Typed(d, false);
        };
    }

    private static double scalarDouble(Domain domain, Random r) {
        double[] pool = switch (domain) {
            case GENERAL -> new double[] {0.1, -2.5, 3, 1e-3, 0.7, -0.3, 7, 1e10, 1 / 3.0, -1e-7, r.nextGaussian() * 10};
            case EXACT -> new double[] {-2.5, 0.5, 2, 3, -4, 7, 0.25};
            case POWER -> new double[] {0.5, 2, -1, 1.5, 3, 0.1, -0.5};
        };
        return pool[r.nextInt(pool.length)];
    }

    /** A small non-zero integer that {@code d} holds (non-negative for u32; 0 to 5 for exponents). */
    private static long scalarLong(Domain domain, DType d, Random r) {
        if (domain == Domain.POWER) return r.nextInt(6);
        long v = 1 + r.nextInt(8);
        return d.kind() == DType.Kind.UNSIGNED || r.nextBoolean() ? v : -v;
    }

    @Property(tries = 250)
    void javaScalarsPromoteAsInJaxAndConvertOnceFromTheirExactValue(@ForAll("cases") Case c, @ForAll long seed) {
        Random r = new Random(seed);
        for (DType d : TypedValues.REAL) {
            double[] v = TypedValues.draw(d, 5, r);
            Array x = TypedValues.array(d, v);
            if (c.onDouble() != null) {
                double s = scalarDouble(c.domain(), r);
                check(c, d, v, c.onDouble().apply(x, s), s, null);
            }
            if (c.onLong() != null) {
                long s = scalarLong(c.domain(), d, r);
                check(c, d, v, c.onLong().apply(x, s), (double) s, s);
            }
        }
    }

    /** {@code sLong} is null for a double scalar. */
    private static void check(Case c, DType d, double[] v, Array got, double s, Long sLong) {
        String what = c + " of " + d + " " + java.util.Arrays.toString(v) + " and " + (sLong == null ? s + "" : sLong + "L");
        Typed t = computeType(c.family(), d, sLong == null);
        Typed want = c.family() == Family.COMPARE ? new Typed(DType.BOOL, false) : t;
        assertEquals(want, new Typed(got.dtype(), got.weakType()), "type of " + what);
        if (t.dtype().isFloating()) {
            double b = TypedValues.round(t.dtype(), sLong == null ? s : (double) sLong);
            double[] out = got.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                double e = c.real().applyAsDouble(TypedValues.round(t.dtype(), v[i]), b);
                // bf16 and f16 compute in f32 and round once more to their own type.
                if (c.family() != Family.COMPARE) e = TypedValues.round(t.dtype(), t.dtype().isComputeType() ? e : (float) e);
                // Tolerances (for pow and logaddexp only) are set for f32; f64 gets a tight one.
                // bf16 and f16 round after each primitive of a composite (logaddexp is several), so 4 ulps of their own.
                double tol = c.relTol() == 0 ? 0 : t.dtype() == DType.F64 ? 1e-13
                        : t.dtype() == DType.BF16 ? 0x1p-5 : t.dtype() == DType.F16 ? 0x1p-8 : c.relTol();
                // A composite's intermediates carry their rounding at the operands' magnitude, which a
                // cancelling result does not shrink (logaddexp2(-3, -0.197) = -0.0035 is -0.197 + 0.193
                // in JAX's formula, off by an f32 ulp of 0.2): measure the error against that.
                double scale = Math.max(Math.abs(e), Math.max(Math.abs(v[i]), Math.abs(b)));
                assertClose(e, out[i], tol, scale, what + " at " + i);
            }
        } else {
            BigInteger b = BigInteger.valueOf(sLong);
            long[] out = got.toLongArray();
            for (int i = 0; i < v.length; i++) {
                BigInteger e = c.integer().apply(BigInteger.valueOf((long) v[i]), b);
                long want1 = c.family() == Family.COMPARE ? e.longValue() : TypedValues.wrap(t.dtype(), e);
                assertEquals(want1, out[i], what + " at " + i);
            }
        }
    }

    private static void assertClose(double want, double got, double relTol, double scale, String what) {
        if (Double.isNaN(want) || Double.isInfinite(want) || relTol == 0) {
            assertTrue(want == got || Double.isNaN(want) && Double.isNaN(got), what + ": expected " + want + " but was " + got);
        } else {
            assertEquals(want, got, relTol * Math.max(scale, Double.MIN_NORMAL), what);
        }
    }
}
