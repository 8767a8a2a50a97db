package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Elementwise arithmetic and functions of reals against Java's {@code StrictMath} and closed forms. */
class JnpMathTest {

    // Promotion and broadcasting ---------------------------------------------------------------

    @Test
    void shouldBroadcastTrailingAxesWhenAdding() {
        Array x = arr(DType.F32, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertArray(Jnp.add(x, f32(10, 20, 30)), DType.F32, Shape.of(2, 3), 11, 22, 33, 14, 25, 36);
        assertArray(Jnp.add(arr(DType.F32, Shape.of(2, 1), 1, 2), f32(10, 20)), DType.F32, Shape.of(2, 2), 11, 21, 12, 22);
    }

    @Test
    void shouldKeepTheArrayDtypeForWeakJavaScalars() {
        Array i = i32(1, 2);
        assertArray(Jnp.add(i, 1), DType.I32, Shape.of(2), 2, 3);
        assertFalse(Jnp.add(i, 1).weakType());
        assertArray(Jnp.multiply(f64(0.1), 3.0), DType.F64, Shape.of(1), 0.1 * 3.0);
        assertArray(Jnp.subtract(10, i), DType.I32, Shape.of(2), 9, 8);
        assertArray(Jnp.add(arr(DType.U32, Shape.of(1), 7), 1), DType.U32, Shape.of(1), 8);
    }

    @Test
    void shouldPromoteIntegerPlusJavaDoubleToWeakF32() {
        Array r = Jnp.add(i32(1, 2), 0.5);
        assertArray(r, DType.F32, Shape.of(2), 1.5, 2.5);
        assertTrue(r.weakType(), "i32 + Python-style float is weakly typed f32 in JAX");
    }

    @Test
    void shouldPromoteStrongTypesOnTheLattice() {
        assertEquals(DType.I64, Jnp.add(i32(1), arr(DType.U32, Shape.of(1), 1)).dtype());
        assertEquals(DType.F64, Jnp.add(f32(1), f64(1)).dtype());
        assertEquals(DType.F32, Jnp.add(i32(1), f32(1)).dtype());
        assertEquals(DType.F32, Jnp.resultType(i32(1), f32(1)));
        assertEquals(DType.I32, Jnp.resultType(bools(true), Array.scalar(1L)));
    }

    @Test
    void shouldRejectIncompatibleShapesNamingTheOpAndAvals() {
        assertError(ShapeError.class, "add", () -> Jnp.add(f32(1, 2), f32(1, 2, 3)), "f32[2]", "f32[3]");
        assertError(ShapeError.class, "where", () -> Jnp.where(bools(true, false, true), f32(1, 2), 0.0), "bool[3]", "f32[2]");
    }

    @Test
    void shouldHandleRankZeroAndZeroSizeOperands() {
        assertArray(Jnp.multiply(Jnp.scalar(3f), Jnp.scalar(4f)), DType.F32, Shape.SCALAR, 12);
        assertArray(Jnp.add(Jnp.zeros(0, 3), f32(1, 2, 3)), DType.F32, Shape.of(0, 3));
        assertArray(Jnp.sin(Jnp.zeros(0)), DType.F32, Shape.of(0));
    }

    // Arithmetic -------------------------------------------------------------------------------

    @Test
    void shouldTreatBoolAddAsOrAndMultiplyAsAnd() {
        Array a = bools(true, true, false, false), b = bools(true, false, true, false);
        assertBools(Jnp.add(a, b), Shape.of(4), true, true, true, false);
        assertBools(Jnp.multiply(a, b), Shape.of(4), true, false, false, false);
        assertError(DTypeError.class, "subtract", () -> Jnp.subtract(a, b), "bool[4]");
    }

    @Test
    void shouldDivideIntegersAsFloats() {
        assertArray(Jnp.divide(i32(7, -7, 1), i32(2, 2, 0)), DType.F32, Shape.of(3), 3.5, -3.5, Double.POSITIVE_INFINITY);
        assertArray(Jnp.divide(f64(1), f64(3)), DType.F64, Shape.of(1), 1.0 / 3);
    }

    @Test
    void shouldFloorDivideAndTakeRemaindersWithPythonSigns() {
        double[] a = {-7, 7, -7, 7, -6, 0, 5}, b = {2, 2, -2, -2, 2, 3, -5};
        double[] q = new double[a.length], r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            q[i] = Math.floorDiv((int) a[i], (int) b[i]);
            r[i] = Math.floorMod((int) a[i], (int) b[i]);
        }
        for (DType d : List.of(DType.I32, DType.I64, DType.F32, DType.F64)) {
            Array x = arr(d, Shape.of(a.length), a), y = arr(d, Shape.of(b.length), b);
            assertArray(Jnp.floorDivide(x, y), d, Shape.of(a.length), q);
            assertArray(Jnp.remainder(x, y), d, Shape.of(a.length), r);
            assertArray(Jnp.mod(x, y), d, Shape.of(a.length), r);
        }
    }

    @Test
    void shouldFloorDivideFractionalFloatsExactly() {
        // Python: -7.5 // 2 == -4, 7.5 % -2 == -0.5, 1 // 0.1 == 9 (0.1 is slightly above 1/10).
        assertArray(Jnp.floorDivide(f64(-7.5, 7.5, 1), f64(2, -2, 0.1)), DType.F64, Shape.of(3), -4, -4, 9);
        assertArray(Jnp.remainder(f64(-7.5, 7.5), f64(2, -2)), DType.F64, Shape.of(2), 0.5, -0.5);
    }

    @Test
    void shouldGiveZeroRemainderForIntegerDivisionByZero() {
        assertArray(Jnp.remainder(i32(5, -5), i32(0, 0)), DType.I32, Shape.of(2), 0, 0);
    }

    @Test
    void shouldFloorDivideUnsignedIntegers() {
        Array x = arr(DType.U32, Shape.of(2), 7, 4_000_000_000.0), y = arr(DType.U32, Shape.of(2), 2, 3);
        assertArray(Jnp.floorDivide(x, y), DType.U32, Shape.of(2), 3, 1_333_333_333);
        assertArray(Jnp.remainder(x, y), DType.U32, Shape.of(2), 1, 1);
    }

    @Test
    void shouldRaiseIntegersToIntegerPowersExactly() {
        Array r = Jnp.power(i32(2, 3, -2, 0, 5, 0, -1), i32(10, 3, 3, 0, 0, 7, 63));
        assertArray(r, DType.I32, Shape.of(7), 1024, 27, -8, 1, 1, 0, -1);
        Array big = Jnp.power(arr(DType.I64, Shape.of(1), 3), arr(DType.I64, Shape.of(1), 39));
        assertEquals(DType.I64, big.dtype());
        assertEquals(4052555153018976267L, big.toLongArray()[0]);
    }

    @Test
    void shouldRaiseFloatsToPowers() {
        double[] a = {0.5, 2, 9, 1.5}, b = {2, -1, 0.5, 3.25};
        double[] e = new double[4];
        for (int i = 0; i < 4; i++) e[i] = StrictMath.pow(a[i], b[i]);
        assertArray(Jnp.power(f64(a), f64(b)), DType.F64, Shape.of(4), e);
        assertArray(Jnp.power(i32(4, 9), 0.5), DType.F32, Shape.of(2), 2, 3);
        assertArray(Jnp.power(f32(2, -3), 3), DType.F32, Shape.of(2), 8, -27);
        assertArray(Jnp.power(i32(2, -3), 3), DType.I32, Shape.of(2), 8, -27);
        assertArray(Jnp.power(2.0, f32(3, -1)), DType.F32, Shape.of(2), 8, 0.5);
    }

    @Test
    void shouldNegateTakeAbsAndSign() {
        assertArray(Jnp.negative(i32(1, -2)), DType.I32, Shape.of(2), -1, 2);
        assertArray(Jnp.abs(f32(-1.5, 2, -0.0)), DType.F32, Shape.of(3), 1.5, 2, 0);
        assertArray(Jnp.sign(f64(-3, 0, 2, Double.NaN)), DType.F64, Shape.of(4), -1, 0, 1, Double.NaN);
        assertArray(Jnp.sign(i32(-3, 0, 2)), DType.I32, Shape.of(3), -1, 0, 1);
        assertBools(Jnp.abs(bools(true, false)), Shape.of(2), true, false);
        assertArray(Jnp.abs(arr(DType.U32, Shape.of(1), 4_000_000_000.0)), DType.U32, Shape.of(1), 4_000_000_000.0);
        assertArray(Jnp.positive(f32(-1)), DType.F32, Shape.of(1), -1);
        assertError(DTypeError.class, "negative", () -> Jnp.negative(bools(true)), "bool[1]");
        assertArray(Jnp.square(i32(-3, 4)), DType.I32, Shape.of(2), 9, 16);
        assertArray(Jnp.reciprocal(i32(2, 4)), DType.F32, Shape.of(2), 0.5, 0.25);
    }

    // Rounding ---------------------------------------------------------------------------------

    @Test
    void shouldRoundHalvesToEven() {
        double[] x = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, -2.6};
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) e[i] = Math.rint(x[i]);
        for (DType d : List.of(DType.F32, DType.F64)) {
            assertArray(Jnp.round(arr(d, Shape.of(x.length), x)), d, Shape.of(x.length), e);
            assertArray(Jnp.rint(arr(d, Shape.of(x.length), x)), d, Shape.of(x.length), e);
        }
    }

    @Test
    void shouldRoundToDecimals() {
        // 1.25 * 10 and 1.35 * 10 are exact halves in binary after the product rounds: 12.5 -> 12, 13.5 -> 14.
        assertArray(Jnp.round(f64(1.25, 1.35, -0.15, 123.456), 1), DType.F64, Shape.of(4), 1.2, 1.4, -0.2, 123.5);
        assertArray(Jnp.round(f64(1234.5, 1250), -2), DType.F64, Shape.of(2), 1200, 1200);
    }

    @Test
    void shouldLeaveIntegersUnchangedWhenRoundingExceptRint() {
        Array i = i32(-3, 7);
        for (UnaryOperator<Array> f : List.<UnaryOperator<Array>>of(Jnp::floor, Jnp::ceil, Jnp::trunc, Jnp::round)) {
            assertArray(f.apply(i), DType.I32, Shape.of(2), -3, 7);
        }
        assertArray(Jnp.rint(i), DType.F32, Shape.of(2), -3, 7);
        assertError(ArgumentError.class, "round", () -> Jnp.round(i, -1), "i32[2]");
    }

    @Test
    void shouldFloorCeilAndTruncateFloats() {
        double[] x = {-2.5, -0.5, 0.5, 2.5, -0.0, 3};
        Array a = f32(x);
        double[] fl = new double[x.length], ce = new double[x.length], tr = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            fl[i] = Math.floor(x[i]);
            ce[i] = Math.ceil(x[i]);
            tr[i] = x[i] < 0 ? Math.ceil(x[i]) : Math.floor(x[i]);
        }
        assertArray(Jnp.floor(a), DType.F32, Shape.of(x.length), fl);
        assertArray(Jnp.ceil(a), DType.F32, Shape.of(x.length), ce);
        assertArray(Jnp.trunc(a), DType.F32, Shape.of(x.length), tr);
    }

    // Functions of reals -----------------------------------------------------------------------

    /** One row per unary function: the function, its reference, and its domain. */
    record UnaryCase(String name, UnaryOperator<Array> f, DoubleUnaryOperator ref, double lo, double hi) {
        @Override public String toString() { return name; }
    }

    static List<UnaryCase> unaryCases() {
        return List.of(
                new UnaryCase("exp", Jnp::exp, StrictMath::exp, -5, 5),
                new UnaryCase("exp2", Jnp::exp2, v -> StrictMath.pow(2, v), -5, 5),
                new UnaryCase("expm1", Jnp::expm1, StrictMath::expm1, -1, 1),
                new UnaryCase("log", Jnp::log, StrictMath::log, 0.01, 10),
                new UnaryCase("log2", Jnp::log2, v -> StrictMath.log(v) / StrictMath.log(2), 0.01, 10),
                new UnaryCase("log10", Jnp::log10, StrictMath::log10, 0.01, 10),
                new UnaryCase("log1p", Jnp::log1p, StrictMath::log1p, -0.5, 2),
                new UnaryCase("sqrt", Jnp::sqrt, StrictMath::sqrt, 0, 10),
                new UnaryCase("rsqrt", Jnp::rsqrt, v -> 1 / StrictMath.sqrt(v), 0.1, 10),
                new UnaryCase("cbrt", Jnp::cbrt, StrictMath::cbrt, -10, 10),
                new UnaryCase("sin", Jnp::sin, StrictMath::sin, -4, 4),
                new UnaryCase("cos", Jnp::cos, StrictMath::cos, -4, 4),
                new UnaryCase("tan", Jnp::tan, StrictMath::tan, -1.2, 1.2),
                new UnaryCase("arcsin", Jnp::arcsin, StrictMath::asin, -1, 1),
                new UnaryCase("arccos", Jnp::arccos, StrictMath::acos, -1, 1),
                new UnaryCase("arctan", Jnp::arctan, StrictMath::atan, -5, 5),
                new UnaryCase("sinh", Jnp::sinh, StrictMath::sinh, -3, 3),
                new UnaryCase("cosh", Jnp::cosh, StrictMath::cosh, -3, 3),
                new UnaryCase("tanh", Jnp::tanh, StrictMath::tanh, -3, 3),
                new UnaryCase("arcsinh", Jnp::arcsinh, v -> StrictMath.log(v + StrictMath.sqrt(v * v + 1)), -3, 3),
                new UnaryCase("arccosh", Jnp::arccosh, v -> StrictMath.log(v + StrictMath.sqrt(v * v - 1)), 1, 5),
                new UnaryCase("arctanh", Jnp::arctanh, v -> 0.5 * StrictMath.log((1 + v) / (1 - v)), -0.9, 0.9),
                new UnaryCase("deg2rad", Jnp::deg2rad, Math::toRadians, -360, 360),
                new UnaryCase("rad2deg", Jnp::rad2deg, Math::toDegrees, -7, 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryCases")
    void shouldMatchStrictMathInF32AndF64(UnaryCase c) {
        double[] x = uniform(c.name().hashCode(), 24, c.lo(), c.hi());
        for (DType d : List.of(DType.F32, DType.F64)) {
            Array a = arr(d, Shape.of(4, 6), x);
            double[] in = a.toDoubleArray(), e = new double[in.length];
            for (int i = 0; i < in.length; i++) e[i] = d == DType.F32 ? (float) c.ref().applyAsDouble(in[i]) : c.ref().applyAsDouble(in[i]);
            // f32 kernels may be a few ulps off the correctly rounded value (2^-23 ~ 1.2e-7 each); f64
            // composites (log2 = log * c, arcsinh via log) round two or three times.
            assertNear(c.f().apply(a), d, Shape.of(4, 6), d == DType.F32 ? 2e-6 : 1e-14, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryCases")
    void shouldComputeIntegersInF32(UnaryCase c) {
        Array a = i32(1, 2, 3);
        Array r = c.f().apply(a);
        assertEquals(DType.F32, r.dtype(), c.name());
        assertEquals(Shape.of(3), r.shape());
        assertEquals(Shape.SCALAR, c.f().apply(Jnp.scalar(0.5f)).shape());
    }

    @Test
    void shouldTakeArctan2InTheRightQuadrant() {
        double[] y = {1, 1, -1, -1, 0}, x = {1, -1, -1, 1, -1};
        double[] e = new double[y.length];
        for (int i = 0; i < y.length; i++) e[i] = StrictMath.atan2(y[i], x[i]);
        assertArray(Jnp.arctan2(f64(y), f64(x)), DType.F64, Shape.of(5), e);
        assertArray(Jnp.arctan2(i32(1), i32(0)), DType.F32, Shape.of(1), (float) (Math.PI / 2));
    }

    @Test
    void shouldComputeHypotWithoutOverflow() {
        assertArray(Jnp.hypot(f32(3e30, 3, 0, Double.POSITIVE_INFINITY, -5), f32(4e30, 4, 0, Double.NaN, 12)), DType.F32, Shape.of(5),
                5e30, 5, 0, Double.POSITIVE_INFINITY, 13);
    }

    @Test
    void shouldAddLogarithmsStably() {
        double inf = Double.POSITIVE_INFINITY;
        Array r = Jnp.logaddexp(f64(1000, -1000, 0, -inf, inf, 2), f64(1000, -1000, -inf, -inf, 5, 3));
        double small = 3 + StrictMath.log1p(StrictMath.exp(-1));
        assertNear(r, DType.F64, Shape.of(6), 1e-15, 1000 + Math.log(2), -1000 + Math.log(2), 0, -inf, inf, small);
    }

    @Test
    void shouldCopySignsIncludingNegativeZero() {
        assertArray(Jnp.copysign(f32(1, 2, -3, 4), f32(-0.0, 0.0, 5, -1)), DType.F32, Shape.of(4), -1, 2, 3, -4);
        assertBools(Jnp.signbit(f32(-0.0, 0.0, -1, 2)), Shape.of(4), true, false, true, false);
        assertBools(Jnp.signbit(f64(-0.0, 1)), Shape.of(2), true, false);
        assertBools(Jnp.signbit(i32(-1, 0)), Shape.of(2), true, false);
    }

    @Test
    void shouldComputeHeaviside() {
        assertArray(Jnp.heaviside(f32(-2, 0, 3), f32(0.5)), DType.F32, Shape.of(3), 0, 0.5, 1);
    }

    // Extremes and selection -------------------------------------------------------------------

    @Test
    void shouldPropagateNanInMaximumButNotInFmax() {
        double nan = Double.NaN;
        Array a = f32(1, nan, nan, 5), b = f32(2, 3, nan, -1);
        assertArray(Jnp.maximum(a, b), DType.F32, Shape.of(4), 2, nan, nan, 5);
        assertArray(Jnp.minimum(a, b), DType.F32, Shape.of(4), 1, nan, nan, -1);
        assertArray(Jnp.fmax(a, b), DType.F32, Shape.of(4), 2, 3, nan, 5);
        assertArray(Jnp.fmin(a, b), DType.F32, Shape.of(4), 1, 3, nan, -1);
        assertArray(Jnp.maximum(i32(1, 7), 3), DType.I32, Shape.of(2), 3, 7);
        assertBools(Jnp.maximum(bools(true, false), bools(false, false)), Shape.of(2), true, false);
        assertBools(Jnp.minimum(bools(true, true), bools(false, true)), Shape.of(2), false, true);
    }

    @Test
    void shouldClipKeepingIntegerDtypeForIntegerBounds() {
        assertArray(Jnp.clip(i32(-5, 3, 12), 0, 10), DType.I32, Shape.of(3), 0, 3, 10);
        assertArray(Jnp.clip(f64(-5, 0.5, 12), 0.0, 1.0), DType.F64, Shape.of(3), 0, 0.5, 1);
        assertArray(Jnp.clip(f32(1, 5, 9), f32(2, 2, 2), f32(8)), DType.F32, Shape.of(3), 2, 5, 8);
    }

    @Test
    void shouldSelectWithBroadcastAndPromotion() {
        Array x = arr(DType.I32, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        Array r = Jnp.where(bools(true, false, true), x, 0.5);
        assertArray(r, DType.F32, Shape.of(2, 3), 1, 0.5, 3, 4, 0.5, 6);
        assertArray(Jnp.where(f32(0, 2), 1.0, 2.0), DType.F32, Shape.of(2), 2, 1);
        assertArray(Jnp.where(Jnp.greater(x, 3), x, Jnp.negative(x)), DType.I32, Shape.of(2, 3), -1, -2, -3, 4, 5, 6);
    }

    // Comparisons, logic, bits -----------------------------------------------------------------

    @Test
    void shouldCompareWithNanUnorderedAndScalarsPromoted() {
        double nan = Double.NaN;
        Array a = f32(1, 2, nan), b = f32(2, 2, nan);
        assertBools(Jnp.equal(a, b), Shape.of(3), false, true, false);
        assertBools(Jnp.notEqual(a, b), Shape.of(3), true, false, true);
        assertBools(Jnp.less(a, b), Shape.of(3), true, false, false);
        assertBools(Jnp.lessEqual(a, b), Shape.of(3), true, true, false);
        assertBools(Jnp.greater(a, b), Shape.of(3), false, false, false);
        assertBools(Jnp.greaterEqual(a, b), Shape.of(3), false, true, false);
        assertBools(Jnp.less(i32(1, 2), 1.5), Shape.of(2), true, false);
        assertBools(Jnp.equal(i32(1, 2), 2), Shape.of(2), false, true);
    }

    @Test
    void shouldTreatNonZeroAsTrueInLogicalFunctions() {
        Array a = f32(0, 0, 2, -1), b = i32(0, 3, 0, 1);
        assertBools(Jnp.logicalAnd(a, b), Shape.of(4), false, false, false, true);
        assertBools(Jnp.logicalOr(a, b), Shape.of(4), false, true, true, true);
        assertBools(Jnp.logicalXor(a, b), Shape.of(4), false, true, true, false);
        assertBools(Jnp.logicalNot(a), Shape.of(4), true, true, false, false);
    }

    @Test
    void shouldApplyBitwiseFunctionsToIntegersAndBools() {
        Array a = i32(12, -1), b = i32(10, 5);
        assertArray(Jnp.bitwiseAnd(a, b), DType.I32, Shape.of(2), 8, 5);
        assertArray(Jnp.bitwiseOr(a, b), DType.I32, Shape.of(2), 14, -1);
        assertArray(Jnp.bitwiseXor(a, b), DType.I32, Shape.of(2), 6, -6);
        assertArray(Jnp.bitwiseNot(a), DType.I32, Shape.of(2), ~12, 0);
        assertBools(Jnp.bitwiseXor(bools(true, true), bools(true, false)), Shape.of(2), false, true);
        assertError(DTypeError.class, "bitwise_and", () -> Jnp.bitwiseAnd(f32(1), i32(1)), "f32[1]", "i32[1]");
    }

    @Test
    void shouldShiftArithmeticallyForSignedAndLogicallyForUnsigned() {
        assertArray(Jnp.leftShift(i32(1, 1, 3), i32(0, 31, 2)), DType.I32, Shape.of(3), 1, Integer.MIN_VALUE, 12);
        assertArray(Jnp.rightShift(i32(-8, 8), i32(1, 2)), DType.I32, Shape.of(2), -4, 2);
        Array u = arr(DType.U32, Shape.of(1), 4_294_967_295.0);
        assertArray(Jnp.rightShift(u, arr(DType.U32, Shape.of(1), 28)), DType.U32, Shape.of(1), 15);
        assertError(DTypeError.class, "left_shift", () -> Jnp.leftShift(f32(1), i32(1)), "f32[1]");
    }

    @Test
    void shouldClassifyFloatingPointValues() {
        double inf = Double.POSITIVE_INFINITY, nan = Double.NaN;
        Array a = f64(1, -inf, inf, nan);
        assertBools(Jnp.isfinite(a), Shape.of(4), true, false, false, false);
        assertBools(Jnp.isinf(a), Shape.of(4), false, true, true, false);
        assertBools(Jnp.isnan(a), Shape.of(4), false, false, false, true);
        assertBools(Jnp.isfinite(i32(1, 2)), Shape.of(2), true, true);
        assertBools(Jnp.isnan(i32(1)), Shape.of(1), false);
        assertBools(Jnp.isinf(bools(true)), Shape.of(1), false);
    }

    @Test
    void shouldReplaceNanAndInfinities() {
        double inf = Double.POSITIVE_INFINITY;
        Array a = f32(Double.NaN, inf, -inf, 2);
        assertArray(Jnp.nanToNum(a), DType.F32, Shape.of(4), 0, Float.MAX_VALUE, -Float.MAX_VALUE, 2);
        assertArray(Jnp.nanToNum(f64(Double.NaN, inf)), DType.F64, Shape.of(2), 0, Double.MAX_VALUE);
        assertArray(Jnp.nanToNum(a, -1, 9, -9), DType.F32, Shape.of(4), -1, 9, -9, 2);
        assertArray(Jnp.nanToNum(i32(3)), DType.I32, Shape.of(1), 3);
    }

    @Test
    void shouldCompareWithRelativeAndAbsoluteTolerances() {
        double inf = Double.POSITIVE_INFINITY, nan = Double.NaN;
        Array a = f64(1, 1e10, 1e-8, inf, inf, nan, 0);
        Array b = f64(1 + 1e-6, 1.00001e10, 2e-8, inf, -inf, nan, 1e-7);
        assertBools(Jnp.isclose(a, b), Shape.of(7), true, true, true, true, false, false, false);
        assertBools(Jnp.isclose(a, b, 1e-5, 1e-8, true), Shape.of(7), true, true, true, true, false, true, false);
        assertBools(Jnp.isclose(i32(1, 2), i32(1, 3)), Shape.of(2), true, false);
        Array all = Jnp.allclose(f32(1, 2), f32(1, 2.00001));
        assertEquals(Shape.SCALAR, all.shape());
        assertTrue(all.booleanValue());
        assertFalse(Jnp.allclose(f32(1, 2), f32(1, 2.1)).booleanValue());
    }

    @Test
    void shouldMatchBinaryReferencesOnRandomInputs() {
        record Case(String name, java.util.function.BinaryOperator<Array> f, DoubleBinaryOperator ref) {}
        List<Case> cases = List.of(
                new Case("add", Jnp::add, Double::sum),
                new Case("subtract", Jnp::subtract, (u, v) -> u - v),
                new Case("multiply", Jnp::multiply, (u, v) -> u * v),
                new Case("divide", Jnp::divide, (u, v) -> u / v),
                new Case("arctan2", Jnp::arctan2, StrictMath::atan2),
                new Case("maximum", Jnp::maximum, Math::max),
                new Case("minimum", Jnp::minimum, Math::min));
        Array a = arr(DType.F64, Shape.of(3, 4), uniform(1, 12, -3, 3)), b = arr(DType.F64, Shape.of(4), uniform(2, 4, 0.5, 3));
        double[] x = a.toDoubleArray(), y = b.toDoubleArray();
        for (Case c : cases) {
            double[] e = new double[12];
            for (int i = 0; i < 12; i++) e[i] = c.ref().applyAsDouble(x[i], y[i % 4]);
            assertNear(c.f().apply(a, b), DType.F64, Shape.of(3, 4), 1e-15, e);
        }
    }
}
