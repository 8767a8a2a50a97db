package dev.jaxj.accel.cpu;

/**
 * Blocked right-looking Cholesky factorization {@code A = L L^T} of one matrix, in place,
 * reading the lower triangle. Each step factors an {@code NB}-column panel (its diagonal
 * block, then the rows below it by substitution) in double precision and subtracts
 * {@code L21 L21^T} from the lower trailing matrix through the GEMM, one column block at a
 * time so that the upper triangle costs nothing.
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
            int kb = Math.min(NB, n - k0), rows = n - k0;
            double[] p = a.read(k0, n, k0, k0 + kb);
            if (!factorPanel(p, rows, kb)) {
                a.fill(Double.NaN);
                return;
            }
            a.write(p, k0, n, k0, k0 + kb);
            int t0 = k0 + kb, m = n - t0;
            if (m == 0) continue;
            Object l21 = a.pack(t0, n, k0, k0 + kb);
            for (int c0 = 0; c0 < m; c0 += UPDATE_WIDTH) {
                int w = Math.min(UPDATE_WIDTH, m - c0);
                // Rows c0.. of L21 times rows c0..c0+w of L21, transposed: the lower part of this column block.
                Object x = c0 == 0 ? l21 : a.pack(t0 + c0, n, k0, k0 + kb);
                Object y = a.pack(t0 + c0, t0 + c0 + w, k0, k0 + kb);
                a.subtractProduct(x, y, true, m - c0, w, kb, t0 + c0, t0 + c0);
            }
        }
        a.zeroUpper();
    }

    /**
     * Left-looking Cholesky of the panel {@code p [rows, kb]} (its top {@code kb x kb} block is
     * the diagonal block): {@return false} when a pivot is not positive.
     */
    private static boolean factorPanel(double[] p, int rows, int kb) {
        for (int j = 0; j < kb; j++) {
            int rj = j * kb;
            for (int i = j; i < rows; i++) {
                int ri = i * kb;
                double s = p[ri + j];
                for (int t = 0; t < j; t++) s -= p[ri + t] * p[rj + t];
                p[ri + j] = s;
            }
            double d = p[rj + j];
            if (!(d > 0)) return false;
            double l = Math.sqrt(d);
            p[rj + j] = l;
            for (int i = j + 1; i < rows; i++) p[i * kb + j] /= l;
        }
        return true;
    }
}
