package dev.jaxj.control;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import dev.jaxj.lax.ScanOptions;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Loops and branches run eagerly and jitted through the same lowered programs; the buffers a
 * loop recycles (donated carries, slice buffers) must never clobber a value still in use. Every
 * expectation is an unrolled Java loop over doubles; the arithmetic is exact in f64.
 */
class ControlFlowExecutionTest {
    private static final int W = 4;

    private static Array xs(int n) {
        double[] v = new double[n * W];
        for (int i = 0; i < v.length; i++) v[i] = (i % 7) - 2.5;
        return Jnp.array(v, DType.F64, n, W);
    }

    private static Array vec(double... v) { return Jnp.array(v, DType.F64, v.length); }

    private static double[] row(double[] m, int i) { return java.util.Arrays.copyOfRange(m, i * W, (i + 1) * W); }

    /** Checks {@code f} eagerly and jitted against {@code expected}, output by output. */
    private static <P> void check(Function<P, Tuple2<Array, Array>> f, P in, double[] carry, double[] ys) {
        for (var g : java.util.List.of(f, Jax.jit(f))) {
            Tuple2<Array, Array> out = g.apply(in);
            assertArrayEquals(carry, out._1.toDoubleArray(), 0.0, g == f ? "eager carry" : "jitted carry");
            assertArrayEquals(ys, out._2.toDoubleArray(), 0.0, g == f ? "eager ys" : "jitted ys");
        }
    }

    @Test
    void aSliceThatBecomesTheCarryIsNotOverwrittenByTheNextSlice() {
        // carry' = x, y = 2c: the new carry lives in the slice's buffer.
        Array xs = xs(5);
        double[] x = xs.toDoubleArray(), ys = new double[5 * W], c = new double[W];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < W; j++) ys[i * W + j] = 2 * c[j];
            c = row(x, i);
        }
        check((Array a) -> {
            var r = Lax.scan((Array cc, Array xi) -> Tuple.of(xi, cc.mul(2.0)), Jnp.zeros(dev.jaxj.ir.Shape.of(W), DType.F64), a);
            return Tuple.of(r.carry(), r.ys());
        }, xs, c, ys);
    }

    @Test
    void aCapturedConstantPassedOnAsTheCarryIsNeverOverwritten() {
        Array w = vec(1, 2, 3, 4);
        Array xs = xs(6);
        double[] x = xs.toDoubleArray(), ys = new double[6 * W];
        for (int i = 0; i < 6; i++) for (int j = 0; j < W; j++) ys[i * W + j] = (i == 0 ? 0.5 : j + 1) + x[i * W + j];
        check((Array a) -> {
            var r = Lax.scan((Array cc, Array xi) -> Tuple.of(w.mul(1.0), cc.add(xi)), Jnp.full(dev.jaxj.ir.Shape.of(DType.F64, W), 0.5, DType.F64), a);
            return Tuple.of(r.carry(), r.ys());
        }, xs, new double[] {1, 2, 3, 4}, ys);
        assertArrayEquals(new double[] {1, 2, 3, 4}, w.toDoubleArray(), 0.0, "the constant survives the loop");
    }

    @Test
    void twoCarriesHoldingOneValueStayEqualAndTheReverseScanStacksInIndexOrder() {
        Array xs = xs(5);
        double[] x = xs.toDoubleArray(), a = new double[W], b = new double[W], ys = new double[5 * W];
        for (int i = 4; i >= 0; i--) {
            for (int j = 0; j < W; j++) {
                ys[i * W + j] = b[j];
                a[j] += x[i * W + j];
                b[j] = a[j];
            }
        }
        double[] expectedCarry = new double[2 * W];
        System.arraycopy(a, 0, expectedCarry, 0, W);
        System.arraycopy(b, 0, expectedCarry, W, W);
        check((Array in) -> {
            Array zero = Jnp.zeros(dev.jaxj.ir.Shape.of(W), DType.F64);
            var r = Lax.scan((Tuple2<Array, Array> c, Array xi) -> {
                Array s = c._1.add(xi);
                return Tuple.of(Tuple.of(s, s), c._2);
            }, Tuple.of(zero, zero), in, ScanOptions.DEFAULT.withReverse(true));
            return Tuple.of(Jnp.concatenate(io.vavr.collection.Vector.of(r.carry()._1, r.carry()._2), 0), r.ys());
        }, xs, expectedCarry, ys);
    }

    @Test
    void aScanOfLengthZeroReturnsItsInitialCarryUntouched() {
        Array init = vec(1, -2, 3, -4);
        check((Array in) -> {
            var r = Lax.scan((Array c, Array xi) -> Tuple.of(c.mul(xi), c), in, xs(0));
            return Tuple.of(r.carry(), r.ys());
        }, init, new double[] {1, -2, 3, -4}, new double[0]);
        assertArrayEquals(new double[] {1, -2, 3, -4}, init.toDoubleArray(), 0.0);
    }

    @Test
    void aWhileLoopAlternatesItsCarryThroughAThousandIterations() {
        // (i, v) -> (i + 1, v * 0.5 + i) while i < 1000.
        double[] v = {8, -8, 0.25, 3};
        for (int i = 0; i < 1000; i++) for (int j = 0; j < W; j++) v[j] = v[j] * 0.5 + i;
        check((Array in) -> {
            Tuple2<Array, Array> r = Lax.whileLoop((Tuple2<Array, Array> c) -> c._1.lt(1000.0),
                    c -> Tuple.of(c._1.add(1.0), c._2.mul(0.5).add(c._1)), Tuple.of(Jnp.scalar(0.0, DType.F64), in));
            return Tuple.of(r._2, r._1);
        }, vec(8, -8, 0.25, 3), v, new double[] {1000});
    }

    @Test
    void loopsAndBranchesNestInsideAScanBody() {
        // c' = x > 0 ? 2c : c - 1 (per scan step on a scalar x), y = three times c' by a fori loop.
        Array xs = Jnp.array(new double[] {1, -1, 2, -3, 0.5}, DType.F64, 5);
        double c = 1;
        double[] ys = new double[5];
        double[] x = xs.toDoubleArray();
        for (int i = 0; i < 5; i++) {
            c = x[i] > 0 ? 2 * c : c - 1;
            ys[i] = 3 * c;
        }
        check((Array in) -> {
            var r = Lax.scan((Array cc, Array xi) -> {
                Array next = Lax.cond(xi.gt(0.0), v -> v.mul(2.0), v -> v.sub(1.0), cc);
                Array y = Lax.foriLoop(0, 3, (i, acc) -> acc.add(next), Jnp.scalar(0.0, DType.F64));
                return Tuple.of(next, y);
            }, Jnp.scalar(1.0, DType.F64), in);
            return Tuple.of(r.carry(), r.ys());
        }, xs, new double[] {c}, ys);
    }
}
