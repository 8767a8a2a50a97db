package dev.jaxj.accel.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The one worker pool every CPU kernel shares, so that GEMM and elementwise work never
 * compete with each other for the cores. Work is split only for large ranges, where the
 * hand-off (a few microseconds) pays for itself.
 */
public final class Parallel {
    /** Below this many units of work a loop runs on the calling thread. */
    public static final int DEFAULT_GRAIN = 1 << 15;

    private static final int WORKERS = Integer.getInteger("jaxj.cpu.threads", Runtime.getRuntime().availableProcessors());
    private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, WORKERS),
            pool -> {
                var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("jaxj-cpu-" + t.getPoolIndex());
                t.setDaemon(true);
                return t;
            }, null, false);

    private Parallel() {}

    /** A loop body over {@code [lo, hi)}. */
    @FunctionalInterface
    public interface Range {
        void run(int lo, int hi);
    }

    /** {@return the number of worker threads} */
    public static int workers() { return WORKERS; }

    /** Runs {@code body} over {@code [0, n)}, split into at most one chunk per worker when {@code n >= grain}. */
    public static void forRange(int n, int grain, Range body) {
        int chunks = Math.min(WORKERS, Math.max(1, n / Math.max(1, grain)));
        if (chunks <= 1 || ForkJoinTask.inForkJoinPool()) {
            body.run(0, n);
            return;
        }
        POOL.invoke(new Chunk(body, 0, n, chunks));
    }

    /** Runs {@code body} over {@code [0, n)} with the default grain. */
    public static void forRange(int n, Range body) {
        forRange(n, DEFAULT_GRAIN, body);
    }

    private static final class Chunk extends RecursiveAction {
        private final Range body;
        private final int lo, hi, chunks;

        Chunk(Range body, int lo, int hi, int chunks) {
            this.body = body;
            this.lo = lo;
            this.hi = hi;
            this.chunks = chunks;
        }

        @Override
        protected void compute() {
            if (chunks <= 1) {
                body.run(lo, hi);
                return;
            }
            int half = chunks / 2;
            int mid = lo + (int) ((long) (hi - lo) * half / chunks);
            invokeAll(new Chunk(body, lo, mid, half), new Chunk(body, mid, hi, chunks - half));
        }
    }
}
