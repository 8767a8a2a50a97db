package dev.jaxj.accel.cpu;

/**
 * Blocked right-looking LU with partial pivoting, {@code P A = L U}, of one {@code m x n}
 * matrix in place, as LAPACK's {@code getrf}: each step factors an {@code NB}-column panel in
 * double precision (pivot: the first row of largest magnitude), applies its row swaps to the
 * other columns, solves for the block row of {@code U} and subtracts {@code L21 U12} from the
 * trailing matrix through the GEMM.
 *
 * <p>Accuracy: {@code ||P A - L U|| / ||A||} of order {@code n·ε·g} with a growth factor
 * {@code g} that is small in practice (the tests check below {@code 1e-5} in f32 and
 * {@code 1e-13} in f64 at {@code n ≤ 200}, also at condition numbers up to {@code 1e6}).
 * A zero pivot is left in {@code U} and its column below is not scaled (LAPACK's behaviour),
 * so solves with a singular matrix give infinities and NaNs, as in JAX.
 */
final class LuKernel {
    static final int NB = 64;

    private LuKernel() {}

    /** Factors {@code a} in place, writing {@code pivots[min(m, n)]} and {@code permutation[m]} at the given offsets. */
    static void factor(Dense a, int[] pivots, int pivotsAt, int[] permutation, int permutationAt) {
        int m = a.rows(), n = a.cols(), k = Math.min(m, n);
        for (int i = 0; i < m; i++) permutation[permutationAt + i] = i;
        for (int k0 = 0; k0 < k; k0 += NB) {
            int kb = Math.min(NB, k - k0), k1 = k0 + kb, rows = m - k0;
            double[] p = a.read(k0, m, k0, k1);
            factorPanel(p, rows, kb, pivots, pivotsAt + k0, k0);
            a.write(p, k0, m, k0, k1);
            for (int j = k0; j < k1; j++) {
                int piv = pivots[pivotsAt + j];
                if (piv == j) continue;
                a.swapRows(j, piv, 0, k0);
                a.swapRows(j, piv, k1, n);
                int t = permutation[permutationAt + j];
                permutation[permutationAt + j] = permutation[permutationAt + piv];
                permutation[permutationAt + piv] = t;
            }
            if (k1 == n) continue;
            // U12 = L11^-1 A12, L11 unit lower.
            double[] u = a.read(k0, k1, k1, n);
            int w = n - k1;
            for (int i = 0; i < kb; i++) {
                for (int t = 0; t < i; t++) {
                    double l = p[i * kb + t];
                    if (l != 0) EliminationLanes.subtractScaled(u, i * w, l, u, t * w, w);
                }
            }
            a.write(u, k0, k1, k1, n);
            if (k1 < m) a.subtractProduct(a.pack(k1, m, k0, k1), a.pack(k0, k1, k1, n), false, m - k1, w, kb, k1, k1);
        }
    }

    /**
     * Unblocked LU of the panel {@code p [rows, kb]}; pivots are recorded as global rows
     * ({@code + base}). It works on a column-major copy, so that the pivot search, the scaling
     * and each column's update run along contiguous memory.
     */
    private static void factorPanel(double[] p, int rows, int kb, int[] pivots, int at, int base) {
        double[] c = new double[rows * kb];
        for (int i = 0; i < rows; i++) for (int t = 0; t < kb; t++) c[t * rows + i] = p[i * kb + t];
        for (int j = 0; j < kb; j++) {
            int col = j * rows, piv = j;
            double best = Math.abs(c[col + j]);
            for (int i = j + 1; i < rows; i++) {
                double v = Math.abs(c[col + i]);
                if (v > best) {
                    best = v;
                    piv = i;
                }
            }
            pivots[at + j] = base + piv;
            if (piv != j) {
                for (int t = 0; t < kb; t++) {
                    double s = c[t * rows + j];
                    c[t * rows + j] = c[t * rows + piv];
                    c[t * rows + piv] = s;
                }
            }
            double d = c[col + j];
            if (d != 0) {
                for (int i = j + 1; i < rows; i++) c[col + i] /= d;
            }
            // The rank-1 update, a column at a time; a zero in the pivot row skips its column, as BLAS's ger does.
            for (int t = j + 1; t < kb; t++) {
                double u = c[t * rows + j];
                if (u != 0) EliminationLanes.subtractScaled(c, t * rows + j + 1, u, c, col + j + 1, rows - j - 1);
            }
        }
        for (int i = 0; i < rows; i++) for (int t = 0; t < kb; t++) p[i * kb + t] = c[t * rows + i];
    }
}
