package dev.jaxj.benchmarks;

import dev.jaxj.accel.cpu.fft.FftEngine;

import java.util.SplittableRandom;

/**
 * W13: the FFT of 2^20 complex64 points, the real FFT of 2^20 float32 points and the 2-D FFT of
 * a 1024 x 1024 complex64 array, ms per call (the result's allocation included). Each metric is
 * followed by its accuracy, {@code max |X - X_ref| / max |X_ref|} against the float64 transform
 * of the same input.
 */
final class W13Fft {
    private static final int N = 1 << 20, SIDE = 1024;

    private W13Fft() {}

    static void run() {
        float[] xc = normal(1, 2 * N), xr = normal(2, N), x2 = normal(3, 2 * SIDE * SIDE);
        report("fft_c64_n1M", Harness.median(() -> FftEngine.forward(xc, 1, N, 1)),
                FftEngine.forward(xc, 1, N, 1), FftEngine.forward(widen(xc), 1, N, 1));
        report("rfft_f32_n1M", Harness.median(() -> FftEngine.rfft(xr, 1, N, 1)),
                FftEngine.rfft(xr, 1, N, 1), FftEngine.rfft(widen(xr), 1, N, 1));
        report("fft2_c64_1024", Harness.median(() -> fft2(x2)), fft2(x2),
                FftEngine.forward(FftEngine.forward(widen(x2), SIDE, SIDE, 1), 1, SIDE, SIDE));
    }

    private static float[] fft2(float[] x) {
        return FftEngine.c2c(x, new int[] {SIDE, SIDE}, new int[] {1, 0}, false);
    }

    private static void report(String metric, double seconds, float[] got, double[] ref) {
        Harness.report("W13", metric, "jaxj_eager", seconds * 1e3, "ms");
        double err = 0, scale = 0;
        for (int i = 0; i < ref.length; i++) {
            err = Math.max(err, Math.abs(got[i] - ref[i]));
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        Harness.report("W13", metric + "_relerr", "jaxj_eager", err / scale, "rel");
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
