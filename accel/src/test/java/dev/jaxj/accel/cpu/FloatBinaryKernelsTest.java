package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link FloatBinaryKernels} through the backend. f64 arithmetic is checked against exact
 * {@link BigDecimal} arithmetic rounded once; f32 against the same operation in double rounded to
 * float, which equals the correctly rounded float result for + - * / (double has more than
 * 2 x 24 + 2 bits). Special values follow IEEE 754 and C.
 */
class FloatBinaryKernelsTest {
    private static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY;
    private static final double[] GRID = {-3.5, -1, -0.0, 0.0, 1e-310, 0.1, 1, 2.5, 7, 1e300, -1e300};

    @Test
    void shouldAddSubtractMultiplyAndDivideFiniteValuesWithOneRounding() {
        check(new Add(), BigDecimal::add, (a, b) -> a + b);
        check(new Sub(), BigDecimal::subtract, (a, b) -> a - b);
        check(new Mul(), BigDecimal::multiply, (a, b) -> a * b);
        check(new Div(), (a, b) -> a.divide(b, MathContext.DECIMAL128), (a, b) -> a / b);
    }

    /** {@code exact} is the f64 reference for finite operands, {@code inDouble} the f32 one (on widened floats). */
    private static void check(Arithmetic p, BinaryOperator<BigDecimal> exact, DoubleBinaryOperator inDouble) {
        int n = GRID.length * GRID.length;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = GRID[i / GRID.length];
            y[i] = GRID[i % GRID.length];
        }
        HostData r64 = run(p, DType.F64, x, y);
        HostData r32 = run(p, DType.F32, x, y);
        for (int i = 0; i < n; i++) {
            double a = x[i], b = y[i];
            if (!(p instanceof Div && b == 0)) {
                // BigDecimal has no -0; with delta 0, assertEquals takes -0 and +0 as equal (signs are checked below).
                double expected = exact.apply(new BigDecimal(a), new BigDecimal(b)).doubleValue();
                assertEquals(expected, r64.getDouble(i), 0, p.name() + "(" + a + ", " + b + ") in f64");
            }
            float fa = (float) a, fb = (float) b;
            float expected32 = (float) inDouble.applyAsDouble(fa, fb);
            assertEquals(Float.floatToIntBits(expected32), Float.floatToIntBits((float) r32.getDouble(i)), p.name() + "(" + fa + "f, " + fb + "f)");
        }
    }

    @Property(tries = 500)
    void shouldRoundRandomArithmeticOnce(@ForAll double a, @ForAll double b) {
        Assume.that(Double.isFinite(a) && Double.isFinite(b) && b != 0);
        var x = new BigDecimal(a);
        var y = new BigDecimal(b);
        assertEquals(x.add(y).doubleValue() + 0.0, run(new Add(), DType.F64, new double[] {a}, new double[] {b}).getDouble(0) + 0.0);
        assertEquals(x.multiply(y).doubleValue() + 0.0, run(new Mul(), DType.F64, new double[] {a}, new double[] {b}).getDouble(0) + 0.0);
        assertEquals(x.divide(y, MathContext.DECIMAL128).doubleValue() + 0.0, run(new Div(), DType.F64, new double[] {a}, new double[] {b}).getDouble(0) + 0.0);
    }

    @Test
    void shouldFollowIeeeForSpecialValues() {
        double[] x = {INF, INF, 1, -1, 0.0, -0.0, 0.0, -0.0, NAN, 1};
        double[] y = {-INF, INF, 0.0, 0.0, 0.0, -0.0, -0.0, 0.0, 1, NAN};
        double[] sum = {NAN, INF, 1, -1, 0.0, -0.0, 0.0, 0.0, NAN, NAN};
        double[] quotient = {NAN, NAN, INF, -INF, NAN, NAN, NAN, NAN, NAN, NAN};
        double[] product = {-INF, INF, 0.0, -0.0, 0.0, 0.0, -0.0, -0.0, NAN, NAN};
        for (DType d : new DType[] {DType.F32, DType.F64}) {
            assertBits(sum, run(new Add(), d, x, y), "add in " + d);
            assertBits(quotient, run(new Div(), d, x, y), "div in " + d);
            assertBits(product, run(new Mul(), d, x, y), "mul in " + d);
        }
    }

    @Test
    void shouldTakeTheRemainderWithTheSignOfTheDividend() {
        double[] x = {7, -7, 7, -7, 5.5, 1e300, 0.1, -0.0, 3, INF, 3, NAN};
        double[] y = {2, 2, -2, -2, 1.25, 3, 0.03, 1, INF, 2, 0, 1};
        for (DType d : new DType[] {DType.F32, DType.F64}) {
            HostData r = run(new Rem(), d, x, y);
            for (int i = 0; i < x.length; i++) {
                double a = d == DType.F32 ? (float) x[i] : x[i], b = d == DType.F32 ? (float) y[i] : y[i];
                double expected;
                if (!Double.isFinite(a) || b == 0 || Double.isNaN(b)) expected = NAN;
                else if (Double.isInfinite(b)) expected = a;
                else {
                    double exact = new BigDecimal(a).remainder(new BigDecimal(b)).doubleValue();  // fmod is exact
                    expected = exact == 0 ? Math.copySign(0.0, a) : exact;
                }
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(r.getDouble(i)), "rem(" + a + ", " + b + ") in " + d);
            }
        }
    }

    @Test
    void shouldPropagateNaNAndOrderSignedZerosInMaxAndMin() {
        double[] x = {1, NAN, NAN, -0.0, 0.0, -INF, 2.5, -3};
        double[] y = {NAN, 1, NAN, 0.0, -0.0, INF, 2.5, 5};
        double[] max = {NAN, NAN, NAN, 0.0, 0.0, INF, 2.5, 5};
        double[] min = {NAN, NAN, NAN, -0.0, -0.0, -INF, 2.5, -3};
        for (DType d : new DType[] {DType.F32, DType.F64}) {
            assertBits(max, run(new Max(), d, x, y), "max in " + d);
            assertBits(min, run(new Min(), d, x, y), "min in " + d);
        }
    }

    @Test
    void shouldRaiseToPowersLikeC() {
        double[] x = {2, -2, 9, 0.5, 10, 1, 1, -1, -1, NAN, -8, 0.0, -0.0, -0.0, INF, 2};
        double[] y = {10, 3, 0.5, -2, -300, NAN, INF, INF, -INF, 0.0, 1.0 / 3, -1, -1, 3, -2, 1e10};
        double[] expected = {1024, -8, 3, 4, 1e-300, 1, 1, 1, 1, 1, NAN, INF, -INF, -0.0, 0.0, INF};
        for (int i = 0; i < x.length; i++) {
            double got64 = run(new Pow(), DType.F64, new double[] {x[i]}, new double[] {y[i]}).getDouble(0);
            assertTrue(Ulps.between(got64, expected[i]) <= 1 && sameZero(got64, expected[i]), "pow(" + x[i] + ", " + y[i] + ") = " + got64);
        }
        double[] a = {0.3, 2.7, 17, 1e-3, 123.25};
        double[] b = {1.7, -0.4, 0.5, 2.5, -3};
        checkAgainst(new Pow(), StrictMath::pow, a, b);
    }

    @Test
    void shouldComputeAtan2InEveryQuadrant() {
        double[] y = {0.0, -0.0, 0.0, -0.0, 1, -1, 1, -1, INF, 3, NAN};
        double[] x = {0.0, 0.0, -0.0, -0.0, 0.0, -2, -INF, INF, INF, 4, 1};
        double[] expected = {0.0, -0.0, Math.PI, -Math.PI, Math.PI / 2, -2.677945044588987, Math.PI, -0.0, Math.PI / 4, 0.6435011087932844, NAN};
        HostData r = run(new Atan2(), DType.F64, y, x);
        for (int i = 0; i < y.length; i++) {
            assertTrue(Ulps.between(r.getDouble(i), expected[i]) <= 1 && sameZero(r.getDouble(i), expected[i]), "atan2(" + y[i] + ", " + x[i] + ")");
        }
        checkAgainst(new Atan2(), StrictMath::atan2, new double[] {0.3, -2.7, 17, 1e-3, -5}, new double[] {1.7, -0.4, -0.5, 2.5, 3});
    }

    @Test
    void shouldStepToTheNextRepresentableValue() {
        float[] x32 = {1, 1, 0, 0, Float.MAX_VALUE, 1, -0f, Float.NaN, 1, Float.MIN_VALUE};
        float[] y32 = {2, 0, -1, 1, Float.POSITIVE_INFINITY, 1, 0, 1, Float.NaN, 0};
        float[] e32 = {1 + 0x1p-23f, 1 - 0x1p-24f, -Float.MIN_VALUE, Float.MIN_VALUE, Float.POSITIVE_INFINITY, 1, 0, Float.NaN, Float.NaN, 0};
        float[] got32 = KernelHarness.run(new Nextafter(), Operand.f32(Shape.of(x32.length), x32), Operand.f32(Shape.of(y32.length), y32)).data().f32();
        for (int i = 0; i < x32.length; i++) {
            assertEquals(Float.floatToIntBits(e32[i]), Float.floatToIntBits(got32[i]), "nextafter(" + x32[i] + "f, " + y32[i] + "f)");
        }
        double[] x64 = {1, 1, 0, -1e300, 2};
        double[] y64 = {2, 0, -1, -INF, 2};
        double[] e64 = {1 + 0x1p-52, 1 - 0x1p-53, -Double.MIN_VALUE, Math.nextDown(-1e300), 2};
        assertBits(e64, run(new Nextafter(), DType.F64, x64, y64), "nextafter in f64");
    }

    /** f64 within 2 ulp of {@code reference} (both libms are within one), f32 within one float ulp of it rounded. */
    private static void checkAgainst(FloatBinary p, DoubleBinaryOperator reference, double[] a, double[] b) {
        HostData r64 = run(p, DType.F64, a, b), r32 = run(p, DType.F32, a, b);
        for (int i = 0; i < a.length; i++) {
            assertTrue(Ulps.between(r64.getDouble(i), reference.applyAsDouble(a[i], b[i])) <= 2, p.name() + "(" + a[i] + ", " + b[i] + ")");
            float fa = (float) a[i], fb = (float) b[i];
            assertTrue(Ulps.between((float) r32.getDouble(i), (float) reference.applyAsDouble(fa, fb)) <= 1, p.name() + "(" + fa + "f, " + fb + "f)");
        }
    }

    private static HostData run(Primitive p, DType d, double[] x, double[] y) {
        var r = KernelHarness.run(p, Operand.of(d, Shape.of(x.length), x), Operand.of(d, Shape.of(y.length), y));
        assertEquals(d, r.data().dtype());
        return r.data();
    }

    private static void assertBits(double[] expected, HostData got, String what) {
        for (int i = 0; i < expected.length; i++) {
            double e = got.dtype() == DType.F32 ? (float) expected[i] : expected[i];
            assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(got.getDouble(i)), what + " at " + i + ": expected " + e + ", got " + got.getDouble(i));
        }
    }

    private static boolean sameZero(double a, double b) {
        return a != 0 || b != 0 || Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }
}
