package dev.jaxj.benchmarks;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;

import java.util.SplittableRandom;

/** Benchmark inputs, made outside the timed region with fixed seeds (values matter only in being finite and not denormal). */
final class Inputs {
    private Inputs() {}

    static Array normal(long seed, int... shape) {
        return normal(seed, 1.0, shape);
    }

    static Array normal(long seed, double scale, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        float[] v = new float[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            // Box-Muller; enough for benchmark data.
            double u1 = 1 - r.nextDouble(), u2 = r.nextDouble();
            v[i] = (float) (scale * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return Jnp.array(v, DType.F32, shape);
    }

    static Array uniform(long seed, double lo, double hi, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        float[] v = new float[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) v[i] = (float) (lo + (hi - lo) * r.nextDouble());
        return Jnp.array(v, DType.F32, shape);
    }

    static Array labels(long seed, int n, int classes) {
        int[] v = new int[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) v[i] = r.nextInt(classes);
        return Jnp.array(v);
    }

    /** {@return milliseconds taken by one call} (the first call of a jitted function: trace and compile). */
    static double millis(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e6;
    }
}
