package dev.jaxj.benchmarks;

import dev.jaxj.Linalg;
import dev.jaxj.array.Array;

/**
 * W12, the orthogonal factorizations: {@code eigh} of the SPD {@code A = M M^T / 512 + I},
 * {@code svd} of {@code M} (full matrices) and {@code qr} of {@code M} (reduced), f32 at
 * n = 512, each with its residual relative to the input's Frobenius norm, computed here in f64
 * ({@code ||A V - V diag(w)||}, {@code ||M - U S V^T||}, {@code ||M - Q R||}).
 */
final class W12Decompositions {
    private static final int N = 512;

    private W12Decompositions() {}

    static void run() {
        Array m = Inputs.normal(1, N, N);
        double[] md = m.toDoubleArray(), ad = spd(m.toFloatArray());
        Array a = dev.jaxj.Jnp.array(toFloats(ad), dev.jaxj.ir.DType.F32, N, N);
        ad = a.toDoubleArray();

        Linalg.EighResult e = Linalg.eigh(a);
        double[] v = e.eigenvectors().toDoubleArray(), w = e.eigenvalues().toDoubleArray();
        double[] vw = v.clone();
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) vw[i * N + j] *= w[j];
        Harness.report("W12", "eigh_n512_residual", "jaxj_eager", diff(mul(ad, v), vw) / fro(ad), "rel");
        Harness.report("W12", "eigh_n512", "jaxj_eager", Harness.median(() -> Linalg.eigh(a)) * 1e3, "ms");

        Linalg.SvdResult usv = Linalg.svd(m);
        double[] u = usv.u().toDoubleArray(), s = usv.s().toDoubleArray(), vh = usv.vh().toDoubleArray();
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) u[i * N + j] *= s[j];
        Harness.report("W12", "svd_n512_residual", "jaxj_eager", diff(mul(u, vh), md) / fro(md), "rel");
        Harness.report("W12", "svd_n512", "jaxj_eager", Harness.median(() -> Linalg.svd(m)) * 1e3, "ms");

        Linalg.QrResult qr = Linalg.qr(m);
        Harness.report("W12", "qr_n512_residual", "jaxj_eager", diff(mul(qr.q().toDoubleArray(), qr.r().toDoubleArray()), md) / fro(md), "rel");
        Harness.report("W12", "qr_n512", "jaxj_eager", Harness.median(() -> Linalg.qr(m)) * 1e3, "ms");
    }

    /** {@code M M^T / N + I} in f64 from the f32 {@code M}. */
    private static double[] spd(float[] mf) {
        double[] md = new double[mf.length];
        for (int i = 0; i < mf.length; i++) md[i] = mf[i];
        double[] mt = new double[N * N];
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) mt[j * N + i] = md[i * N + j];
        double[] a = mul(md, mt);
        for (int i = 0; i < a.length; i++) a[i] /= N;
        for (int i = 0; i < N; i++) a[i * N + i] += 1;
        return a;
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    private static double[] mul(double[] x, double[] y) {
        double[] c = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < N; k++) {
                double xik = x[i * N + k];
                for (int j = 0; j < N; j++) c[i * N + j] += xik * y[k * N + j];
            }
        }
        return c;
    }

    private static double fro(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return Math.sqrt(s);
    }

    private static double diff(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - y[i]) * (x[i] - y[i]);
        return Math.sqrt(s);
    }
}
