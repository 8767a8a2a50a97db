package dev.jaxj.benchmarks;

import dev.jaxj.array.Array;

/** W1: C = A @ B for square f32 matrices; GFLOP/s = 2n^3 / t. */
final class W1Sgemm {
    private W1Sgemm() {}

    static void run() {
        for (int n : new int[] {256, 512, 1024, 2048}) {
            Array a = Inputs.normal(1, n, n), b = Inputs.normal(2, n, n);
            double t = Harness.median(() -> a.matmul(b));
            Harness.report("W1", "sgemm_n" + n, "jaxj_eager", 2.0 * n * n * n / t / 1e9, "GFLOP/s");
        }
    }
}
