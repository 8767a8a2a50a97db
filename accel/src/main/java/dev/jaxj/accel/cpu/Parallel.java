package dev.jaxj.accel.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The one worker pool every CPU kernel shares, so that GEMM and elementwise work never
 * compete with each other for the cores. Work is split only for large ranges, where the
 * hand-off (a few microseconds) pays for itself.
 *
 * <p>The calling thread runs the first chunk itself and hands only the others to the pool:
 * it would otherwise sit blocked while a parked worker wakes up to do its share, and on two
 * cores one hand-off instead of two is most of the cost of a split. A chunk the pool has not
 * started by the time the caller is done, the caller takes back and runs too. Chunks run
 * serially inside a chunk (nested loops never fork again).
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
    /** Whether the current (non-pool) thread is running a chunk, so that loops nested in it stay serial. */
    private static final ThreadLocal<Boolean> IN_CHUNK = ThreadLocal.withInitial(() -> false);

    private Parallel() {}

    /** A loop body over {@code [lo, hi)}. */
    @FunctionalInterface
    public interface Range {
        void run(int lo, int hi);
    }

    /** {@return the number of worker threads} */
    public static int workers() { return WORKERS; }

    /**
     * Runs {@code body} over {@code [0, n)}, split into at most one chunk per worker when
     * {@code n >= grain}; the caller runs chunk 0. The first exception a chunk throws is
     * rethrown once every chunk has finished.
     */
    public static void forRange(int n, int grain, Range body) {
        int chunks = Math.min(WORKERS, Math.max(1, n / Math.max(1, grain)));
        if (chunks <= 1 || ForkJoinTask.inForkJoinPool() || IN_CHUNK.get()) {
            body.run(0, n);
            return;
        }
        var forked = new ForkJoinTask<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int lo = bound(n, c, chunks), hi = bound(n, c + 1, chunks);
            forked[c - 1] = POOL.submit(() -> body.run(lo, hi));
        }
        RuntimeException failure = null;
        IN_CHUNK.set(true);
        try {
            body.run(0, bound(n, 1, chunks));
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            IN_CHUNK.set(false);
        }
        for (ForkJoinTask<?> f : forked) {
            try {
                f.join();                      // runs it here if no worker has taken it yet
            } catch (RuntimeException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }

    /** Runs {@code body} over {@code [0, n)} with the default grain. */
    public static void forRange(int n, Range body) {
        forRange(n, DEFAULT_GRAIN, body);
    }

    /** {@return where chunk {@code c} of {@code chunks} starts} in {@code [0, n)} */
    private static int bound(int n, int c, int chunks) {
        return (int) ((long) n * c / chunks);
    }
}
