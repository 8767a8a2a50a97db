package dev.jaxj.transforms.vmap;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reference for the batching tests: a function applied one example at a time (slices taken
 * with {@code slice} and {@code squeeze}), its results stacked with {@code concatenate}. It
 * shares no code with the batching rules.
 */
final class Stacking {
    private Stacking() {}

    static Array f32(Random r, int... dims) {
        float[] v = new float[Shape.of(dims).size()];
        for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextInt(41) - 20) / 8;
        return Array.fromHost(ShapedArray.of(DType.F32, dims), HostData.own(v));
    }

    static Array i32(Random r, int bound, int... dims) {
        int[] v = new int[Shape.of(dims).size()];
        for (int i = 0; i < v.length; i++) v[i] = r.nextInt(bound);
        return Array.fromHost(ShapedArray.of(DType.I32, dims), HostData.own(DType.I32, v));
    }

    /** {@return example {@code i} of {@code x} along {@code axis}} */
    static Array take(Array x, int axis, int i) {
        Vector<Integer> start = Vector.fill(x.ndim(), 0).update(axis, i);
        Vector<Integer> limit = x.shape().toSeq().update(axis, i + 1);
        return Lax.squeeze(Lax.slice(x, start, limit, Vector.fill(x.ndim(), 1)), Vector.of(axis));
    }

    /** {@return the examples stacked along a new {@code axis}} (a zero-size axis for none, shaped like {@code like}) */
    static Array stack(Seq<Array> xs, int axis, ShapedArray like) {
        if (xs.isEmpty()) return Lax.broadcastInDim(Array.scalar(0, like.dtype()), like.shape().insert(axis, 0), Vector.empty());
        return Lax.concatenate(xs.map(x -> Lax.expandDims(x, Vector.of(axis))), axis);
    }

    /** {@return {@code f} applied to each example and stacked}: what {@code vmap(f)} must equal */
    static Seq<Array> loop(Function<Seq<Array>, Seq<Array>> f, Seq<Array> args, Seq<Option<Integer>> inAxes, int size, int outAxis) {
        Seq<Seq<Array>> perExample = Vector.range(0, size).map(i -> f.apply(Vector.range(0, args.size()).map(k -> inAxes.get(k)
                .map(a -> take(args.get(k), a < 0 ? a + args.get(k).ndim() : a, i)).getOrElse(args.get(k)))));
        // One unbatched call gives the output avals, also when there are no examples.
        Seq<ShapedArray> avals = size > 0 ? perExample.head().map(Array::aval) : outAvals(f, args, inAxes);
        return Vector.range(0, avals.size()).map(j -> {
            int rank = avals.get(j).rank() + 1;
            return stack(perExample.map(o -> o.get(j)), outAxis < 0 ? outAxis + rank : outAxis, avals.get(j));
        });
    }

    private static Seq<ShapedArray> outAvals(Function<Seq<Array>, Seq<Array>> f, Seq<Array> args, Seq<Option<Integer>> inAxes) {
        Seq<Array> zeros = Vector.range(0, args.size()).map(k -> inAxes.get(k).map(a -> {
            Shape s = args.get(k).shape().without(a < 0 ? a + args.get(k).ndim() : a);
            return Lax.broadcastInDim(Array.scalar(0, args.get(k).dtype()), s, Vector.empty());
        }).getOrElse(args.get(k)));
        return f.apply(zeros).map(Array::aval);
    }

    /** Checks {@code vmap(f)} against {@link #loop}, every output mapped to {@code outAxis}. */
    static Seq<Array> check(Function<Seq<Array>, Seq<Array>> f, Seq<Array> args, Seq<Option<Integer>> inAxes, int outAxis) {
        int size = Vector.range(0, args.size()).filter(k -> inAxes.get(k).isDefined())
                .map(k -> args.get(k).shape().dim(inAxes.get(k).get())).head();
        Seq<Array> got = Vmap.vmap(f, inAxes, Vmap.OutAxes.all(Option.some(outAxis)), Option.none()).apply(args);
        Seq<Array> want = loop(f, args, inAxes, size, outAxis);
        assertEquals(want.size(), got.size(), "number of outputs");
        for (int j = 0; j < want.size(); j++) assertClose(want.get(j), got.get(j));
        return got;
    }

    /** An argument that is the same for every example. */
    static final Option<Integer> UNMAPPED = Option.none();

    /** {@return an argument mapped along {@code axis}} */
    static Option<Integer> at(int axis) {
        return Option.some(axis);
    }

    /** Equal shapes and dtypes, and values within a few ulps (a batched reduction may add in another order). */
    static void assertClose(Array want, Array got) {
        assertEquals(want.aval().strong(), got.aval().strong(), "aval");
        if (!want.dtype().isFloating()) {
            assertArrayEquals(want.toLongArray(), got.toLongArray(), "values of " + got.aval());
            return;
        }
        double[] w = want.toDoubleArray(), g = got.toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            if (Double.isNaN(w[i])) {
                assertEquals(Double.NaN, g[i], "element " + i);
                continue;
            }
            assertEquals(w[i], g[i], 1e-5 * Math.max(1, Math.abs(w[i])), "element " + i + " of " + got.aval());
        }
    }
}
