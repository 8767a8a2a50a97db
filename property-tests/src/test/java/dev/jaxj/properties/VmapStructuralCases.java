package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Primitive.GatherDimensionNumbers;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Primitive.PadConfig;
import dev.jaxj.ir.Primitive.ScatterDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.properties.VmapCase.Draw;
import dev.jaxj.properties.VmapCase.Instance;
import dev.jaxj.properties.VmapCase.Operand;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.properties.VmapCase.Operand.*;

/** Rows of the vmap table for the data-movement primitives, indexed ones included. */
final class VmapStructuralCases {
    private VmapStructuralCases() {}

    static Seq<VmapCase> all() {
        return Vector.of(
                new VmapCase("broadcast_in_dim", VmapStructuralCases::broadcastInDim),
                new VmapCase("reshape", d -> {
                    Shape s = d.shape();
                    Shape to = d.pick(Vector.of(Shape.of(s.size()), Shape.of(s.toSeq().reverse()), s.insert(d.between(0, s.rank()), 1)));
                    return Instance.of(Vector.of(real(s)), xs -> Lax.reshape(xs.head(), to));
                }),
                new VmapCase("transpose", d -> {
                    Shape s = d.shape();
                    Seq<Integer> perm = d.permutation(s.rank());
                    return Instance.of(Vector.of(real(s)), xs -> Lax.transpose(xs.head(), perm));
                }),
                new VmapCase("squeeze", d -> {
                    Shape s = d.shape();
                    Seq<Integer> ones = d.subset(s.rank() + 2).filter(i -> i <= s.rank());
                    Shape with = s;
                    for (int i : ones) with = with.insert(i, 1);
                    Shape padded = with;
                    Seq<Integer> axes = Vector.range(0, padded.rank()).filter(i -> padded.dim(i) == 1 && d.coin());
                    return Instance.of(Vector.of(real(padded)), xs -> Lax.squeeze(xs.head(), axes));
                }),
                new VmapCase("expand_dims", d -> {
                    Shape s = d.shape();
                    Seq<Integer> dims = d.subset(s.rank() + 2).filter(i -> i < s.rank() + 1);
                    Seq<Integer> at = dims.isEmpty() ? Vector.of(0) : dims;
                    return Instance.of(Vector.of(real(s)), xs -> Lax.expandDims(xs.head(), at));
                }),
                new VmapCase("rev", d -> {
                    Shape s = d.shape();
                    Seq<Integer> axes = d.subset(s.rank());
                    return Instance.of(Vector.of(real(s)), xs -> Lax.rev(xs.head(), axes));
                }),
                new VmapCase("slice", d -> {
                    Shape s = d.shape();
                    Vector<Integer> start = Vector.range(0, s.rank()).map(i -> d.between(0, s.dim(i)));
                    Vector<Integer> limit = Vector.range(0, s.rank()).map(i -> d.between(start.get(i), s.dim(i)));
                    Vector<Integer> strides = Vector.range(0, s.rank()).map(i -> d.between(1, 2));
                    return Instance.of(Vector.of(real(s)), xs -> Lax.slice(xs.head(), start, limit, strides));
                }),
                new VmapCase("dynamic_slice", d -> {
                    Shape s = d.shape();
                    Seq<Integer> sizes = Vector.range(0, s.rank()).map(i -> d.between(0, s.dim(i)));
                    // Starts outside the operand are clamped.
                    Seq<Operand> starts = Vector.range(0, s.rank()).map(i -> index(-2, s.dim(i) + 2));
                    return Instance.of(starts.prepend(real(s)), xs -> Lax.dynamicSlice(xs.head(), xs.tail(), sizes));
                }),
                new VmapCase("dynamic_update_slice", d -> {
                    Shape s = d.shape();
                    Shape u = Shape.of(Vector.range(0, s.rank()).map(i -> d.between(0, s.dim(i))));
                    Seq<Operand> starts = Vector.range(0, s.rank()).map(i -> index(-2, s.dim(i) + 2));
                    return Instance.of(starts.prepend(real(u)).prepend(real(s)), xs -> Lax.dynamicUpdateSlice(xs.get(0), xs.get(1), xs.drop(2)));
                }),
                new VmapCase("concatenate", d -> {
                    Shape s = d.shape(1, 3, 0, 4);
                    int dim = d.between(0, s.rank() - 1);
                    Seq<Operand> parts = Vector.range(0, d.between(1, 3)).map(i -> real(s.with(dim, d.between(0, 3))));
                    return Instance.of(parts, xs -> Lax.concatenate(xs, dim));
                }),
                new VmapCase("pad", d -> {
                    Shape s = d.shape();
                    Seq<PadConfig> config = Vector.range(0, s.rank()).map(i -> {
                        int interior = d.between(0, 2), grown = s.dim(i) + Math.max(0, s.dim(i) - 1) * interior;
                        return new PadConfig(Math.max(d.between(-1, 2), -grown), d.between(0, 2), interior);
                    });
                    return Instance.of(Vector.of(real(s), real(Shape.SCALAR)), xs -> Lax.pad(xs.get(0), xs.get(1), config));
                }),
                new VmapCase("gather (rows)", VmapStructuralCases::gatherRows),
                new VmapCase("gather (windows)", VmapStructuralCases::gatherWindows),
                new VmapCase("gather (batching dims)", VmapStructuralCases::gatherAlongAxis),
                scatter("scatter", Lax::scatter),
                scatter("scatter_add", Lax::scatterAdd),
                scatter("scatter_mul", Lax::scatterMul),
                scatter("scatter_min", Lax::scatterMin),
                scatter("scatter_max", Lax::scatterMax));
    }

    private static Instance broadcastInDim(Draw d) {
        Shape s = d.shape();
        int extra = d.between(0, 2);
        Vector<Integer> bd = d.permutation(s.rank() + extra).take(s.rank()).sorted();
        int[] out = new int[s.rank() + extra];
        for (int i = 0; i < out.length; i++) {
            int k = bd.indexOf(i);
            out[i] = k < 0 ? d.between(0, 3) : s.dim(k) == 1 ? d.between(1, 3) : s.dim(k);
        }
        return Instance.of(Vector.of(real(s)), xs -> Lax.broadcastInDim(xs.head(), Shape.of(out), bd));
    }

    private static GatherScatterMode mode(Draw d) {
        return d.pick(Vector.of(GatherScatterMode.CLIP, GatherScatterMode.FILL_OR_DROP));
    }

    /** {@code x[idx]} along axis 0: operand {@code [n, rest…]}, indices {@code [k…, 1]} with 0 to 2 batch axes. */
    private static Instance gatherRows(Draw d) {
        Shape rest = d.shape(0, 2, 0, 3);
        int n = d.between(1, 4);
        Shape idx = d.shape(0, 2, 0, 3);
        var dn = new GatherDimensionNumbers(Vector.range(idx.rank(), idx.rank() + rest.rank()), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
        Seq<Integer> sizes = rest.toSeq().prepend(1);
        GatherScatterMode mode = mode(d);
        return Instance.of(Vector.of(real(rest.insert(0, n)), ints(idx.insert(idx.rank(), 1), -1, n + 1)),
                xs -> Lax.gather(xs.get(0), xs.get(1), dn, sizes, mode));
    }

    /** Windows of a {@code [n, m]} operand starting at 2-d indices {@code [k, 2]}. */
    private static Instance gatherWindows(Draw d) {
        int n = d.between(0, 4), m = d.between(0, 4), k = d.between(0, 3);
        Seq<Integer> sizes = Vector.of(d.between(0, n), d.between(0, m));
        var dn = new GatherDimensionNumbers(Vector.of(1, 2), Vector.empty(), Vector.of(0, 1), Vector.empty(), Vector.empty());
        GatherScatterMode mode = mode(d);
        return Instance.of(Vector.of(real(Shape.of(n, m)), ints(Shape.of(k, 2), -1, 5)), xs -> Lax.gather(xs.get(0), xs.get(1), dn, sizes, mode));
    }

    /** {@code take_along_axis}: operand {@code [a, n]}, indices {@code [a, k, 1]}, operand axis 0 batching indices axis 0. */
    private static Instance gatherAlongAxis(Draw d) {
        int a = d.between(1, 3), n = d.between(1, 4), k = d.between(0, 3);
        var dn = new GatherDimensionNumbers(Vector.empty(), Vector.of(1), Vector.of(1), Vector.of(0), Vector.of(0));
        GatherScatterMode mode = mode(d);
        return Instance.of(Vector.of(real(Shape.of(a, n)), ints(Shape.of(a, k, 1), -1, n + 1)),
                xs -> Lax.gather(xs.get(0), xs.get(1), dn, Vector.of(1, 1), mode));
    }

    /** Row updates {@code [k…, rest…]} of an operand {@code [n, rest…]}, or with operand and indices batching dims. */
    @FunctionalInterface
    private interface ScatterOp {
        Array apply(Array operand, Array indices, Array updates, ScatterDimensionNumbers dn, GatherScatterMode mode);
    }

    private static VmapCase scatter(String name, ScatterOp op) {
        return new VmapCase(name, d -> {
            Shape rest = d.shape(0, 2, 0, 3);
            int n = d.between(1, 4);
            boolean batching = d.coin();
            int a = d.between(0, 3);
            Shape idx = batching ? Shape.of(a, d.between(0, 3)) : d.shape(0, 2, 0, 3);
            int batchRank = idx.rank();
            Shape operand = batching ? rest.insert(0, n).insert(0, a) : rest.insert(0, n);
            var dn = batching
                    ? new ScatterDimensionNumbers(Vector.range(batchRank, batchRank + rest.rank()), Vector.of(1), Vector.of(1), Vector.of(0), Vector.of(0))
                    : new ScatterDimensionNumbers(Vector.range(batchRank, batchRank + rest.rank()), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
            Shape updates = Shape.of(idx.toSeq().appendAll(rest.toSeq()));
            GatherScatterMode mode = mode(d);
            return Instance.of(Vector.of(real(operand), ints(idx.insert(idx.rank(), 1), -1, n + 1), real(updates)),
                    xs -> op.apply(xs.get(0), xs.get(1), xs.get(2), dn, mode));
        });
    }
}
