package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.Domain;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The reference side of the control-flow laws: loops unrolled in Java over eager operations
 * (static slices, Java {@code for} and {@code if}), examples taken one at a time, and the
 * comparison. None of it goes through a control-flow primitive or its rules.
 */
final class Loops {
    private Loops() {}

    /**
     * The relative tolerance between a control-flow primitive and its unrolled reference: the
     * primitive runs its bodies as compiled programs, whose fused transcendentals are a few ulps
     * from the eager kernels (as for {@code jit}, see {@link JitProperties}), and a loop carries
     * those differences through up to five steps and their derivatives.
     */
    static double tol(DType d) {
        return d == DType.F64 ? 1e-12 : 1e-5;
    }

    /** {@return {@code (a0, b0, xs1, xs2)}: a carry of {@code shape} and {@code length} inputs of {@code shape}, drawn from [-2, 2]} */
    static Vector<Array> loopInputs(Shape shape, DType dtype, int length, long seed) {
        Shape stacked = shape.insert(0, length);
        return Vector.ofAll(Domain.REAL.arrays(new SplittableRandom(seed), Vector.of(shape, shape, stacked, stacked), dtype));
    }

    /** {@return random arrays shaped and typed like {@code like}, drawn from [-2, 2]} (tangents, cotangents) */
    static Vector<Array> like(Seq<Array> like, long seed) {
        var rng = new SplittableRandom(seed);
        return Vector.ofAll(like).map(a -> Domain.REAL.arrays(rng, Vector.of(a.shape()), a.dtype()).head());
    }

    /** {@return step {@code k}'s input {@code (xs1[k], xs2[k])} of {@code (a0, b0, xs1, xs2)}} */
    static Tuple2<Array, Array> xAt(Seq<Array> in, int k) {
        return Tuple.of(VmapLoops.take(in.get(2), 0, k), VmapLoops.take(in.get(3), 0, k));
    }

    /** {@return {@code (a, b, ys1, ys2)}}: the body run over every step, last to first when {@code reverse}, ys in index order */
    static Vector<Array> scanUnrolled(LoopBody body, boolean reverse, Seq<Array> in) {
        int n = in.get(2).shape().dim(0);
        Tuple2<Array, Array> c = Tuple.of(in.get(0), in.get(1));
        Array[] ys1 = new Array[n], ys2 = new Array[n];
        for (int s = 0; s < n; s++) {
            int k = reverse ? n - 1 - s : s;
            var r = body.step(c, xAt(in, k));
            c = r._1;
            ys1[k] = r._2._1;
            ys2[k] = r._2._2;
        }
        ShapedArray y = ShapedArray.of(body.dtype(), body.shape());
        return Vector.of(c._1, c._2, VmapLoops.stack(Vector.of(ys1), 0, y), VmapLoops.stack(Vector.of(ys2), 0, y));
    }

    /** {@return the carry after the body ran over every step of {@code (xs1, xs2)} from {@code c}} */
    static Tuple2<Array, Array> scanUnrolledCarry(LoopBody body, Tuple2<Array, Array> c, Seq<Array> in) {
        for (int k = 0; k < in.get(2).shape().dim(0); k++) c = body.next(c, xAt(in, k));
        return c;
    }

    /**
     * {@return {@code f} applied to each example and the results stacked}: example {@code i} takes
     * slice {@code i} of the inputs that are {@code mapped} and the others whole.
     */
    static Vector<Array> perExample(Function<Vector<Array>, Vector<Array>> f, Seq<Array> in, Seq<Boolean> mapped, int n) {
        Seq<Vector<Array>> outs = Vector.range(0, n).map(i -> f.apply(Vector.range(0, in.size())
                .map(j -> mapped.get(j) ? VmapLoops.take(in.get(j), 0, i) : in.get(j))));
        return Vector.range(0, outs.head().size()).map(j -> VmapLoops.stack(outs.map(o -> o.get(j)), 0, outs.head().get(j).aval()));
    }

    /** {@return {@code in} with the {@code mapped} leaves replaced by {@code n} random examples stacked} */
    static Vector<Array> batched(Seq<Array> in, Seq<Boolean> mapped, int n, long seed) {
        var rng = new SplittableRandom(seed);
        return Vector.range(0, in.size()).map(j -> mapped.get(j)
                ? Domain.REAL.arrays(rng, Vector.of(in.get(j).shape().insert(0, n)), in.get(j).dtype()).head()
                : in.get(j));
    }

    /** {@return the leaves flattened and concatenated}: one array for gradient checks and inner products */
    static Array flat(Seq<Array> leaves) {
        return Lax.concatenate(leaves.map(a -> a.reshape(a.size())), 0);
    }

    /** Each leaf of {@code got} is within {@link #tol} of {@code want}'s (relative to {@code max(1, |want|)}). */
    static void assertAllClose(Seq<Array> want, Seq<Array> got, String what) {
        if (want.size() != got.size()) throw new AssertionError(what + ": " + want.size() + " leaves expected, got " + got.size());
        for (int j = 0; j < want.size(); j++) {
            VmapLoops.assertClose(want.get(j), got.get(j), tol(want.get(j).dtype()), what + ", leaf " + j);
        }
    }
}
