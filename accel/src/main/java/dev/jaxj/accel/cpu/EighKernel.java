package dev.jaxj.accel.cpu;

/**
 * The symmetric eigendecomposition of one f64 matrix: Householder reduction to tridiagonal form
 * {@code A = Q T Q^T}, {@code Q} formed by the blocked reflectors of {@link Householder} (GEMM),
 * then the implicit QL iteration with Wilkinson shifts on {@code T}, its rotations accumulated
 * into {@code Q} (EISPACK's {@code tql2}).
 *
 * <p>Accuracy: backward stable; {@code ||A V - V diag(w)|| / ||A||} and {@code ||V^T V - I||}
 * are a small multiple of {@code n·ε}, each eigenvalue is within that of {@code ||A||} of the
 * exact one, and repeated eigenvalues get an orthonormal basis of their eigenspace.
 */
final class EighKernel {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS_PER_VALUE = 60;

    private EighKernel() {}

    /**
     * Decomposes the symmetric {@code n x n} row-major {@code a} (overwritten; both triangles
     * filled): eigenvalues into {@code w}, eigenvector {@code i} into row {@code i} of {@code z}
     * ({@code n x n}), unsorted; {@code single} forms Q with the f32 GEMM. A QL iteration that does not converge leaves NaNs, as JAX does
     * when LAPACK fails.
     */
    static void decompose(int n, double[] a, double[] w, double[] z, boolean single) {
        if (n == 0) return;
        double[] e = new double[n];
        int k = Math.max(0, n - 2), sub = n - 1;
        double[] cols = new double[Math.max(1, k * sub)], tau = new double[k];
        for (int j = 0; j < k; j++) {
            // Column j below the diagonal is row j right of it: contiguous.
            int len = n - j - 1, off = j * n + j + 1;
            tau[j] = Householder.reflector(a, off, len);
            w[j] = a[j * n + j];
            e[j] = a[off];
            a[off] = 1;
            symmetricUpdate(n, a, j + 1, off, tau[j]);
            System.arraycopy(a, off, cols, j * sub + j, len);
        }
        for (int j = k; j < n; j++) w[j] = a[j * n + j];
        if (n >= 2) e[n - 2] = a[(n - 1) * n + n - 2];
        double[] q = Householder.formQ(sub, k, cols, tau, sub, single);
        java.util.Arrays.fill(z, 0, n * n, 0);
        z[0] = 1;
        for (int c = 0; c < sub; c++) System.arraycopy(q, c * sub, z, (c + 1) * n + 1, sub);
        if (!ql(n, w, e, z)) {
            java.util.Arrays.fill(w, 0, n, Double.NaN);
            java.util.Arrays.fill(z, 0, n * n, Double.NaN);
        }
    }

    /**
     * {@code A22 <- H A22 H} for the trailing block starting at {@code (s, s)} and the reflector
     * {@code v = a[off..]} (leading 1 written): {@code p = tau A22 v}, {@code u = p - (tau/2)(p·v) v},
     * {@code A22 -= v u^T + u v^T}, on both triangles.
     */
    private static void symmetricUpdate(int n, double[] a, int s, int off, double tau) {
        if (tau == 0) return;
        int len = n - s;
        double[] p = new double[len];
        for (int i = 0; i < len; i++) {
            int row = (s + i) * n + s;
            p[i] = tau * DoubleLanes.dot(a, row, a, off, len);
        }
        double pv = 0;
        for (int i = 0; i < len; i++) pv += p[i] * a[off + i];
        double half = tau * pv / 2;
        for (int i = 0; i < len; i++) p[i] -= half * a[off + i];
        for (int i = 0; i < len; i++) {
            int row = (s + i) * n + s;
            double vi = a[off + i], ui = p[i];
            for (int j = 0; j < len; j++) a[row + j] -= vi * p[j] + ui * a[off + j];
        }
    }

    /**
     * The implicit QL iteration on the tridiagonal {@code (d, e)} ({@code e[i]} couples {@code i}
     * and {@code i+1}), rotating rows of {@code z}; {@return whether it converged}
     */
    private static boolean ql(int n, double[] d, double[] e, double[] z) {
        double shiftSum = 0, scale = 0;
        e[n - 1] = 0;
        for (int l = 0; l < n; l++) {
            scale = Math.max(scale, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > EPS * scale) m++;
            int iterations = 0;
            while (m > l) {
                if (++iterations > MAX_SWEEPS_PER_VALUE) return false;
                // Wilkinson-style shift from the leading 2x2 block, applied to the whole unreduced block.
                double g = d[l], p = (d[l + 1] - g) / (2 * e[l]), r = Math.hypot(p, 1);
                if (p < 0) r = -r;
                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                double dl1 = d[l + 1], h = g - d[l];
                for (int i = l + 2; i < n; i++) d[i] -= h;
                shiftSum += h;
                p = d[m];
                double c = 1, c2 = 1, c3 = 1, el1 = e[l + 1], s = 0, s2 = 0;
                for (int i = m - 1; i >= l; i--) {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    g = c * e[i];
                    h = c * p;
                    r = Math.hypot(p, e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                    DoubleLanes.rotate(z, i * n, (i + 1) * n, n, c, s);
                }
                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
                if (Math.abs(e[l]) <= EPS * scale) break;
            }
            d[l] += shiftSum;
            e[l] = 0;
        }
        return true;
    }
}
