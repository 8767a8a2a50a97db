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
        // A failure on a pool thread arrives as a copy of the same type, caused by the original.
        Throwable original = e.getCause() instanceof IllegalStateException c ? c : e;
        assertEquals("last chunk", original.getMessage());
        int w = Parallel.workers();
        assertEquals((long) n * (w - 1) / w, done.get(), "every chunk before the last one ran whole");
    }
}
