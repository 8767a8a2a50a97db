package dev.jaxj.random;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class XlaErfInvTest {

    @Test
    void shouldEvaluateGilesF32PolynomialsLikeXla() {
        // Both branches (w < 5 and w >= 5, i.e. |x| above about 0.99663) and the ends of the range.
        float[] x = new float[4001];
        for (int i = 0; i < x.length; i++) x[i] = -1f + i / 2000f;
        x[0] = Math.nextUp(-1f);
        x[4000] = Math.nextDown(1f);
        float[] expected = new float[x.length];
        for (int i = 0; i < x.length; i++) expected[i] = JaxReference.erfInv(x[i]);
        Expect.sameBits(expected, XlaErfInv.of(Jnp.array(x)).toFloatArray());
    }

    @Test
    void shouldBeAccurateInF64() {
        // XLA's ErfInv64 is Giles' double-precision approximation, about 1e-15 relative to the true
        // inverse; near +-1 the inverse is ill-conditioned, so allow what one ulp of x moves it by.
        double[] x = {-0.999999, -0.99, -0.5, -1e-9, 0, 1e-12, 0.3, 0.9, 0.9999, 1 - 1e-12};
        double[] got = XlaErfInv.of(Jnp.array(x)).toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            double e = JaxReference.erfInv(x[i]);
            double conditioning = 4 * Math.ulp(x[i]) / (2 / Math.sqrt(Math.PI) * Math.exp(-e * e));
            assertEquals(e, got[i], 8e-15 * Math.abs(e) + conditioning, "x = " + x[i]);
        }
    }

    @Test
    void shouldMapTheEndsAsXlaDoes() {
        // XLA selects x * max for |x| == 1.
        Array ends = XlaErfInv.of(Jnp.array(new float[] {-1, 1}));
        assertEquals(-Float.MAX_VALUE, ends.toFloatArray()[0]);
        assertEquals(Float.MAX_VALUE, ends.toFloatArray()[1]);
        assertEquals(Double.MAX_VALUE, XlaErfInv.of(Jnp.array(new double[] {1})).toDoubleArray()[0]);
    }
}
