package dev.jaxj.accel.cpu;

/**
 * Blocked right-looking Cholesky factorization {@code A = L L^T} of one matrix, in place,
 * reading the lower triangle. Each step factors an {@code NB}-column panel in double precision
 * (its diagonal block {@code L11}, then the rows below it, {@code L21^T = L11^-1 A21^T}, by
 * forward substitution on the transposed block, whose rows are long enough for vector loops)
 * and subtracts {@code L21 L21^T} from the lower trailing matrix through the GEMM, one column
 * block at a time so that the upper triangle costs nothing.
 *
 * <p>Accuracy: backward stable, {@code ||A - L L^T|| / ||A||} of order {@code n·ε} for any
 * positive-definite {@code A} (the tests check below {@code 1e-5} in f32 and {@code 1e-13} in
 * f64 at {@code n ≤ 200}, also at condition numbers up to {@code 1e6}). A pivot that is not
 * positive (the matrix is not positive definite, or holds a NaN) makes the whole factor NaN,
 * as LAPACK's {@code potrf} result is masked in JAX.
 */
final class CholeskyKernel {
    static final int NB = 64;
    /** Columns of the trailing matrix per GEMM: wide enough to keep the GEMM efficient, narrow enough to skip most of the upper triangle. */
    private static final int UPDATE_WIDTH = 128;

    private CholeskyKernel() {}

    static void factor(Dense a) {
        int n = a.rows();
        for (int k0 = 0; k0 < n; k0 += NB) {
            int kb = Math.min(NB, n - k0), k1 = k0 + kb;
            double[] d = a.read(k0, k1, k0, k1);
            if (!factorDiagonal(d, kb)) {
                a.fill(Double.NaN);
                return;
            }
            a.write(d, k0, k1, k0, k1);
            int t0 = k1, m = n - t0;
            if (m == 0) continue;
            double[] l21t = transpose(a.read(t0, n, k0, k1), m, kb);
            EliminationLanes.substitute(d, l21t, kb, m, true, false);
            a.write(transpose(l21t, kb, m), t0, n, k0, k1);
            Object l21 = a.pack(t0, n, k0, k1);
            for (int c0 = 0; c0 < m; c0 += UPDATE_WIDTH) {
                int w = Math.min(UPDATE_WIDTH, m - c0);
                // Rows c0.. of L21 times rows c0..c0+w of L21, transposed: the lower part of this column block.
                Object x = c0 == 0 ? l21 : a.pack(t0 + c0, n, k0, k1);
                Object y = a.pack(t0 + c0, t0 + c0 + w, k0, k1);
                a.subtractProduct(x, y, true, m - c0, w, kb, t0 + c0, t0 + c0);
            }
        }
        a.zeroUpper();
    }

    /** Left-looking Cholesky of the diagonal block {@code d [kb, kb]}, lower triangle: {@return false} when a pivot is not positive. */
    private static boolean factorDiagonal(double[] d, int kb) {
        for (int j = 0; j < kb; j++) {
            int rj = j * kb;
            for (int i = j; i < kb; i++) d[i * kb + j] -= DoubleLanes.dot(d, i * kb, d, rj, j);
            double p = d[rj + j];
            if (!(p > 0)) return false;
            double l = Math.sqrt(p);
            d[rj + j] = l;
            for (int i = j + 1; i < kb; i++) d[i * kb + j] /= l;
        }
        return true;
    }

    /** {@return the transpose of the row-major {@code x [rows, cols]}}, in tiles so that both sides stay in cache */
    private static double[] transpose(double[] x, int rows, int cols) {
        final int tile = 16;
        double[] t = new double[x.length];
        for (int i0 = 0; i0 < rows; i0 += tile) {
            int i1 = Math.min(rows, i0 + tile);
            for (int j0 = 0; j0 < cols; j0 += tile) {
                int j1 = Math.min(cols, j0 + tile);
                for (int i = i0; i < i1; i++) for (int j = j0; j < j1; j++) t[j * rows + i] = x[i * cols + j];
            }
        }
        return t;
    }
}
