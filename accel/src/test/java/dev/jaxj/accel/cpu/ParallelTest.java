package dev.jaxj.accel.cpu;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Parallel#forRange}: coverage of the range, the caller's share, nesting and failures. */
class ParallelTest {
    @Test
    void shouldRunEveryIndexExactlyOnce() {
        for (int n : new int[] {0, 1, 2, 3, 7, 1000, 1 << 16}) {
            var hits = new AtomicIntegerArray(n);
            Parallel.forRange(n, 1, (lo, hi) -> {
                for (int i = lo; i < hi; i++) hits.incrementAndGet(i);
            });
            for (int i = 0; i < n; i++) assertEquals(1, hits.get(i), "index " + i + " of " + n);
        }
    }

    @Test
    void shouldRunTheFirstChunkOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        var first = new Thread[1];
        Parallel.forRange(100, 1, (lo, hi) -> {
            if (lo == 0) first[0] = Thread.currentThread();
        });
        assertSame(caller, first[0]);
    }

    @Test
    void shouldRunNestedLoopsInsideTheirChunk() {
        var outer = new AtomicInteger();
        var nestedOk = new AtomicInteger();
        Parallel.forRange(Parallel.workers(), 1, (lo, hi) -> {
            outer.addAndGet(hi - lo);
            Thread t = Thread.currentThread();
            Parallel.forRange(1000, 1, (l2, h2) -> {
                if (Thread.currentThread() == t && l2 == 0 && h2 == 1000) nestedOk.incrementAndGet();
            });
        });
        assertEquals(Parallel.workers(), outer.get());
        assertEquals(Parallel.workers(), nestedOk.get(), "every nested loop ran whole on its chunk's thread");
    }

    @Test
    void shouldRethrowAChunksFailureAfterTheOthersFinish() {
        int n = 1000;
        var done = new AtomicInteger();
        var e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(n, 1, (lo, hi) -> {
            if (hi == n) throw new IllegalStateException("last chunk");
            done.addAndGet(hi - lo);
        }));
        assertEquals("last chunk", e.getMessage());
        int w = Parallel.workers();
        assertEquals((long) n * (w - 1) / w, done.get(), "every chunk before the last one ran whole");
    }

    /** Loops started on several threads at once: one gets the workers, the others run on their own threads, and none is lost. */
    @Test
    void shouldRunLoopsFromConcurrentCallersCompletely() throws InterruptedException {
        int callers = 4, loops = 300, n = 2000;
        var sums = new java.util.concurrent.atomic.AtomicLongArray(callers);
        var threads = new Thread[callers];
        for (int c = 0; c < callers; c++) {
            int id = c;
            threads[c] = new Thread(() -> {
                for (int l = 0; l < loops; l++) {
                    Parallel.forRange(n, 1, (lo, hi) -> {
                        long s = 0;
                        for (int i = lo; i < hi; i++) s += i;
                        sums.addAndGet(id, s);
                    });
                }
            });
            threads[c].start();
        }
        for (Thread t : threads) t.join();
        for (int c = 0; c < callers; c++) assertEquals((long) loops * n * (n - 1) / 2, sums.get(c), "caller " + c);
    }

    /** A worker that has parked (idle for longer than it polls) still takes up the next loop. */
    @Test
    void shouldWakeParkedWorkers() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            Thread.sleep(5);
            var hits = new AtomicIntegerArray(64);
            Parallel.forRange(64, 1, (lo, hi) -> {
                for (int i = lo; i < hi; i++) hits.incrementAndGet(i);
            });
            for (int i = 0; i < 64; i++) assertEquals(1, hits.get(i));
        }
    }

    /** A worker keeps its last loop until the next one: it must not keep what that loop's body captured alive. */
    @Test
    void shouldNotKeepALoopsCapturesAlive() throws InterruptedException {
        java.lang.ref.WeakReference<byte[]> captured = runOnACapture();
        for (int i = 0; i < 50 && captured.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(null, captured.get(), "the array the body captured is still reachable");
    }

    private static java.lang.ref.WeakReference<byte[]> runOnACapture() {
        byte[] big = new byte[1 << 20];
        var sum = new java.util.concurrent.atomic.AtomicLong();
        Parallel.forRange(Math.max(2, Parallel.workers()), 1, (lo, hi) -> sum.addAndGet(big.length * (long) (hi - lo)));
        return new java.lang.ref.WeakReference<>(big);
    }
}
