package dev.jaxj.accel.cpu.jvm;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.compiler.kernel.Fusion;
import dev.jaxj.compiler.kernel.IndexMap;
import dev.jaxj.compiler.kernel.KernelProgram;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Generated loops against naive double-precision loops written out here. */
class JvmLoopsTest {
    private static final Random RNG = new Random(7);

    /** The single fused loop {@code j} lowers to. */
    private static Step.FusedLoop loopOf(Jaxpr j) {
        KernelProgram k = Fusion.lower(j.typecheck());
        assertEquals(1, k.steps().size(), k.toString());
        return (Step.FusedLoop) k.steps().head();
    }

    /** Runs the generated code of {@code f}; one output array per store. */
    private static Seq<float[]> generated(Step.FusedLoop f, float[]... inputs) {
        JvmLoops.CompiledLoop code = JvmLoops.compile(f).getOrElseThrow(() -> new AssertionError("not generated: " + f));
        Seq<HostData> in = Vector.of(inputs).map(HostData::own);
        Seq<HostData> out = f.outputs().map(v -> HostData.allocate(DType.F32, v.aval().size()));
        code.run(in, out);
        return out.map(HostData::f32);
    }

    private static float[] normal(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) RNG.nextGaussian();
        return x;
    }

    private static void assertClose(double expected, float actual, double relTol, String where) {
        double tol = relTol * Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tol, where + ": expected " + expected + ", got " + actual);
    }

    @Test
    void shouldEvaluateAFlatChainWithATailAcrossChunks() {
        // tanh(a*b + c) * 0.5 + a over a length that is neither a multiple of the lanes nor of the chunk
        int n = LoopLayout.CHUNK * 2 + 37;
        ShapedArray v = ShapedArray.of(DType.F32, n);
        Jaxpr j = Jaxpr.build(Vector.of(v, v, v), b -> {
            Var t = b.add(new Tanh(), b.add(new Add(), b.add(new Mul(), b.in(0), b.in(1)).head(), b.in(2)).head()).head();
            Var half = b.add(new BroadcastInDim(Shape.of(n), Vector.empty()), new Lit(0.5, ShapedArray.of(DType.F32))).head();
            return b.add(new Add(), b.add(new Mul(), t, half).head(), b.in(0));
        });
        float[] a = normal(n), bb = normal(n), c = normal(n);
        float[] y = generated(loopOf(j), a, bb, c).head();
        for (int i = 0; i < n; i++) assertClose(Math.tanh((double) a[i] * bb[i] + c[i]) * 0.5 + a[i], y[i], 1e-6, "y[" + i + "]");
    }

    @Test
    void shouldBroadcastABiasAlongRows() {
        // relu(x + bias[j]) over [5, 37]: the bias is one load per row position, x one flat row
        ShapedArray x = ShapedArray.of(DType.F32, 5, 37), bias = ShapedArray.of(DType.F32, 37);
        Jaxpr j = Jaxpr.build(Vector.of(x, bias), b -> {
            Var bb = b.add(new BroadcastInDim(Shape.of(5, 37), Vector.of(1)), b.in(1)).head();
            Var zero = b.add(new BroadcastInDim(Shape.of(5, 37), Vector.empty()), new Lit(0.0, ShapedArray.of(DType.F32))).head();
            return b.add(new Max(), b.add(new Add(), b.in(0), bb).head(), zero);
        });
        Step.FusedLoop f = loopOf(j);
        LoopLayout layout = LoopLayout.of(f).get();
        assertArrayEquals(new int[] {5}, layout.outerDims());
        assertEquals(37, layout.rowLength());
        float[] xs = normal(5 * 37), bs = normal(37);
        float[] y = generated(f, xs, bs).head();
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 37; k++) assertEquals(Math.max(0f, xs[i * 37 + k] + bs[k]), y[i * 37 + k], "y[" + i + "," + k + "]");
        }
    }

    @Test
    void shouldSweepRowsForASoftmaxAndReturnTheRowMax() {
        // rows longer than a reduction block, with a tail
        int rows = 3, cols = LoopEmitter.BLOCK + 21;
        ShapedArray x = ShapedArray.of(DType.F32, rows, cols);
        Jaxpr j = Jaxpr.build(Vector.of(x), b -> {
            Var m = b.add(new ReduceMax(Vector.of(1)), b.in(0)).head();
            Var e = b.add(new Exp(), b.add(new Sub(), b.in(0), b.add(new BroadcastInDim(Shape.of(rows, cols), Vector.of(0)), m).head()).head()).head();
            Var s = b.add(new ReduceSum(Vector.of(1)), e).head();
            return Vector.of(m, b.add(new Div(), e, b.add(new BroadcastInDim(Shape.of(rows, cols), Vector.of(0)), s).head()).head());
        });
        Step.FusedLoop f = loopOf(j);
        assertEquals(3, f.passes());
        float[] xs = normal(rows * cols);
        xs[cols + 5] = 40f;   // a large entry: the max must be subtracted for exp not to overflow
        Seq<float[]> out = generated(f, xs);
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int k = 0; k < cols; k++) max = Math.max(max, xs[r * cols + k]);
            for (int k = 0; k < cols; k++) sum += Math.exp(xs[r * cols + k] - max);
            assertEquals(max, out.get(0)[r], "max of row " + r);
            for (int k = 0; k < cols; k++) assertClose(Math.exp(xs[r * cols + k] - max) / sum, out.get(1)[r * cols + k], 1e-5, "softmax[" + r + "," + k + "]");
        }
    }

    @Test
    void shouldPropagateNaNThroughAMaxReduction() {
        ShapedArray x = ShapedArray.of(DType.F32, 2, 40);
        // max(-x): a lone reduction of an input is a library call, so the loop negates first
        Jaxpr j = Jaxpr.build(Vector.of(x), b -> b.add(new ReduceMax(Vector.of(1)), b.add(new Neg(), b.in(0)).head()));
        float[] xs = normal(80);
        xs[45] = Float.NaN;
        float[] m = generated(loopOf(j), xs).head();
        double first = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 40; k++) first = Math.max(first, -xs[k]);
        assertEquals((float) first, m[0]);
        assertTrue(Float.isNaN(m[1]), "a NaN in row 1 gives NaN, got " + m[1]);
    }

    @Test
    void shouldSelectWithComparisonMasks() {
        // the ReLU backward: select_n(x > 0, 0, g), and a sum over everything (rank-0 result)
        ShapedArray v = ShapedArray.of(DType.F32, 77);
        Jaxpr j = Jaxpr.build(Vector.of(v, v), b -> {
            Var zero = b.add(new BroadcastInDim(Shape.of(77), Vector.empty()), new Lit(0.0, ShapedArray.of(DType.F32))).head();
            Var positive = b.add(new Gt(), b.in(0), zero).head();
            Var g = b.add(new SelectN(), positive, zero, b.in(1)).head();
            return b.add(new ReduceSum(Vector.of(0)), g);
        });
        float[] x = normal(77), g = normal(77);
        double expected = 0;
        for (int i = 0; i < 77; i++) expected += x[i] > 0 ? g[i] : 0;
        assertClose(expected, generated(loopOf(j), x, g).head()[0], 1e-6, "sum");
    }

    @Test
    void shouldReadEveryInputBeforeWritingAnOutputOverIt() {
        // (2a, 2b) where the first output is written into b's buffer, as a plan reusing b does
        ShapedArray v = ShapedArray.of(DType.F32, 37);
        Jaxpr j = Jaxpr.build(Vector.of(v, v), b -> Vector.of(
                b.add(new Add(), b.in(0), b.in(0)).head(), b.add(new Add(), b.in(1), b.in(1)).head()));
        Step.FusedLoop f = loopOf(j);
        assertTrue(f.mayOverwriteInput(1));
        float[] a = normal(37), bs = normal(37), b0 = bs.clone(), second = new float[37];
        JvmLoops.compile(f).get().run(Vector.of(HostData.own(a), HostData.own(bs)), Vector.of(HostData.own(bs), HostData.own(second)));
        for (int i = 0; i < 37; i++) {
            assertEquals(2 * a[i], bs[i], "first output, in b's buffer");
            assertEquals(2 * b0[i], second[i], "second output reads b before it is overwritten");
        }
    }

    @Test
    void shouldReadRowSlicesAndRevsFromTheirOffsets() {
        // x[1:4, 2:9] * 2 - rev(x, 0)[0:3, 1:8] over x: [6, 11], and over a flat domain rev(v)[3:] + v[:-3]
        ShapedArray x = ShapedArray.of(DType.F32, 6, 11);
        Jaxpr j = Jaxpr.build(Vector.of(x), b -> {
            Var s = b.add(new Slice(Vector.of(1, 2), Vector.of(4, 9), Vector.of(1, 1)), b.in(0)).head();
            Var r = b.add(new Slice(Vector.of(0, 1), Vector.of(3, 8), Vector.of(1, 1)), b.add(new Rev(Vector.of(0)), b.in(0)).head()).head();
            Var two = b.add(new BroadcastInDim(Shape.of(3, 7), Vector.empty()), new Lit(2.0, ShapedArray.of(DType.F32))).head();
            return b.add(new Sub(), b.add(new Mul(), s, two).head(), r);
        });
        float[] xs = normal(6 * 11);
        float[] y = generated(loopOf(j), xs).head();
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 7; k++) assertEquals(xs[(i + 1) * 11 + k + 2] * 2f - xs[(5 - i) * 11 + k + 1], y[i * 7 + k], "y[" + i + "," + k + "]");
        }
        int n = LoopLayout.CHUNK + 5;
        ShapedArray v = ShapedArray.of(DType.F32, n);
        Jaxpr flat = Jaxpr.build(Vector.of(v), b -> {
            Var head = b.add(new Slice(Vector.of(0), Vector.of(n - 3), Vector.of(1)), b.in(0)).head();
            Var tail = b.add(new Slice(Vector.of(3), Vector.of(n), Vector.of(1)), b.in(0)).head();
            return b.add(new Add(), head, tail);
        });
        float[] vs = normal(n);
        float[] z = generated(loopOf(flat), vs).head();
        for (int i = 0; i < n - 3; i++) assertEquals(vs[i] + vs[i + 3], z[i], "z[" + i + "]");
    }

    @Test
    void shouldLeaveStridedRowsIotasAndBoundedLoadsToOthers() {
        Shape d = Shape.of(4, 6);
        ShapedArray m = ShapedArray.of(DType.F32, 4, 6);
        var strided = new Step.FusedLoop("strided", Vector.of(new Var(0, m)), d, 0,
                Vector.of(new Node.Load(0, IndexMap.affine(5, new int[] {6, -1}), m), new Node.Apply(new Neg(), Vector.of(0), m)),
                Vector.of(new Step.Store(1, new Var(1, m))));
        assertTrue(JvmLoops.compile(strided).isEmpty(), "a reversed row");
        var iota = new Step.FusedLoop("iota", Vector.empty(), d, 0,
                Vector.of(new Node.Iota(1, m), new Node.Apply(new Neg(), Vector.of(0), m)), Vector.of(new Step.Store(1, new Var(1, m))));
        assertTrue(JvmLoops.compile(iota).isEmpty(), "an iota");
        var bounded = new Step.FusedLoop("pad", Vector.of(new Var(0, ShapedArray.of(DType.F32, 4, 5))), d, 0,
                Vector.of(new Node.Constant(new Lit(0.0, ShapedArray.of(DType.F32)), m),
                        new Node.BoundedLoad(0, IndexMap.of(5, 1), Vector.of(Node.Bound.all(4), new Node.Bound(1, 1, 5)), 0, m),
                        new Node.Apply(new Neg(), Vector.of(1), m)),
                Vector.of(new Step.Store(2, new Var(1, m))));
        assertTrue(JvmLoops.compile(bounded).isEmpty(), "a bounded load");
    }

    /** Runs the generated code of {@code f} on storage arrays ({@code float[]} or {@code boolean[]}); one output per store. */
    private static Object[] generatedArrays(Step.FusedLoop f, Object... inputs) {
        JvmLoops.CompiledLoop code = JvmLoops.compile(f).getOrElseThrow(() -> new AssertionError("not generated: " + f));
        Object[] out = f.outputs().map(v -> HostData.allocate(v.aval().dtype(), v.aval().size()).array()).toJavaArray();
        code.run(inputs, out);
        return out;
    }

    @Test
    void shouldStoreComparisonsAsBooleansAndSelectWithLoadedOnes() {
        // m = a > b in one loop, then select_n(m, a, b) = min(a, b) in another, across chunks and a tail
        int n = LoopLayout.CHUNK * 2 + 37;
        ShapedArray v = ShapedArray.of(DType.F32, n), bools = ShapedArray.of(DType.BOOL, n);
        float[] a = normal(n), bb = normal(n);
        a[5] = bb[5];   // a tie: not greater
        boolean[] m = (boolean[]) generatedArrays(loopOf(Jaxpr.build(Vector.of(v, v), b -> b.add(new Gt(), b.in(0), b.in(1)))), a, bb)[0];
        for (int i = 0; i < n; i++) assertEquals(a[i] > bb[i], m[i], "m[" + i + "]");
        float[] y = (float[]) generatedArrays(loopOf(Jaxpr.build(Vector.of(bools, v, v), b -> b.add(new SelectN(), b.in(0), b.in(1), b.in(2)))), m, a, bb)[0];
        for (int i = 0; i < n; i++) assertEquals(Math.min(a[i], bb[i]), y[i], "y[" + i + "]");
    }

    @Test
    void shouldBroadcastBooleansAlongAndAcrossRows() {
        // select_n(p[i] & q[j], x, -x) over [5, 19]: p is constant along each row, q walks it
        ShapedArray x = ShapedArray.of(DType.F32, 5, 19);
        Jaxpr j = Jaxpr.build(Vector.of(ShapedArray.of(DType.BOOL, 5), ShapedArray.of(DType.BOOL, 19), x), b -> {
            Var p = b.add(new BroadcastInDim(Shape.of(5, 19), Vector.of(0)), b.in(0)).head();
            Var q = b.add(new BroadcastInDim(Shape.of(5, 19), Vector.of(1)), b.in(1)).head();
            Var both = b.add(new And(), p, q).head();
            return b.add(new SelectN(), both, b.in(2), b.add(new Neg(), b.in(2)).head());
        });
        boolean[] p = {true, false, true, true, false};
        boolean[] q = new boolean[19];
        for (int k = 0; k < 19; k++) q[k] = k % 3 != 1;
        float[] xs = normal(95);
        float[] y = (float[]) generatedArrays(loopOf(j), p, q, xs)[0];
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 19; c++) assertEquals(p[r] && q[c] ? -xs[r * 19 + c] : xs[r * 19 + c], y[r * 19 + c], "y[" + r + "," + c + "]");
        }
    }

    @Test
    void shouldLeaveLoopsItDoesNotCoverToTheInterpreter() {
        ShapedArray d = ShapedArray.of(DType.F64, 8);
        assertTrue(JvmLoops.compile(loopOf(Jaxpr.build(Vector.of(d), b -> b.add(new Sin(), b.in(0))))).isEmpty(), "f64");
        ShapedArray f = ShapedArray.of(DType.F32, 8);
        assertTrue(JvmLoops.compile(loopOf(Jaxpr.build(Vector.of(f), b -> b.add(new Floor(), b.in(0))))).isEmpty(), "floor has no vector op");
    }
}
