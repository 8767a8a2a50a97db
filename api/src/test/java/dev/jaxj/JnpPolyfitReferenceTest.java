package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.arr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Jnp#polyfit} and its full and covariance forms against numpy.polyfit's stored results (numpy/polyfit_reference.py). */
class JnpPolyfitReferenceTest {
    private static final ReferenceFile REF = ReferenceFile.load(JnpPolyfitReferenceTest.class, "numpy/polyfit_reference.txt");
    /** SVD solutions of well-conditioned 8 x 4 systems in f64. */
    private static final double TOL = 1e-10;

    private static Array in(String name) {
        double[] shape = REF.get("in." + name + ".shape");
        int[] dims = new int[(int) shape[0]];
        for (int i = 0; i < dims.length; i++) dims[i] = (int) shape[i + 1];
        return arr(DType.F64, Shape.of(dims), REF.get("in." + name));
    }

    private static void assertRef(String name, Array actual, double relTol) {
        double[] shape = REF.get(name + ".shape"), expected = REF.get(name), got = actual.toDoubleArray();
        assertEquals((int) shape[0], actual.ndim(), name + ": rank");
        for (int i = 0; i < actual.ndim(); i++) assertEquals((int) shape[i + 1], actual.shape().dim(i), name + ": axis " + i);
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], got[i], relTol * Math.max(1, scale), name + ": element " + i);
    }

    @Test
    void coefficientsMatchNumPy() {
        Array x = in("x"), y = in("y");
        assertRef("deg3", Jnp.polyfit(x, y, 3), TOL);
        assertRef("deg0", Jnp.polyfit(x, y, 0), TOL);
        assertRef("deg2_2d", Jnp.polyfit(x, in("y2"), 2), TOL);
        assertRef("deg2_weighted", Jnp.polyfit(x, y, 2, Option.none(), Option.some(in("w"))), TOL);
        // x near 1000: the scaled columns are nearly parallel (condition ~1e7), and the fit still holds 1e-7.
        assertRef("deg2_far", Jnp.polyfit(in("far"), y, 2), 1e-7);
        assertEquals(DType.F32, Jnp.polyfit(x.astype(DType.I32), y.astype(DType.F32), 1).dtype());
    }

    @Test
    void fullReturnsLstsqDiagnosticsOfTheScaledMatrix() {
        Jnp.PolyfitDiagnostics f = Jnp.polyfitFull(in("x"), in("y"), 3, Option.none(), Option.none());
        assertRef("full.c", f.coefficients(), TOL);
        assertRef("full.resid", f.residuals(), TOL);
        assertRef("full.rank", f.rank(), 0);
        assertRef("full.s", f.singularValues(), TOL);
        assertEquals(REF.get("full.rcond")[0], f.rcond(), 0);
    }

    @Test
    void covarianceScaledUnscaledWeightedAndPerColumn() {
        Array x = in("x"), y = in("y");
        Jnp.PolyfitCovariance c = Jnp.polyfitCov(x, y, 2, Option.none(), false);
        assertRef("cov.c", c.coefficients(), TOL);
        assertRef("cov.scaled", c.covariance(), 1e-9);
        assertRef("cov.unscaled", Jnp.polyfitCov(x, y, 2, Option.none(), true).covariance(), 1e-9);
        assertRef("cov.weighted", Jnp.polyfitCov(x, y, 2, Option.some(in("w")), false).covariance(), 1e-9);
        assertRef("cov.2d", Jnp.polyfitCov(x, in("y2"), 1, Option.none(), false).covariance(), 1e-9);
        ArgumentError e = assertThrows(ArgumentError.class, () -> Jnp.polyfitCov(arr(DType.F64, Shape.of(3), 0, 1, 2), arr(DType.F64, Shape.of(3), 1, 2, 0), 2, Option.none(), false));
        assertEquals(true, e.getMessage().contains("f64[3]"), e.getMessage());
    }

    @Test
    void jitAndGradMatchNumPy() {
        Array x = in("x"), y = in("y"), v = in("v");
        assertRef("deg3", Jax.jit((Function<Array, Array>) yy -> Jnp.polyfit(x, yy, 3)).apply(y), TOL);
        Function<Array, Array> loss = yy -> Jnp.sum(Jnp.multiply(Jnp.polyfit(x, yy, 3), v));
        assertRef("grad_y", Jax.grad(loss).apply(y), 1e-9);
        assertRef("grad_y", Jax.jit(Jax.grad(loss)).apply(y), 1e-9);
    }

    @Test
    void badShapesAndDegreesAreRefused() {
        Array x = in("x"), y = in("y");
        assertThrows(ArgumentError.class, () -> Jnp.polyfit(x, y, -1));
        ShapeError e = assertThrows(ShapeError.class, () -> Jnp.polyfit(x, arr(DType.F64, Shape.of(3), 1, 2, 3), 1));
        assertEquals(true, e.getMessage().contains("f64[8], f64[3]"), e.getMessage());
        assertThrows(ShapeError.class, () -> Jnp.polyfit(arr(DType.F64, Shape.of(2, 4), new double[8]), y, 1));
        assertThrows(ShapeError.class, () -> Jnp.polyfit(x, y, 1, Option.none(), Option.some(arr(DType.F64, Shape.of(3), 1, 1, 1))));
    }
}
