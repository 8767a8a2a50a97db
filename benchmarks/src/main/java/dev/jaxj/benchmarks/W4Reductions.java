package dev.jaxj.benchmarks;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;

import java.util.function.Function;

/** W4: row sums and a row softmax of a 4096 x 4096 f32 matrix. */
final class W4Reductions {
    private W4Reductions() {}

    static Array softmax(Array x) {
        Array e = x.sub(x.max(true, 1)).exp();
        return e.div(e.sum(true, 1));
    }

    static void run() {
        Array x = Inputs.normal(1, 4096, 4096);
        Harness.report("W4", "rowsum", "jaxj_eager", Harness.median(() -> x.sum(1)) * 1e3, "ms");
        Harness.report("W4", "softmax_rows", "jaxj_eager", Harness.median(() -> softmax(x)) * 1e3, "ms");
        Function<Array, Array> jitted = Jax.jit(W4Reductions::softmax);
        Harness.report("W4", "compile_ms", "jaxj_jit", Inputs.millis(() -> jitted.apply(x)), "ms");
        Harness.report("W4", "softmax_rows", "jaxj_jit", Harness.median(() -> jitted.apply(x)) * 1e3, "ms");
    }
}
