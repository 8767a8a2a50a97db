package dev.jaxj.benchmarks;

import java.util.Map;

import static java.util.Map.entry;

/** Runs the workloads named on the command line (all when none), one result line per metric. */
public final class Workloads {
    private static final Map<String, Runnable> ALL = Map.ofEntries(
            entry("W1", (Runnable) W1Sgemm::run),
            entry("W3", (Runnable) W3Fused::run),
            entry("W4", (Runnable) W4Reductions::run),
            entry("W5", (Runnable) W5Mlp::run),
            entry("W6", (Runnable) W6Dispatch::run),
            entry("W7", (Runnable) W7Grad::run),
            entry("W8", (Runnable) W8Conv::run),
            entry("W9", (Runnable) W9Transformer::run),
            entry("W10", (Runnable) W10Lstm::run),
            entry("W11", (Runnable) W11Iris::run),
            // W12: the Cholesky/LU family, then the orthogonal factorizations (eigh, svd, qr)
            entry("W12", (Runnable) () -> { W12Linalg.run(); W12Decompositions.run(); }),
            entry("W13", (Runnable) W13Fft::run));

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
