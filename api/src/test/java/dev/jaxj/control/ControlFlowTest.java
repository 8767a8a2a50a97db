package dev.jaxj.control;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ControlFlowTypeError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import dev.jaxj.lax.ScanOptions;
import dev.jaxj.lax.ScanResult;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** The control-flow primitives against closed forms and Java loops, and their errors. */
class ControlFlowTest {
    private static Array f64(double... v) { return Jnp.array(v); }

    private static Array s64(double v) { return Jnp.scalar(v, DType.F64); }

    private static final Array XS = f64(0.5, -1.0, 2.0, 0.25, 1.5);

    /** An RNN-like recurrence: the carry is tanh(w c + x), the output w c x. */
    private static ScanResult<Array, Array> recurrence(Array w, boolean reverse) {
        return Lax.scan((Array c, Array x) -> Tuple.of(Lax.tanh(c.mul(w).add(x)), c.mul(w).mul(x)), s64(0.3), XS,
                ScanOptions.DEFAULT.withReverse(reverse));
    }

    private static Tuple2<Array, Array> unrolled(Array w, boolean reverse) {
        Array c = s64(0.3);
        Array[] ys = new Array[5];
        for (int k = 0; k < 5; k++) {
            int i = reverse ? 4 - k : k;
            ys[i] = c.mul(w).mul(XS.get(i));
            c = Lax.tanh(c.mul(w).add(XS.get(i)));
        }
        return Tuple.of(c, Jnp.stack(ys));
    }

    @Test
    void scanEqualsTheJavaLoopForwardAndReversed() {
        for (boolean reverse : new boolean[] {false, true}) {
            ScanResult<Array, Array> r = recurrence(s64(0.7), reverse);
            Tuple2<Array, Array> u = unrolled(s64(0.7), reverse);
            assertEquals(u._1.doubleValue(), r.carry().doubleValue(), 1e-15);
            assertArrayEquals(u._2.toDoubleArray(), r.ys().toDoubleArray(), 1e-15);
        }
    }

    @Test
    void gradientThroughScanMatchesTheLoopAndCentralDifferences() {
        Function<Array, Array> scanned = w -> recurrence(w, false).carry().add(recurrence(w, false).ys().sum());
        Function<Array, Array> loop = w -> unrolled(w, false)._1.add(unrolled(w, false)._2.sum());
        double g = Jax.grad(scanned).apply(s64(0.7)).doubleValue();
        assertEquals(Jax.grad(loop).apply(s64(0.7)).doubleValue(), g, 1e-13);
        double eps = 1e-6;
        double fd = (scanned.apply(s64(0.7 + eps)).doubleValue() - scanned.apply(s64(0.7 - eps)).doubleValue()) / (2 * eps);
        assertEquals(fd, g, 1e-8);
        assertEquals(g, Jax.jit(Jax.grad(scanned)).apply(s64(0.7)).doubleValue(), 1e-13);
        assertEquals(g, Jax.jvp(scanned, s64(0.7), s64(1)).tangent().doubleValue(), 1e-13);
    }

    @Test
    void scanUnderVmapMapsEachExample() {
        Array ws = f64(0.1, 0.7, -0.4);
        Array batched = Jax.vmap((Array w) -> recurrence(w, false).ys()).apply(ws);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(unrolled(ws.get(i), false)._2.toDoubleArray(), batched.get(i).toDoubleArray(), 1e-15);
        }
    }

    record Carry(Array sum, Array count) {}

    @Test
    void pytreeCarriesAndWeakTypedInitialValues() {
        // The count starts as a weak Java int and becomes i32: the weak type is unified, as in JAX.
        ScanResult<Carry, Array> r = Lax.scan((Carry c, Array x) -> Tuple.of(new Carry(c.sum().add(x), c.count().add(1)), c.sum()),
                new Carry(s64(0), Array.scalar(0L)), XS);
        assertEquals(3.25, r.carry().sum().doubleValue(), 0);
        assertEquals(5, r.carry().count().longValue());
        assertArrayEquals(new double[] {0, 0.5, -0.5, 1.5, 1.75}, r.ys().toDoubleArray(), 0);
    }

    @Test
    void scanWithoutXsTakesALength() {
        Array pow = Lax.scan((Array c, Object x) -> Tuple.of(c.mul(2.0), null), s64(1), null, ScanOptions.length(10)).carry();
        assertEquals(1024, pow.doubleValue(), 0);
        assertThrows(ArgumentError.class, () -> Lax.scan((Array c, Object x) -> Tuple.of(c, null), s64(1), null));
    }

    @Test
    void condTakesOneBranchAndDifferentiatesIt() {
        Function<Array, Array> f = x -> Lax.cond(x.gt(0.0), v -> v.mul(v).mul(v), v -> Lax.sin(v), x);
        assertEquals(8, f.apply(s64(2)).doubleValue(), 0);
        assertEquals(Math.sin(-2), f.apply(s64(-2)).doubleValue(), 1e-15);
        assertEquals(12, Jax.grad(f).apply(s64(2)).doubleValue(), 1e-13);
        assertEquals(Math.cos(-2), Jax.grad(f).apply(s64(-2)).doubleValue(), 1e-13);
        assertEquals(Math.cos(-2), Jax.jit(Jax.grad(f)).apply(s64(-2)).doubleValue(), 1e-13);
        Array both = Jax.vmap(Jax.grad(f)).apply(f64(2, -2));
        assertArrayEquals(new double[] {12, Math.cos(-2)}, both.toDoubleArray(), 1e-13);
    }

    @Test
    void switchClampsItsIndex() {
        Seq<Function<Array, Array>> branches = Vector.of(x -> x.add(1.0), x -> x.mul(10.0), x -> x.neg());
        double[] expected = {3, 3, 20, -2, -2};
        int[] index = {-5, 0, 1, 2, 9};
        for (int i = 0; i < index.length; i++) {
            assertEquals(expected[i], Lax.switchCase(Jnp.scalar(index[i], DType.I32), branches, s64(2)).doubleValue(), 0);
        }
    }

    @Test
    void condCapturesOuterValuesAsOperands() {
        // The gradient flows to w, which the branches only capture.
        Function<Array, Array> f = w -> Lax.cond(Jnp.scalar(1, DType.I32), (Array v) -> v.mul(w), v -> v, s64(3));
        assertEquals(3, Jax.grad(f).apply(s64(5)).doubleValue(), 0);
    }

    @Test
    void whileLoopRunsUntilThePredicateFails() {
        Array n = Lax.whileLoop((Array i) -> i.lt(10), i -> i.add(3), Jnp.scalar(0, DType.I32));
        assertEquals(12, n.longValue());
        Array batched = Jax.vmap((Array x) -> Lax.whileLoop((Array v) -> v.lt(10.0), v -> v.mul(2.0), x)).apply(f64(1, 3, 20));
        assertArrayEquals(new double[] {16, 12, 20}, batched.toDoubleArray(), 0);
    }

    @Test
    void boundedWhileLoopDifferentiatesInReverseMode() {
        // x·1.5^n with n the first count reaching 10: d/dx = 1.5^n.
        Function<Array, Array> f = x -> Lax.whileLoop((Array v) -> v.lt(10.0), v -> v.mul(1.5), x, 50);
        assertEquals(Math.pow(1.5, 7), Jax.grad(f).apply(s64(0.7)).doubleValue(), 1e-12);
        assertEquals(Math.pow(1.5, 7), Jax.jit(Jax.grad(f)).apply(s64(0.7)).doubleValue(), 1e-12);
        // The bound stops the loop early.
        assertEquals(0.7 * 1.5 * 1.5, Lax.whileLoop((Array v) -> v.lt(10.0), v -> v.mul(1.5), s64(0.7), 2).doubleValue(), 1e-15);
    }

    @Test
    void unboundedWhileLoopNamesTheBoundedOverloadInReverseMode() {
        Function<Array, Array> f = x -> Lax.whileLoop((Array v) -> v.lt(10.0), v -> v.mul(1.5), x);
        assertEquals(Math.pow(1.5, 7), Jax.jvp(f, s64(0.7), s64(1)).tangent().doubleValue(), 1e-12);
        NotDifferentiable e = assertThrows(NotDifferentiable.class, () -> Jax.grad(f).apply(s64(0.7)));
        assertTrue(e.getMessage().contains("maxSteps"), e.getMessage());
    }

    @Test
    void foriLoopWithStaticAndTracedBounds() {
        assertEquals(45, Lax.foriLoop(0, 10, (i, acc) -> acc.add(i), Jnp.scalar(0, DType.I32)).longValue());
        assertEquals(45, Lax.foriLoop(Jnp.scalar(0, DType.I32), Jnp.scalar(10, DType.I32), (i, acc) -> acc.add(i), Jnp.scalar(0, DType.I32)).longValue());
        // d/dx of x^(2^4) by repeated squaring.
        Function<Array, Array> f = x -> Lax.foriLoop(0, 4, (i, v) -> v.mul(v), x);
        assertEquals(16 * Math.pow(1.1, 15), Jax.grad(f).apply(s64(1.1)).doubleValue(), 1e-10);
    }

    @Test
    void mapAppliesToEachRow() {
        Array m = Jnp.array(new double[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new double[] {3, 7}, Lax.map((Array row) -> row.sum(), m).toDoubleArray(), 0);
    }

    @Test
    void controlFlowStaysControlFlowInThePrintedProgram() {
        String text = Jax.makeJaxpr((Array w) -> recurrence(w, false).carry(), s64(0.7)).toString();
        assertTrue(text.contains("scan["), text);
        assertFalse(text.contains("tanh b") && text.split("tanh").length > 2, "the body appears once: " + text);
    }

    @Test
    void aCarryThatChangesItsAvalNamesTheLeaf() {
        ControlFlowTypeError e = assertThrows(ControlFlowTypeError.class, () -> Lax.scan(
                (Carry c, Array x) -> Tuple.of(new Carry(c.sum().reshape(1), c.count()), x), new Carry(s64(0), s64(0)), XS));
        assertTrue(e.getMessage().contains("sum") && e.getMessage().contains("f64[1]"), e.getMessage());
        assertThrows(ControlFlowTypeError.class, () -> Lax.whileLoop((Array v) -> v.lt(1.0), v -> v.astype(DType.F32), s64(0)));
    }

    @Test
    void branchesThatDisagreeAreRejected() {
        assertThrows(ControlFlowTypeError.class, () -> Lax.cond(Array.scalar(true), (Array v) -> v, v -> v.sum(), f64(1, 2)));
        assertThrows(ControlFlowTypeError.class, () -> Lax.cond(Array.scalar(true), (Array v) -> Tuple.of(v, v), v -> Tuple.of(v, v.sum()), f64(1, 2)));
    }

    @Test
    void badPredicatesAndLengthsAreRejected() {
        assertThrows(ShapeError.class, () -> Lax.cond(Jnp.ones(2).gt(0.0), (Array v) -> v, v -> v, s64(1)));
        assertThrows(DTypeError.class, () -> Lax.cond(s64(1), (Array v) -> v, v -> v, s64(1)));
        assertThrows(DTypeError.class, () -> Lax.whileLoop((Array v) -> v, v -> v, s64(1)));
        assertThrows(ShapeError.class, () -> Lax.scan((Array c, Tuple2<Array, Array> x) -> Tuple.of(c, c),
                s64(0), Tuple.of(Jnp.ones(3), Jnp.ones(4))));
    }
}
