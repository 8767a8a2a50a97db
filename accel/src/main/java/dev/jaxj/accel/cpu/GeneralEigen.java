package dev.jaxj.accel.cpu;

/**
 * The eigendecomposition of one general square matrix, as LAPACK's {@code geev} computes it:
 * the matrix is balanced by diagonal scaling with powers of two (which is exact and makes rows
 * and columns of comparable norm, so the eigenvalues of badly scaled matrices keep their
 * accuracy), reduced to Hessenberg form, iterated to Schur form (real Schur form by Francis
 * double-shift QR for a real matrix, complex Schur form by single-shift QR for a complex one)
 * and the eigenvectors are solved on the triangular form, transformed back and unscaled. Each
 * eigenvector is then normalized to unit Euclidean norm with its largest component (the first
 * of equal moduli) real and positive; a real matrix's eigenvectors of a real eigenvalue are
 * real, and those of a conjugate pair are exact conjugates.
 */
final class GeneralEigen {
    private GeneralEigen() {}

    /** Eigenvalues {@code (wr, wi)} and, when asked for, left and right eigenvectors as columns. */
    record Result(double[] wr, double[] wi, ComplexSquare left, ComplexSquare right) {}

    /**
     * {@return the eigendecomposition of {@code a}} (row-major {@code re}, {@code im}; {@code a.im}
     * all zero for a real matrix, flagged by {@code real}), or {@code null} when the QR iteration
     * does not converge or the matrix holds a NaN or an infinity; {@code a} is overwritten
     */
    static Result decompose(ComplexSquare a, boolean real, boolean wantLeft, boolean wantRight) {
        int n = a.n;
        for (int i = 0; i < n * n; i++) {
            if (!Double.isFinite(a.re[i]) || !Double.isFinite(a.im[i])) return null;
        }
        double[] scale = balance(a);
        ComplexSquare z = ComplexSquare.identity(n);
        HessenbergReduction.reduce(a, z);
        double[] wr = new double[n], wi = new double[n];
        if (real) {
            if (!RealSchur.decompose(n, a.re, z.re, wr, wi)) return null;
            if (wantLeft || wantRight) SchurEigenvectors.complexify(a, z, wr, wi);
        } else {
            if (!ComplexSchur.decompose(a, z)) return null;
            for (int i = 0; i < n; i++) {
                wr[i] = a.re[i * n + i];
                wi[i] = a.im[i * n + i];
            }
        }
        ComplexSquare left = null, right = null;
        if (wantLeft) {
            left = SchurEigenvectors.left(a, z);
            unscale(left, scale, false);
            normalize(left, real ? wi : null);
        }
        if (wantRight) {
            right = SchurEigenvectors.right(a, z);
            unscale(right, scale, true);
            normalize(right, real ? wi : null);
        }
        return new Result(wr, wi, left, right);
    }

    /**
     * Scales {@code a} to {@code D^{-1} a D} until no power of two brings a row's and its
     * column's off-diagonal 1-norms (with the modulus {@code |re| + |im|}) nearer;
     * {@return the diagonal of {@code D}}
     */
    private static double[] balance(ComplexSquare a) {
        int n = a.n;
        double[] d = new double[n];
        java.util.Arrays.fill(d, 1);
        boolean changed = true;
        for (int round = 0; changed && round < 100; round++) {
            changed = false;
            for (int i = 0; i < n; i++) {
                double c = 0, r = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    c += a.abs1(j, i);
                    r += a.abs1(i, j);
                }
                if (c == 0 || r == 0) continue;
                double f = 1, s = c + r, g = r / 2;
                while (c < g && f < 0x1p500) {
                    f *= 2;
                    c *= 4;
                }
                g = r * 2;
                while (c >= g && f > 0x1p-500) {
                    f /= 2;
                    c /= 4;
                }
                if ((c + r) / f >= 0.95 * s) continue;
                changed = true;
                d[i] *= f;
                for (int j = 0; j < n; j++) {
                    a.re[i * n + j] /= f;
                    a.im[i * n + j] /= f;
                    a.re[j * n + i] *= f;
                    a.im[j * n + i] *= f;
                }
            }
        }
        return d;
    }

    /** Right eigenvectors of {@code a} are {@code D} times those of {@code D^{-1} a D}; left ones {@code D^{-1}} times. */
    private static void unscale(ComplexSquare v, double[] d, boolean rightVectors) {
        int n = v.n;
        for (int i = 0; i < n; i++) {
            double f = rightVectors ? d[i] : 1 / d[i];
            for (int k = 0; k < n; k++) {
                v.re[i * n + k] *= f;
                v.im[i * n + k] *= f;
            }
        }
    }

    /**
     * Unit norm, largest component real and positive; with {@code wi} (a real matrix) a real
     * eigenvalue's vector drops its rounding-level imaginary parts and the second of a conjugate
     * pair becomes the conjugate of the first.
     */
    private static void normalize(ComplexSquare v, double[] wi) {
        int n = v.n;
        for (int k = 0; k < n; k++) {
            if (wi != null && wi[k] < 0 && k > 0 && wi[k - 1] > 0) {
                for (int i = 0; i < n; i++) {
                    v.re[i * n + k] = v.re[i * n + k - 1];
                    v.im[i * n + k] = -v.im[i * n + k - 1];
                }
                continue;
            }
            double norm = 0, big = -1;
            int at = 0;
            for (int i = 0; i < n; i++) {
                double m = Math.hypot(v.re[i * n + k], v.im[i * n + k]);
                norm = Math.hypot(norm, m);
                if (m > big) {
                    big = m;
                    at = i;
                }
            }
            double pr = v.re[at * n + k] / (big * norm), pi = -v.im[at * n + k] / (big * norm);
            for (int i = 0; i < n; i++) {
                double xr = v.re[i * n + k], xi = v.im[i * n + k];
                v.re[i * n + k] = xr * pr - xi * pi;
                v.im[i * n + k] = wi != null && wi[k] == 0 ? 0 : xr * pi + xi * pr;
            }
            v.im[at * n + k] = 0;
        }
    }
}
