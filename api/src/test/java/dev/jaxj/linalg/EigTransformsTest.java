package dev.jaxj.linalg;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Linalg;
import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.assertError;
import static dev.jaxj.ArrayAssertions.uniform;
import static dev.jaxj.linalg.EigReferenceTest.assertSameMultiset;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code eig} under the transforms: eigenvalue (and opted-in eigenvector) derivatives against
 * central differences in f64, reverse mode through linearize and transpose, {@code vmap} against
 * a loop over the batch, {@code jit} against eager, and the errors JAX raises.
 */
class EigTransformsTest {
    private static final double EPS = 1e-5;

    private static Array matrix(long seed, int n) { return arr(DType.F64, Shape.of(n, n), uniform(seed, n * n, -2, 2)); }

    private static double[][] parts(Array x) { return new double[][] {Jnp.real(x).toDoubleArray(), Jnp.imag(x).toDoubleArray()}; }

    private static Array step(Array a, Array v, double h) { return Lax.add(a, Lax.mul(v, Jnp.fullLike(v, h))); }

    /**
     * Columns (or entries) of {@code f(a + h v)} reordered so that its eigenvalue {@code k} is the
     * one nearest {@code w0[k]}: the solver's order is not guaranteed to be kept under perturbation.
     */
    private static double[][] aligned(double[][] w0, double[][] w, double[][] values, int n, boolean columns) {
        int[] match = assertSameMultiset(w, w0, 1e-3, 0, n);
        double[][] out = new double[2][values[0].length];
        for (int k = 0; k < n; k++) {
            if (!columns) {
                out[0][match[k]] = values[0][k];
                out[1][match[k]] = values[1][k];
                continue;
            }
            for (int i = 0; i < n; i++) {
                out[0][i * n + match[k]] = values[0][i * n + k];
                out[1][i * n + match[k]] = values[1][i * n + k];
            }
        }
        return out;
    }

    /** Output {@code out} of {@code eig(a)} (0: w, 1: vl, 2: vr) differentiated along {@code v} by central differences. */
    private static double[][] centralDifference(Array a, Array v, int out, int n) {
        Function<Array, double[][]> w = x -> parts(Lax.eig(x, true, true, true).get(0));
        double[][] w0 = w.apply(a);
        Array plusA = step(a, v, EPS), minusA = step(a, v, -EPS);
        double[][] plus = aligned(w0, w.apply(plusA), parts(Lax.eig(plusA, true, true, true).get(out)), n, out > 0);
        double[][] minus = aligned(w0, w.apply(minusA), parts(Lax.eig(minusA, true, true, true).get(out)), n, out > 0);
        double[][] d = new double[2][plus[0].length];
        for (int p = 0; p < 2; p++) for (int i = 0; i < d[p].length; i++) d[p][i] = (plus[p][i] - minus[p][i]) / (2 * EPS);
        return d;
    }

    private static void assertClose(double[][] expected, double[][] actual, double tol, String what) {
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < expected[p].length; i++) {
                assertEquals(expected[p][i], actual[p][i], tol * Math.max(1, Math.abs(expected[p][i])), what + (p == 0 ? " re[" : " im[") + i + "]");
            }
        }
    }

    @Test
    void eigenvalueJvpMatchesCentralDifferences() {
        for (long seed : new long[] {1, 2, 3}) {
            Array a = matrix(seed, 4), v = matrix(seed + 10, 4);
            Array dw = Jax.jvp(Linalg::eigvals, a, v).tangent();
            assertClose(centralDifference(a, v, 0, 4), parts(dw), 1e-7, "dw, seed " + seed);
        }
        // A complex matrix, moved in a complex direction.
        Array c = Lax.complex(matrix(7, 3), matrix(8, 3)), dc = Lax.complex(matrix(9, 3), matrix(10, 3));
        assertClose(centralDifference(c, dc, 0, 3), parts(Jax.jvp(Linalg::eigvals, c, dc).tangent()), 1e-7, "dw of a complex matrix");
    }

    @Test
    void optedInEigenvectorJvpMatchesCentralDifferences() {
        Array a = matrix(4, 4), v = matrix(14, 4);
        for (int out : new int[] {1, 2}) {
            Function<Array, Array> f = x -> Lax.eig(x, true, true, true).get(out);
            assertClose(centralDifference(a, v, out, 4), parts(Jax.jvp(f, a, v).tangent()), 1e-6, out == 1 ? "dvl" : "dvr");
        }
    }

    @Test
    void gradientOfARealFunctionOfTheEigenvaluesWorksInReverseMode() {
        // sum(Re w) is the trace: its gradient is the identity, exactly as a closed form.
        Function<Array, Array> trace = x -> Jnp.sum(Jnp.real(Linalg.eigvals(x)));
        double[] g = Jax.grad(trace).apply(matrix(5, 3)).toDoubleArray();
        for (int i = 0; i < 9; i++) assertEquals(i % 4 == 0 ? 1 : 0, g[i], 1e-12, "d trace / d a[" + i + "]");
        // A symmetric function of the eigenvalues (independent of their order), against a central difference.
        Function<Array, Array> f = x -> {
            Array w = Linalg.eigvals(x);
            return Jnp.sum(Lax.add(Lax.integerPow(Jnp.real(w), 3), Lax.integerPow(Jnp.imag(w), 2)));
        };
        Array a = matrix(6, 4), v = matrix(16, 4);
        double fd = (f.apply(step(a, v, EPS)).toDoubleArray()[0] - f.apply(step(a, v, -EPS)).toDoubleArray()[0]) / (2 * EPS);
        for (Function<Array, Array> grad : java.util.List.of(Jax.grad(f), Jax.jit(Jax.grad(f)))) {
            double dot = Jnp.sum(Lax.mul(grad.apply(a), v)).toDoubleArray()[0];
            assertEquals(fd, dot, 1e-7 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void vmapEqualsALoopAndJitEqualsEager() {
        Array batch = arr(DType.F64, Shape.of(3, 4, 4), uniform(21, 48, -2, 2));
        Function<Array, Array> vectors = x -> Linalg.eig(x).eigenvectors();
        double[][] mapped = parts(Jax.vmap(vectors).apply(batch)), jitted = parts(Jax.jit(vectors).apply(batch));
        double[][] direct = parts(vectors.apply(batch));
        for (int b = 0; b < 3; b++) {
            Array slice = Jnp.reshape(Lax.slice(batch, io.vavr.collection.Vector.of(b, 0, 0), io.vavr.collection.Vector.of(b + 1, 4, 4),
                    io.vavr.collection.Vector.of(1, 1, 1)), 4, 4);
            double[][] one = parts(vectors.apply(slice));
            for (int i = 0; i < 16; i++) {
                for (int p = 0; p < 2; p++) {
                    assertEquals(one[p][i], mapped[p][b * 16 + i], 0, "vmap, matrix " + b);
                    assertEquals(direct[p][b * 16 + i], jitted[p][b * 16 + i], 0, "jit, matrix " + b);
                }
            }
        }
        // The batch axis need not lead.
        Array moved = Jnp.moveaxis(batch, 0, 2);
        double[][] w = parts(Jax.vmap(Linalg::eigvals, 2, 0).apply(moved)), direct0 = parts(Linalg.eigvals(batch));
        for (int p = 0; p < 2; p++) assertArrayEquals(direct0[p], w[p], 0);
    }

    @Test
    void eigenvectorDerivativesNeedTheOptInAsInJax() {
        Array a = matrix(3, 3);
        assertError(NotDifferentiable.class, "eig", () -> Jax.jvp((Function<Array, Array>) x -> Linalg.eig(x).eigenvectors(), a, a),
                "enable_eigvec_derivs", "f64[3,3]");
        assertError(NotDifferentiable.class, "eig", () -> Jax.grad((Function<Array, Array>) x -> Jnp.sum(Jnp.real(Lax.eig(x, true, false, false).get(1)))).apply(a),
                "enable_eigvec_derivs", "f64[3,3]");
    }

    @Test
    void badOperandsAreNamedWithTheirAvals() {
        assertError(ShapeError.class, "eig", () -> Linalg.eig(Jnp.zeros(Shape.of(2, 3), DType.F64)), "square", "f64[2,3]");
        assertError(ShapeError.class, "eigvals", () -> Linalg.eigvals(Jnp.zeros(Shape.of(3), DType.F64)), "rank >= 2", "f64[3]");
        assertError(ShapeError.class, "eig", () -> Lax.eig(Jnp.zeros(Shape.of(4), DType.F32), false, true, false), "rank >= 2", "f32[4]");
        assertError(DTypeError.class, "eig", () -> Lax.eig(Jnp.zeros(Shape.of(2, 2), DType.I32), false, true, false), "i32[2,2]");
        assertError(DTypeError.class, "eig", () -> Linalg.eig(Jnp.zeros(Shape.of(2, 2), DType.BF16)), "float32", "bf16[2,2]");
        // jnp.linalg promotes integers, as JAX does.
        assertEquals(DType.C64, Linalg.eigvals(Jnp.zeros(Shape.of(2, 2), DType.I32)).dtype());
        Linalg.EigResult empty = Linalg.eig(Jnp.zeros(Shape.of(2, 0, 0), DType.F64));
        assertEquals(Shape.of(2, 0), empty.eigenvalues().shape());
        assertEquals(Shape.of(2, 0, 0), empty.eigenvectors().shape());
    }
}
