package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.*;

/**
 * arange's length is {@code ceil((stop - start) / step)}: refused when it cannot be computed
 * (NumPy's "cannot compute length") or exceeds 2^31-1, never clamped or wrapped. The reference
 * is the exact quotient of the doubles in BigDecimal, which the double computation may miss by
 * one ulp of the quotient, so lengths are compared within one.
 */
class ArangeTest {
    @Property(tries = 300)
    void shouldRefuseArgumentsWithoutALength(@ForAll("anyDouble") double start, @ForAll("anyDouble") double stop, @ForAll("anyDouble") double step) {
        Assume.that(!Double.isFinite(start) || !Double.isFinite(stop) || !Double.isFinite(step) || step == 0);
        ArgumentError e = assertThrows(ArgumentError.class, () -> Jnp.arange(start, stop, step));
        assertTrue(e.getMessage().startsWith("arange: cannot compute the length"), e.getMessage());
    }

    @Property(tries = 300)
    void shouldHaveTheExactLengthOrRefuseIt(@ForAll("finite") double start, @ForAll("finite") double stop, @ForAll("finite") double step) {
        Assume.that(step != 0);
        BigDecimal exact = new BigDecimal(stop).subtract(new BigDecimal(start)).divide(new BigDecimal(step), MathContext.DECIMAL128);
        BigDecimal length = exact.setScale(0, RoundingMode.CEILING).max(BigDecimal.ZERO);
        if (length.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE + 1L)) > 0) {
            ShapeError e = assertThrows(ShapeError.class, () -> Jnp.arange(start, stop, step));
            assertTrue(e.getMessage().startsWith("arange: an array holds at most 2^31-1 elements"), e.getMessage());
        } else if (length.compareTo(BigDecimal.valueOf(10_000)) <= 0) {
            Array a = Jnp.arange(start, stop, step);
            assertEquals(1, a.ndim());
            assertTrue(Math.abs(a.shape().dim(0) - length.intValueExact()) <= 1, a.aval() + " vs exact length " + length);
        }
    }

    @Provide
    Arbitrary<Double> anyDouble() {
        return Arbitraries.oneOf(Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1.0, -1.0),
                Arbitraries.doubles().between(-1e3, 1e3));
    }

    @Provide
    Arbitrary<Double> finite() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e3, 1e3), Arbitraries.doubles().between(-1e-3, 1e-3).ofScale(9),
                Arbitraries.of(1e-300, -1e-300, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE));
    }
}
