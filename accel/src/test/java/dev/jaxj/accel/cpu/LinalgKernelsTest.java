package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.Cholesky;
import dev.jaxj.ir.Primitive.Lu;
import dev.jaxj.ir.Primitive.TriangularSolve;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The blocked Cholesky, LU and triangular-solve kernels, judged by their residuals computed here
 * with plain double loops ({@code ||A - L L^T|| / ||A||}, {@code ||P A - L U|| / ||A||},
 * {@code ||op(T) X - B|| / (||T|| ||X||)}), at sizes that cross the block size (64), on
 * well-conditioned matrices and on ones with condition numbers near 1e6.
 */
class LinalgKernelsTest {
    private static double bound(DType d) { return d == DType.F32 ? 1e-5 : 1e-13; }

    private static Seq<HostData> run(Primitive p, Seq<ShapedArray> in, HostData... data) {
        return CpuKernels.execute(p, in, Vector.of(data), p.abstractEval(in));
    }

    private static HostData host(DType d, double[] v) {
        HostData h = HostData.allocate(d, v.length);
        for (int i = 0; i < v.length; i++) h.setDouble(i, v[i]);
        return h;
    }

    private static double[] values(HostData h) {
        double[] v = new double[h.size()];
        for (int i = 0; i < v.length; i++) v[i] = h.getDouble(i);
        return v;
    }

    /** {@code M M^T / k + shift I} with {@code M [n, k]}: {@code k < n} and a small shift make it ill-conditioned (about {@code 1/shift}). */
    static double[] spd(int n, int k, double shift, long seed) {
        Random r = new Random(seed);
        double[] m = new double[n * k];
        for (int i = 0; i < m.length; i++) m[i] = r.nextGaussian();
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < k; q++) s += m[i * k + q] * m[j * k + q];
                a[i * n + j] = s / k + (i == j ? shift : 0);
            }
        }
        return a;
    }

    static double[] gaussian(int size, long seed) {
        Random r = new Random(seed);
        double[] a = new double[size];
        for (int i = 0; i < size; i++) a[i] = r.nextGaussian();
        return a;
    }

    static double norm(double[] a) {
        double s = 0;
        for (double x : a) s += x * x;
        return Math.sqrt(s);
    }

    /** The rounding of the input itself (f32) is part of the problem the kernel solves, so residuals use the rounded input. */
    static double[] rounded(DType d, double[] a) { return values(host(d, a)); }

    @ParameterizedTest
    @CsvSource({"F32,1,1.0", "F32,5,1.0", "F32,150,1.0", "F32,150,1e-6", "F32,300,1.0", "F64,1,1.0", "F64,64,1.0", "F64,150,1.0", "F64,150,1e-6", "F64,200,1e-6", "F64,300,1e-6"})
    void choleskyResidualShouldBeSmall(DType d, int n, double shift) {
        double[] a = rounded(d, spd(n, Math.max(1, shift < 1 ? n / 2 : n), shift, n));
        double[] l = values(run(new Cholesky(false), Vector.of(ShapedArray.of(d, n, n)), host(d, a)).head());
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) assertEquals(0, l[i * n + j], "upper triangle at " + i + "," + j);
        double res = norm(minusGram(a, l, n)) / norm(a);
        assertTrue(res < bound(d), () -> d + " n=" + n + " shift=" + shift + ": ||A - L L^T|| / ||A|| = " + res);
    }

    /** With symmetrizeInput the kernel factors {@code (A + A^T) / 2}: an antisymmetric part added to an SPD matrix changes nothing. */
    @ParameterizedTest
    @CsvSource({"F32,150", "F32,301", "F64,70"})
    void symmetrizingCholeskyShouldFactorTheSymmetricPart(DType d, int n) {
        double[] spd = spd(n, n, 1.0, n), skew = gaussian(n * n, n), a = spd.clone();
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i * n + j] += skew[i * n + j] - skew[j * n + i];
        double[] in = rounded(d, a), sym = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) sym[i * n + j] = (in[i * n + j] + in[j * n + i]) / 2;
        double[] l = values(run(new Cholesky(true), Vector.of(ShapedArray.of(d, n, n)), host(d, in)).head());
        double res = norm(minusGram(sym, l, n)) / norm(spd);
        assertTrue(res < bound(d), () -> d + " n=" + n + ": ||sym(A) - L L^T|| / ||A|| = " + res);
    }

    /** {@return {@code a - L L^T}} for row-major {@code n x n} matrices */
    private static double[] minusGram(double[] a, double[] l, int n) {
        double[] r = a.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < n; q++) s += l[i * n + q] * l[j * n + q];
                r[i * n + j] -= s;
            }
        }
        return r;
    }

    @Test
    void choleskyOfAnIndefiniteMatrixShouldBeAllNaN() {
        double[] a = {1, 2, 2, 1};   // eigenvalues 3 and -1
        double[] l = values(run(new Cholesky(false), Vector.of(ShapedArray.of(DType.F64, 2, 2)), host(DType.F64, a)).head());
        for (double x : l) assertTrue(Double.isNaN(x));
        // Batches are independent: a positive-definite neighbour still factors.
        double[] two = {4, 0, 0, 9, 1, 2, 2, 1};
        double[] l2 = values(run(new Cholesky(false), Vector.of(ShapedArray.of(DType.F32, 2, 2, 2)), host(DType.F32, two)).head());
        assertArrayEquals(new double[] {2, 0, 0, 3}, java.util.Arrays.copyOf(l2, 4));
        assertTrue(Double.isNaN(l2[4]) && Double.isNaN(l2[7]));
    }

    @ParameterizedTest
    @CsvSource({"F32,150,150", "F32,130,70", "F32,70,130", "F64,1,1", "F64,150,150", "F64,130,70", "F64,70,130", "F64,3,0"})
    void luResidualShouldBeSmall(DType d, int m, int n) {
        double[] a = rounded(d, gaussian(m * n, 7L * m + n));
        Seq<HostData> out = run(new Lu(), Vector.of(ShapedArray.of(d, m, n)), host(d, a));
        double[] lu = values(out.get(0));
        int k = Math.min(m, n);
        int[] piv = out.get(1).i32(), perm = out.get(2).i32();
        // The permutation is the pivots' swaps applied in order to 0..m-1.
        int[] expected = new int[m];
        for (int i = 0; i < m; i++) expected[i] = i;
        for (int i = 0; i < k; i++) {
            int t = expected[i];
            expected[i] = expected[piv[i]];
            expected[piv[i]] = t;
        }
        assertArrayEquals(expected, perm);
        double[] r = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q <= Math.min(i, j) && q < k; q++) {
                    double l = q == i ? 1 : lu[i * n + q];
                    if (q < i) assertTrue(Math.abs(l) <= 1, "partial pivoting keeps |L| <= 1");
                    s += l * lu[q * n + j];
                }
                r[i * n + j] = a[perm[i] * n + j] - s;
            }
        }
        double res = m * n == 0 ? 0 : norm(r) / norm(a);
        assertTrue(res < bound(d), () -> d + " " + m + "x" + n + ": ||P A - L U|| / ||A|| = " + res);
    }

    @Test
    void luOfASingularMatrixShouldKeepItsZeroPivot() {
        double[] a = {1, 2, 3, 2, 4, 6, 1, 1, 1};   // rank 2
        Seq<HostData> out = run(new Lu(), Vector.of(ShapedArray.of(DType.F64, 3, 3)), host(DType.F64, a));
        double[] lu = values(out.get(0));
        assertEquals(0, lu[8], 1e-15, "U's last pivot");
        double[] zero = values(run(new Lu(), Vector.of(ShapedArray.of(DType.F64, 2, 2)), host(DType.F64, new double[4])).get(0));
        assertArrayEquals(new double[4], zero);
        assertArrayEquals(new int[] {0, 1}, run(new Lu(), Vector.of(ShapedArray.of(DType.F64, 2, 2)), host(DType.F64, new double[4])).get(1).i32());
    }

    @ParameterizedTest
    @CsvSource({"F32,70,5", "F64,70,5", "F64,150,130", "F32,150,130", "F64,1,1", "F64,4,0", "F32,64,600", "F64,64,600"})
    void triangularSolveResidualShouldBeSmallForEveryForm(DType d, int k, int n) {
        for (int flags = 0; flags < 16; flags++) {
            boolean left = (flags & 1) != 0, lower = (flags & 2) != 0, trans = (flags & 4) != 0, unit = (flags & 8) != 0;
            double[] t = rounded(d, gaussian(k * k, flags + 31L * k));
            // A dominant diagonal keeps the triangle well conditioned; its other triangle is garbage the kernel must not read.
            for (int i = 0; i < k; i++) t[i * k + i] = unit ? 1e3 : 4 + Math.abs(t[i * k + i]);
            int rows = left ? k : n, cols = left ? n : k;
            double[] b = rounded(d, gaussian(rows * cols, flags));
            TriangularSolve p = new TriangularSolve(left, lower, trans, false, unit);
            double[] x = values(run(p, Vector.of(ShapedArray.of(d, k, k), ShapedArray.of(d, rows, cols)), host(d, t), host(d, b)).head());
            double[] op = new double[k * k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int si = trans ? j : i, sj = trans ? i : j;
                    boolean inside = lower ? sj <= si : sj >= si;
                    op[i * k + j] = !inside ? 0 : si == sj && unit ? 1 : t[si * k + sj];
                }
            }
            double[] r = b.clone();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) s += left ? op[i * k + q] * x[q * cols + j] : x[i * k + q] * op[q * k + j];
                    r[i * cols + j] -= s;
                }
            }
            double res = rows * cols == 0 ? 0 : norm(r) / (norm(op) * norm(x));
            int f = flags;
            assertTrue(res < bound(d), () -> d + " k=" + k + " n=" + n + " flags=" + f + ": ||op(T) X - B|| / (||T|| ||X||) = " + res);
        }
    }

    @Test
    void zeroSizeBatchesShouldGiveEmptyResults() {
        Seq<HostData> lu = run(new Lu(), Vector.of(ShapedArray.of(DType.F32, 0, 3, 3)), HostData.allocate(DType.F32, 0));
        assertEquals(0, lu.get(0).size());
        assertEquals(0, lu.get(2).size());
        assertEquals(0, run(new Cholesky(false), Vector.of(ShapedArray.of(DType.F64, 2, 0, 0)), HostData.allocate(DType.F64, 0)).head().size());
    }
}
