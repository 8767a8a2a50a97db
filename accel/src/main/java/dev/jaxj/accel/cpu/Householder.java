package dev.jaxj.accel.cpu;

/**
 * Blocked Householder QR of one f64 matrix, the shared machinery of the QR, eigh and SVD kernels.
 *
 * <p>Matrices are held column by column ({@code cols[j * m + i] = A[i, j]}), so a reflector and
 * every column it updates are contiguous. A panel of {@value #NB} columns is factored one
 * reflector at a time; its reflectors then act on the trailing columns at once in the compact
 * WY form {@code H_1 … H_nb = I - V T V^T} (LAPACK's {@code larft}/{@code larfb}), whose two
 * large products run through {@link Gemm#f64}. After {@link #factor}, column {@code j} holds
 * {@code R[0..j, j]} on and above the diagonal and reflector {@code j}'s tail below it (its
 * leading 1 implicit), as LAPACK's {@code geqrf} leaves them; {@code R}'s diagonal may be
 * negative, as LAPACK's is.
 *
 * <p>Accuracy: Householder QR is backward stable, {@code ||A - QR|| / ||A||} and
 * {@code ||Q^T Q - I||} are a small multiple of {@code m·ε} whatever the conditioning of {@code A},
 * with ε that of the operand's dtype: f32 operands take their block updates through the f32 GEMM.
 */
final class Householder {
    /** Panel width: the rank of each trailing update. */
    static final int NB = 32;

    private Householder() {}

    /** Factors the {@code m x n} matrix in {@code cols} in place; {@return the scalars tau of the {@code min(m, n)} reflectors} */
    static double[] factor(int m, int n, double[] cols, boolean single) {
        int k = Math.min(m, n);
        double[] tau = new double[k];
        for (int j0 = 0; j0 < k; j0 += NB) {
            int nb = Math.min(NB, k - j0);
            for (int j = j0; j < j0 + nb; j++) {
                tau[j] = reflector(cols, j * m + j, m - j);
                for (int c = j + 1; c < j0 + nb; c++) apply(cols, j * m + j, tau[j], cols, c * m + j, m - j);
            }
            int rest = n - j0 - nb;
            if (rest > 0) applyBlock(m, j0, nb, cols, tau, cols, j0 + nb, rest, true, single);
        }
        return tau;
    }

    /**
     * {@return the first {@code kq} columns of {@code Q = H_0 … H_{k-1}}, column by column ({@code kq x m})},
     * from the {@code k} reflectors {@link #factor} left in {@code cols}
     */
    static double[] formQ(int m, int k, double[] cols, double[] tau, int kq, boolean single) {
        double[] q = new double[kq * m];
        for (int c = 0; c < Math.min(kq, m); c++) q[c * m + c] = 1;
        int last = k == 0 ? 0 : (k - 1) / NB * NB;
        for (int j0 = last; j0 >= 0 && k > 0; j0 -= NB) {
            int nb = Math.min(NB, k - j0);
            // Columns left of j0 are still e_c there: zero in the rows this block touches.
            if (kq > j0) applyBlock(m, j0, nb, cols, tau, q, j0, kq - j0, false, single);
        }
        return q;
    }

    /**
     * Makes the reflector that maps {@code x = a[off .. off+len)} onto {@code beta·e_0}: writes beta
     * at {@code off} and the tail of {@code v} (scaled so that {@code v_0 = 1}) after it, as LAPACK's
     * {@code larfg}; {@return tau} (0 when the tail is already zero: {@code H = I})
     */
    static double reflector(double[] a, int off, int len) {
        if (len <= 1) return 0;
        double scale = 0;
        for (int i = off + 1; i < off + len; i++) scale = Math.max(scale, Math.abs(a[i]));
        if (scale == 0) return 0;
        // Scaled sum of squares: no overflow or underflow for any finite column.
        double ss = 0;
        for (int i = off + 1; i < off + len; i++) {
            double v = a[i] / scale;
            ss += v * v;
        }
        double alpha = a[off], xnorm = scale * Math.sqrt(ss);
        double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        double tau = (beta - alpha) / beta, inv = 1 / (alpha - beta);
        for (int i = off + 1; i < off + len; i++) a[i] *= inv;
        a[off] = beta;
        return tau;
    }

    /** Applies {@code H = I - tau v v^T} ({@code v} at {@code v[vOff..]}, leading 1 implicit) to {@code y[yOff .. yOff+len)}. */
    static void apply(double[] v, int vOff, double tau, double[] y, int yOff, int len) {
        if (tau == 0) return;
        double w = tau * (y[yOff] + DoubleLanes.dot(v, vOff + 1, y, yOff + 1, len - 1));
        y[yOff] -= w;
        for (int i = 1; i < len; i++) y[yOff + i] -= w * v[vOff + i];
    }

    /**
     * Applies the block of reflectors {@code j0 .. j0+nb} of {@code cols} to columns
     * {@code c0 .. c0+nc} of {@code y} (both column by column, {@code m} rows), rows {@code j0..m}:
     * {@code Y <- (I - V T^T V^T) Y} when {@code transposed} (that is {@code Q_b^T Y}), else
     * {@code (I - V T V^T) Y}. With {@code Yc} the block held column by column,
     * {@code Yc <- Yc - (Yc V) T' V^T}: two GEMMs of depth {@code m - j0} and one small one.
     */
    static void applyBlock(int m, int j0, int nb, double[] cols, double[] tau, double[] y, int c0, int nc, boolean transposed, boolean single) {
        int rows = m - j0;
        double[] v = new double[rows * nb], vt = new double[nb * rows];
        for (int r = 0; r < nb; r++) {
            int src = (j0 + r) * m + j0;
            vt[r * rows + r] = 1;
            System.arraycopy(cols, src + r + 1, vt, r * rows + r + 1, rows - r - 1);
        }
        for (int r = 0; r < nb; r++) {
            for (int i = 0; i < rows; i++) v[i * nb + r] = vt[r * rows + i];
        }
        double[] t = triangularFactor(nb, rows, vt, tau, j0);
        if (!transposed) t = transpose(t, nb);
        double[] yc = new double[nc * rows];
        for (int c = 0; c < nc; c++) System.arraycopy(y, (c0 + c) * m + j0, yc, c * rows, rows);
        double[] w = new double[nc * nb], wt = new double[nc * nb], update = new double[nc * rows];
        gemm(nc, nb, rows, yc, v, w, single);
        gemm(nc, nb, nb, w, t, wt, single);
        gemm(nc, rows, nb, wt, vt, update, single);
        for (int c = 0; c < nc; c++) {
            int dst = (c0 + c) * m + j0, src = c * rows;
            for (int i = 0; i < rows; i++) y[dst + i] = yc[src + i] - update[src + i];
        }
    }

    /** The upper triangular {@code T} with {@code H_0 … H_{nb-1} = I - V T V^T} (row-major {@code nb x nb}); {@code vt} holds {@code V^T}. */
    private static double[] triangularFactor(int nb, int rows, double[] vt, double[] tau, int j0) {
        double[] t = new double[nb * nb], z = new double[nb];
        for (int i = 0; i < nb; i++) {
            double ti = tau[j0 + i];
            // z = V[:, 0..i)^T v_i; v_i vanishes above row i.
            for (int r = 0; r < i; r++) {
                z[r] = DoubleLanes.dot(vt, r * rows + i, vt, i * rows + i, rows - i);
            }
            for (int r = 0; r < i; r++) {
                double s = 0;
                for (int q = r; q < i; q++) s += t[r * nb + q] * z[q];
                t[r * nb + i] = -ti * s;
            }
            t[i * nb + i] = ti;
        }
        return t;
    }

    private static double[] transpose(double[] a, int n) {
        double[] t = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) t[j * n + i] = a[i * n + j];
        }
        return t;
    }

    /**
     * {@code c = a·b}, row-major {@code a [m, k]}, {@code b [k, n]}, {@code c [m, n]}: the f64
     * GEMM, or for {@code single} (an f32 operand) the packed f32 one on rounded copies, whose
     * error is the f32 rounding the result gets anyway and which is several times faster.
     */
    static void gemm(int m, int n, int k, double[] a, double[] b, double[] c, boolean single) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            java.util.Arrays.fill(c, 0, m * n, 0);
            return;
        }
        if (!single) {
            Gemm.f64(Gemm.Product.dense(1, m, n, k), a, b, c);
            return;
        }
        float[] af = floats(a, m * k), bf = floats(b, k * n), cf = new float[m * n];
        Gemm.f32(Gemm.Product.dense(1, m, n, k), af, bf, cf);
        for (int i = 0; i < m * n; i++) c[i] = cf[i];
    }

    private static float[] floats(double[] d, int len) {
        float[] f = new float[len];
        for (int i = 0; i < len; i++) f[i] = (float) d[i];
        return f;
    }
}
