package dev.jaxj.benchmarks;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import io.vavr.collection.Vector;

import java.util.function.Function;

/** W3: y = tanh(a*b + c) * 0.5 + a over 16 Mi f32 elements; bandwidth counts 3 reads and 1 write. */
final class W3Fused {
    private W3Fused() {}

    private static final int N = 1 << 24;

    static Array expr(Array a, Array b, Array c) {
        return a.mul(b).add(c).tanh().mul(0.5).add(a);
    }

    static void run() {
        Array a = Inputs.normal(1, N), b = Inputs.normal(2, N), c = Inputs.normal(3, N);
        double eager = Harness.median(() -> expr(a, b, c));
        Harness.report("W3", "fused_elem", "jaxj_eager", eager * 1e3, "ms");
        Harness.report("W3", "fused_elem_bw", "jaxj_eager", 16.0 * N / eager / 1e9, "GB/s");
        Function<Vector<Array>, Array> jitted = Jax.jit(v -> expr(v.get(0), v.get(1), v.get(2)));
        Vector<Array> args = Vector.of(a, b, c);
        Harness.report("W3", "compile_ms", "jaxj_jit", Inputs.millis(() -> jitted.apply(args)), "ms");
        double jit = Harness.median(() -> jitted.apply(args));
        Harness.report("W3", "fused_elem", "jaxj_jit", jit * 1e3, "ms");
        Harness.report("W3", "fused_elem_bw", "jaxj_jit", 16.0 * N / jit / 1e9, "GB/s");
        Harness.report("W3", "tanh_max_ulp", "jaxj_jit", tanhMaxUlp(), "ulp");
    }

    /** The fused (Vector API) tanh against the correctly rounded double-precision {@code Math.tanh}, over [-10, 10]. */
    private static double tanhMaxUlp() {
        int n = 1 << 20;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = -10f + 20f * i / n;
        float[] y = Jax.jit((Array v) -> v.tanh()).apply(dev.jaxj.Jnp.array(x)).toFloatArray();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            float exact = (float) Math.tanh(x[i]);
            worst = Math.max(worst, Math.abs(y[i] - exact) / Math.ulp(exact));
        }
        return worst;
    }
}
