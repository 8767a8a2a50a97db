package dev.jaxj.accel.cpu;

/**
 * Householder reduction of a symmetric f64 matrix to tridiagonal form, {@code A = Q T Q^T}
 * (LAPACK's {@code sytd2}), in one pass over the trailing matrix per reflector.
 *
 * <p>Reflector {@code j} changes the trailing block by the rank-2 update
 * {@code A22 -= v u^T + u v^T}; the next reflector needs {@code A22 v'} of the updated block. Done
 * as two passes (the product, then the update) the block streams through the cache twice, which
 * at n = 512 is most of the time. Here the update of step {@code j} is deferred and fused with the
 * product of step {@code j + 1}: only the row the next reflector comes from is updated ahead,
 * and every other row is updated and multiplied by {@code v'} while it is in registers. The rows
 * are independent, so the pass is split across the workers.
 */
final class Tridiagonal {
    /** Below this many trailing elements a pass is not worth a hand-off to another worker. */
    private static final int PARALLEL_FROM = 1 << 14;

    private Tridiagonal() {}

    /**
     * Reduces the symmetric {@code n x n} row-major {@code a} (both triangles filled; overwritten):
     * the diagonal of {@code T} into {@code d}, its off-diagonal into {@code e[0..n-1)}, and the
     * {@code max(0, n-2)} reflectors, reflector {@code j} (leading 1 included) into
     * {@code cols[j * (n-1) + j ..]} as {@link Householder#factor} lays out an
     * {@code (n-1) x (n-2)} matrix column by column; {@return their scalars tau}
     */
    static double[] reduce(int n, double[] a, double[] d, double[] e, double[] cols) {
        int k = Math.max(0, n - 2), sub = n - 1;
        double[] tau = new double[k];
        // The pending update A[j.., j..] -= pv pu^T + pu pv^T, index 0 at row and column j.
        double[] pv = null, pu = null;
        for (int j = 0; j < k; j++) {
            int s = j + 1, len = n - s, off = j * n + s;
            if (pv != null) DoubleLanes.update(a, j * n + j, pu, 0, pv, 0, pv[0], pu[0], n - j);
            d[j] = a[j * n + j];
            tau[j] = Householder.reflector(a, off, len);
            e[j] = a[off];
            double[] v = new double[len];
            v[0] = 1;
            System.arraycopy(a, off + 1, v, 1, len - 1);
            System.arraycopy(v, 0, cols, j * sub + j, len);
            double[] p = updateAndMultiply(n, a, s, pv, pu, v, tau[j]);
            // u = p - (tau/2)(p·v) v, so that H A22 H = A22 - v u^T - u v^T.
            double half = tau[j] * DoubleLanes.dot(p, 0, v, 0, len) / 2;
            for (int i = 0; i < len; i++) p[i] -= half * v[i];
            pv = v;
            pu = p;
        }
        for (int j = k; j < n; j++) {
            if (pv != null) DoubleLanes.update(a, j * n + k, pu, 0, pv, 0, pv[j - k], pu[j - k], n - k);
            d[j] = a[j * n + j];
        }
        if (n >= 2) e[n - 2] = a[(n - 1) * n + n - 2];
        return tau;
    }

    /**
     * Brings rows {@code s..n} of the trailing block up to date with the pending update (index 0
     * at {@code s - 1}) and {@return {@code tau A22 v}} for the updated block, in one pass.
     */
    private static double[] updateAndMultiply(int n, double[] a, int s, double[] pv, double[] pu, double[] v, double tau) {
        int len = n - s;
        double[] p = new double[len];
        if (tau == 0 && pv == null) return p;
        int grain = (long) len * len < PARALLEL_FROM ? len : Math.max(1, (len + Parallel.workers() - 1) / Parallel.workers());
        Parallel.forRange(len, grain, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                int row = (s + i) * n + s;
                if (pv == null) {
                    p[i] = tau * DoubleLanes.dot(a, row, v, 0, len);
                } else if (tau == 0) {
                    DoubleLanes.update(a, row, pu, 1, pv, 1, pv[i + 1], pu[i + 1], len);
                } else {
                    p[i] = tau * DoubleLanes.updateAndDot(a, row, pu, 1, pv, 1, pv[i + 1], pu[i + 1], v, len);
                }
            }
        });
        return p;
    }
}
