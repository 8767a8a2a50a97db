package dev.jaxj.accel.cpu;

import dev.jaxj.accel.cpu.Gemm.Product;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * W1 (sgemm) timing for {@link Gemm#f32}, following {@code WORKLOADS.md}: A, B ~ N(0, 1),
 * n x n, C preallocated; warm-up (at least 2 s of calls, for C2), then samples of at least
 * 50 ms each, and the median per-call rate. A program, not a test:
 * {@snippet lang=text :
 * java --add-modules jdk.incubator.vector -cp <test and main classes, deps> dev.jaxj.accel.cpu.GemmBench [n ...] [--nt|--tn]
 * }
 * {@code --nt} stores B transposed ({@code A·Bᵀ}), {@code --tn} A. It prints one line per
 * size, {@code W1.sgemm_n<n>.jaxj_gemm <median> GFLOP/s}, with the best sample and the load average.
 */
final class GemmBench {
    private static final int SAMPLES = 7;

    private GemmBench() {}

    public static void main(String[] args) {
        boolean aT = Arrays.asList(args).contains("--tn"), bT = Arrays.asList(args).contains("--nt");
        int[] sizes = Arrays.stream(args).filter(s -> !s.startsWith("--")).mapToInt(Integer::parseInt).toArray();
        if (sizes.length == 0) sizes = new int[] {256, 512, 1024, 2048};
        for (int n : sizes) {
            var rnd = new Random(42);
            float[] a = gaussian(n * n, rnd), b = gaussian(n * n, rnd), c = new float[n * n];
            var p = Product.dense(1, n, n, n, aT, bT);
            Runnable call = () -> Gemm.f32(p, a, b, c);
            long warmEnd = System.nanoTime() + 2_000_000_000L;
            for (int i = 0; i < 3 || System.nanoTime() < warmEnd; i++) call.run();
            long t0 = System.nanoTime();
            call.run();
            int reps = (int) Math.max(1, 50_000_000L / Math.max(1, System.nanoTime() - t0));
            double[] perCall = new double[SAMPLES];
            for (int s = 0; s < SAMPLES; s++) {
                long start = System.nanoTime();
                for (int r = 0; r < reps; r++) call.run();
                perCall[s] = (System.nanoTime() - start) / 1e9 / reps;
            }
            Arrays.sort(perCall);
            double flop = 2.0 * n * n * n;
            System.out.printf("W1.sgemm_n%d.jaxj_gemm%s %.1f GFLOP/s (best %.1f, %d workers, load %s)%n", n,
                    aT ? "_tn" : bT ? "_nt" : "", flop / perCall[SAMPLES / 2] / 1e9, flop / perCall[0] / 1e9,
                    Parallel.workers(), load());
        }
    }

    /** The 1-minute load average (other processes slow the run), from Linux's /proc. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static float[] gaussian(int size, Random rnd) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) rnd.nextGaussian();
        return x;
    }
}
