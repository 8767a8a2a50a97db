package dev.jaxj.accel.cpu;

/**
 * Householder reduction of a symmetric f64 matrix to tridiagonal form, {@code A = Q T Q^T}
 * (LAPACK's {@code sytd2}), in one pass over the lower triangle of the trailing matrix per
 * reflector.
 *
 * <p>Reflector {@code j} changes the trailing block by the rank-2 update
 * {@code A22 -= v u^T + u v^T}; the next reflector needs {@code A22 v'} of the updated block. Done
 * as two passes (the product, then the update) the block streams through the cache twice, which
 * at n = 512 is most of the time. Here the update of step {@code j} is deferred and fused with the
 * product of step {@code j + 1}: only the column the next reflector comes from is updated ahead,
 * and every other row is updated and multiplied by {@code v'} while it is in registers. Only the
 * lower triangle is kept, as LAPACK's {@code symv} does, halving the traffic: row {@code i}'s
 * part left of the diagonal gives both its own dot product with {@code v'} and, read as column
 * {@code i} of the upper triangle, a multiple of itself added to the products of the rows above.
 * The rows are split across the workers at equal areas of the triangle, each worker summing
 * those contributions privately.
 */
final class Tridiagonal {
    /** Below this many trailing elements a pass is not worth a hand-off to another worker. */
    private static final int PARALLEL_FROM = 1 << 14;

    private Tridiagonal() {}

    /**
     * Reduces the symmetric {@code n x n} row-major {@code a} (its lower triangle is read; overwritten):
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
            int s = j + 1, len = n - s;
            if (pv != null) {
                for (int i = j; i < n; i++) a[i * n + j] -= pv[i - j] * pu[0] + pu[i - j] * pv[0];
            }
            d[j] = a[j * n + j];
            double[] v = new double[len];
            for (int i = 0; i < len; i++) v[i] = a[(s + i) * n + j];
            tau[j] = Householder.reflector(v, 0, len);
            e[j] = v[0];
            v[0] = 1;
            System.arraycopy(v, 0, cols, j * sub + j, len);
            double[] p = updateAndMultiply(n, a, s, pv, pu, v, tau[j]);
            // u = p - (tau/2)(p·v) v, so that H A22 H = A22 - v u^T - u v^T.
            double half = tau[j] * DoubleLanes.dot(p, 0, v, 0, len) / 2;
            for (int i = 0; i < len; i++) p[i] -= half * v[i];
            pv = v;
            pu = p;
        }
        for (int r = k; r < n; r++) {
            if (pv != null) {
                for (int c = k; c <= r; c++) a[r * n + c] -= pv[r - k] * pu[c - k] + pu[r - k] * pv[c - k];
            }
            d[r] = a[r * n + r];
        }
        if (n >= 2) e[n - 2] = a[(n - 1) * n + n - 2];
        return tau;
    }

    /**
     * Brings the lower triangle of rows {@code s..n} of the trailing block up to date with the
     * pending update (index 0 at {@code s - 1}) and {@return {@code tau A22 v}} for the updated
     * block, in one pass.
     */
    private static double[] updateAndMultiply(int n, double[] a, int s, double[] pv, double[] pu, double[] v, double tau) {
        int len = n - s;
        double[] p = new double[len];
        if (tau == 0 && pv == null) return p;
        int chunks = (long) len * len / 2 < PARALLEL_FROM ? 1 : Parallel.workers();
        double[][] parts = new double[chunks][];
        Parallel.forRange(chunks, 1, (lo, hi) -> {
            for (int chunk = lo; chunk < hi; chunk++) {
                double[] q = chunk == 0 ? p : new double[len];
                parts[chunk] = q;
                for (int i = cut(len, chunk, chunks); i < cut(len, chunk + 1, chunks); i++) row(n, a, s, i, pv, pu, v, q);
            }
        });
        for (int chunk = 1; chunk < chunks; chunk++) for (int i = 0; i < len; i++) p[i] += parts[chunk][i];
        for (int i = 0; i < len; i++) p[i] *= tau;
        return p;
    }

    /** Row {@code s + i}: its lower part updated, then its share of {@code A22 v} added to {@code q}. */
    private static void row(int n, double[] a, int s, int i, double[] pv, double[] pu, double[] v, double[] q) {
        int at = (s + i) * n + s, diagonal = at + i;
        double dot;
        if (pv == null) {
            dot = DoubleLanes.dotAndAxpy(a, at, v, q, v[i], i);
        } else {
            dot = DoubleLanes.updateDotAndAxpy(a, at, pu, 1, pv, 1, pv[i + 1], pu[i + 1], v, q, v[i], i);
            a[diagonal] -= pv[i + 1] * pu[i + 1] + pu[i + 1] * pv[i + 1];
        }
        q[i] += dot + a[diagonal] * v[i];
    }

    /** {@return the first row of chunk {@code chunk}}: chunks of equal area of the lower triangle */
    private static int cut(int rows, int chunk, int chunks) {
        return (int) Math.round(rows * Math.sqrt((double) chunk / chunks));
    }
}
