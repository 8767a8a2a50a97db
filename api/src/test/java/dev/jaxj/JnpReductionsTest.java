package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reductions and scans against double-precision loops written here. */
class JnpReductionsTest {
    private static final double INF = Double.POSITIVE_INFINITY, NAN = Double.NaN;

    /** A 2x3x4 array with values 0..23 (exact in every dtype). */
    private static Array cube(DType d) {
        double[] v = new double[24];
        for (int i = 0; i < 24; i++) v[i] = i;
        return arr(d, Shape.of(2, 3, 4), v);
    }

    /** Sums of {@code cube} over axis 1, by loop. */
    private static double[] cubeSumAxis1() {
        double[] e = new double[8];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) e[i * 4 + k] += i * 12 + j * 4 + k;
        return e;
    }

    @Test
    void shouldSumOverAnyAxesInEveryNumericDtype() {
        for (DType d : List.of(DType.F32, DType.F64, DType.I32, DType.I64, DType.U32)) {
            Array x = cube(d);
            assertArray(Jnp.sum(x), d, Shape.SCALAR, 276);
            assertArray(Jnp.sum(x, 1), d, Shape.of(2, 4), cubeSumAxis1());
            assertArray(Jnp.sum(x, -2), d, Shape.of(2, 4), cubeSumAxis1());
            assertArray(Jnp.sum(x, true, 1), d, Shape.of(2, 1, 4), cubeSumAxis1());
            assertArray(Jnp.sum(x, 0, 2), d, Shape.of(3), 60, 92, 124);
        }
    }

    @Test
    void shouldKeepAllReducedAxesWhenKeepdimsWithoutAxes() {
        assertArray(Jnp.sum(cube(DType.F32), true), DType.F32, Shape.of(1, 1, 1), 276);
    }

    @Test
    void shouldCountBoolsAsInt32() {
        Array b = Jnp.array(new boolean[][] {{true, false, true}, {true, true, true}});
        assertArray(Jnp.sum(b), DType.I32, Shape.SCALAR, 5);
        assertArray(Jnp.sum(b, 1), DType.I32, Shape.of(2), 2, 3);
        assertArray(Jnp.countNonzero(f32(0, 1.5, -2, 0)), DType.I32, Shape.SCALAR, 2);
        assertArray(Jnp.prod(b, 0), DType.I32, Shape.of(3), 1, 0, 1);
    }

    @Test
    void shouldReduceEmptyAndScalarInputs() {
        assertArray(Jnp.sum(Jnp.zeros(0, 3), 0), DType.F32, Shape.of(3), 0, 0, 0);
        assertArray(Jnp.prod(Jnp.zeros(2, 0), 1), DType.F32, Shape.of(2), 1, 1);
        assertArray(Jnp.sum(Jnp.scalar(2.5f)), DType.F32, Shape.SCALAR, 2.5);
        assertArray(Jnp.mean(Jnp.zeros(0)), DType.F32, Shape.SCALAR, NAN);
        assertBools(Jnp.all(Jnp.zeros(0)), Shape.SCALAR, true);
        assertBools(Jnp.any(Jnp.zeros(0)), Shape.SCALAR, false);
    }

    @Test
    void shouldTakeProductsAndExtremes() {
        Array x = arr(DType.F64, Shape.of(2, 3), 1, -2, 3, 0.5, 4, -6);
        assertArray(Jnp.prod(x, 0), DType.F64, Shape.of(3), 0.5, -8, -18);
        assertArray(Jnp.max(x, -1), DType.F64, Shape.of(2), 3, 4);
        assertArray(Jnp.min(x), DType.F64, Shape.SCALAR, -6);
        assertArray(Jnp.max(x, true, 0), DType.F64, Shape.of(1, 3), 1, 4, 3);
        assertArray(Jnp.max(f32(1, NAN, 3)), DType.F32, Shape.SCALAR, NAN);
        assertArray(Jnp.min(i32(4, -2, 9)), DType.I32, Shape.SCALAR, -2);
        assertBools(Jnp.max(bools(false, true)), Shape.SCALAR, true);
    }

    @Test
    void shouldRejectMaxOfAnEmptyAxis() {
        assertError(ShapeError.class, "max", () -> Jnp.max(Jnp.zeros(2, 0), 1), "f32[2,0]");
        assertError(ShapeError.class, "min", () -> Jnp.min(Jnp.zeros(0)), "f32[0]");
    }

    @Test
    void shouldRejectBadAxesNamingOpAndAval() {
        Array x = Jnp.zeros(2, 3);
        assertError(ShapeError.class, "sum", () -> Jnp.sum(x, 2), "axis 2", "f32[2,3]");
        assertError(ShapeError.class, "mean", () -> Jnp.mean(x, -3), "axis -3", "f32[2,3]");
        assertError(ArgumentError.class, "sum", () -> Jnp.sum(x, 1, -1), "repeated axis", "f32[2,3]");
        assertError(ShapeError.class, "argmax", () -> Jnp.argmax(x, 5), "f32[2,3]");
        assertError(ShapeError.class, "cumsum", () -> Jnp.cumsum(x, 2), "f32[2,3]");
    }

    @Test
    void shouldAverageIntegersInF32() {
        Array x = cube(DType.I32);
        double[] e = cubeSumAxis1();
        for (int i = 0; i < e.length; i++) e[i] /= 3;
        assertArray(Jnp.mean(x, 1), DType.F32, Shape.of(2, 4), e);
        assertArray(Jnp.mean(x), DType.F32, Shape.SCALAR, 11.5);
        assertArray(Jnp.mean(cube(DType.F64), true, 0, -1), DType.F64, Shape.of(1, 3, 1), 7.5, 11.5, 15.5);
    }

    @Test
    void shouldComputeVarianceAndStdWithDdof() {
        double[] v = uniform(7, 15, -4, 9);
        Array x = arr(DType.F64, Shape.of(3, 5), v);
        double[] var0 = new double[3], var1 = new double[3];
        for (int r = 0; r < 3; r++) {
            double m = 0, ss = 0;
            for (int c = 0; c < 5; c++) m += v[r * 5 + c] / 5;
            for (int c = 0; c < 5; c++) ss += (v[r * 5 + c] - m) * (v[r * 5 + c] - m);
            var0[r] = ss / 5;
            var1[r] = ss / 4;
        }
        assertNear(Jnp.var(x, 1), DType.F64, Shape.of(3), 1e-14, var0);
        assertNear(Jnp.var(x, 1, false, -1), DType.F64, Shape.of(3), 1e-14, var1);
        double[] sd = {Math.sqrt(var1[0]), Math.sqrt(var1[1]), Math.sqrt(var1[2])};
        assertNear(Jnp.std(x, 1, true, 1), DType.F64, Shape.of(3, 1), 1e-14, sd);
        assertArray(Jnp.var(i32(1, 2, 3, 4)), DType.F32, Shape.SCALAR, 1.25);
        assertArray(Jnp.std(f32(2, 4, 4, 4, 5, 5, 7, 9)), DType.F32, Shape.SCALAR, 2);
    }

    @Test
    void shouldNotClampTheVarianceDivisor() {
        // As in JAX: N - ddof = 0 divides by zero.
        assertArray(Jnp.var(f32(1, 3), 2, false), DType.F32, Shape.SCALAR, INF);
        assertArray(Jnp.var(f32(2, 2), 2, false), DType.F32, Shape.SCALAR, NAN);
    }

    @Test
    void shouldFindFirstArgmaxAndArgmin() {
        Array x = arr(DType.F32, Shape.of(2, 4), 3, 7, 7, 1, -1, -5, 2, -5);
        assertArray(Jnp.argmax(x, 1), DType.I32, Shape.of(2), 1, 2);
        assertArray(Jnp.argmin(x, -1), DType.I32, Shape.of(2), 3, 1);
        assertArray(Jnp.argmax(x, 0), DType.I32, Shape.of(4), 0, 0, 0, 0);
        assertArray(Jnp.argmax(x), DType.I32, Shape.SCALAR, 1);
        assertArray(Jnp.argmin(x), DType.I32, Shape.SCALAR, 5);
        assertArray(Jnp.argmax(x, 1, true), DType.I32, Shape.of(2, 1), 1, 2);
        assertArray(Jnp.argmax(f32(1, NAN, 5)), DType.I32, Shape.SCALAR, 1);
        assertArray(Jnp.argmin(i32(4, -2, -2)), DType.I32, Shape.SCALAR, 1);
        assertArray(Jnp.argmax(bools(false, true, true)), DType.I32, Shape.SCALAR, 1);
        assertError(ShapeError.class, "argmax", () -> Jnp.argmax(Jnp.zeros(0)), "f32[0]");
    }

    @Test
    void shouldReduceTruthValues() {
        Array x = arr(DType.F32, Shape.of(2, 3), 1, 0, 2, 3, 4, -1);
        assertBools(Jnp.all(x, 1), Shape.of(2), false, true);
        assertBools(Jnp.any(x, 0), Shape.of(3), true, true, true);
        assertBools(Jnp.all(x), Shape.SCALAR, false);
        assertBools(Jnp.any(i32(0, 0), true), Shape.of(1), false);
        assertBools(Jnp.all(bools(true, true)), Shape.SCALAR, true);
    }

    @Test
    void shouldComputeLogsumexpWithoutOverflow() {
        assertArray(Jnp.logsumexp(f32(1000, 1000)), DType.F32, Shape.SCALAR, 1000 + Math.log(2));
        assertArray(Jnp.logsumexp(f64(-1000, -1000)), DType.F64, Shape.SCALAR, -1000 + Math.log(2));
        Array rows = arr(DType.F64, Shape.of(4, 2), -INF, -INF, -INF, 0, INF, 1, 2, 3);
        assertArray(Jnp.logsumexp(rows, 1), DType.F64, Shape.of(4), -INF, 0, INF, 3 + Math.log1p(Math.exp(-1)));
        assertArray(Jnp.logsumexp(rows, true, 1), DType.F64, Shape.of(4, 1), -INF, 0, INF, 3 + Math.log1p(Math.exp(-1)));
        assertArray(Jnp.logsumexp(Jnp.zeros(0)), DType.F32, Shape.SCALAR, -INF);
        assertArray(Jnp.logsumexp(i32(0, 0)), DType.F32, Shape.SCALAR, Math.log(2));
    }

    @Test
    void shouldMatchLogsumexpLoop() {
        double[] v = uniform(3, 12, -5, 5);
        Array x = arr(DType.F64, Shape.of(3, 4), v);
        double[] e = new double[4];
        for (int c = 0; c < 4; c++) {
            double s = 0;
            for (int r = 0; r < 3; r++) s += Math.exp(v[r * 4 + c]);
            e[c] = Math.log(s);
        }
        assertNear(Jnp.logsumexp(x, 0), DType.F64, Shape.of(4), 1e-14, e);
    }

    @Test
    void shouldAccumulateAlongAxesAndTheFlattenedArray() {
        Array x = arr(DType.I32, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertArray(Jnp.cumsum(x, 1), DType.I32, Shape.of(2, 3), 1, 3, 6, 4, 9, 15);
        assertArray(Jnp.cumsum(x, -2), DType.I32, Shape.of(2, 3), 1, 2, 3, 5, 7, 9);
        assertArray(Jnp.cumsum(x), DType.I32, Shape.of(6), 1, 3, 6, 10, 15, 21);
        assertArray(Jnp.cumprod(x, 1), DType.I32, Shape.of(2, 3), 1, 2, 6, 4, 20, 120);
        assertArray(Jnp.cumprod(f64(0.5, 4, -1)), DType.F64, Shape.of(3), 0.5, 2, -2);
        assertArray(Jnp.cumsum(bools(true, false, true)), DType.I32, Shape.of(3), 1, 1, 2);
        assertArray(Jnp.cumsum(Jnp.zeros(0)), DType.F32, Shape.of(0));
        assertArray(Jnp.cumsum(Jnp.scalar(2f)), DType.F32, Shape.of(1), 2);
    }

    @Test
    void shouldAverageWithWeights() {
        Array x = arr(DType.F32, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertArray(Jnp.average(x, f32(1, 0, 3), 1), DType.F32, Shape.of(2), 2.5, 5.5);
        assertArray(Jnp.average(x, arr(DType.F32, Shape.of(2, 3), 1, 1, 1, 1, 1, 5)), DType.F32, Shape.SCALAR, 45.0 / 10);
        assertArray(Jnp.average(i32(1, 2), 0), DType.F32, Shape.SCALAR, 1.5);
        assertError(ShapeError.class, "average", () -> Jnp.average(x, f32(1, 2), 1), "f32[2,3]", "f32[2]");
    }

    @Test
    void shouldKeepRankZeroResultsScalar() {
        Array s = Jnp.sum(cube(DType.F32));
        assertEquals(0, s.ndim());
        assertEquals(276f, s.floatValue());
    }
}
