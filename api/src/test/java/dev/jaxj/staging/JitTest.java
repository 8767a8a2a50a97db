package dev.jaxj.staging;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.errors.TracerLeakError;
import dev.jaxj.ir.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

class JitTest {
    private static Array f32(float... v) { return Jnp.array(v); }

    @Test
    void shouldComputeWhatTheFunctionComputes() {
        Function<Array, Array> f = x -> x.mul(2.0).tanh().add(x.sin()).sum(0);
        Array x = Jnp.array(new float[][] {{0.1f, -2f}, {3f, 0.5f}});
        assertArrayEquals(f.apply(x).toFloatArray(), Jax.jit(f).apply(x).toFloatArray(), 0f);
    }

    @Test
    void shouldCompileOncePerShapeDtypeAndWeakType() {
        AtomicInteger traces = new AtomicInteger();
        var j = Jitted.of((Array x) -> {
            traces.incrementAndGet();
            return x.add(1.0);
        }, "count");
        j.apply(f32(1, 2), Jitted.Unit.UNIT);
        j.apply(f32(3, 4), Jitted.Unit.UNIT);
        assertEquals(1, j.compilations());
        j.apply(f32(1, 2, 3), Jitted.Unit.UNIT);
        j.apply(Jnp.array(new double[] {1, 2}), Jitted.Unit.UNIT);
        j.apply(Array.scalar(1.0), Jitted.Unit.UNIT);
        j.apply(Jnp.scalar(1f), Jitted.Unit.UNIT);
        assertEquals(5, j.compilations(), "shape, dtype and weak type are all part of the key");
        assertEquals(5, traces.get(), "Java side effects run once per compilation, at trace time");
    }

    @Test
    void shouldRecompileForNewStaticValuesOnly() {
        BiFunction<Array, Integer, Array> power = Jax.jitStatic((Array x, Integer n) -> x.pow((long) n));
        assertArrayEquals(new float[] {8, 27}, power.apply(f32(2, 3), 3).toFloatArray(), 0f);
        assertArrayEquals(new float[] {4, 9}, power.apply(f32(2, 3), 2).toFloatArray(), 0f);
        var j = (Jitted<Array, Integer, Array>) power;
        power.apply(f32(5, 6), 3);
        assertEquals(2, j.compilations());
    }

    @Test
    void shouldCompileEachKeyOnceUnderConcurrency() throws Exception {
        AtomicInteger traces = new AtomicInteger();
        var j = Jitted.of((Array x) -> {
            traces.incrementAndGet();
            return x.mul(x).sum();
        }, "concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Float>> results = new ArrayList<>();
            List<Float> expected = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = 1 + i % 4;
                float[] v = new float[n];
                float want = 0;
                for (int k = 0; k < n; k++) {
                    v[k] = i + k;
                    want += v[k] * v[k];
                }
                expected.add(want);
                Callable<Float> call = () -> j.apply(Jnp.array(v), Jitted.Unit.UNIT).floatValue();
                results.add(pool.submit(call));
            }
            for (int i = 0; i < results.size(); i++) assertEquals(expected.get(i), results.get(i).get(), 1e-3f * expected.get(i));
        } finally {
            pool.shutdown();
        }
        assertEquals(4, j.compilations());
        assertEquals(4, traces.get());
    }

    @Test
    void shouldRefuseJavaControlFlowOnTracedValues() {
        Function<Array, Array> f = Jax.jit(x -> x.sum().floatValue() > 0 ? x : x.neg());
        ConcretizationError e = assertThrows(ConcretizationError.class, () -> f.apply(f32(1, 2)));
        assertTrue(e.getMessage().contains("Lax.select") && e.getMessage().contains("Jax.jitStatic"), e.getMessage());
        assertTrue(e.getMessage().contains("JitTest.java"), e.getMessage());
    }

    /** Ways a trace can fail: jaxj errors from the library, a user's own exception, JVM errors. */
    enum TraceFailure {
        CONCRETIZATION(ConcretizationError.class) { Array in(Array x) { return x.sum().floatValue() > 0 ? x : x.neg(); } },
        SHAPE(ShapeError.class) { Array in(Array x) { return x.add(Jnp.zeros(5)); } },
        USER(IllegalStateException.class) { Array in(Array x) { throw new IllegalStateException("the user's own check"); } },
        STACK_OVERFLOW(StackOverflowError.class) { Array in(Array x) { throw new StackOverflowError(); } },
        ASSERTION(AssertionError.class) { Array in(Array x) { throw new AssertionError("the user's assertion"); } };

        final Class<? extends Throwable> type;

        TraceFailure(Class<? extends Throwable> type) { this.type = type; }

        abstract Array in(Array x);
    }

    @ParameterizedTest
    @EnumSource(TraceFailure.class)
    void shouldRaiseTheTraceFailureInEveryConcurrentCaller(TraceFailure failure) throws Exception {
        AtomicInteger traces = new AtomicInteger();
        Function<Array, Array> f = Jax.jit(x -> {
            traces.incrementAndGet();
            return failure.in(x);
        });
        int threads = 8;
        AtomicInteger arrived = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Throwable>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    arrived.incrementAndGet();
                    while (arrived.get() < threads) Thread.yield();
                    try {
                        f.apply(f32(1, 2));
                        return null;
                    } catch (RuntimeException | Error e) {
                        return e;
                    }
                }));
            }
            for (var r : results) {
                Throwable t = r.get();
                assertInstanceOf(failure.type, t, "every caller sees the trace's own exception");
                if (t instanceof JaxjException e) assertTrue(e.getMessage().contains("JitTest.java"), e.getMessage());
            }
        } finally {
            pool.shutdown();
        }
        int before = traces.get();
        assertThrows(failure.type, () -> f.apply(f32(1, 2)));
        assertEquals(before + 1, traces.get(), "a failed trace is not cached: the next call traces again");
    }

    @Test
    void shouldDetectTracersThatLeakOutOfJit() {
        Array[] stash = new Array[1];
        Jax.jit((Array x) -> {
            stash[0] = x.mul(2.0);
            return x;
        }).apply(f32(1));
        TracerLeakError e = assertThrows(TracerLeakError.class, () -> stash[0].add(1.0));
        assertTrue(e.getMessage().contains("no longer active"), e.getMessage());
    }

    @Test
    void shouldPrintTheStagedProgram() {
        String text = Jax.makeJaxpr((Array x) -> x.sin().mul(2.0), f32(1, 2, 3)).toString();
        assertEquals("""
                { lambda ; a:f32[3]. let
                    b:f32[3] = sin a
                    c:f32[3] = broadcast_in_dim[shape=(3,) broadcast_dimensions=()] 2.0:f32[]
                    d:f32[3] = mul b c
                  in (d) }""", text);
        assertEquals("f32[3]", Jax.evalShape((Array x) -> x.sin(), f32(1, 2, 3)).head().toString());
    }

    @Test
    void shouldComposeWithGradInBothOrders() {
        Function<Array, Array> f = x -> x.sin().mul(x).sum();
        Array x = Jnp.array(new double[] {0.3, -1.1});
        double[] want = Jax.grad(f).apply(x).toDoubleArray();
        assertArrayEquals(want, Jax.jit(Jax.grad(f)).apply(x).toDoubleArray(), 1e-12);
        assertArrayEquals(want, Jax.grad(Jax.jit(f)).apply(x).toDoubleArray(), 1e-12);
        assertEquals(DType.F64, Jax.jit(Jax.grad(f)).apply(x).dtype());
    }
}
