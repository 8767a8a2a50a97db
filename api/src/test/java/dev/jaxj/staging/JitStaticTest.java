package dev.jaxj.staging;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.tree.Static;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Static arguments are part of the cache key, so they must compare by value (JAX: they must be hashable). */
class JitStaticTest {
    record Config(String name, double[] weights) {}

    record Scale(String name, Vector<Double> factors) {}

    record Layer(Array w, @Static double[] mask) {}

    enum Mode { DOUBLE, TRIPLE }

    private static final Array X = Jnp.array(new float[] {1, 2});

    @Test
    void shouldRejectARecordHoldingAnArrayAtTheCall() {
        AtomicInteger traces = new AtomicInteger();
        BiFunction<Array, Config, Array> f = Jax.jitStatic((Array x, Config c) -> {
            traces.incrementAndGet();
            return x.mul(c.weights()[0]);
        });
        ArgumentError e = assertThrows(ArgumentError.class, () -> f.apply(X, new Config("c", new double[] {2})));
        assertTrue(e.getMessage().startsWith("jit: static argument 0 must be hashable (value-based equals/hashCode), got a double[]"
                + " at component `weights` of record Config; pass it as a traced argument or use a record of immutable values"), e.getMessage());
        assertTrue(e.getMessage().contains("JitStaticTest.java"), "names the user's line: " + e.getMessage());
        assertEquals(0, traces.get(), "nothing is traced for a static argument that cannot be a key");
    }

    /** Static values compared by identity, wherever they sit. */
    static Stream<Object> unfitStatics() {
        double[] weights = {1, 2};
        Function<Array, Array> lambda = x -> x;
        return Stream.of(new int[] {3}, weights, java.util.List.of(weights), java.util.Map.of("w", weights), Vector.of(1.0, weights),
                List.of(weights), HashMap.of("w", weights), Optional.of(weights), Option.some(weights), Tuple.of(1, weights),
                lambda, X, new Object(),
                new Config("nested", weights), Vector.of(new Config("in a vector", weights)));
    }

    @ParameterizedTest
    @MethodSource("unfitStatics")
    void shouldRejectStaticsComparedByIdentity(Object unfit) {
        BiFunction<Array, Object, Array> f = Jax.jitStatic((Array x, Object s) -> x.mul(2.0));
        ArgumentError e = assertThrows(ArgumentError.class, () -> f.apply(X, unfit));
        assertTrue(e.getMessage().contains("must be hashable (value-based equals/hashCode)"), e.getMessage());
        assertThrows(ArgumentError.class, () -> f.apply(X, unfit), "rejected on every call, never cached");
    }

    @Test
    void shouldCompileOncePerValueOfARecordOfImmutables() {
        BiFunction<Array, Scale, Array> f = Jax.jitStatic((Array x, Scale s) -> x.mul(s.factors().sum().doubleValue()));
        assertArrayEquals(new float[] {3, 6}, f.apply(X, new Scale("a", Vector.of(1.0, 2.0))).toFloatArray(), 0f);
        assertArrayEquals(new float[] {3, 6}, f.apply(X, new Scale("a", Vector.of(1.0, 2.0))).toFloatArray(), 0f);
        assertArrayEquals(new float[] {5, 10}, f.apply(X, new Scale("a", Vector.of(1.0, 4.0))).toFloatArray(), 0f);
        assertEquals(2, ((Jitted<?, ?, ?>) f).compilations(), "equal values share a program; a changed one compiles anew");
    }

    @Test
    void shouldAcceptEnumsStringsBoxedValuesAndVavrCollectionsOfThem() {
        BiFunction<Array, Object, Array> f = Jax.jitStatic((Array x, Object s) -> x.mul(2.0));
        for (Object fit : java.util.List.of(Mode.TRIPLE, "relu", 3, 2.5, Vector.of(1, 2), HashMap.of("k", Mode.DOUBLE),
                Option.some("v"), Tuple.of(1, "a"), Optional.empty(), new Scale("s", Vector.empty()))) {
            assertArrayEquals(new float[] {2, 4}, f.apply(X, fit).toFloatArray(), 0f, () -> "static " + fit);
        }
    }

    @Test
    void shouldRejectStaticPytreeDataComparedByIdentity() {
        Function<Layer, Array> f = Jax.jit((Layer l) -> l.w().mul(2.0));
        ArgumentError e = assertThrows(ArgumentError.class, () -> f.apply(new Layer(X, new double[] {1})));
        assertTrue(e.getMessage().contains("got a double[] at @Static component `mask` of record Layer"), e.getMessage());
    }
}
