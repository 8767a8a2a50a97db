package dev.jaxj.accel.cpu;

/**
 * Eigenvectors from a complex Schur form {@code A = Z T Z^H} ({@code T} upper triangular):
 * the {@code k}-th right eigenvector of {@code T} solves {@code (T - λ_k I) x = 0} by back
 * substitution with {@code x_k = 1} and zeros below, the left one {@code y^H (T - λ_k I) = 0}
 * by forward substitution with {@code y_k = 1} and zeros above; {@code Z x} and {@code Z y} are
 * those of {@code A}. As in LAPACK's {@code trevc}, a vanishing {@code T_ii - λ_k} (a repeated
 * eigenvalue) is replaced by a tiny multiple of {@code |λ_k|}, and a component that grows too
 * large rescales the vector instead of overflowing.
 */
final class SchurEigenvectors {
    private SchurEigenvectors() {}

    private static final double ULP = Math.ulp(1.0);
    private static final double GROWTH_LIMIT = 1e150;

    /**
     * Turns a real Schur form (held in {@code t.re}, with its rotations in {@code z.re}) into the
     * complex one: a unitary rotation whose first column is an eigenvector of each 2×2 block
     * (of the pair's eigenvalue with positive imaginary part) makes the block triangular.
     */
    static void complexify(ComplexSquare t, ComplexSquare z, double[] wr, double[] wi) {
        int n = t.n;
        for (int p = 0; p + 1 < n; p++) {
            if (wi[p] <= 0) continue;
            int q = p + 1;
            double b = t.re[p * n + q], gr = wr[p] - t.re[p * n + p], gi = wi[p];
            double rho = Math.hypot(b, Math.hypot(gr, gi));
            double c = b / rho, sr = gr / rho, si = -gi / rho;
            t.rotateRows(p, q, p, c, sr, si);
            t.rotateColumns(p, q, q + 1, c, sr, si);
            z.rotateColumns(p, q, n, c, sr, si);
            t.re[q * n + p] = 0;
            t.im[q * n + p] = 0;
            t.re[p * n + p] = wr[p];
            t.im[p * n + p] = wi[p];
            t.re[q * n + q] = wr[q];
            t.im[q * n + q] = wi[q];
            p++;
        }
    }

    /** {@return the right eigenvectors of {@code Z T Z^H} as the columns of a matrix} (not yet normalized) */
    static ComplexSquare right(ComplexSquare t, ComplexSquare z) {
        int n = t.n;
        ComplexSquare v = new ComplexSquare(n);
        double[] xr = new double[n], xi = new double[n];
        for (int k = 0; k < n; k++) {
            double lr = t.re[k * n + k], li = t.im[k * n + k], small = small(lr, li);
            xr[k] = 1;
            xi[k] = 0;
            for (int i = k - 1; i >= 0; i--) {
                double sr = 0, si = 0;
                for (int j = i + 1; j <= k; j++) {
                    double ar = t.re[i * n + j], ai = t.im[i * n + j];
                    sr += ar * xr[j] - ai * xi[j];
                    si += ar * xi[j] + ai * xr[j];
                }
                divide(-sr, -si, t.re[i * n + i] - lr, t.im[i * n + i] - li, small, xr, xi, i);
                rescale(xr, xi, i, k);
            }
            transform(z, xr, xi, 0, k, v, k, false);
        }
        return v;
    }

    /** {@return the left eigenvectors of {@code Z T Z^H} as the columns of a matrix}: {@code y^H A = λ y^H} (not yet normalized) */
    static ComplexSquare left(ComplexSquare t, ComplexSquare z) {
        int n = t.n;
        ComplexSquare v = new ComplexSquare(n);
        double[] ur = new double[n], ui = new double[n];   // u = conj(y)
        for (int k = 0; k < n; k++) {
            double lr = t.re[k * n + k], li = t.im[k * n + k], small = small(lr, li);
            ur[k] = 1;
            ui[k] = 0;
            for (int j = k + 1; j < n; j++) {
                double sr = 0, si = 0;
                for (int i = k; i < j; i++) {
                    double ar = t.re[i * n + j], ai = t.im[i * n + j];
                    sr += ur[i] * ar - ui[i] * ai;
                    si += ur[i] * ai + ui[i] * ar;
                }
                divide(sr, si, lr - t.re[j * n + j], li - t.im[j * n + j], small, ur, ui, j);
                rescale(ur, ui, k, j);
            }
            transform(z, ur, ui, k, n - 1, v, k, true);
        }
        return v;
    }

    /** The replacement for a vanishing pivot: LAPACK's {@code max(ulp·|λ|, safe minimum)}. */
    private static double small(double lr, double li) {
        return Math.max(ULP * (Math.abs(lr) + Math.abs(li)), Double.MIN_NORMAL);
    }

    /** {@code (xr, xi)[at] = (nr + i·ni) / (dr + i·di)}, with a pivot below {@code small} raised to {@code small}. */
    private static void divide(double nr, double ni, double dr, double di, double small, double[] xr, double[] xi, int at) {
        if (Math.abs(dr) + Math.abs(di) < small) {
            dr = small;
            di = 0;
        }
        double m = dr * dr + di * di;
        if (m == 0 || !Double.isFinite(m)) {
            // Scale first so that the squared modulus neither underflows nor overflows.
            double s = Math.abs(dr) + Math.abs(di);
            dr /= s;
            di /= s;
            nr /= s;
            ni /= s;
            m = dr * dr + di * di;
        }
        xr[at] = (nr * dr + ni * di) / m;
        xi[at] = (ni * dr - nr * di) / m;
    }

    /** Divides components {@code [from, to]} by the largest when it passes the growth limit. */
    private static void rescale(double[] xr, double[] xi, int from, int to) {
        double big = 0;
        for (int i = from; i <= to; i++) big = Math.max(big, Math.abs(xr[i]) + Math.abs(xi[i]));
        if (big <= GROWTH_LIMIT) return;
        for (int i = from; i <= to; i++) {
            xr[i] /= big;
            xi[i] /= big;
        }
    }

    /** Column {@code col} of {@code out} = {@code Z[:, from..to] x} (with {@code x} conjugated when {@code conjugate}). */
    private static void transform(ComplexSquare z, double[] xr, double[] xi, int from, int to, ComplexSquare out, int col, boolean conjugate) {
        int n = z.n;
        double sign = conjugate ? -1 : 1;
        for (int r = 0; r < n; r++) {
            double sr = 0, si = 0;
            for (int j = from; j <= to; j++) {
                double ar = z.re[r * n + j], ai = z.im[r * n + j], br = xr[j], bi = sign * xi[j];
                sr += ar * br - ai * bi;
                si += ar * bi + ai * br;
            }
            out.re[r * n + col] = sr;
            out.im[r * n + col] = si;
        }
    }
}
