package dev.jaxj.accel.cpu;

/**
 * Blocked right-looking Cholesky factorization {@code A = L L^T} of one matrix, in place,
 * reading the lower triangle. Each step factors an {@code NB}-column panel in double precision
 * (its diagonal block {@code L11}, then the rows below it, {@code L21^T = L11^-1 A21^T}, by
 * forward substitution on the transposed block, whose rows are long enough for vector loops)
 * and subtracts {@code L21 L21^T} from the lower trailing matrix
 * ({@link Dense#subtractLowerGram}: for f32 the syrk of {@link Ssyrk}, for f64 GEMMs of column
 * blocks), so that the upper triangle costs nothing.
 *
 * <p>Accuracy: backward stable, {@code ||A - L L^T|| / ||A||} of order {@code n·ε} for any
 * positive-definite {@code A} (the tests check below {@code 1e-5} in f32 and {@code 1e-13} in
 * f64 at {@code n ≤ 200}, also at condition numbers up to {@code 1e6}). A pivot that is not
 * positive (the matrix is not positive definite, or holds a NaN) makes the whole factor NaN,
 * as LAPACK's {@code potrf} result is masked in JAX.
 */
final class CholeskyKernel {
    static final int NB = 64;

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
            // L21^T = L11^-1 A21^T, on the transposed panel: its rows (length m) are the vector lanes.
            double[] l21t = a.readTransposed(t0, n, k0, k1);
            EliminationLanes.substitute(d, l21t, kb, m, true, false);
            a.writeTransposed(l21t, t0, n, k0, k1);
            a.subtractLowerGram(l21t, kb, m, t0);
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
}
