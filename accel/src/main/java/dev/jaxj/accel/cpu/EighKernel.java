package dev.jaxj.accel.cpu;

/**
 * The symmetric eigendecomposition of one f64 matrix: Householder reduction to tridiagonal form
 * {@code A = Q T Q^T} ({@link Tridiagonal}), {@code Q} formed by the blocked reflectors of
 * {@link Householder} (GEMM), then the implicit QL iteration with Wilkinson shifts on {@code T}
 * (EISPACK's {@code tql2}), its rotations recorded and accumulated into {@code Q} afterwards by
 * {@link PlaneRotations}, in parallel over columns; in f32 for an f32 operand, as LAPACK's
 * {@code ssteqr} does.
 *
 * <p>Accuracy: backward stable; {@code ||A V - V diag(w)|| / ||A||} and {@code ||V^T V - I||}
 * are a small multiple of {@code n·ε} (ε of the operand's dtype), each eigenvalue is within
 * that of {@code ||A||} of the exact one, and repeated eigenvalues get an orthonormal basis of
 * their eigenspace.
 */
final class EighKernel {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS_PER_VALUE = 60;

    private EighKernel() {}

    /**
     * Decomposes the symmetric {@code n x n} row-major {@code a} (overwritten; its lower triangle
     * is read): eigenvalues into {@code w}, eigenvector {@code i} into row {@code i} of {@code z}
     * ({@code n x n}), unsorted; {@code single} forms Q with the f32 GEMM and rotates it in f32.
     * A QL iteration that does not converge leaves NaNs, as JAX does when LAPACK fails.
     */
    static void decompose(int n, double[] a, double[] w, double[] z, boolean single) {
        if (n == 0) return;
        double[] e = new double[n];
        int k = Math.max(0, n - 2), sub = n - 1;
        double[] cols = new double[Math.max(1, k * sub)];
        double[] tau = Tridiagonal.reduce(n, a, w, e, cols);
        double[] q = Householder.formQ(sub, k, cols, tau, sub, single);
        java.util.Arrays.fill(z, 0, n * n, 0);
        z[0] = 1;
        for (int c = 0; c < sub; c++) System.arraycopy(q, c * sub, z, (c + 1) * n + 1, sub);
        PlaneRotations rotations = new PlaneRotations();
        if (ql(n, w, e, rotations)) {
            if (single) applySingle(rotations, z, n);
            else rotations.applyTo(z, n);
        } else {
            java.util.Arrays.fill(w, 0, n, Double.NaN);
            java.util.Arrays.fill(z, 0, n * n, Double.NaN);
        }
    }

    /** Rotates {@code z} in f32: the eigenvectors of an f32 operand are rounded to f32 anyway. */
    private static void applySingle(PlaneRotations rotations, double[] z, int n) {
        float[] zf = new float[n * n];
        for (int i = 0; i < n * n; i++) zf[i] = (float) z[i];
        rotations.applyTo(zf, n);
        for (int i = 0; i < n * n; i++) z[i] = zf[i];
    }

    /**
     * {@code sqrt(x^2 + y^2)} without overflow or underflow: {@link Math#hypot} is exact to the
     * last bit but several times slower, and the QL iteration takes two per rotation.
     */
    private static double hypot(double x, double y) {
        double big = Math.max(Math.abs(x), Math.abs(y));
        if (big > 0x1p-500 && big < 0x1p500) return Math.sqrt(x * x + y * y);
        return Math.hypot(x, y);
    }

    /**
     * The implicit QL iteration on the tridiagonal {@code (d, e)} ({@code e[i]} couples {@code i}
     * and {@code i+1}), recording the rotations of the rows of the eigenvector matrix in
     * {@code rotations}; {@return whether it converged}
     */
    private static boolean ql(int n, double[] d, double[] e, PlaneRotations rotations) {
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
                double g = d[l], p = (d[l + 1] - g) / (2 * e[l]), r = hypot(p, 1);
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
                    r = hypot(p, e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                    rotations.add(i, c, s);
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
