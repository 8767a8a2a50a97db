package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.assertError;
import static dev.jaxj.ArrayAssertions.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stated accuracy of the QR, eigh and SVD kernels, checked with plain loops in this class:
 * residuals {@code ||A - QR||}, {@code ||AV - VW||}, {@code ||A - U S V^T||} relative to
 * {@code ||A||_F} and the orthogonality {@code ||Q^T Q - I||_F} all below {@code 20·n·ε} of the
 * dtype, on well- and ill-conditioned (κ = 1e10 in f64, 1e5 in f32), rank-deficient matrices and
 * ones with repeated eigen- and singular values (built from known spectra, which the results
 * must reproduce to {@code 20·n·ε·||A||}). Sizes above the panel width (32) exercise the
 * blocked updates.
 */
class LinalgDecompositionAccuracyTest {

    enum Float { F32, F64 }

    private static DType dt(Float f) { return f == Float.F32 ? DType.F32 : DType.F64; }

    private static double eps(DType d) { return d == DType.F32 ? Math.ulp(1f) : Math.ulp(1.0); }

    /** {@code Q diag(d) W^T} ({@code m x n}) with Q, W products of three Householder reflectors from the seeds. */
    static double[] withSpectrum(long seedQ, long seedW, int m, int n, double[] d) {
        double[] q = reflectors(seedQ, m), w = reflectors(seedW, n), a = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d.length; k++) s += q[i * m + k] * d[k] * w[j * n + k];
                a[i * n + j] = s;
            }
        }
        return a;
    }

    private static double[] reflectors(long seed, int n) {
        double[] q = new double[n * n];
        for (int i = 0; i < n; i++) q[i * n + i] = 1;
        for (int r = 0; r < 3; r++) {
            double[] v = uniform(seed + r, n, -1, 1);
            double vv = 0;
            for (double x : v) vv += x * x;
            for (int i = 0; i < n; i++) {                 // q <- q (I - 2 v v^T / v^T v)
                double s = 0;
                for (int k = 0; k < n; k++) s += q[i * n + k] * v[k];
                for (int k = 0; k < n; k++) q[i * n + k] -= 2 * s * v[k] / vv;
            }
        }
        return q;
    }

    private static double[] mul(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) c[i * n + j] += a[i * k + p] * b[p * n + j];
        return c;
    }

    private static double[] t(double[] a, int m, int n) {
        double[] r = new double[m * n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) r[j * m + i] = a[i * n + j];
        return r;
    }

    private static double fro(double[] a) {
        double s = 0;
        for (double x : a) s += x * x;
        return Math.sqrt(s);
    }

    private static double diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return fro(d);
    }

    /** {@code ||X^T X - I||_F} for {@code X [m, k]}. */
    private static double orthogonality(double[] x, int m, int k) {
        double[] g = mul(t(x, m, k), x, k, m, k);
        for (int i = 0; i < k; i++) g[i * k + i] -= 1;
        return fro(g);
    }

    private static void below(double value, double bound, String what) {
        assertTrue(value <= bound, () -> what + " = " + value + ", above the stated " + bound);
    }

    private static double[] spectrum(String kind, int k, DType d) {
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            s[i] = switch (kind) {
                case "well" -> 1 + i;
                case "ill" -> Math.pow(d == DType.F32 ? 1e-5 : 1e-10, i / (double) Math.max(1, k - 1));
                case "rank" -> i < k / 3 ? 1 + i : 0;
                default -> 1 + i / 4;                   // "repeated": each value four times
            };
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(Float.class)
    void qrShouldHaveSmallResidualsAndOrthogonalQ(Float f) {
        DType d = dt(f);
        int[][] shapes = {{1, 1}, {5, 3}, {3, 5}, {70, 45}, {45, 70}, {100, 100}};
        for (int[] sh : shapes) {
            for (String kind : new String[] {"well", "ill", "rank"}) {
                int m = sh[0], n = sh[1], k = Math.min(m, n);
                double[] a = withSpectrum(m * 31L + n, n * 7L, m, n, spectrum(kind, k, d));
                Array x = arr(d, Shape.of(m, n), a);
                for (boolean full : new boolean[] {false, true}) {
                    Seq<Array> qr = Lax.qr(x, full);
                    int kq = full ? m : k;
                    double[] q = qr.get(0).toDoubleArray(), r = qr.get(1).toDoubleArray();
                    double bound = 20 * Math.max(m, n) * eps(d);
                    String what = d + " " + kind + " " + m + "x" + n + (full ? " full" : "");
                    below(diff(mul(q, r, m, kq, n), a), bound * fro(a), "||A - QR|| of " + what);
                    below(orthogonality(q, m, kq), bound, "||Q^T Q - I|| of " + what);
                    for (int i = 0; i < kq; i++) for (int j = 0; j < Math.min(i, n); j++) assertEquals(0, r[i * n + j], what + " r below the diagonal");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Float.class)
    void eighShouldReproduceKnownSpectra(Float f) {
        DType d = dt(f);
        for (int n : new int[] {1, 2, 7, 40, 90}) {
            for (String kind : new String[] {"well", "ill", "rank", "repeated"}) {
                double[] lambda = spectrum(kind, n, d);
                for (int i = 0; i < n; i += 2) lambda[i] = -lambda[i];       // indefinite
                double[] a = withSpectrum(n * 13L, n * 13L, n, n, lambda);
                // Symmetric to the last bit: average with the transpose.
                double[] at = t(a, n, n);
                for (int i = 0; i < a.length; i++) a[i] = (a[i] + at[i]) / 2;
                Seq<Array> vw = Lax.eigh(arr(d, Shape.of(n, n), a), true, true);
                double[] v = vw.get(0).toDoubleArray(), w = vw.get(1).toDoubleArray();
                double norm = fro(a), bound = 20 * n * eps(d);
                String what = d + " " + kind + " n=" + n;
                double[] av = mul(a, v, n, n, n), vw2 = new double[n * n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) vw2[i * n + j] = v[i * n + j] * w[j];
                below(diff(av, vw2), bound * norm, "||AV - VW|| of " + what);
                below(orthogonality(v, n, n), bound, "||V^T V - I|| of " + what);
                double[] sorted = lambda.clone();
                Arrays.sort(sorted);
                for (int i = 0; i < n; i++) assertEquals(sorted[i], w[i], bound * norm, what + " eigenvalue " + i);
            }
        }
    }

    /**
     * A rank deficiency that leaves one Jacobi column as rounding noise: the Vandermonde matrix of
     * x = 1, 1, 2, 2, 3, 3 (rank 3 of 4) once gave NaNs, as that column could never be made
     * orthogonal relative to its own norm. NumPy 1.24 (LAPACK gesdd):
     * {@code np.linalg.svd(np.vander([1, 1, 2, 2, 3, 3.], 4), compute_uv=False)}.
     */
    @ParameterizedTest
    @EnumSource(Float.class)
    void svdOfARankDeficientVandermondeMatrixShouldBeFinite(Float f) {
        DType d = dt(f);
        double[] x = {1, 1, 2, 2, 3, 3}, a = new double[24];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 4; j++) a[i * 4 + j] = Math.pow(x[i], 3 - j);
        double[] numpy = {4.25233782e+01, 3.06544523e+00, 6.04441861e-01};
        Seq<Array> suv = Lax.svd(arr(d, Shape.of(6, 4), a), false, true);
        double[] s = suv.get(0).toDoubleArray(), u = suv.get(1).toDoubleArray(), vt = suv.get(2).toDoubleArray();
        double bound = 20 * 6 * eps(d);
        for (int i = 0; i < 3; i++) assertEquals(numpy[i], s[i], Math.max(bound * s[0], 1e-8 * numpy[i]), d + " singular value " + i);
        below(Math.abs(s[3]), bound * s[0], d + " the zero singular value");
        double[] us = new double[24];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 4; j++) us[i * 4 + j] = u[i * 4 + j] * s[j];
        below(diff(mul(us, vt, 6, 4, 4), a), bound * fro(a), "||A - U S V^T|| of " + d + " Vandermonde");
        below(orthogonality(u, 6, 4), bound, "||U^T U - I|| of " + d + " Vandermonde");
    }

    @ParameterizedTest
    @EnumSource(Float.class)
    void svdShouldReproduceKnownSingularValues(Float f) {
        DType d = dt(f);
        int[][] shapes = {{1, 1}, {6, 4}, {4, 6}, {60, 35}, {35, 60}, {64, 64}};
        for (int[] sh : shapes) {
            for (String kind : new String[] {"well", "ill", "rank", "repeated"}) {
                int m = sh[0], n = sh[1], k = Math.min(m, n);
                double[] s0 = spectrum(kind, k, d);
                double[] a = withSpectrum(m * 17L + n, n * 3L + 1, m, n, s0);
                for (boolean full : new boolean[] {false, true}) {
                    Seq<Array> suv = Lax.svd(arr(d, Shape.of(m, n), a), full, true);
                    double[] s = suv.get(0).toDoubleArray(), u = suv.get(1).toDoubleArray(), vt = suv.get(2).toDoubleArray();
                    int ku = full ? m : k, kv = full ? n : k;
                    double norm = fro(a), bound = 20 * Math.max(m, n) * eps(d);
                    String what = d + " " + kind + " " + m + "x" + n + (full ? " full" : "");
                    double[] us = new double[m * k];
                    for (int i = 0; i < m; i++) for (int j = 0; j < k; j++) us[i * k + j] = u[i * ku + j] * s[j];
                    double[] vtk = Arrays.copyOf(vt, k * n);
                    below(diff(mul(us, vtk, m, k, n), a), bound * norm, "||A - U S V^T|| of " + what);
                    below(orthogonality(u, m, ku), bound, "||U^T U - I|| of " + what);
                    below(orthogonality(t(vt, kv, n), n, kv), bound, "||V^T V - I|| of " + what);
                    double[] sorted = s0.clone();
                    Arrays.sort(sorted);
                    for (int i = 0; i < k; i++) assertEquals(sorted[k - 1 - i], s[i], bound * norm, what + " singular value " + i);
                }
                double[] only = Lax.svd(arr(d, Shape.of(m, n), a), false, false).get(0).toDoubleArray();
                assertArrayEquals(Lax.svd(arr(d, Shape.of(m, n), a), false, true).get(0).toDoubleArray(), only, 20 * k * eps(d) * fro(a));
            }
        }
    }

    @Test
    void batchesShouldEqualTheMatricesOneByOne() {
        double[] data = uniform(5, 2 * 3 * 4 * 4, -2, 2);
        Array x = arr(DType.F64, Shape.of(2, 3, 4, 4), data);
        Seq<Array> all = Lax.qr(x, false), eig = Lax.eigh(x, true, true), svd = Lax.svd(x, false, true);
        for (int b = 0; b < 6; b++) {
            Array one = arr(DType.F64, Shape.of(4, 4), Arrays.copyOfRange(data, b * 16, b * 16 + 16));
            assertPart(all.get(0), b, Lax.qr(one, false).get(0));
            assertPart(eig.get(1), b, Lax.eigh(one, true, true).get(1));
            assertPart(svd.get(2), b, Lax.svd(one, false, true).get(2));
        }
    }

    private static void assertPart(Array batched, int b, Array one) {
        double[] all = batched.toDoubleArray();
        int size = one.size();
        assertArrayEquals(one.toDoubleArray(), Arrays.copyOfRange(all, b * size, b * size + size), 0);
    }

    @Test
    void emptyMatricesShouldFollowJax() {
        Seq<Array> qr = Lax.qr(Jnp.zeros(Shape.of(3, 0), DType.F32), true);
        assertEquals(Shape.of(3, 3), qr.get(0).shape());
        assertArrayEquals(Jnp.eye(3).toDoubleArray(), qr.get(0).toDoubleArray());
        assertEquals(Shape.of(3, 0), qr.get(1).shape());
        assertEquals(Shape.of(0, 0), Lax.qr(Jnp.zeros(Shape.of(0, 3), DType.F32), false).get(0).shape());
        Seq<Array> svd = Lax.svd(Jnp.zeros(Shape.of(0, 2), DType.F64), true, true);
        assertEquals(Shape.of(0), svd.get(0).shape());
        assertArrayEquals(Jnp.eye(2, 2, 0, DType.F64).toDoubleArray(), svd.get(2).toDoubleArray());
        assertEquals(Shape.of(0, 0), svd.get(1).shape());
        Seq<Array> eig = Lax.eigh(Jnp.zeros(Shape.of(0, 4, 4), DType.F32), true, true);
        assertEquals(Shape.of(0, 4, 4), eig.get(0).shape());
        assertEquals(Shape.of(0, 4), eig.get(1).shape());
        Seq<Array> one = Lax.svd(Jnp.full(Shape.of(1, 1), -2.0, DType.F32), true, true);
        assertArrayEquals(new float[] {2}, one.get(0).toFloatArray());
        assertEquals(-1, one.get(1).doubleValue() * one.get(2).doubleValue());
    }

    /**
     * At repeated eigenvalues JAX's eigh rule keeps the eigenvalue derivative (here the gradient
     * of {@code sum(w) = trace(A)}, the identity) and gives non-finite eigenvector tangents,
     * from {@code 1 / (w_j - w_i)} with {@code w_i = w_j}.
     */
    @Test
    void repeatedEigenvaluesShouldDifferentiateAsJax() {
        double[] rep = withSpectrum(3, 3, 3, 3, new double[] {2, 2, 5});
        double[] at = t(rep, 3, 3);
        for (int i = 0; i < rep.length; i++) rep[i] = (rep[i] + at[i]) / 2;
        Array a = arr(DType.F64, Shape.of(3, 3), rep);
        Array g = Jax.grad((Array x) -> Jnp.sum(Linalg.eigvalsh(x))).apply(a);
        assertArrayEquals(Jnp.eye(3, 3, 0, DType.F64).toDoubleArray(), g.toDoubleArray(), 1e-12);
        // A diagonal matrix has its repeated eigenvalue exactly (a rotated one only to rounding, and a huge tangent).
        Array d = arr(DType.F64, Shape.of(3, 3), 2, 0, 0, 0, 2, 0, 0, 0, 5);
        Array dv = Jax.jvp((Array x) -> Linalg.eigh(x).eigenvectors(), d, Jnp.ones(Shape.of(3, 3), DType.F64)).tangent();
        assertTrue(Arrays.stream(dv.toDoubleArray()).anyMatch(v -> !Double.isFinite(v)), () -> "finite eigenvector tangent " + dv);
    }

    @Test
    void badOperandsShouldBeRejectedWithTheirAvals() {
        assertError(DTypeError.class, "qr", () -> Lax.qr(Jnp.zeros(Shape.of(2, 2), DType.I32), false), "floating", "i32[2,2]");
        assertError(ShapeError.class, "svd", () -> Lax.svd(Jnp.zeros(Shape.of(3), DType.F32), false, true), "rank >= 2", "f32[3]");
        assertError(ShapeError.class, "eigh", () -> Lax.eigh(Jnp.zeros(Shape.of(2, 3), DType.F64), true, true), "square", "f64[2,3]");
    }
}
