package dev.jaxj.benchmarks;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Linalg;
import dev.jaxj.array.Array;

import java.util.function.Function;

/**
 * W12: dense linear algebra at n = 512 in f32. {@code A = M M^T / n + I} (symmetric positive
 * definite), {@code B} and {@code M} standard normal. Each metric is followed by its residual,
 * computed here in double with plain loops: {@code ||A - L L^T|| / ||A||},
 * {@code ||A X - B|| / ||B||}, {@code ||A X - I|| / ||I||}.
 */
final class W12Linalg {
    private static final int N = 512;

    private W12Linalg() {}

    static void run() {
        Array m = Inputs.normal(1, N, N), b = Inputs.normal(2, N, N);
        Array a = m.matmul(Jnp.transpose(m)).div((double) N).add(Jnp.eye(N));
        double[] av = a.toDoubleArray(), bv = b.toDoubleArray();

        Array l = Linalg.cholesky(a);
        time("cholesky_n512", () -> Linalg.cholesky(a), residual(av, product(l.toDoubleArray(), transpose(l.toDoubleArray())), av));
        Array x = Linalg.solve(a, b);
        time("solve_n512", () -> Linalg.solve(a, b), residual(bv, product(av, x.toDoubleArray()), bv));
        Array inv = Linalg.inv(a);
        time("inv_n512", () -> Linalg.inv(a), residual(Jnp.eye(N).toDoubleArray(), product(av, inv.toDoubleArray()), Jnp.eye(N).toDoubleArray()));
        Function<Array, Array> grad = Jax.grad((Array y) -> Linalg.cholesky(y).sum());
        Harness.report("W12", "cholesky_grad_n512", "jaxj_eager", Harness.median(() -> grad.apply(a)) * 1e3, "ms");
        Function<Array, Array> jitGrad = Jax.jit(grad);
        jitGrad.apply(a);
        Harness.report("W12", "cholesky_grad_n512", "jaxj_jit", Harness.median(() -> jitGrad.apply(a)) * 1e3, "ms");
        // QR, eigh, SVD
    }

    private static void time(String metric, Runnable body, double residual) {
        Harness.report("W12", metric, "jaxj_eager", Harness.median(body) * 1e3, "ms");
        Harness.report("W12", metric + "_residual", "jaxj_eager", residual, "rel");
    }

    /** {@code ||want - got|| / ||scale||} in the Frobenius norm. */
    private static double residual(double[] want, double[] got, double[] scale) {
        double r = 0, s = 0;
        for (int i = 0; i < want.length; i++) {
            r += (want[i] - got[i]) * (want[i] - got[i]);
            s += scale[i] * scale[i];
        }
        return Math.sqrt(r / s);
    }

    private static double[] product(double[] x, double[] y) {
        double[] c = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < N; k++) {
                double v = x[i * N + k];
                for (int j = 0; j < N; j++) c[i * N + j] += v * y[k * N + j];
            }
        }
        return c;
    }

    private static double[] transpose(double[] x) {
        double[] t = new double[N * N];
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) t[j * N + i] = x[i * N + j];
        return t;
    }
}
