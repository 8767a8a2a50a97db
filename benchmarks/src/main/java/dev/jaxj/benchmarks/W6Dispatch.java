package dev.jaxj.benchmarks;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;

import java.util.function.Function;

/**
 * W6, eager dispatch overhead: {@code x + 1} on a one-element f32 array, a fresh result each
 * call. A sample is a loop of 10,000 calls, as the peers do.
 */
final class W6Dispatch {
    private W6Dispatch() {}

    static void run() {
        Array x = Jnp.array(new float[] {1f});
        Array[] sink = new Array[1];
        double perLoop = Harness.median(() -> {
            for (int i = 0; i < 10_000; i++) sink[0] = x.add(1.0);
        });
        if (sink[0].floatValue() != 2f) throw new AssertionError("x + 1 gave " + sink[0]);
        Harness.report("W6", "add_scalar_1elem", "jaxj_eager", perLoop / 10_000 * 1e6, "us/op");
        Function<Array, Array> plusOne = Jax.jit(a -> a.add(1.0));
        double perJitLoop = Harness.median(() -> {
            for (int i = 0; i < 10_000; i++) sink[0] = plusOne.apply(x);
        });
        if (sink[0].floatValue() != 2f) throw new AssertionError("jit(x + 1) gave " + sink[0]);
        Harness.report("W6", "add_scalar_1elem", "jaxj_jit", perJitLoop / 10_000 * 1e6, "us/op");
    }
}
