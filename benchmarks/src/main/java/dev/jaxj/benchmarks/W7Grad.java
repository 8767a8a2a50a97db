package dev.jaxj.benchmarks;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;

import java.util.function.Function;

/** W7: f(x) = sum(y^2) after 16 rounds of y = sin(y) * 0.9 + x, x = linspace(-1, 1, 1000); grad and forward. */
final class W7Grad {
    private W7Grad() {}

    static Array f(Array x) {
        Array y = x;
        for (int i = 0; i < 16; i++) y = y.sin().mul(0.9).add(x);
        return y.mul(y).sum();
    }

    static void run() {
        Array x = Jnp.linspace(-1, 1, 1000);
        Function<Array, Array> grad = Jax.grad(W7Grad::f);
        Harness.report("W7", "grad", "jaxj_eager", Harness.median(() -> grad.apply(x)) * 1e6, "us/call");
        Harness.report("W7", "fwd_only", "jaxj_eager", Harness.median(() -> f(x)) * 1e6, "us/call");
        Function<Array, Array> jitGrad = Jax.jit(grad);
        Harness.report("W7", "compile_ms", "jaxj_jit", Inputs.millis(() -> jitGrad.apply(x)), "ms");
        Harness.report("W7", "grad", "jaxj_jit", Harness.median(() -> jitGrad.apply(x)) * 1e6, "us/call");
        Function<Array, Array> jitF = Jax.jit(W7Grad::f);
        jitF.apply(x);
        Harness.report("W7", "fwd_only", "jaxj_jit", Harness.median(() -> jitF.apply(x)) * 1e6, "us/call");
    }
}
