package dev.jaxj.benchmarks;

import java.util.Map;

/** Runs the workloads named on the command line (all when none), one result line per metric. */
public final class Workloads {
    private static final Map<String, Runnable> ALL = Map.of(
            "W1", W1Sgemm::run,
            "W3", W3Fused::run,
            "W4", W4Reductions::run,
            "W5", W5Mlp::run,
            "W6", W6Dispatch::run,
            "W7", W7Grad::run,
            "W8", W8Conv::run,
            "W10", W10Lstm::run,
            // W12: the Cholesky/LU family, then the orthogonal factorizations (eigh, svd, qr)
            "W12", () -> { W12Linalg.run(); W12Decompositions.run(); },
            "W13", W13Fft::run);

    private Workloads() {}

    public static void main(String[] args) {
        var names = args.length == 0 ? ALL.keySet().stream().sorted().toList() : java.util.List.of(args);
        for (String n : names) {
            Runnable w = ALL.get(n);
            if (w == null) throw new IllegalArgumentException("unknown workload " + n + ", expected one of " + ALL.keySet());
            w.run();
        }
    }
}
