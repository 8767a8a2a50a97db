package dev.jaxj.array;

import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.DeletedArrayError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.transforms.jit.Compiled;
import dev.jaxj.transforms.jit.Staging;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** Planned execution of compiled programs: reused temporaries, donated inputs written in place, deleted arrays. */
class ExecutorTest {
    static Array f32(Shape s, float... v) {
        return Array.fromHost(new ShapedArray(s, DType.F32, false), HostData.own(v.clone()));
    }

    static float[] ramp(int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = scale * (i - n / 2f);
        return v;
    }

    static Compiled compile(Function<Seq<Array>, Seq<Array>> f, Seq<Integer> donated, Array... like) {
        return Compiled.of(Staging.trace(f, Vector.of(like).map(Array::aval)), null, donated);
    }

    static Buffer bufferOf(Array a) {
        return ((ConcreteArray) a).buffer("test");
    }

    @Test
    void shouldReuseTemporariesAndComputeWhatEagerEvaluationComputes() {
        // tanh(x) @ w, exp(.) * 0.5, @ w, sin: fused loops around library products.
        Function<Seq<Array>, Seq<Array>> f = in -> {
            Array x = in.get(0), w = in.get(1);
            return Vector.of(x.tanh().matmul(w).exp().mul(0.5).matmul(w).sin());
        };
        Shape s = Shape.of(6, 6);
        Array x = f32(s, ramp(36, 0.1f)), w = f32(s, ramp(36, -0.05f));
        float[] eager = f.apply(Vector.of(x, w)).head().toFloatArray();
        Compiled c = compile(f, Vector.empty(), x, w);
        assertTrue(c.plan().reuses() >= 2, c.plan() + "\n" + c.kernels());
        float[] jitted = c.run(Vector.of(x, w)).head().toFloatArray();
        for (int i = 0; i < eager.length; i++) {
            // Fused transcendentals are a few ulps from the eager kernels' correctly rounded values.
            assertEquals(eager[i], jitted[i], 1e-5f * Math.max(1, Math.abs(eager[i])), "element " + i);
        }
        assertArrayEquals(jitted, c.run(Vector.of(x, w)).head().toFloatArray(), 0f, "inputs are intact after a call");
    }

    @Test
    void shouldWriteTheOutputIntoADonatedInputAndDeleteIt() {
        Array x = f32(Shape.of(5), 1, 2, 3, 4, 5);
        Buffer before = bufferOf(x);
        Compiled c = compile(in -> Vector.of(in.head().mul(2.0).add(1.0)), Vector.of(0), x);
        assertEquals("donated (a)\nfused_0: out b reuses a", c.plan().toString());
        Array y = c.run(Vector.of(x)).head();
        assertSame(before, bufferOf(y), "the output lives in the donated buffer");
        assertArrayEquals(new float[] {3, 5, 7, 9, 11}, y.toFloatArray(), 0f);
        assertTrue(((ConcreteArray) x).isDeleted());
        DeletedArrayError e = assertThrows(DeletedArrayError.class, x::toFloatArray);
        assertTrue(e.getMessage().startsWith("toFloatArray: needs an array that has not been deleted, got f32[5]"), e.getMessage());
        assertThrows(DeletedArrayError.class, () -> x.add(1.0));
        assertThrows(DeletedArrayError.class, () -> c.run(Vector.of(x)), "a deleted array cannot be passed again");
        assertEquals("Array(<deleted>, f32[5])", x.toString());
    }

    @Test
    void shouldLeaveABufferPassedTwiceIntact() {
        Array x = f32(Shape.of(3), 1, 2, 3);
        Buffer before = bufferOf(x);
        Compiled once = compile(in -> Vector.of(in.get(0).mul(2.0).add(in.get(1))), Vector.of(0), x, x);
        Array y = once.run(Vector.of(x, x)).head();
        assertArrayEquals(new float[] {3, 6, 9}, y.toFloatArray(), 0f);
        assertNotSame(before, bufferOf(y));
        assertArrayEquals(new float[] {1, 2, 3}, Backends.cpu().download(before).f32(), 0f, "donated and passed again: not overwritten");

        Array z = f32(Shape.of(3), 1, 2, 3);
        Compiled twice = compile(in -> Vector.of(in.get(0).mul(2.0).add(in.get(1)), in.get(1).neg()), Vector.of(0, 1), z, z);
        Seq<Array> out = twice.run(Vector.of(z, z));
        assertArrayEquals(new float[] {3, 6, 9}, out.get(0).toFloatArray(), 0f);
        assertArrayEquals(new float[] {-1, -2, -3}, out.get(1).toFloatArray(), 0f);
        assertTrue(((ConcreteArray) z).isDeleted());
    }

    @Test
    void shouldKeepApartTheCopiesOfAConstantThatSeveralLoopsStore() {
        // Each loop stores the broadcast constant `half`, so the program defines it once per loop;
        // the last loop's three results must land in three different buffers.
        Function<Seq<Array>, Seq<Array>> f = in -> {
            Array half = dev.jaxj.lax.Lax.broadcastInDim(Array.scalar(0.5, DType.F32), Shape.of(4), Vector.empty());
            Array v = in.head();
            for (int i = 0; i < 3; i++) v = sort(v.mul(half).add(v));
            return Vector.of(v.mul(half), v.add(half), v.sub(half));
        };
        Array x = f32(Shape.of(4), 4, -3, 2, -1);
        Seq<float[]> eager = f.apply(Vector.of(x)).map(Array::toFloatArray);
        Compiled c = compile(f, Vector.of(0), x);
        Seq<Array> out = c.run(Vector.of(x));
        assertEquals(3, out.map(ExecutorTest::bufferOf).distinct().size(), c.plan() + "\n" + c.kernels());
        for (int o = 0; o < 3; o++) assertArrayEquals(eager.get(o), out.get(o).toFloatArray(), 0f, "output " + o);
    }

    static Array sort(Array v) {
        return dev.jaxj.lax.Lax.sort(Vector.of(v), 0, true, 1).head();
    }

    @Test
    void shouldDonateNothingWhenTheCallerSaysSo() {
        Array x = f32(Shape.of(2), 1, 2);
        Compiled c = compile(in -> Vector.of(in.head().neg()), Vector.of(0), x);
        Array y = c.run(Vector.of(x), false).head();
        assertNotSame(bufferOf(x), bufferOf(y));
        assertArrayEquals(new float[] {1, 2}, x.toFloatArray(), 0f);
        assertArrayEquals(new float[] {-1, -2}, y.toFloatArray(), 0f);
    }

    @Test
    void shouldNotOverwriteABufferThatAnEarlierResultShares() {
        // identity returns x's own buffer: donating x afterwards must not overwrite what y holds.
        Array x = f32(Shape.of(2), 1, 2);
        Array y = compile(in -> Vector.of(in.head()), Vector.empty(), x).run(Vector.of(x)).head();
        assertSame(bufferOf(x), bufferOf(y));
        Array z = compile(in -> Vector.of(in.head().mul(10.0)), Vector.of(0), x).run(Vector.of(x)).head();
        assertArrayEquals(new float[] {10, 20}, z.toFloatArray(), 0f);
        assertArrayEquals(new float[] {1, 2}, y.toFloatArray(), 0f);
    }

    @Test
    void shouldNotOverwriteAConstantPassedAsADonatedArgument() {
        Array w = f32(Shape.of(2), 3, 4);
        Buffer held = bufferOf(w);
        Compiled c = compile(in -> Vector.of(in.head().add(w)), Vector.of(0), w);
        Array y = c.run(Vector.of(w)).head();
        assertArrayEquals(new float[] {6, 8}, y.toFloatArray(), 0f);
        assertArrayEquals(new float[] {3, 4}, Backends.cpu().download(held).f32(), 0f, "the constant's buffer is intact");
        assertThrows(DeletedArrayError.class, () -> c.run(Vector.of(f32(Shape.of(2), 1, 1))),
                "the program's constant was donated, and so deleted, by the first call");
    }
}
