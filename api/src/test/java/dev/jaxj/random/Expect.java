package dev.jaxj.random;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparisons of floats with the way JAX's sources print them. */
final class Expect {
    private Expect() {}

    /**
     * Asserts that NumPy would print {@code actual} (a float32) as {@code printed}: NumPy's default
     * ({@code precision=8, floatmode='maxprec'}) shows the shortest round-trip digits when they
     * need at most 8 fractional digits, else the value rounded to 8. So a printed value with
     * fewer digits identifies the float exactly, and one with 8 fractional digits pins it to
     * within half a unit of the 8th decimal.
     */
    static void printedAs(String printed, float actual) {
        BigDecimal shortest = new BigDecimal(Float.toString(actual)).stripTrailingZeros();
        BigDecimal shown = shortest.scale() <= 8 ? shortest : new BigDecimal(actual).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        assertEquals(0, shown.compareTo(new BigDecimal(printed)), () -> "expected NumPy to print " + printed + " but " + actual + " prints as " + shown.toPlainString());
    }

    static void printedAs(String[] printed, float[] actual) {
        assertEquals(printed.length, actual.length, "length");
        for (int i = 0; i < printed.length; i++) printedAs(printed[i], actual[i]);
    }

    /**
     * Asserts agreement with values that JAX's tests list with 6 decimals (their
     * {@code _RANDOM_VALUES_CASES}): within half a unit of the 6th decimal plus one ulp of
     * {@code actual}, the most that rounding to 6 decimals can explain.
     */
    static void sixDecimals(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]);
            int k = i;
            assertTrue(err <= 5e-7 + Math.ulp(actual[i]), () -> "element " + k + ": expected " + expected[k] + " (6 decimals), got " + actual[k]);
        }
    }

    /** Asserts equal floats bit for bit. */
    static void sameBits(float[] expected, float[] actual) {
        assertArrayEquals(expected, actual, 0f);
    }

    /** Asserts that every element is within {@code ulps} float32 units in the last place of the expected value. */
    static void withinUlps(float[] expected, float[] actual, int ulps) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            float tol = ulps * Math.ulp(expected[i]);
            int k = i;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol, () -> "element " + k + ": expected " + expected[k] + " within " + ulps + " ulp, got " + actual[k]);
        }
    }
}
