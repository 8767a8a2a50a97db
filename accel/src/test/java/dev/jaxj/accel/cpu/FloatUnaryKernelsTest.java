package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import static dev.jaxj.ir.Primitive.RoundingMethod.AWAY_FROM_ZERO;
import static dev.jaxj.ir.Primitive.RoundingMethod.TO_NEAREST_EVEN;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link FloatUnaryKernels} through the backend, in f32 and f64: each primitive against
 * {@link StrictMath}, exact {@link BigDecimal} arithmetic or published values. f64 may differ
 * from the reference by the ulps each row allows (2 for libm functions: {@link Math} and
 * {@link StrictMath} are each within an ulp of the truth); f32 must be within one float ulp of
 * the double reference rounded to float. Signed zeros must match.
 */
class FloatUnaryKernelsTest {
    private static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY;
    private static final double[] GENERAL = {-3.5, -1, -0.25, -0.0, 0.0, 1e-30, 0.3, 1, 2.5, 10, 88.5, 700, NAN, INF, -INF, Double.MIN_VALUE};
    private static final double[] UNIT = {-1.5, -1, -0.99, -0.5, -1e-20, -0.0, 0, 0.5, 0.99, 1, 1.5, NAN};
    private static final double[] HALVES = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, -0.49999999999999994,
            0.4999999701976776, 3.7, -3.2, 0.3, -0.3, 4503599627370497.0, 1e300, -0.0, 0.0, INF, -INF, NAN};

    /** One primitive with its inputs, its f64 reference and the ulps f64 may differ from it by. */
    record Case(FloatUnary p, double f64Ulps, double[] x, DoubleUnaryOperator reference) {
        @Override public String toString() { return p.toString(); }
    }

    private static Case of(FloatUnary p, double ulps, DoubleUnaryOperator reference, double... x) {
        return new Case(p, ulps, x, reference);
    }

    /** A case with published values: pairs {@code x, f(x)}, every {@code x} exact in float. */
    private static Case known(FloatUnary p, double ulps, double... pairs) {
        double[] x = new double[pairs.length / 2];
        for (int i = 0; i < x.length; i++) x[i] = pairs[2 * i];
        return new Case(p, ulps, x, v -> {
            for (int i = 0; i < pairs.length; i += 2) {
                if (Double.compare(pairs[i], v) == 0) return pairs[i + 1];
            }
            throw new AssertionError("no published value of " + p + " at " + v);
        });
    }

    static Stream<Case> cases() {
        return Stream.of(
                of(new Floor(), 0, StrictMath::floor, GENERAL),
                of(new Ceil(), 0, StrictMath::ceil, GENERAL),
                of(new Round(AWAY_FROM_ZERO), 0, x -> roundExactly(x, RoundingMode.HALF_UP), HALVES),
                of(new Round(TO_NEAREST_EVEN), 0, x -> roundExactly(x, RoundingMode.HALF_EVEN), HALVES),
                of(new Sqrt(), 0, StrictMath::sqrt, GENERAL),
                of(new Rsqrt(), 2, FloatUnaryKernelsTest::reciprocalSqrt, 0.25, 2, 3, 1e-300, 1e300, 0.0, -0.0, -1, INF, NAN),
                of(new Exp(), 2, StrictMath::exp, GENERAL),
                of(new Exp2(), 2, x -> StrictMath.pow(2, x), GENERAL),
                of(new Log(), 2, StrictMath::log, GENERAL),
                of(new Log1p(), 2, StrictMath::log1p, GENERAL),
                of(new Expm1(), 2, StrictMath::expm1, GENERAL),
                of(new Cbrt(), 2, StrictMath::cbrt, GENERAL),
                of(new Sin(), 2, StrictMath::sin, GENERAL),
                of(new Cos(), 2, StrictMath::cos, GENERAL),
                of(new Tan(), 2, StrictMath::tan, GENERAL),
                of(new Asin(), 2, StrictMath::asin, UNIT),
                of(new Acos(), 2, StrictMath::acos, UNIT),
                of(new Atan(), 2, StrictMath::atan, GENERAL),
                of(new Sinh(), 2, StrictMath::sinh, GENERAL),
                of(new Cosh(), 2, StrictMath::cosh, GENERAL),
                of(new Tanh(), 2, StrictMath::tanh, GENERAL),
                known(new Asinh(), 2, 0, 0, -0.0, -0.0, 1, 0.881373587019543, -2.5, -1.6472311463710958, INF, INF, NAN, NAN),
                known(new Acosh(), 2, 1, 0, 2.5, 1.566799236972411, 0.5, NAN, INF, INF, NAN, NAN),
                known(new Atanh(), 2, 0.5, 0.5493061443340549, -0.25, -0.25541281188299536, -0.0, -0.0, 1, INF, -1, -INF, 2, NAN),
                known(new Logistic(), 2, 0, 0.5, 5, 0.9933071490757152, -5, 0.0066928509242848554, -100, 3.720075976020836e-44,
                        1000, 1, -1000, 0, NAN, NAN),
                known(new Erf(), 2, 0, 0, -0.0, -0.0, 0.5, 0.5204998778130465, 1, 0.8427007929497149, -2, -0.9953222650189527,
                        3, 0.9999779095030014, INF, 1, -INF, -1, NAN, NAN),
                known(new Erfc(), 4, 0, 1, 0.5, 0.4795001221869535, 3, 2.209049699858544e-05, -1, 1.8427007929497148,
                        10, 2.088487583762545e-45, INF, 0, -INF, 2, NAN, NAN),
                known(new ErfInv(), 5, 0, 0, 0.5, 0.4769362762044699, -0.75, -0.8134198475976185, 1, INF, -1, -INF, 1.5, NAN, NAN, NAN),
                known(new Lgamma(), 3, 1, 0, 2, 0, 0.5, 0.5723649429247001, 3, 0.6931471805599453, 10, 12.801827480081469,
                        0, INF, -1, INF, -0.5, 1.2655121234846454, INF, INF, NAN, NAN),
                known(new Digamma(), 3, 1, -0.5772156649015329, 0.5, -1.9635100260214235, 2, 0.42278433509846713,
                        10, 2.251752589066721, 0, NAN, -2, NAN, -0.5, 0.03648997397857652, INF, INF, NAN, NAN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchTheDoubleReferenceInF64(Case c) {
        double[] got = run(c.p(), Operand.f64(Shape.of(c.x().length), c.x()), DType.F64).f64();
        for (int i = 0; i < got.length; i++) {
            assertClose(c.reference().applyAsDouble(c.x()[i]), got[i], c.f64Ulps(), c + "(" + c.x()[i] + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRoundTheDoubleReferenceOnceInF32(Case c) {
        float[] x = new float[c.x().length];
        for (int i = 0; i < x.length; i++) x[i] = (float) c.x()[i];
        float[] got = run(c.p(), Operand.f32(Shape.of(x.length), x), DType.F32).f32();
        for (int i = 0; i < got.length; i++) {
            float expected = (float) c.reference().applyAsDouble(x[i]);
            assertClose(expected, got[i], c.f64Ulps() == 0 ? 0 : 1, c + "(" + x[i] + "f)");
        }
    }

    @Test
    void shouldMarkFiniteElements() {
        float[] x32 = {0, -0f, 1, -Float.MAX_VALUE, Float.MIN_VALUE, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        boolean[] expected = {true, true, true, true, true, false, false, false};
        assertArrayEquals(expected, run(new IsFinite(), Operand.f32(Shape.of(2, 4), x32), DType.BOOL).bool());
        double[] x64 = {0, -0.0, 1, -Double.MAX_VALUE, Double.MIN_VALUE, NAN, INF, -INF};
        assertArrayEquals(expected, run(new IsFinite(), Operand.f64(Shape.of(8), x64), DType.BOOL).bool());
    }

    @Test
    void shouldNegateTakeAbsAndSignOfFloats() {
        double[] x = {2.5, -3, 0.0, -0.0, INF, -INF, NAN, Double.MIN_VALUE, -Double.MAX_VALUE};
        for (DType d : new DType[] {DType.F32, DType.F64}) {
            HostData neg = run(new Neg(), Operand.of(d, Shape.of(x.length), x), d);
            HostData abs = run(new Abs(), Operand.of(d, Shape.of(x.length), x), d);
            HostData sign = run(new Sign(), Operand.of(d, Shape.of(x.length), x), d);
            for (int i = 0; i < x.length; i++) {
                double v = d == DType.F32 ? (float) x[i] : x[i];
                assertClose(d, v * -1.0, neg.getDouble(i), 0, "neg(" + v + ")");
                assertClose(d, Double.longBitsToDouble(Double.doubleToRawLongBits(v) & Long.MAX_VALUE), abs.getDouble(i), 0, "abs(" + v + ")");
                double expectedSign = Double.isNaN(v) || v == 0 ? v : v > 0 ? 1 : -1;
                assertClose(d, expectedSign, sign.getDouble(i), 0, "sign(" + v + ")");
            }
        }
    }

    @Test
    void shouldRaiseFloatsToIntegerPowers() {
        double[] x = {2, -2, 0.5, 1.1, -0.7, 3, 1e10};
        for (int y : new int[] {0, 1, 2, 3, 5, 7, 13, -1, -2, -3}) {
            for (DType d : new DType[] {DType.F32, DType.F64}) {
                HostData r = run(new IntegerPow(y), Operand.of(d, Shape.of(x.length), x), d);
                for (int i = 0; i < x.length; i++) {
                    double v = d == DType.F32 ? (float) x[i] : x[i];
                    // The exact power, rounded once; repeated squaring rounds at most 2 log2|y| + 2 times.
                    BigDecimal power = new BigDecimal(v).pow(Math.abs(y));
                    double exact = y >= 0 ? power.doubleValue() : BigDecimal.ONE.divide(power, MathContext.DECIMAL128).doubleValue();
                    double roundings = 2 * (32 - Integer.numberOfLeadingZeros(Math.abs(y))) + 2;
                    assertClose(d, exact, r.getDouble(i), y == 0 ? 0 : roundings, v + "^" + y);
                }
            }
        }
    }

    @Test
    void shouldFollowCForSpecialIntegerPowers() {
        double[] x = {NAN, 0.0, -0.0, INF, -INF, 0.0, -0.0, -0.0, INF, NAN};
        int[] y = {0, 0, -1, 0, 3, -1, -1, 3, -2, 2};
        double[] expected = {1, 1, -INF, 1, -INF, INF, -INF, -0.0, 0, NAN};
        for (int i = 0; i < x.length; i++) {
            for (DType d : new DType[] {DType.F32, DType.F64}) {
                HostData r = run(new IntegerPow(y[i]), Operand.of(d, Shape.SCALAR, x[i]), d);
                assertClose(d, expected[i], r.getDouble(0), 0, x[i] + "^" + y[i]);
            }
        }
    }

    private static HostData run(Primitive p, Operand x, DType expectedDtype) {
        Result r = KernelHarness.run(p, x);
        assertEquals(expectedDtype, r.data().dtype(), p + " result dtype");
        assertEquals(x.aval().size(), r.data().size(), p + " result size");
        return r.data();
    }

    /** Compares in the ulps of {@code d}: the float ones for f32. */
    private static void assertClose(DType d, double expected, double got, double ulps, String what) {
        if (d == DType.F32) assertClose((float) expected, (float) got, ulps, what + " in f32");
        else assertClose(expected, got, ulps, what + " in f64");
    }

    /** Asserts {@code got} is within {@code ulps} of {@code expected}, NaN where it is NaN, and zeros with the same sign. */
    private static void assertClose(double expected, double got, double ulps, String what) {
        if (expected == 0 && got == 0) {
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got), what + ": sign of zero");
            return;
        }
        assertTrue(Ulps.between(got, expected) <= ulps, () -> what + " = " + got + ", expected " + expected + " within " + ulps + " ulp");
    }

    private static void assertClose(float expected, float got, double ulps, String what) {
        if (expected == 0 && got == 0) {
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(got), what + ": sign of zero");
            return;
        }
        assertTrue(Ulps.between(got, expected) <= ulps, () -> what + " = " + got + "f, expected " + expected + "f within " + ulps + " ulp");
    }

    /** Rounds a double to an integer with exact decimal arithmetic; zeros keep the sign of {@code x}. */
    private static double roundExactly(double x, RoundingMode mode) {
        if (!Double.isFinite(x)) return x;
        double r = new BigDecimal(x).setScale(0, mode).doubleValue();
        return r == 0 ? Math.copySign(0.0, x) : r;
    }

    /** {@code 1/sqrt(x)} with 34-digit decimal arithmetic, rounded once. */
    private static double reciprocalSqrt(double x) {
        if (!(x > 0) || Double.isInfinite(x)) return 1 / StrictMath.sqrt(x);   // 0, -0, negatives, inf, NaN: IEEE special values
        return BigDecimal.ONE.divide(new BigDecimal(x).sqrt(MathContext.DECIMAL128), MathContext.DECIMAL128).doubleValue();
    }
}
