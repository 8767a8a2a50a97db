package dev.jaxj.transforms.jit;

import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The compile-once cache when the compilation fails: every waiter sees the original exception, and failures are not kept. */
class JitCacheTest {
    private static final int THREADS = 8;
    private static final JitCache.Key KEY = new JitCache.Key("tree", Vector.of(ShapedArray.of(DType.F32)), Vector.of("static"));

    /** The failures a trace can end with: jaxj errors, a user's own exception, and JVM errors. */
    static Stream<Supplier<Throwable>> failures() {
        return Stream.of(
                () -> new ConcretizationError("lt", "needs a concrete value, got a traced f32[]"),
                () -> new ShapeError("add", "shapes must broadcast, got f32[2], f32[3]"),
                () -> new IllegalStateException("the user's own check failed"),
                () -> new StackOverflowError(),
                () -> new AssertionError("the user's assertion"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void shouldGiveEveryConcurrentCallerTheOriginalException(Supplier<Throwable> failure) throws Exception {
        var cache = new JitCache("failing", 4);
        Throwable thrown = failure.get();
        AtomicInteger attempts = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        Supplier<Compiled> compile = () -> {
            attempts.incrementAndGet();
            awaitOthersWaiting(callers);
            return sneakyThrow(thrown);
        };
        List<Throwable> seen = callConcurrently(cache, compile, callers);
        assertEquals(1, attempts.get(), "the other callers waited for the one compilation");
        for (Throwable t : seen) assertSame(thrown, t, "each caller gets the exception the trace threw, not a wrapper: " + t);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void shouldNotKeepAFailedCompilation(Supplier<Throwable> failure) {
        var cache = new JitCache("retrying", 4);
        AtomicInteger attempts = new AtomicInteger();
        Supplier<Compiled> failing = () -> {
            attempts.incrementAndGet();
            return sneakyThrow(failure.get());
        };
        Throwable first = assertThrows(Throwable.class, () -> cache.get(KEY, failing));
        Throwable second = assertThrows(Throwable.class, () -> cache.get(KEY, failing));
        assertEquals(first.getClass(), second.getClass(), "a retried key fails the same way");
        assertEquals(2, attempts.get(), "the second call traced again");
        assertEquals(0, cache.size());

        Compiled fixed = new Compiled(null, Vector.empty(), "out");
        assertSame(fixed, cache.get(KEY, () -> fixed), "once the trace succeeds its program is cached");
        assertSame(fixed, cache.get(KEY, failing));
        assertEquals(2, attempts.get());
    }

    private static List<Throwable> callConcurrently(JitCache cache, Supplier<Compiled> compile, List<Thread> callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            // A spinning barrier: a thread parked here would look like one waiting for the compilation.
            AtomicInteger arrived = new AtomicInteger();
            List<Future<Throwable>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(() -> {
                    synchronized (callers) {
                        callers.add(Thread.currentThread());
                    }
                    arrived.incrementAndGet();
                    while (arrived.get() < THREADS) Thread.yield();
                    try {
                        cache.get(KEY, compile);
                        return null;
                    } catch (RuntimeException | Error e) {
                        return e;
                    }
                }));
            }
            List<Throwable> seen = new ArrayList<>();
            for (var r : results) seen.add(r.get(30, TimeUnit.SECONDS));
            return seen;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Blocks the compiling thread until the other callers are parked on its result, so that they really wait. */
    private static void awaitOthersWaiting(List<Thread> callers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            int waiting = 0;
            synchronized (callers) {
                for (Thread t : callers) if (t != Thread.currentThread() && t.getState() == Thread.State.WAITING) waiting++;
            }
            if (waiting == THREADS - 1) return;
            Thread.onSpinWait();
        }
        fail("the other callers never waited for the compilation");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable, R> R sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
