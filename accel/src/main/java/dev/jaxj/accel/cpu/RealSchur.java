package dev.jaxj.accel.cpu;

/**
 * The Francis double-shift QR iteration: a real upper Hessenberg matrix {@code H} becomes its
 * real Schur form {@code T = Q^T H Q}, upper triangular but for 2×2 blocks that hold complex
 * conjugate eigenvalue pairs, so a real matrix never needs complex arithmetic and its
 * eigenvalues come out exactly real or exactly conjugate. Each sweep chases a 3×3 bulge made by
 * the two shifts (the eigenvalues of the active window's trailing 2×2 block) down the window;
 * a subdiagonal entry is dropped by Ahues and Tisseur's test, which keeps the small eigenvalues of
 * graded matrices accurate; at the 10th and 20th sweep without a deflation an exceptional shift
 * breaks the cycles the standard shifts can fall into.
 */
final class RealSchur {
    private RealSchur() {}

    private static final double ULP = Math.ulp(1.0);
    private static final double SAFE_MIN = Double.MIN_NORMAL;

    /**
     * Overwrites {@code h} ({@code n × n}, row-major Hessenberg) with its real Schur form, with
     * each 2×2 block of real eigenvalues split and each complex block's pair in {@code (wr, wi)}
     * (positive imaginary part first), and multiplies {@code z} on the right by the rotations.
     * {@return false when some eigenvalue did not converge in {@code 30·max(10, n)} sweeps}
     */
    static boolean decompose(int n, double[] h, double[] z, double[] wr, double[] wi) {
        int hi = n - 1, sweeps = 0, sinceDeflation = 0, limit = 30 * Math.max(10, n);
        while (hi >= 0) {
            int l = splitPoint(n, h, hi);
            if (l == hi) {
                wr[hi] = h[hi * n + hi];
                wi[hi] = 0;
                hi--;
                sinceDeflation = 0;
            } else if (l == hi - 1) {
                block(n, h, z, hi - 1, wr, wi);
                hi -= 2;
                sinceDeflation = 0;
            } else {
                if (++sweeps > limit) return false;
                sweep(n, h, z, l, hi, ++sinceDeflation % 10 == 0);
            }
        }
        return true;
    }

    /** {@return the first row of the active window ending at {@code hi}}, zeroing the negligible subdiagonal entry above it */
    private static int splitPoint(int n, double[] h, int hi) {
        for (int k = hi; k > 0; k--) {
            double sub = Math.abs(h[k * n + k - 1]);
            if (sub <= SAFE_MIN) {
                h[k * n + k - 1] = 0;
                return k;
            }
            double dPrev = Math.abs(h[(k - 1) * n + k - 1]), d = Math.abs(h[k * n + k]), tst = dPrev + d;
            if (tst == 0) {
                if (k >= 2) tst += Math.abs(h[(k - 1) * n + k - 2]);
                if (k + 1 <= hi) tst += Math.abs(h[(k + 1) * n + k]);
            }
            if (sub <= ULP * tst) {
                double sup = Math.abs(h[(k - 1) * n + k]);
                double ab = Math.max(sub, sup), ba = Math.min(sub, sup);
                double gap = Math.abs(h[(k - 1) * n + k - 1] - h[k * n + k]);
                double aa = Math.max(d, gap), bb = Math.min(d, gap), s = aa + ab;
                if (ba * (ab / s) <= Math.max(SAFE_MIN, ULP * (bb * (aa / s)))) {
                    h[k * n + k - 1] = 0;
                    return k;
                }
            }
        }
        return 0;
    }

    /** One implicit double-shift sweep over rows and columns {@code [l, hi]}, applied to all of {@code h} and {@code z}. */
    private static void sweep(int n, double[] h, double[] z, int l, int hi, boolean exceptional) {
        double a = h[(hi - 1) * n + hi - 1], b = h[(hi - 1) * n + hi], c = h[hi * n + hi - 1], d = h[hi * n + hi];
        double trace = a + d, det = a * d - b * c;
        if (exceptional) {
            double s = Math.abs(c) + Math.abs(h[(hi - 1) * n + hi - 2]);
            trace = 2 * d + 1.5 * s;
            det = (d + 0.75 * s) * (d + 0.75 * s) + 0.4375 * s * s;
        }
        double h00 = h[l * n + l], h10 = h[(l + 1) * n + l];
        double x = h00 * h00 + h[l * n + l + 1] * h10 - trace * h00 + det;
        double y = h10 * (h00 + h[(l + 1) * n + l + 1] - trace);
        double w = h10 * h[(l + 2) * n + l + 1];
        for (int k = l; k < hi; k++) {
            int size = k + 2 <= hi ? 3 : 2;
            if (k > l) {
                x = h[k * n + k - 1];
                y = h[(k + 1) * n + k - 1];
                w = size == 3 ? h[(k + 2) * n + k - 1] : 0;
            }
            double norm = Math.sqrt(x * x + y * y + w * w);
            if (norm == 0) continue;
            double beta = x >= 0 ? -norm : norm, tau = (beta - x) / beta, v1 = y / (x - beta), v2 = w / (x - beta);
            int from = k > l ? k - 1 : l;
            for (int j = from; j < n; j++) {
                double s = h[k * n + j] + v1 * h[(k + 1) * n + j] + (size == 3 ? v2 * h[(k + 2) * n + j] : 0);
                s *= tau;
                h[k * n + j] -= s;
                h[(k + 1) * n + j] -= s * v1;
                if (size == 3) h[(k + 2) * n + j] -= s * v2;
            }
            if (k > l) {
                h[k * n + k - 1] = beta;
                h[(k + 1) * n + k - 1] = 0;
                if (size == 3) h[(k + 2) * n + k - 1] = 0;
            }
            reflectColumns(n, h, Math.min(k + 3, hi) + 1, k, size, tau, v1, v2);
            reflectColumns(n, z, n, k, size, tau, v1, v2);
        }
    }

    /** Columns {@code k..k+size-1} of rows {@code [0, rows)} times the reflector {@code I - tau v v^T}, {@code v = (1, v1, v2)}. */
    private static void reflectColumns(int n, double[] m, int rows, int k, int size, double tau, double v1, double v2) {
        for (int i = 0; i < rows; i++) {
            int r = i * n + k;
            double s = m[r] + v1 * m[r + 1] + (size == 3 ? v2 * m[r + 2] : 0);
            s *= tau;
            m[r] -= s;
            m[r + 1] -= s * v1;
            if (size == 3) m[r + 2] -= s * v2;
        }
    }

    /**
     * The converged 2×2 block at rows {@code p, p+1}: real eigenvalues are split by a rotation
     * whose first column is an eigenvector (so the block becomes upper triangular); a complex pair
     * is left in place and recorded.
     */
    private static void block(int n, double[] h, double[] z, int p, double[] wr, double[] wi) {
        int q = p + 1;
        double a = h[p * n + p], b = h[p * n + q], c = h[q * n + p], d = h[q * n + q];
        double half = 0.5 * (a - d), disc = half * half + b * c;
        if (disc < 0) {
            double re = 0.5 * (a + d), im = Math.sqrt(-disc);
            wr[p] = re;
            wi[p] = im;
            wr[q] = re;
            wi[q] = -im;
            return;
        }
        if (c != 0) {
            double zeta = half + Math.copySign(Math.sqrt(disc), half), r = Math.hypot(zeta, c);
            double cs = zeta / r, sn = c / r;
            for (int j = p; j < n; j++) {
                double u = h[p * n + j], v = h[q * n + j];
                h[p * n + j] = cs * u + sn * v;
                h[q * n + j] = cs * v - sn * u;
            }
            rotateColumns(n, h, q + 1, p, cs, sn);
            rotateColumns(n, z, n, p, cs, sn);
            h[q * n + p] = 0;
        }
        wr[p] = h[p * n + p];
        wi[p] = 0;
        wr[q] = h[q * n + q];
        wi[q] = 0;
    }

    private static void rotateColumns(int n, double[] m, int rows, int p, double cs, double sn) {
        for (int i = 0; i < rows; i++) {
            double u = m[i * n + p], v = m[i * n + p + 1];
            m[i * n + p] = cs * u + sn * v;
            m[i * n + p + 1] = cs * v - sn * u;
        }
    }
}
