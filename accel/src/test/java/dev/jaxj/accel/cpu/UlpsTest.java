package dev.jaxj.accel.cpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The test helper {@link Ulps}: a wrong distance would silently loosen every accuracy check. */
class UlpsTest {
    @Test
    void shouldCountRepresentableStepsExactly() {
        assertEquals(1, Ulps.between(1.0, Math.nextUp(1.0)));
        assertEquals(2, Ulps.between(0.881373598654278, 0.8813735986542782));
        assertEquals(1000, Ulps.between(0x1p60, 0x1p60 + 1000 * Math.ulp(0x1p60)));
        assertEquals(2, Ulps.between(Double.MIN_VALUE, -Double.MIN_VALUE));
        assertEquals(0, Ulps.between(-0.0, 0.0));
        assertEquals(1, Ulps.between(1f, Math.nextDown(1f)));
        assertEquals(2, Ulps.between(Float.MIN_VALUE, -Float.MIN_VALUE));
    }

    @Test
    void shouldTreatNaNAndHugeDistancesAsExpected() {
        assertEquals(0, Ulps.between(Double.NaN, Double.NaN));
        assertEquals(Double.POSITIVE_INFINITY, Ulps.between(1.0, Double.NaN));
        assertTrue(Ulps.between(Double.MAX_VALUE, -Double.MAX_VALUE) > 1e18);
        assertTrue(Ulps.between(Double.POSITIVE_INFINITY, Double.MAX_VALUE) == 1);
        assertEquals(Double.POSITIVE_INFINITY, Ulps.between(Float.NaN, 0f));
    }
}
