package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Eig;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The general eigensolver, judged by quantities computed here with plain double loops: the
 * residuals {@code ||A V - V Λ|| / (||A|| ||V||)} and {@code ||V_l^H A - Λ V_l^H|| / (||A|| ||V_l||)},
 * LAPACK's normalization (unit norm, largest component real), and closed-form eigenvalues of
 * rotations, triangular, companion, Jordan-like and badly scaled matrices of known spectrum.
 */
class EigKernelsTest {
    /** Outputs {@code w, vl, vr} of one {@code [n, n]} matrix as complex numbers {@code {re, im}}. */
    private record Decomposition(int n, double[][] w, double[][][] vl, double[][][] vr) {}

    private static Seq<HostData> run(DType d, Shape s, double[] re, double[] im) {
        ShapedArray in = new ShapedArray(s, d, false);
        HostData x = HostData.allocate(d, re.length);
        for (int i = 0; i < re.length; i++) {
            if (d.isComplex()) x.setComplex(i, re[i], im[i]);
            else x.setDouble(i, re[i]);
        }
        Eig p = new Eig(true, true, false);
        return CpuKernels.execute(p, Vector.of(in), Vector.of(x), p.abstractEval(Vector.of(in)));
    }

    private static Decomposition eig(DType d, int n, double[] re, double[] im) {
        Seq<HostData> out = run(d, Shape.of(n, n), re, im);
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) w[i] = new double[] {out.get(0).getDouble(i), out.get(0).getImag(i)};
        return new Decomposition(n, w, matrix(out.get(1), n), matrix(out.get(2), n));
    }

    private static double[][][] matrix(HostData h, int n) {
        double[][][] m = new double[n][n][];
        for (int i = 0; i < n * n; i++) m[i / n][i % n] = new double[] {h.getDouble(i), h.getImag(i)};
        return m;
    }

    private static double[] gaussian(int len, long seed) {
        Random r = new Random(seed);
        double[] a = new double[len];
        for (int i = 0; i < len; i++) a[i] = r.nextGaussian();
        return a;
    }

    /** Right and left residuals, relative to {@code ||A||_F ||V||_F}. */
    private static void assertResiduals(Decomposition e, double[] re, double[] im, double bound) {
        int n = e.n();
        double normA = 0, right = 0, left = 0, normR = 0, normL = 0;
        for (int i = 0; i < n * n; i++) normA = Math.hypot(normA, Math.hypot(re[i], im == null ? 0 : im[i]));
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                // (A v_k)_i - w_k v_ik and (v_lk^H A)_i - w_k conj(v_lk)_i
                double ar = 0, ai = 0, br = 0, bi = 0;
                for (int j = 0; j < n; j++) {
                    double mr = re[i * n + j], mi = im == null ? 0 : im[i * n + j];
                    double[] v = e.vr()[j][k];
                    ar += mr * v[0] - mi * v[1];
                    ai += mr * v[1] + mi * v[0];
                    double mjr = re[j * n + i], mji = im == null ? 0 : im[j * n + i];
                    double[] u = e.vl()[j][k];
                    br += u[0] * mjr + u[1] * mji;
                    bi += u[0] * mji - u[1] * mjr;
                }
                double[] w = e.w()[k], v = e.vr()[i][k], u = e.vl()[i][k];
                right = Math.hypot(right, Math.hypot(ar - (w[0] * v[0] - w[1] * v[1]), ai - (w[0] * v[1] + w[1] * v[0])));
                left = Math.hypot(left, Math.hypot(br - (w[0] * u[0] + w[1] * u[1]), bi - (w[1] * u[0] - w[0] * u[1])));
                normR = Math.hypot(normR, Math.hypot(v[0], v[1]));
                normL = Math.hypot(normL, Math.hypot(u[0], u[1]));
            }
        }
        double scale = Math.max(normA, Double.MIN_NORMAL);
        assertTrue(right / (scale * normR) < bound, "right residual " + right / (scale * normR));
        assertTrue(left / (scale * normL) < bound, "left residual " + left / (scale * normL));
    }

    /** Each column has unit norm and its largest component (the first of the largest) real and non-negative. */
    private static void assertNormalized(double[][][] v, int n, double tol) {
        for (int k = 0; k < n; k++) {
            double norm = 0, big = -1;
            int at = 0;
            for (int i = 0; i < n; i++) {
                double m = Math.hypot(v[i][k][0], v[i][k][1]);
                norm = Math.hypot(norm, m);
                if (m > big + tol) {
                    big = m;
                    at = i;
                }
            }
            assertEquals(1, norm, tol, "norm of column " + k);
            assertEquals(0, v[at][k][1], 0, "imaginary part of the largest component of column " + k);
            assertTrue(v[at][k][0] > 0, "largest component of column " + k + " is positive");
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 3", "5, 4", "8, 5", "13, 6", "24, 7", "60, 8"})
    void randomRealMatricesHaveSmallResidualsAndConjugatePairs(int n, long seed) {
        double[] a = gaussian(n * n, seed);
        Decomposition e = eig(DType.F64, n, a, new double[n * n]);
        assertResiduals(e, a, null, 1e-14 * n);
        assertNormalized(e.vr(), n, 1e-14);
        assertNormalized(e.vl(), n, 1e-14);
        for (int k = 0; k < n; k++) {
            if (e.w()[k][1] == 0) {
                for (int i = 0; i < n; i++) assertEquals(0, e.vr()[i][k][1], 0, "real eigenvalue, real eigenvector");
            } else if (e.w()[k][1] > 0) {
                assertEquals(e.w()[k][0], e.w()[k + 1][0], 0);
                assertEquals(-e.w()[k][1], e.w()[k + 1][1], 0);
                for (int i = 0; i < n; i++) assertEquals(-e.vr()[i][k][1], e.vr()[i][k + 1][1], 0);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 11", "2, 12", "4, 13", "7, 14", "12, 15"})
    void randomComplexMatricesHaveSmallResiduals(int n, long seed) {
        double[] re = gaussian(n * n, seed), im = gaussian(n * n, seed + 100);
        Decomposition e = eig(DType.C128, n, re, im);
        assertResiduals(e, re, im, 1e-14 * n);
        assertNormalized(e.vr(), n, 1e-14);
        assertNormalized(e.vl(), n, 1e-14);
    }

    @Test
    void f32OperandsGiveComplex64ResultsToSinglePrecision() {
        int n = 6;
        double[] a = gaussian(n * n, 21);
        for (int i = 0; i < a.length; i++) a[i] = (float) a[i];
        Seq<HostData> out = run(DType.F32, Shape.of(n, n), a, null);
        assertEquals(DType.C64, out.get(0).dtype());
        Decomposition e = eig(DType.F32, n, a, new double[n * n]);
        assertResiduals(e, a, null, 1e-6);
    }

    @Test
    void rotationHasEigenvaluesPlusAndMinusI() {
        Decomposition e = eig(DType.F64, 2, new double[] {0, -1, 1, 0}, new double[4]);
        assertArrayEquals(new double[] {0, 1}, e.w()[0], 1e-15);
        assertArrayEquals(new double[] {0, -1}, e.w()[1], 1e-15);
        // (1, -i)/√2 for +i: the first component is the (first) largest.
        double h = Math.sqrt(0.5);
        assertArrayEquals(new double[] {h, 0}, e.vr()[0][0], 1e-15);
        assertArrayEquals(new double[] {0, -h}, e.vr()[1][0], 1e-15);
    }

    /** Cyclic shifts are fixed points of the standard shifts' QR sweep: only the exceptional shifts make progress. */
    @ParameterizedTest
    @CsvSource({"3", "4", "7"})
    void cyclicPermutationsHaveTheRootsOfUnity(int n) {
        double[] a = new double[n * n], re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) {
            a[((i + 1) % n) * n + i] = 1;
            re[i] = Math.cos(2 * Math.PI * i / n);
            im[i] = Math.sin(2 * Math.PI * i / n);
        }
        Decomposition e = eig(DType.F64, n, a, new double[n * n]);
        assertSpectrum(e, re, im, 1e-14);
        assertResiduals(e, a, null, 1e-14 * n);
        Decomposition c = eig(DType.C128, n, a, new double[n * n]);
        assertSpectrum(c, re, im, 1e-14);
        assertResiduals(c, a, new double[n * n], 1e-14 * n);
    }

    @Test
    void symmetricMatricesHaveRealEigenvalues() {
        int n = 7;
        double[] g = gaussian(n * n, 31), a = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i * n + j] = g[i * n + j] + g[j * n + i];
        Decomposition e = eig(DType.F64, n, a, new double[n * n]);
        for (double[] w : e.w()) assertEquals(0, w[1], 0);
        assertResiduals(e, a, null, 1e-14 * n);
    }

    @Test
    void triangularMatricesHaveTheirDiagonalAsEigenvalues() {
        int n = 6;
        double[] a = gaussian(n * n, 41), diag = {3, -1, 0.5, 2, -4, 7};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) a[i * n + j] = 0;
            a[i * n + i] = diag[i];
        }
        assertSpectrum(eig(DType.F64, n, a, new double[n * n]), diag, new double[n], 1e-13);
    }

    @Test
    void companionMatrixHasThePolynomialsRoots() {
        // x^3 - 6x^2 + 11x - 6 = (x - 1)(x - 2)(x - 3)
        double[] a = {6, -11, 6, 1, 0, 0, 0, 1, 0};
        assertSpectrum(eig(DType.F64, 3, a, new double[9]), new double[] {1, 2, 3}, new double[3], 1e-13);
    }

    @Test
    void nearlyDefectiveMatrixSplitsBySquareRootOfThePerturbation() {
        double eps = 1e-10;
        Decomposition e = eig(DType.F64, 2, new double[] {1, 1, eps, 1}, new double[4]);
        assertSpectrum(e, new double[] {1 - 1e-5, 1 + 1e-5}, new double[2], 1e-15);
        assertResiduals(e, new double[] {1, 1, eps, 1}, null, 1e-15);
    }

    @Test
    void badlyScaledMatrixKeepsItsEigenvalues() {
        // D (Q T Q^T) D^{-1}: eigenvalues diag(T), with D spanning 12 orders of magnitude.
        int n = 5;
        double[] diag = {1, 2, 3, 4, 5}, t = new double[n * n], g = gaussian(n * n, 51);
        for (int i = 0; i < n; i++) {
            t[i * n + i] = diag[i];
            for (int j = i + 1; j < n; j++) t[i * n + j] = g[i * n + j];
        }
        double[] q = rotations(n, 52), qt = transpose(q, n), a = multiply(multiply(q, t, n), qt, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) a[i * n + j] *= Math.pow(10, 3 * (i - j));
        }
        assertSpectrum(eig(DType.F64, n, a, new double[n * n]), diag, new double[n], 1e-9);
    }

    @Test
    void complexDiagonalPlusNilpotentHasTheDiagonal() {
        double[] re = {1, 5, -2, 0, 2, 3, 0, 0, -1}, im = {1, 1, 1, 0, -1, 2, 0, 0, 0.5};
        assertSpectrum(eig(DType.C128, 3, re, im), new double[] {1, 2, -1}, new double[] {1, -1, 0.5}, 1e-14);
    }

    @Test
    void nonFiniteMatrixGivesNaNsForItsBatchElementOnly() {
        double[] a = {2, 0, 0, 3, Double.NaN, 1, 1, 1};
        Seq<HostData> out = run(DType.F64, Shape.of(2, 2, 2), a, null);
        assertEquals(2, out.get(0).getDouble(0), 0);
        assertEquals(3, out.get(0).getDouble(1), 0);
        for (int i = 2; i < 4; i++) assertTrue(Double.isNaN(out.get(0).getDouble(i)) && Double.isNaN(out.get(0).getImag(i)));
        for (int i = 4; i < 8; i++) assertTrue(Double.isNaN(out.get(2).getDouble(i)));
    }

    @Test
    void emptyMatricesGiveEmptyResults() {
        Seq<HostData> out = run(DType.F64, Shape.of(3, 0, 0), new double[0], null);
        assertEquals(0, out.get(0).size());
        assertEquals(0, out.get(2).size());
    }

    private static void assertSpectrum(Decomposition e, double[] re, double[] im, double tol) {
        boolean[] used = new boolean[re.length];
        for (double[] w : e.w()) {
            int best = -1;
            for (int i = 0; i < re.length; i++) {
                if (!used[i] && (best < 0 || Math.hypot(w[0] - re[i], w[1] - im[i]) < Math.hypot(w[0] - re[best], w[1] - im[best]))) best = i;
            }
            used[best] = true;
            double scale = Math.max(1, Math.hypot(re[best], im[best]));
            assertTrue(Math.hypot(w[0] - re[best], w[1] - im[best]) <= tol * scale,
                    Arrays.toString(w) + " vs " + re[best] + (im[best] >= 0 ? "+" : "") + im[best] + "i");
        }
    }

    /** A product of Givens rotations of random angles: orthogonal. */
    private static double[] rotations(int n, long seed) {
        Random r = new Random(seed);
        double[] q = new double[n * n];
        for (int i = 0; i < n; i++) q[i * n + i] = 1;
        for (int p = 0; p < n; p++) {
            for (int s = p + 1; s < n; s++) {
                double th = r.nextDouble() * 2 * Math.PI, c = Math.cos(th), sn = Math.sin(th);
                for (int i = 0; i < n; i++) {
                    double u = q[i * n + p], v = q[i * n + s];
                    q[i * n + p] = c * u - sn * v;
                    q[i * n + s] = sn * u + c * v;
                }
            }
        }
        return q;
    }

    private static double[] transpose(double[] a, int n) {
        double[] t = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) t[j * n + i] = a[i * n + j];
        return t;
    }

    private static double[] multiply(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) for (int j = 0; j < n; j++) c[i * n + j] += a[i * n + k] * b[k * n + j];
        return c;
    }
}
