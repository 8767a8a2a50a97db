package dev.jaxj.array;

import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Primitive.ScatterDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Arrays;

/**
 * Lowers NumPy index expressions to primitives, as JAX's {@code _rewriting_take} and
 * {@code _scatter_update} do.
 *
 * <p>Reads with only static entries (integers, slices, new axes) become {@code slice},
 * {@code rev} (negative steps), {@code squeeze} and {@code expand_dims}: no gather. Reads with
 * integer arrays, and every update, go through one gather or scatter ({@link GatherPlan}).
 * Negative positions in index arrays are wrapped with primitives, so traced indices work.
 */
final class Indexing {
    private Indexing() {}

    /** One of {@code Lax.scatter}, {@code Lax.scatterAdd}, …: how updates combine with the operand. */
    @FunctionalInterface
    interface Scatterer {
        Array apply(Array operand, Array indices, Array updates, ScatterDimensionNumbers dims, GatherScatterMode mode);
    }

    /** {@return the arguments of {@code get}/{@code at} as indices} */
    static Vector<Index> parse(Object[] index) {
        return index == null ? Vector.of(Index.of(null)) : Vector.of(index).map(Index::of);
    }

    /** {@return {@code x[index]}; {@code mode} says what gathers do with out-of-bounds array indices} */
    static Array get(String op, Array x, Seq<Index> index, GatherScatterMode mode) {
        Vector<Index> entries = IndexExpansion.expand(op, x.aval(), index);
        return IndexExpansion.isAdvanced(entries) ? GatherPlan.of(op, x, entries, false).gather(x, mode) : basic(x, entries);
    }

    /**
     * {@return {@code x} with {@code y} combined into {@code x[index]} by {@code fn}}; {@code y}
     * is cast to {@code x}'s dtype and broadcast to the indexed shape.
     */
    static Array update(String op, Array x, Seq<Index> index, Array y, Scatterer fn, GatherScatterMode mode) {
        Vector<Index> entries = IndexExpansion.expand(op, x.aval(), index);
        GatherPlan plan = GatherPlan.of(op, x, entries, mode == GatherScatterMode.FILL_OR_DROP);
        Shape target = plan.resultShape();
        if (!NumpyOps.broadcastsTo(y.shape(), target)) {
            throw new ShapeError(op, "updates must broadcast to the indexed shape " + target + ", got updates " + y.aval()
                    + " for " + x.aval() + IndexExpansion.show(index));
        }
        Array updates = NumpyOps.broadcastTo(Lax.convertElementType(y, x.dtype()), target);
        return plan.scatter(x, updates, fn, mode);
    }

    /** Static indexing: one strided slice, a reverse for negative steps, then integer axes out and new axes in. */
    private static Array basic(Array x, Vector<Index> entries) {
        int rank = x.ndim();
        int[] start = new int[rank], limit = x.shape().toArray(), stride = new int[rank];
        Arrays.fill(stride, 1);
        Vector<Integer> reversed = Vector.empty(), dropped = Vector.empty(), added = Vector.empty();
        int axis = 0, out = 0;
        for (Index e : entries) {
            switch (e) {
                case Index.NewAxis _ -> added = added.append(out++);
                case Index.Int(int v) -> {
                    start[axis] = v;
                    limit[axis] = v + 1;
                    dropped = dropped.append(axis++);
                }
                case Index.Slice s -> {
                    Index.Span sp = s.span(x.shape().dim(axis));
                    int last = sp.at(Math.max(sp.length() - 1, 0));
                    // A negative step reads the same positions upwards from the last one, then reverses them.
                    int lo = sp.length() == 0 ? 0 : Math.min(sp.start(), last);
                    start[axis] = lo;
                    limit[axis] = sp.length() == 0 ? 0 : Math.max(sp.start(), last) + 1;
                    stride[axis] = Math.abs(sp.step());
                    if (sp.step() < 0 && sp.length() > 1) reversed = reversed.append(axis);
                    axis++;
                    out++;
                }
                case Index.IntArray _, Index.Mask _, Index.Ellipsis _ -> throw new IllegalStateException("not static: " + entries);
            }
        }
        boolean whole = Arrays.stream(start).allMatch(s -> s == 0) && Arrays.equals(limit, x.shape().toArray())
                && Arrays.stream(stride).allMatch(s -> s == 1);
        Array y = whole ? x : Lax.slice(x, Vector.ofAll(start), Vector.ofAll(limit), Vector.ofAll(stride));
        return Lax.expandDims(Lax.squeeze(Lax.rev(y, reversed), dropped), added);
    }
}
