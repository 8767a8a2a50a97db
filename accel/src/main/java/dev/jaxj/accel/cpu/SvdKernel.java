package dev.jaxj.accel.cpu;

import java.util.Arrays;

/**
 * The singular value decomposition of one f64 matrix by one-sided (Hestenes) Jacobi: plane
 * rotations orthogonalize the columns of {@code G = A V} in parallel round-robin sweeps until
 * every pair is orthogonal to working precision; then {@code s_j = ||g_j||} and
 * {@code u_j = g_j / s_j}. From 24 columns on, {@code V} starts as the eigenvectors of
 * {@code A^T A} ({@link #precondition}), which leaves one or two sweeps to do.
 * Columns whose norm is negligible ({@code s_j <= max(m, n)·ε·s_max}, a rank deficiency) and the
 * extra columns of full matrices are completed to an orthonormal basis by a Householder QR of
 * the others. A wide matrix is decomposed through its transpose.
 *
 * <p>Accuracy: one-sided Jacobi has high relative accuracy: each singular value is accurate
 * to a small multiple of {@code n·ε} times the condition number of {@code A} with its columns
 * scaled to unit norm (so also small singular values of badly scaled matrices), and
 * {@code ||U^T U - I||}, {@code ||V^T V - I||} and {@code ||A - U S V^T|| / ||A||} are a small
 * multiple of {@code n·ε}. The cost is a few sweeps of {@code n^2/2} rotations of length
 * {@code m + n}, more than a bidiagonal QR would need for large matrices.
 */
final class SvdKernel {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS = 80;
    /**
     * f32 operands' sweeps stop when every pair's cosine is below {@code 1e-9·sqrt(m)}: far
     * below f32's rounding of the results, and a sweep or two earlier than f64's threshold.
     */
    private static final double F32_COSINE = 1e-9;
    /** Below this many columns the plain sweeps are cheap enough. */
    private static final int PRECONDITION_FROM = 24;

    private SvdKernel() {}

    /**
     * Decomposes the row-major {@code m x n} matrix {@code a}: singular values, descending, into
     * {@code s}; when {@code u} is not null, {@code u [m, ku]} and {@code vt [kv, n]} row-major
     * ({@code ku}, {@code kv} as the primitive's outputs: full or reduced).
     */
    static void decompose(int m, int n, double[] a, double[] s, double[] u, int ku, double[] vt, int kv, boolean single) {
        boolean wide = m < n;
        int rows = wide ? n : m, cols = wide ? m : n;          // the tall problem: rows >= cols
        // g: the columns of the tall matrix, one per row of g.
        double[] g = new double[cols * rows];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (wide) g[i * n + j] = a[i * n + j];
                else g[j * m + i] = a[i * n + j];
            }
        }
        boolean vectors = u != null;
        double[] v = null;
        if (vectors) {
            v = new double[cols * cols];
            for (int j = 0; j < cols; j++) v[j * cols + j] = 1;
        }
        if (cols >= PRECONDITION_FROM) g = precondition(rows, cols, g, v, single);
        if (!sweep(rows, cols, g, v, (single ? F32_COSINE : EPS) * Math.sqrt(rows))) {
            Arrays.fill(s, 0, Math.min(m, n), Double.NaN);
            if (vectors) {
                Arrays.fill(u, 0, m * ku, Double.NaN);
                Arrays.fill(vt, 0, kv * n, Double.NaN);
            }
            return;
        }
        double[] norm = new double[cols];
        for (int j = 0; j < cols; j++) norm[j] = Math.sqrt(DoubleLanes.dot(g, j * rows, g, j * rows, rows));
        Integer[] order = new Integer[cols];
        for (int j = 0; j < cols; j++) order[j] = j;
        Arrays.sort(order, (x, y) -> Double.compare(norm[y], norm[x]));
        for (int j = 0; j < cols; j++) s[j] = norm[order[j]];
        if (!vectors) return;
        // The long side's basis: u_j = g_j / s_j, completed where s_j is negligible and beyond cols.
        int kLong = wide ? kv : ku;
        double[] longBasis = orthonormalColumns(rows, cols, kLong, g, order, s, single);
        // The short side: v's columns (held as rows of v) in the same order.
        for (int r = 0; r < cols; r++) {
            int src = order[r] * cols;
            for (int c = 0; c < cols; c++) {
                double x = v[src + c];
                // Short side of a tall A is V (vt rows); of a wide A it is U (u columns).
                if (wide) u[c * ku + r] = x;
                else vt[r * n + c] = x;
            }
        }
        for (int r = 0; r < kLong; r++) {
            for (int c = 0; c < rows; c++) {
                double x = longBasis[r * rows + c];
                if (wide) vt[r * n + c] = x;
                else u[c * ku + r] = x;
            }
        }
    }

    /**
     * Starts the sweeps from the eigenvectors {@code W} of {@code G G^T} (the Gram matrix of the
     * columns): {@code G <- W^T G} and {@code V <- W} (held as rows), so that the columns are
     * already nearly orthogonal and the sweeps converge in one or two rounds instead of about
     * ten. Accuracy is unchanged, since the sweeps still run until every pair is orthogonal to
     * working precision and {@code W} is orthogonal; a failed eigendecomposition leaves {@code g}.
     */
    private static double[] precondition(int rows, int cols, double[] g, double[] v, boolean single) {
        double[] gt = new double[rows * cols], gram = new double[cols * cols];
        for (int j = 0; j < cols; j++) for (int i = 0; i < rows; i++) gt[i * cols + j] = g[j * rows + i];
        Householder.gemm(cols, cols, rows, g, gt, gram, false);
        double[] w = new double[cols], z = new double[cols * cols];
        EighKernel.decompose(cols, gram, w, z, false);
        if (Double.isNaN(w[0])) return g;
        double[] rotated = new double[cols * rows];
        Householder.gemm(cols, rows, cols, z, g, rotated, false);
        if (v != null) System.arraycopy(z, 0, v, 0, cols * cols);
        return rotated;
    }

    /**
     * Sweeps of rotations over the {@code cols} rows of {@code g} (and of {@code v}) in
     * round-robin order: each of a sweep's {@code cols - 1} steps pairs every column with another
     * once, so a step's rotations touch disjoint rows and run in parallel. Squared column norms
     * are refreshed each sweep and updated exactly by each rotation in between
     * ({@code α' = α - tγ}, {@code β' = β + tγ}), leaving one dot product per pair.
     * {@return whether a sweep found every pair orthogonal}
     */
    private static boolean sweep(int rows, int cols, double[] g, double[] v, double tol) {
        int players = cols + (cols & 1), pairs = players / 2;
        int[] seat = new int[players];
        double[] norm2 = new double[cols];
        long work = (long) rows * cols * cols;
        int grain = work < (1L << 18) || Parallel.workers() < 2 ? Math.max(1, pairs) : Math.max(1, pairs / Parallel.workers());
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double largest = 0;
            for (int j = 0; j < cols; j++) largest = Math.max(largest, norm2[j] = DoubleLanes.dot(g, j * rows, g, j * rows, rows));
            // A column this small is rounding noise of a rank deficiency (orthonormalColumns drops it too):
            // it cannot be made orthogonal to working precision relative to its own norm, so it is left.
            double negligible = largest * (rows * EPS) * (rows * EPS);
            for (int i = 0; i < players; i++) seat[i] = i;
            boolean[] rotated = new boolean[1];
            for (int step = 0; step < players - 1; step++) {
                Parallel.forRange(pairs, grain, (lo, hi) -> {
                    for (int k = lo; k < hi; k++) {
                        int p = Math.min(seat[k], seat[players - 1 - k]), q = Math.max(seat[k], seat[players - 1 - k]);
                        if (q >= cols) continue;                                   // the bye of an odd count
                        if (rotatePair(rows, cols, g, v, norm2, p, q, tol, negligible)) rotated[0] = true;
                    }
                });
                // Seat 0 stays; the others move one place round.
                int last = seat[players - 1];
                System.arraycopy(seat, 1, seat, 2, players - 2);
                seat[1] = last;
            }
            if (!rotated[0]) return true;
        }
        return false;
    }

    /** Orthogonalizes columns {@code p < q} when they are not yet; {@return whether it rotated} */
    private static boolean rotatePair(int rows, int cols, double[] g, double[] v, double[] norm2, int p, int q, double tol, double negligible) {
        int gp = p * rows, gq = q * rows;
        double alpha = norm2[p], beta = norm2[q];
        if (Math.min(alpha, beta) <= negligible) return false;
        double gamma = DoubleLanes.dot(g, gp, g, gq, rows);
        if (gamma == 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) return false;
        double zeta = (beta - alpha) / (2 * gamma);
        double t = Math.copySign(1, zeta) / (Math.abs(zeta) + Math.hypot(1, zeta));
        double c = 1 / Math.sqrt(1 + t * t), sn = c * t;
        DoubleLanes.rotate(g, gp, gq, rows, c, sn);
        if (v != null) DoubleLanes.rotate(v, p * cols, q * cols, cols, c, sn);
        // Exact in exact arithmetic; the clamp keeps a column that cancels to nothing from a negative square norm.
        norm2[p] = Math.max(0, alpha - t * gamma);
        norm2[q] = Math.max(0, beta + t * gamma);
        return true;
    }


    /**
     * {@return {@code k} orthonormal vectors of length {@code rows}, one per row}: the normalized
     * columns {@code g[order[j]]} whose {@code s[j]} is not negligible, in order, and in the other
     * places an orthonormal completion (the trailing columns of a full Householder Q of the kept ones)
     */
    static double[] orthonormalColumns(int rows, int cols, int k, double[] g, Integer[] order, double[] s, boolean single) {
        double cutoff = Math.max(rows, cols) * EPS * (cols == 0 ? 0 : s[0]);
        boolean[] kept = new boolean[k];
        int r = 0;
        for (int j = 0; j < Math.min(k, cols); j++) {
            kept[j] = s[j] > cutoff;
            if (kept[j]) r++;
        }
        double[] out = new double[k * rows], keptCols = new double[Math.max(1, r * rows)];
        int next = 0;
        for (int j = 0; j < Math.min(k, cols); j++) {
            if (!kept[j]) continue;
            int src = order[j] * rows;
            double inv = 1 / s[j];
            for (int i = 0; i < rows; i++) out[j * rows + i] = g[src + i] * inv;
            System.arraycopy(out, j * rows, keptCols, next++ * rows, rows);
        }
        if (r == k) return out;
        double[] tau = Householder.factor(rows, r, keptCols, single);
        double[] q = Householder.formQ(rows, r, keptCols, tau, rows, single);
        int spare = r;
        for (int j = 0; j < k; j++) {
            if (j < kept.length && kept[j]) continue;
            System.arraycopy(q, spare++ * rows, out, j * rows, rows);
        }
        return out;
    }
}
