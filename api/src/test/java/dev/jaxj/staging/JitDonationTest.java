package dev.jaxj.staging;

import dev.jaxj.Jax;
import dev.jaxj.Jax.JitOptions;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DeletedArrayError;
import io.vavr.Tuple2;
import io.vavr.collection.TreeSet;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.BiFunction;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** {@code donateArgnums}: donated arrays are deleted, their buffers hold results, and nothing is donated under a transform. */
class JitDonationTest {
    private static Array f32(float... v) { return Jnp.array(v); }

    @Test
    void shouldWriteTheResultIntoTheDonatedArgumentAndDeleteIt() {
        Function<Array, Array> f = x -> x.mul(2.0).add(1.0);
        var jitted = Jitted.of(f, "affine", new Donation(TreeSet.of(0), 1));
        assertEquals("donated (a)\nfused_0: out b reuses a", jitted.plan(f32(0, 0, 0), Jitted.Unit.UNIT).toString());

        Array x = f32(1, 2, 3);
        Array y = Jax.jit(f, JitOptions.donateArgnums(0)).apply(x);
        assertArrayEquals(new float[] {3, 5, 7}, y.toFloatArray(), 0f);
        DeletedArrayError e = assertThrows(DeletedArrayError.class, () -> x.sum());
        assertTrue(e.getMessage().contains("donated to a jitted function"), e.getMessage());
        assertTrue(e.getMessage().endsWith("See https://jaxj.dev/docs/errors#DeletedArrayError (docs/errors.md, section DeletedArrayError)"), e.getMessage());
    }

    @Test
    void shouldNotOverwriteAnEagerReshapeThatSharesTheDonatedBuffer() {
        Array x = f32(1, 2, 3, 4);
        Array view = x.reshape(2, 2);   // the CPU backend hands back x's own buffer
        Array y = Jax.jit((Array a) -> a.mul(10.0), JitOptions.donateArgnums(0)).apply(x);
        assertArrayEquals(new float[] {10, 20, 30, 40}, y.toFloatArray(), 0f);
        assertArrayEquals(new float[] {1, 2, 3, 4}, view.toFloatArray(), 0f, "the reshaped array keeps its values");
    }

    @Test
    void shouldDonateOneOfTwoArgumentsAcrossRepeatedUpdates() {
        BiFunction<Array, Array, Array> step = Jax.jit((Array p, Array g) -> p.sub(g.mul(0.5)), JitOptions.donateArgnums(0));
        Array g = f32(2, 4);
        Array p = f32(10, 20);
        Array first = p;
        for (int i = 0; i < 3; i++) p = step.apply(p, g);
        assertArrayEquals(new float[] {7, 14}, p.toFloatArray(), 0f, "10 - 3 * 0.5 * 2, 20 - 3 * 0.5 * 4");
        assertArrayEquals(new float[] {2, 4}, g.toFloatArray(), 0f, "the argument not donated is intact");
        assertThrows(DeletedArrayError.class, first::toFloatArray);
    }

    @Test
    void shouldDonateEveryLeafOfADonatedPytree() {
        BiFunction<Tuple2<Array, Array>, Array, Array> f = Jax.jit((Tuple2<Array, Array> ab, Array c) -> ab._1.add(ab._2).mul(c),
                JitOptions.donateArgnums(0));
        Array a = f32(1, 2), b = f32(3, 4), c = f32(2, 2);
        assertArrayEquals(new float[] {8, 12}, f.apply(new Tuple2<>(a, b), c).toFloatArray(), 0f);
        assertThrows(DeletedArrayError.class, a::toFloatArray);
        assertThrows(DeletedArrayError.class, b::toFloatArray);
        assertArrayEquals(new float[] {2, 2}, c.toFloatArray(), 0f);
    }

    @Test
    void shouldComputeCorrectlyWhenOneArrayIsPassedTwice() {
        Array x = f32(1, 2);
        assertArrayEquals(new float[] {2, 4}, Jax.jit((Array a, Array b) -> a.add(b), JitOptions.donateArgnums(0, 1)).apply(x, x).toFloatArray(), 0f);
        assertThrows(DeletedArrayError.class, x::toFloatArray);
        Array y = f32(1, 2);
        assertArrayEquals(new float[] {3, 6}, Jax.jit((Array a, Array b) -> a.mul(2.0).add(b), JitOptions.donateArgnums(0)).apply(y, y).toFloatArray(), 0f);
    }

    @Test
    void shouldDonateNothingUnderATransform() {
        Function<Array, Array> donating = Jax.jit((Array x) -> x.mul(3.0), JitOptions.donateArgnums(0));
        Array c = f32(1, 2);
        Array g = Jax.grad((Array x) -> donating.apply(x).mul(donating.apply(c)).sum()).apply(f32(5, 5));
        assertArrayEquals(new float[] {9, 18}, g.toFloatArray(), 0f, "d/dx sum(3x * 3c) = 9c");
        Array outer = Jax.jit((Array x) -> x.add(donating.apply(c))).apply(f32(1, 1));
        assertArrayEquals(new float[] {4, 7}, outer.toFloatArray(), 0f);
        assertArrayEquals(new float[] {1, 2}, c.toFloatArray(), 0f, "a constant of an outer trace is never donated");
    }

    @Test
    void shouldRejectDonatingWhatIsNoArrayArgument() {
        assertThrows(ArgumentError.class, () -> Jax.jit((Array x) -> x, JitOptions.donateArgnums(1)));
        assertThrows(ArgumentError.class, () -> Jax.jit((Array x, Array y) -> x, JitOptions.donateArgnums(2)));
        assertThrows(ArgumentError.class, () -> Jax.jitStatic((Array x, Integer n) -> x, JitOptions.donateArgnums(1)));
        assertThrows(ArgumentError.class, () -> Jax.jit((Array x) -> x, JitOptions.donateArgnums(-1)));
    }

    @Test
    void shouldKeyTheCacheOnDonatedInputs() {
        var j = new Jitted<Tuple2<Vector<Array>, Array>, Jitted.Unit, Array>((t, u) -> t._2.mul(2.0), "k", new Donation(TreeSet.of(1), 2));
        assertEquals("donated (b)\nfused_0: out c reuses b", j.plan(new Tuple2<>(Vector.of(f32(1)), f32(1)), Jitted.Unit.UNIT).toString());
        assertEquals("donated (c)\nfused_0: out d reuses c", j.plan(new Tuple2<>(Vector.of(f32(1), f32(1)), f32(1)), Jitted.Unit.UNIT).toString());
        assertEquals(2, j.compilations());
    }
}
