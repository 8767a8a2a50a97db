package dev.jaxj.benchmarks;

import dev.jaxj.Fft;
import dev.jaxj.Jax;
import dev.jaxj.accel.cpu.fft.FftEngine;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * W13: {@code jit(Fft.fft)} of 2^20 complex64 points, {@code jit(Fft.rfft)} of 2^20 float32
 * points and {@code jit(Fft.fft2)} of a 1024 x 1024 complex64 array, ms per call (the result's
 * allocation included; the inputs are built, and each function compiled, before timing). Each
 * metric is followed by its accuracy, {@code max |X - X_ref| / max |X_ref|} against the float64
 * transform of the same input by the engine itself.
 */
final class W13Fft {
    private static final int N = 1 << 20, SIDE = 1024;

    private W13Fft() {}

    static void run() {
        float[] xc = normal(1, 2 * N), xr = normal(2, N), x2 = normal(3, 2 * SIDE * SIDE);
        Array ac = array(DType.C64, xc, N), ar = array(DType.F32, xr, N), a2 = array(DType.C64, x2, SIDE, SIDE);
        time("fft_c64_n1M", Jax.jit((Function<Array, Array>) Fft::fft), ac, FftEngine.forward(widen(xc), 1, N, 1));
        time("rfft_f32_n1M", Jax.jit((Function<Array, Array>) Fft::rfft), ar, FftEngine.rfft(widen(xr), 1, N, 1));
        time("fft2_c64_1024", Jax.jit((Function<Array, Array>) Fft::fft2), a2,
                FftEngine.forward(FftEngine.forward(widen(x2), SIDE, SIDE, 1), 1, SIDE, SIDE));
    }

    private static void time(String metric, Function<Array, Array> f, Array x, double[] ref) {
        double[] got = f.apply(x).toComplexArray();   // compiles f, outside the timed calls
        report(metric, Harness.median(() -> f.apply(x)), got, ref);
    }

    private static Array array(DType dtype, float[] storage, int... shape) {
        return Array.fromHost(ShapedArray.of(dtype, Shape.of(shape)), HostData.ownStorage(dtype, storage));
    }

    private static void report(String metric, double seconds, double[] got, double[] ref) {
        Harness.report("W13", metric, "jaxj_jit", seconds * 1e3, "ms");
        double err = 0, scale = 0;
        for (int i = 0; i < ref.length; i++) {
            err = Math.max(err, Math.abs(got[i] - ref[i]));
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        Harness.report("W13", metric + "_relerr", "jaxj_jit", err / scale, "rel");
    }

    private static float[] normal(long seed, int n) {
        float[] v = new float[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            double u1 = 1 - r.nextDouble(), u2 = r.nextDouble();
            v[i] = (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v;
    }

    private static double[] widen(float[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i];
        return r;
    }
}
