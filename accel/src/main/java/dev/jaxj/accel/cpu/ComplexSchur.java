package dev.jaxj.accel.cpu;

/**
 * The shifted QR iteration on a complex upper Hessenberg matrix: {@code H} becomes upper
 * triangular {@code T = Q^H H Q} (its complex Schur form), the eigenvalues on the diagonal. Each
 * sweep chases one Wilkinson shift (the eigenvalue of the active window's trailing 2×2 block
 * nearer its last entry) down the window with Givens rotations; a subdiagonal entry is dropped
 * when small beside its diagonal neighbours, and at the 10th and 20th sweep without a
 * deflation an exceptional shift breaks cycles.
 */
final class ComplexSchur {
    private ComplexSchur() {}

    private static final double ULP = Math.ulp(1.0);

    /**
     * Overwrites {@code h} with its Schur form and multiplies {@code z} on the right by the rotations.
     * {@return false when some eigenvalue did not converge in {@code 30·max(10, n)} sweeps}
     */
    static boolean decompose(ComplexSquare h, ComplexSquare z) {
        int n = h.n, hi = n - 1, sweeps = 0, sinceDeflation = 0, limit = 30 * Math.max(10, n);
        while (hi > 0) {
            int l = splitPoint(h, hi);
            if (l == hi) {
                hi--;
                sinceDeflation = 0;
                continue;
            }
            if (++sweeps > limit) return false;
            double[] mu = shift(h, hi, ++sinceDeflation % 10 == 0);
            sweep(h, z, l, hi, mu[0], mu[1]);
        }
        return true;
    }

    private static int splitPoint(ComplexSquare h, int hi) {
        int n = h.n;
        for (int k = hi; k > 0; k--) {
            double tst = h.abs1(k - 1, k - 1) + h.abs1(k, k);
            if (tst == 0 && k + 1 <= hi) tst = h.abs1(k + 1, k);
            if (h.abs1(k, k - 1) <= Math.max(Double.MIN_NORMAL, ULP * tst)) {
                h.re[k * n + k - 1] = 0;
                h.im[k * n + k - 1] = 0;
                return k;
            }
        }
        return 0;
    }

    /** {@return the Wilkinson shift of the window ending at {@code hi}}, or an exceptional one, as {@code {re, im}} */
    private static double[] shift(ComplexSquare h, int hi, boolean exceptional) {
        int n = h.n, p = hi - 1;
        double dr = h.re[hi * n + hi], di = h.im[hi * n + hi];
        if (exceptional) {
            double s = Math.abs(h.re[hi * n + p]) + 0.75 * h.abs1(hi, p);
            return new double[] {dr + s, di};
        }
        // Eigenvalues of [[a, b], [c, d]] are d + half ± sqrt(half² + bc), half = (a - d)/2.
        double hr = 0.5 * (h.re[p * n + p] - dr), hiPart = 0.5 * (h.im[p * n + p] - di);
        double bcr = h.re[p * n + hi] * h.re[hi * n + p] - h.im[p * n + hi] * h.im[hi * n + p];
        double bci = h.re[p * n + hi] * h.im[hi * n + p] + h.im[p * n + hi] * h.re[hi * n + p];
        double[] root = sqrt(hr * hr - hiPart * hiPart + bcr, 2 * hr * hiPart + bci);
        // The root of the sign that moves away from half gives the eigenvalue nearer d.
        if (hr * root[0] + hiPart * root[1] < 0) {
            root[0] = -root[0];
            root[1] = -root[1];
        }
        double sr = hr + root[0], si = hiPart + root[1], mag = sr * sr + si * si;
        if (mag == 0) return new double[] {dr, di};
        // d - bc / (half + root): the division form avoids cancellation.
        double qr = (bcr * sr + bci * si) / mag, qi = (bci * sr - bcr * si) / mag;
        return new double[] {dr - qr, di - qi};
    }

    private static double[] sqrt(double re, double im) {
        double m = Math.hypot(re, im);
        if (m == 0) return new double[] {0, 0};
        double r = Math.sqrt(0.5 * (m + Math.abs(re)));
        return re >= 0 ? new double[] {r, im / (2 * r)} : new double[] {Math.abs(im) / (2 * r), Math.copySign(r, im)};
    }

    private static void sweep(ComplexSquare h, ComplexSquare z, int l, int hi, double muRe, double muIm) {
        int n = h.n;
        double xr = h.re[l * n + l] - muRe, xi = h.im[l * n + l] - muIm;
        double yr = h.re[(l + 1) * n + l], yi = h.im[(l + 1) * n + l];
        for (int k = l; k < hi; k++) {
            if (k > l) {
                xr = h.re[k * n + k - 1];
                xi = h.im[k * n + k - 1];
                yr = h.re[(k + 1) * n + k - 1];
                yi = h.im[(k + 1) * n + k - 1];
            }
            // G = [[c, s], [-conj(s), c]] with G (x, y) = (r, 0): c = |x| / ρ, s = (x / |x|) conj(y) / ρ.
            double ax = Math.hypot(xr, xi), rho = Math.hypot(ax, Math.hypot(yr, yi));
            if (rho == 0) continue;
            double c, sr, si;
            if (ax == 0) {
                c = 0;
                sr = yr / rho;
                si = -yi / rho;
            } else {
                c = ax / rho;
                double ur = xr / ax, ui = xi / ax;
                sr = (ur * yr + ui * yi) / rho;
                si = (ui * yr - ur * yi) / rho;
            }
            h.rotateRows(k, k + 1, k > l ? k - 1 : l, c, sr, si);
            if (k > l) {
                h.re[(k + 1) * n + k - 1] = 0;
                h.im[(k + 1) * n + k - 1] = 0;
            }
            h.rotateColumns(k, k + 1, Math.min(k + 2, hi) + 1, c, sr, si);
            z.rotateColumns(k, k + 1, n, c, sr, si);
        }
    }
}
