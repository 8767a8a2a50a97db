package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.BiFunction;

import static dev.jaxj.ComplexProductsTest.complexArray;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Complex division (Smith's algorithm with C99's fix-ups, as XLA expands it) against exact
 * quotients worked out in {@link BigDecimal} for operands whose squares overflow or underflow
 * (where the textbook formula gives inf, 0 or NaN), and against NumPy's stored results for
 * zero, infinite and NaN operands.
 */
class ComplexDivisionTest {
    private static final ReferenceFile REF = ReferenceFile.load(ComplexDivisionTest.class, "complex/complex_division_reference.txt");
    private static final MathContext MC = new MathContext(60);

    /** {@return (a + ib) / (c + id) exactly to 60 digits, as {re, im}} */
    private static BigDecimal[] exactQuotient(double a, double b, double c, double d) {
        BigDecimal ba = new BigDecimal(a), bb = new BigDecimal(b), bc = new BigDecimal(c), bd = new BigDecimal(d);
        BigDecimal den = bc.multiply(bc).add(bd.multiply(bd));
        return new BigDecimal[] {ba.multiply(bc).add(bb.multiply(bd)).divide(den, MC), bb.multiply(bc).subtract(ba.multiply(bd)).divide(den, MC)};
    }

    private static final BiFunction<Array, Array, Array> DIVIDE = Jnp::divide;

    /**
     * Checks each quotient's parts within {@code ulps} units in the last place of the larger
     * part of the exact quotient (Smith's algorithm is normwise accurate, not componentwise).
     */
    private static void assertQuotients(DType d, double[] num, double[] den, double ulps) {
        Array x = complexArray(d, Shape.of(num.length / 2), num), y = complexArray(d, Shape.of(den.length / 2), den);
        double[] eager = Jnp.divide(x, y).toComplexArray(), jitted = Jax.jit(DIVIDE, Jax.JitOptions.DEFAULT).apply(x, y).toComplexArray();
        for (int i = 0; i < num.length / 2; i++) {
            BigDecimal[] q = exactQuotient(num[2 * i], num[2 * i + 1], den[2 * i], den[2 * i + 1]);
            double re = d == DType.C64 ? q[0].floatValue() : q[0].doubleValue(), im = d == DType.C64 ? q[1].floatValue() : q[1].doubleValue();
            double big = Math.max(Math.abs(re), Math.abs(im));
            double tol = ulps * (d == DType.C64 ? Math.ulp((float) big) : Math.ulp(big));
            String what = d + " quotient " + i + " (" + num[2 * i] + ", " + num[2 * i + 1] + ") / (" + den[2 * i] + ", " + den[2 * i + 1] + ")";
            assertEquals(re, eager[2 * i], tol, what + ": re");
            assertEquals(im, eager[2 * i + 1], tol, what + ": im");
            assertEquals(eager[2 * i], jitted[2 * i], 0, what + ": jit re");
            assertEquals(eager[2 * i + 1], jitted[2 * i + 1], 0, what + ": jit im");
        }
    }

    @Test
    void c128QuotientsNearTheEndsOfTheExponentRange() {
        // Each divisor has c² + d² beyond 1.8e308 or in the subnormals, yet a quotient well inside the normal range.
        double[] num = {1.5e300, -2.25e300, 3e-300, 1e-300, 7e300, 1e300, 2e150, -3e150, 5e-300, 4e-300, 6e-305, -2e-305};
        double[] den = {4e300, 1e300, 2e-300, -5e-300, 1e-8, 3e300, 1e-150, 2e-150, 3e-150, -1e-160, 3e-305, 1e-306};
        assertQuotients(DType.C128, num, den, 4);
    }

    @Test
    void c128QuotientsWithOnePartOfTheDivisorFarLarger() {
        // Both branches of Smith's algorithm: |c| >= |d| and |c| < |d|.
        double[] num = {1, 2, 3e200, -1e200, -4, 0.5};
        double[] den = {1e300, 3e-5, 1e-100, 2e205, 6e-300, -1e-280};
        assertQuotients(DType.C128, num, den, 4);
    }

    @Test
    void c64QuotientsNearTheEndsOfTheExponentRange() {
        float[] n = {1.5e35f, -2.25e35f, 3e-35f, 1e-35f, 7e35f, 1e35f, 2e18f, -3e18f, 5e-36f, 4e-36f};
        float[] m = {4e35f, 1e35f, 2e-35f, -5e-35f, 1e3f, 3e35f, 1e-18f, 2e-18f, 3e-20f, -1e-21f};
        double[] num = new double[n.length], den = new double[m.length];
        for (int i = 0; i < n.length; i++) { num[i] = n[i]; den[i] = m[i]; }
        assertQuotients(DType.C64, num, den, 4);
    }

    @Test
    void zerosInfinitiesAndNansAsNumPyGivesThem() {
        double[] num = REF.get("num"), den = REF.get("den"), expected = REF.get("quotient");
        Array x = complexArray(DType.C128, Shape.of(num.length / 2), num), y = complexArray(DType.C128, Shape.of(den.length / 2), den);
        for (double[] actual : new double[][] {Jnp.divide(x, y).toComplexArray(), Jax.jit(DIVIDE, Jax.JitOptions.DEFAULT).apply(x, y).toComplexArray()}) {
            for (int i = 0; i < expected.length; i++) {
                // Exact, with the sign of zeros: assertEquals on doubles compares their bits for 0.0 and -0.0.
                assertEquals(expected[i], actual[i], "part " + i + " of (" + num[i & ~1] + ", " + num[i | 1] + ") / (" + den[i & ~1] + ", " + den[i | 1] + ")");
            }
        }
    }

    @Test
    void c64ZerosAndInfinitiesFollowTheSameRules() {
        double inf = Double.POSITIVE_INFINITY;
        Array x = complexArray(DType.C64, Shape.of(3), 1, 1, inf, 0, 1, 2), y = complexArray(DType.C64, Shape.of(3), 0, 0, 1, 1, 0, inf);
        double[] q = Jnp.divide(x, y).toComplexArray();
        assertEquals(inf, q[0]);
        assertEquals(inf, q[1]);
        assertEquals(inf, q[2]);
        assertEquals(-inf, q[3]);
        assertEquals(0.0, q[4]);
        assertEquals(-0.0, q[5]);
    }
}
