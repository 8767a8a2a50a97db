package dev.jaxj.accel.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The one set of worker threads every CPU kernel shares, so that GEMM and elementwise work
 * never compete with each other for the cores. Work is split only for large ranges.
 *
 * <p>A worker that finishes a loop keeps polling for the next one for {@value #SPIN_MICROS}
 * µs before it parks, as OpenMP's and OpenBLAS's threads do, yielding the core between polls
 * after the first {@value #YIELD_AFTER_MICROS} µs so that other runnable threads (the JIT's
 * compilers, the GC) are not held up by it. A factorization hands work out
 * once or twice per panel, tens of microseconds apart; waking a parked thread costs about as
 * much again on a virtual machine (50-70 µs per hand-off through a fork-join pool, measured),
 * which made two cores slower than one. A polling worker picks a loop up in under a microsecond.
 *
 * <p>The calling thread runs the first chunk and then claims others too, so a chunk no worker
 * has started by then runs on the caller. One loop runs on the workers at a time: a loop started
 * on another thread meanwhile, or nested in a chunk, runs serially on its own thread.
 */
public final class Parallel {
    /** Below this many units of work a loop runs on the calling thread. */
    public static final int DEFAULT_GRAIN = 1 << 15;
    /** How long an idle worker polls before it parks. */
    private static final long SPIN_MICROS = 200;
    /** How long it polls without yielding the core. */
    private static final long YIELD_AFTER_MICROS = 10;

    private static final int WORKERS = Math.max(1, Integer.getInteger("jaxj.cpu.threads", Runtime.getRuntime().availableProcessors()));
    /** Held by the thread whose loop the workers run. */
    private static final AtomicBoolean BUSY = new AtomicBoolean();
    /** Whether the current thread is running a chunk, so that loops nested in it stay serial. */
    private static final ThreadLocal<Boolean> IN_CHUNK = ThreadLocal.withInitial(() -> false);
    private static final Worker[] POOL = new Worker[WORKERS - 1];

    static {
        for (int i = 0; i < POOL.length; i++) {
            POOL[i] = new Worker();
            Thread t = new Thread(POOL[i], "jaxj-cpu-" + (i + 1));
            t.setDaemon(true);
            POOL[i].thread = t;
            t.start();
        }
    }

    private Parallel() {}

    /** A loop body over {@code [lo, hi)}. */
    @FunctionalInterface
    public interface Range {
        void run(int lo, int hi);
    }

    /** {@return the number of threads a loop may run on, the caller's included} */
    public static int workers() { return WORKERS; }

    /**
     * Runs {@code body} over {@code [0, n)}, split into at most one chunk per worker when
     * {@code n >= grain}. The first exception a chunk throws is rethrown once every chunk has
     * finished.
     */
    public static void forRange(int n, int grain, Range body) {
        int chunks = Math.min(WORKERS, Math.max(1, n / Math.max(1, grain)));
        if (chunks <= 1 || IN_CHUNK.get() || !BUSY.compareAndSet(false, true)) {
            body.run(0, n);
            return;
        }
        try {
            Loop loop = new Loop(body, n, chunks);
            for (Worker w : POOL) w.offer(loop);
            IN_CHUNK.set(true);
            try {
                loop.run(0);
                loop.work();
            } finally {
                IN_CHUNK.set(false);
            }
            loop.awaitChunks();
            loop.release();
            loop.rethrow();
        } finally {
            BUSY.set(false);
        }
    }

    /** Runs {@code body} over {@code [0, n)} with the default grain. */
    public static void forRange(int n, Range body) {
        forRange(n, DEFAULT_GRAIN, body);
    }

    /** One split loop: its chunks are claimed in order by whichever thread gets to them first. */
    private static final class Loop {
        /** Dropped once every chunk has run: a worker keeps its last loop until the next one, and must not keep what the body captured alive. */
        private Range body;
        private final int n, chunks;
        /** The next chunk to claim: the caller runs chunk 0 unclaimed. */
        private final AtomicInteger next = new AtomicInteger(1), done = new AtomicInteger();
        private volatile Throwable failure;

        Loop(Range body, int n, int chunks) {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
        }

        /** Claims and runs chunks until none is left. */
        void work() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) run(c);
        }

        /** Runs chunk {@code c}, keeping its failure for {@link #rethrow}. */
        void run(int c) {
            try {
                body.run(bound(c), bound(c + 1));
            } catch (Throwable e) {
                synchronized (this) {
                    if (failure == null) failure = e;
                    else failure.addSuppressed(e);
                }
            } finally {
                done.incrementAndGet();
            }
        }

        /** Waits for the chunks other threads are running; yields after a while, in case one of them is descheduled. */
        void awaitChunks() {
            for (int spins = 0; done.get() < chunks; spins++) {
                if (spins < 100_000) Thread.onSpinWait();
                else Thread.yield();
            }
        }

        void release() {
            body = null;
        }

        void rethrow() {
            switch (failure) {
                case null -> {}
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                case Throwable e -> throw new IllegalStateException(e);
            }
        }

        /** {@return where chunk {@code c} starts} in {@code [0, n)} */
        private int bound(int c) {
            return (int) ((long) n * c / chunks);
        }
    }

    /** A pool thread: runs the loops it is offered, polling for the next one a while before it parks. */
    private static final class Worker implements Runnable {
        private volatile Loop offered;
        private volatile boolean parked;
        private Thread thread;

        void offer(Loop loop) {
            offered = loop;
            if (parked) LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            IN_CHUNK.set(true);
            Loop last = null;
            while (true) {
                Loop loop = await(last);
                loop.work();
                last = loop;
            }
        }

        /** {@return the next loop after {@code last}}, polling first and then parked */
        private Loop await(Loop last) {
            long start = System.nanoTime();
            while (offered == last) {
                long waited = System.nanoTime() - start;
                if (waited < SPIN_MICROS * 1000) {
                    // Spin briefly, then offer the core to any other runnable thread (the JIT's
                    // compiler threads, the GC) between polls: a polling worker must not slow them.
                    if (waited < YIELD_AFTER_MICROS * 1000) Thread.onSpinWait();
                    else Thread.yield();
                    continue;
                }
                parked = true;
                // A loop offered between the check above and this flag would find the worker not parked yet: look again.
                if (offered == last) LockSupport.park(this);
                parked = false;
            }
            return offered;
        }
    }
}
