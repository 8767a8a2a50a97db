package dev.jaxj.autodiff;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.Shape;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.BiFunction;
import java.util.function.Function;

import static dev.jaxj.Axes.NOT_MAPPED;
import static org.junit.jupiter.api.Assertions.*;

/** The pytree-aware vmap: axes prefixes, two-argument functions, pass-through leaves, errors naming key paths, and composition. */
class VectorizeTest {
    record Pair(Array a, Array b) {}

    private static final Array ROWS = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}});
    private static final Array W = Jnp.array(new float[] {0.5f, -1, 2});

    private static void assertValues(float[] want, Array got) {
        assertArrayEquals(want, got.toFloatArray(), 1e-5f, got.toString());
    }

    @Test
    void shouldMapEveryLeafOfASubtreeAlongItsAxesLeaf() {
        Function<Pair, Array> dot = p -> p.a().mul(p.b()).sum();
        Array out = Vectorize.vmap(dot).apply(new Pair(ROWS, ROWS.mul(2.0)));
        assertValues(new float[] {28, 154}, out);
    }

    @Test
    void shouldTakeOneAxesPrefixPerArgumentOfATwoArgumentFunction() {
        BiFunction<Array, Array, Array> dot = (x, w) -> x.mul(w).sum();
        assertValues(new float[] {4.5f, 9}, Vectorize.vmap(dot, Tuple.of(0, NOT_MAPPED), 0).apply(ROWS, W));
        assertValues(new float[] {4.5f, 9}, Vectorize.vmap(dot, Vector.of(-2, NOT_MAPPED), 0).apply(ROWS, W));
        assertValues(new float[] {1 * 1 + 2 * 2 + 3 * 3, 4 * 4 + 5 * 5 + 6 * 6}, Vectorize.vmap(dot).apply(ROWS, ROWS));
        // Mapped along columns: one output per column.
        assertValues(new float[] {-3.5f, -4, -4.5f}, Vectorize.vmap(dot, Tuple.of(1, 0), 0).apply(ROWS, Jnp.array(new float[][] {{0.5f, -1}, {0.5f, -1}, {0.5f, -1}})));
    }

    @Test
    void shouldMapNestedContainersByTheirPrefixAndPassUnmappedObjectsThrough() {
        Function<Tuple2<Vector<Array>, String>, Array> f = t -> t._2.equals("sum") ? t._1.get(0).add(t._1.get(1)).sum() : t._1.get(0);
        Array out = Vectorize.vmap(f, Tuple.of(Vector.of(0, 1), NOT_MAPPED), 0).apply(Tuple.of(Vector.of(ROWS, ROWS.transpose()), "sum"));
        assertValues(new float[] {12, 30}, out);
    }

    @Test
    void shouldPlaceOutputsByTheOutAxesPrefix() {
        Function<Array, Tuple2<Array, Array>> f = x -> Tuple.of(x.mul(2.0), W.exp());
        Tuple2<Array, Array> out = Vectorize.vmap(f, 0, Tuple.of(1, NOT_MAPPED)).apply(ROWS);
        assertEquals(Shape.of(3, 2), out._1.shape());
        assertValues(new float[] {2, 8, 4, 10, 6, 12}, out._1);
        assertEquals(Shape.of(3), out._2.shape());
        Tuple2<Array, Array> broadcast = Vectorize.vmap(f, 0, -1).apply(ROWS);
        assertEquals(Shape.of(3, 2), broadcast._2.shape());
    }

    @Test
    void shouldStackAnUnmappedComputationAxisSizeTimes() {
        Array out = Vectorize.vmap((Array w) -> w.neg(), NOT_MAPPED, 0, 4).apply(W);
        assertEquals(Shape.of(4, 3), out.shape());
        assertValues(new float[] {-0.5f, 1, -2, -0.5f, 1, -2, -0.5f, 1, -2, -0.5f, 1, -2}, out);
    }

    @Test
    void shouldNameArgumentsByKeyPathWhenSizesDisagree() {
        BiFunction<Pair, Array, Array> f = (p, w) -> p.a().add(p.b()).mul(w).sum();
        var e = assertThrows(ShapeError.class, () -> Vectorize.vmap(f, 0, 0).apply(new Pair(ROWS, ROWS), Jnp.ones(3, 3)));
        assertTrue(e.getMessage().contains("args[0].a of type f32[2,3] has size 2 along axis 0"), e.getMessage());
        assertTrue(e.getMessage().contains("args[1] of type f32[3,3] has size 3 along axis 0"), e.getMessage());
        assertTrue(e.getMessage().contains("at VectorizeTest"), e.getMessage());
    }

    @Test
    void shouldRejectBadAxesTrees() {
        Function<Tuple2<Array, String>, Array> f = t -> t._1;
        assertThrows(ArgumentError.class, () -> Vectorize.vmap(f, 0, 0).apply(Tuple.of(ROWS, "label")));
        assertThrows(ArgumentError.class, () -> Vectorize.vmap((Array x) -> x, "0", 0));
        assertThrows(TreeError.class, () -> Vectorize.vmap((Array x) -> x, Tuple.of(0, 0), 0).apply(ROWS));
        assertThrows(ArgumentError.class, () -> Vectorize.vmap((Array x, Array y) -> x, Vector.of(0, 0, 0), 0));
        assertThrows(ArgumentError.class, () -> Vectorize.vmap((Array x) -> x, 0, 0, -1));
    }

    /** {@code loss(w, x) = sum(tanh(x . w))}: its per-example gradient is {@code (1 - tanh^2(x . w)) x}. */
    private static Array loss(Array w, Array x) {
        return x.mul(w).sum().tanh();
    }

    @Test
    void shouldGivePerExampleGradientsAndTheirSumUnderGrad() {
        Array perExample = Vectorize.vmap(Jax.grad(VectorizeTest::loss), Tuple.of(NOT_MAPPED, 0), 0).apply(W, ROWS);
        for (int i = 0; i < 2; i++) {
            assertValues(Jax.grad(VectorizeTest::loss).apply(W, rowOf(ROWS, i)).toFloatArray(), rowOf(perExample, i));
        }
        Array summed = Jax.grad((Array w) -> Vectorize.vmap(VectorizeTest::loss, Tuple.of(NOT_MAPPED, 0), 0).apply(w, ROWS).sum()).apply(W);
        assertValues(perExample.sum(0).toFloatArray(), summed);
    }

    private static Array rowOf(Array m, int i) {
        float[] v = m.toFloatArray();
        int n = m.shape().dim(1);
        return Jnp.array(java.util.Arrays.copyOfRange(v, i * n, (i + 1) * n));
    }

    @Test
    void shouldComposeWithJitInEitherPosition() {
        Function<Array, Array> norms = x -> x.mul(x).sum().sqrt();
        float[] want = Vectorize.vmap(norms).apply(ROWS).toFloatArray();
        assertValues(want, Jax.jit(Vectorize.vmap(norms)).apply(ROWS));
        assertValues(want, Vectorize.vmap(Jax.jit(norms)).apply(ROWS));
    }
}
