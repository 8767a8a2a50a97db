package dev.jaxj.accel.cpu;

/**
 * Reduces a square complex matrix to upper Hessenberg form by Householder reflections,
 * {@code A = Z H Z^H} with {@code Z} unitary: the first stage of the general eigensolver, after
 * which each QR sweep costs {@code O(n²)} instead of {@code O(n³)}. The reflector of column
 * {@code k} maps {@code A[k+1:, k]} onto a multiple of the first unit vector whose phase is
 * opposite to the leading entry's (no cancellation); on a real matrix every phase is ±1, so the
 * result and {@code Z} stay exactly real.
 */
final class HessenbergReduction {
    private HessenbergReduction() {}

    /** Overwrites {@code a} with its Hessenberg form and {@code z} (the identity on entry) with the accumulated reflections. */
    static void reduce(ComplexSquare a, ComplexSquare z) {
        int n = a.n;
        double[] vr = new double[n], vi = new double[n];
        for (int k = 0; k + 2 < n; k++) {
            double norm = 0;
            for (int i = k + 1; i < n; i++) norm = Math.hypot(norm, Math.hypot(a.re[i * n + k], a.im[i * n + k]));
            if (norm == 0) continue;
            double x0r = a.re[(k + 1) * n + k], x0i = a.im[(k + 1) * n + k], x0 = Math.hypot(x0r, x0i);
            double phr = x0 == 0 ? 1 : x0r / x0, phi = x0 == 0 ? 0 : x0i / x0;
            for (int i = k + 1; i < n; i++) {
                vr[i] = a.re[i * n + k];
                vi[i] = a.im[i * n + k];
            }
            vr[k + 1] += phr * norm;
            vi[k + 1] += phi * norm;
            double scale = 1 / (norm * (norm + x0));     // 2 / (v^H v)
            reflectRows(a, vr, vi, k + 1, k, scale);
            reflectColumns(a, vr, vi, k + 1, scale);
            reflectColumns(z, vr, vi, k + 1, scale);
            a.re[(k + 1) * n + k] = -phr * norm;
            a.im[(k + 1) * n + k] = -phi * norm;
            for (int i = k + 2; i < n; i++) {
                a.re[i * n + k] = 0;
                a.im[i * n + k] = 0;
            }
        }
    }

    /** {@code A[from:, cols:] -= scale · v (v^H A[from:, cols:])}. */
    private static void reflectRows(ComplexSquare a, double[] vr, double[] vi, int from, int cols, double scale) {
        int n = a.n;
        for (int j = cols; j < n; j++) {
            double sr = 0, si = 0;
            for (int i = from; i < n; i++) {
                double xr = a.re[i * n + j], xi = a.im[i * n + j];
                sr += vr[i] * xr + vi[i] * xi;
                si += vr[i] * xi - vi[i] * xr;
            }
            sr *= scale;
            si *= scale;
            for (int i = from; i < n; i++) {
                a.re[i * n + j] -= vr[i] * sr - vi[i] * si;
                a.im[i * n + j] -= vr[i] * si + vi[i] * sr;
            }
        }
    }

    /** {@code A[:, from:] -= scale · (A[:, from:] v) v^H}. */
    private static void reflectColumns(ComplexSquare a, double[] vr, double[] vi, int from, double scale) {
        int n = a.n;
        for (int i = 0; i < n; i++) {
            double sr = 0, si = 0;
            for (int j = from; j < n; j++) {
                double xr = a.re[i * n + j], xi = a.im[i * n + j];
                sr += xr * vr[j] - xi * vi[j];
                si += xr * vi[j] + xi * vr[j];
            }
            sr *= scale;
            si *= scale;
            for (int j = from; j < n; j++) {
                a.re[i * n + j] -= sr * vr[j] + si * vi[j];
                a.im[i * n + j] -= si * vr[j] - sr * vi[j];
            }
        }
    }
}
