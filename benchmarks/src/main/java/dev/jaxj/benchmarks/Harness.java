package dev.jaxj.benchmarks;

import java.util.Arrays;

/**
 * The timing method shared with the peers: warm up (long enough for HotSpot's C2 to reach
 * steady state), calibrate the calls per sample so that a sample lasts at least 50 ms, take
 * {@code PEER_RUNS} samples (default 7) and report the median time per call.
 *
 * <p>Steady state is detected, not assumed: after the first 2 s, warm-up continues in rounds
 * of {@value #ROUND_NANOS} ns until a round's time per call is within 5 % of the one before
 * (at most {@value #MAX_WARMUP_NANOS} ns). A jitted training step runs each of its generated
 * loops once per call, so C2 reaches them only after several seconds of calls.
 */
final class Harness {
    private static final long SAMPLE_NANOS = 50_000_000L;
    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final long ROUND_NANOS = 500_000_000L;
    private static final long MAX_WARMUP_NANOS = 20_000_000_000L;

    private Harness() {}

    /** {@return the median seconds per call of {@code body}} */
    static double median(Runnable body) {
        long start = System.nanoTime(), warmEnd = start + WARMUP_NANOS;
        int warm = 0;
        while (warm < 3 || System.nanoTime() < warmEnd) {
            body.run();
            warm++;
        }
        double previous = Double.MAX_VALUE;
        while (System.nanoTime() - start < MAX_WARMUP_NANOS) {
            long roundStart = System.nanoTime();
            int calls = 0;
            while (calls < 3 || System.nanoTime() - roundStart < ROUND_NANOS) {
                body.run();
                calls++;
            }
            double perCall = (double) (System.nanoTime() - roundStart) / calls;
            if (perCall > 0.95 * previous) break;
            previous = perCall;
        }
        long t0 = System.nanoTime();
        body.run();
        long one = Math.max(1, System.nanoTime() - t0);
        int reps = (int) Math.max(1, Math.min(Integer.MAX_VALUE, SAMPLE_NANOS / one + 1));
        int runs = Math.max(5, Integer.getInteger("jaxj.bench.runs", envRuns()));
        double[] perCall = new double[runs];
        for (int r = 0; r < runs; r++) {
            long s = System.nanoTime();
            for (int i = 0; i < reps; i++) body.run();
            perCall[r] = (System.nanoTime() - s) / 1e9 / reps;
        }
        Arrays.sort(perCall);
        return perCall[runs / 2];
    }

    private static int envRuns() {
        String v = System.getenv("PEER_RUNS");
        return v == null ? 7 : Integer.parseInt(v);
    }

    /** Prints one result line in the peers' format: {@code W6.add_scalar_1elem.jaxj_eager 1.23 us/op}. */
    static void report(String workload, String metric, String peer, double value, String unit) {
        System.out.printf("%s.%s.%s %s %s%n", workload, metric, peer, format(value), unit);
    }

    private static String format(double v) {
        return v >= 100 ? String.format("%.1f", v) : v >= 1 ? String.format("%.3f", v) : String.format("%.4g", v);
    }
}
