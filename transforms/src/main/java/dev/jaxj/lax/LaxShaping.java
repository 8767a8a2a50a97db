package dev.jaxj.lax;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.GatherDimensionNumbers;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.Primitive.ScatterDimensionNumbers;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.UnaryOperator;

/**
 * {@code jax.lax}'s shape helpers built on the structural primitives: broadcasts, fills,
 * single-axis slices and updates, splits and {@code index_take}. Each follows JAX's index
 * conventions (negative static indices count from the end; dynamic ones are clamped).
 */
final class LaxShaping {
    private LaxShaping() {}

    static Array broadcast(Array x, Seq<Integer> sizes) {
        if (sizes.exists(s -> s < 0)) throw new ShapeError("broadcast", "sizes must be >= 0, got " + sizes.mkString("(", ", ", ")"));
        Shape shape = Shape.of(Vector.ofAll(sizes).appendAll(x.shape().toSeq()));
        return Lax.broadcastInDim(x, shape, Vector.range(sizes.size(), shape.rank()));
    }

    static Array broadcastToRank(Array x, int rank) {
        if (rank <= x.ndim()) return x;
        return broadcast(x, Vector.fill(rank - x.ndim(), 1));
    }

    /** Axes {@code [start, stop)} merged, the bounds read as a Python slice (negative from the end, clipped to the rank). */
    static Array collapse(Array x, int start, int stop) {
        int lo = sliceBound(start, x.ndim()), hi = sliceBound(stop, x.ndim());
        if (hi < lo) throw new ShapeError("collapse", "stop dimension " + stop + " comes before start " + start + ", got " + x.aval());
        Vector<Integer> dims = x.shape().toSeq();
        int merged = dims.slice(lo, hi).fold(1, (a, b) -> a * b);
        return Lax.reshape(x, Shape.of(dims.slice(0, lo).append(merged).appendAll(dims.slice(hi, dims.size()))));
    }

    private static int sliceBound(int i, int n) {
        return Math.clamp(i < 0 ? i + n : i, 0, n);
    }

    static Array full(Shape shape, Array fillValue) {
        if (fillValue.ndim() != 0) throw new ShapeError("full", "the fill value must be a scalar, got " + fillValue.aval());
        return Lax.broadcastInDim(fillValue, shape, Vector.empty());
    }

    static Array sliceInDim(Array x, int start, int limit, int stride, int axis) {
        String op = "slice_in_dim";
        int a = NumpyOps.normalizeAxis(op, axis, x.ndim());
        int n = x.shape().dim(a);
        int lo = start < 0 ? start + n : start, hi = limit < 0 ? limit + n : limit;
        if (lo < 0 || hi > n || lo > hi || stride < 1) {
            throw new ShapeError(op, "needs 0 <= start <= limit <= " + n + " and stride >= 1 on axis " + a
                    + ", got start " + start + ", limit " + limit + ", stride " + stride + " for " + x.aval());
        }
        Vector<Integer> starts = Vector.fill(x.ndim(), 0).update(a, lo);
        Vector<Integer> limits = x.shape().toSeq().update(a, hi);
        return Lax.slice(x, starts, limits, Vector.fill(x.ndim(), 1).update(a, stride));
    }

    static Array indexInDim(Array x, int index, int axis, boolean keepdims) {
        int a = NumpyOps.normalizeAxis("index_in_dim", axis, x.ndim());
        int n = x.shape().dim(a), i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) throw new ShapeError("index_in_dim", "index " + index + " is out of bounds for axis " + a + " of " + x.aval());
        Array s = sliceInDim(x, i, i + 1, 1, a);
        return keepdims ? s : Lax.squeeze(s, Vector.of(a));
    }

    static Array dynamicSliceInDim(Array x, Array start, int size, int axis) {
        int a = NumpyOps.normalizeAxis("dynamic_slice_in_dim", axis, x.ndim());
        Array index = scalarIndex("dynamic_slice_in_dim", start);
        Seq<Array> starts = Vector.range(0, x.ndim()).map(d -> d == a ? index : zeroLike(index));
        return Lax.dynamicSlice(x, starts, x.shape().toSeq().update(a, size));
    }

    static Array dynamicIndexInDim(Array x, Array index, int axis, boolean keepdims) {
        int a = NumpyOps.normalizeAxis("dynamic_index_in_dim", axis, x.ndim());
        Array s = dynamicSliceInDim(x, index, 1, a);
        return keepdims ? s : Lax.squeeze(s, Vector.of(a));
    }

    static Array dynamicUpdateSliceInDim(Array x, Array update, Array start, int axis) {
        int a = NumpyOps.normalizeAxis("dynamic_update_slice_in_dim", axis, x.ndim());
        Array index = scalarIndex("dynamic_update_slice_in_dim", start);
        return Lax.dynamicUpdateSlice(x, update, Vector.range(0, x.ndim()).map(d -> d == a ? index : zeroLike(index)));
    }

    static Array dynamicUpdateIndexInDim(Array x, Array update, Array index, int axis) {
        int a = NumpyOps.normalizeAxis("dynamic_update_index_in_dim", axis, x.ndim());
        // An update without the indexed axis gets it back, as JAX allows.
        Array u = update.ndim() == x.ndim() - 1 ? Lax.expandDims(update, Vector.of(a)) : update;
        return dynamicUpdateSliceInDim(x, u, index, a);
    }

    static Seq<Array> split(Array x, Seq<Integer> sizes, int axis) {
        int a = NumpyOps.normalizeAxis("split", axis, x.ndim());
        int total = sizes.fold(0, Integer::sum);
        if (sizes.exists(s -> s < 0) || total != x.shape().dim(a)) {
            throw new ShapeError("split", "sizes must be >= 0 and sum to the size " + x.shape().dim(a) + " of axis " + a
                    + ", got " + sizes.mkString("(", ", ", ")") + " for " + x.aval());
        }
        Vector<Array> parts = Vector.empty();
        int at = 0;
        for (int s : sizes) {
            parts = parts.append(sliceInDim(x, at, at + s, 1, a));
            at += s;
        }
        return parts;
    }

    /**
     * {@code src} at {@code idxs[0][i], idxs[1][i], …} on {@code axes}, for each {@code i}: the
     * result has the indices' length first, then the axes not indexed. Indices wrap modulo the
     * axis size, as JAX's {@code index_take} does.
     */
    static Array indexTake(Array src, Seq<Array> idxs, Seq<Integer> axes) {
        String op = "index_take";
        if (idxs.size() != axes.size() || idxs.isEmpty()) {
            throw new ArgumentError(op, "needs one index array per axis, got " + idxs.size() + " index arrays for axes " + axes.mkString("(", ", ", ")"));
        }
        Vector<Integer> ax = Vector.ofAll(axes).map(a -> NumpyOps.normalizeAxis(op, a, src.ndim()));
        if (ax.distinct().size() != ax.size()) throw new ArgumentError(op, "repeated axis in " + axes.mkString("(", ", ", ")"));
        Array first = idxs.head();
        for (Array i : idxs) {
            if (!i.dtype().isInteger() || i.ndim() != 1 || !i.shape().equals(first.shape())) {
                throw new ShapeError(op, "index arrays must be integer vectors of one length, got " + NumpyOps.avals(idxs));
            }
        }
        DType t = first.dtype();
        Vector<Array> columns = Vector.empty();
        for (int k = 0; k < ax.size(); k++) {
            Array i = Lax.convertElementType(idxs.get(k), t);
            Array m = NumpyOps.fullLike(i, src.shape().dim(ax.get(k)));
            // Floor modulo: negative indices count from the end.
            Array wrapped = Lax.rem(Lax.add(Lax.rem(i, m), m), m);
            columns = columns.append(Lax.expandDims(wrapped, Vector.of(1)));
        }
        Array indices = Lax.concatenate(columns, 1);
        Vector<Integer> sliceSizes = src.shape().toSeq();
        for (int a : ax) sliceSizes = sliceSizes.update(a, 1);
        var dims = new GatherDimensionNumbers(Vector.range(1, src.ndim() - ax.size() + 1), ax.sorted(), ax,
                Vector.empty(), Vector.empty());
        return Lax.gather(src, indices, dims, sliceSizes, GatherScatterMode.PROMISE_IN_BOUNDS);
    }

    /**
     * {@code operand} with {@code func} applied at the scattered positions, once per update that
     * lands there (so twice where two indices coincide), as {@code lax.scatter_apply}: the
     * positions' counts come from a scatter-add of ones, then a loop bounded by the number of
     * updates applies {@code func} where a count is not yet used up.
     */
    static Array scatterApply(Array operand, Array indices, UnaryOperator<Array> func, ScatterDimensionNumbers dims, Shape updateShape,
                              GatherScatterMode mode) {
        Array ones = Lax.full(updateShape, 1, DType.I32);
        Array counts = Lax.scatterAdd(Lax.full(operand.shape(), 0, DType.I32), indices, ones, dims, mode);
        int bound = Math.max(1, updateShape.size());
        Array most = Lax.reduceMax(counts, Vector.range(0, counts.ndim()));
        Tuple2<Array, Array> done = Lax.whileLoop((Tuple2<Array, Array> c) -> Lax.lt(c._1, most),
                c -> {
                    Array k = Lax.broadcastInDim(c._1, counts.shape(), Vector.empty());
                    Array applied = func.apply(c._2);
                    if (!applied.aval().equals(c._2.aval())) {
                        throw new ShapeError("scatter_apply", "func must keep the elements' aval " + c._2.aval() + ", got " + applied.aval());
                    }
                    return Tuple.of(Lax.add(c._1, Array.scalar(1, DType.I32)), Lax.select(Lax.gt(counts, k), applied, c._2));
                },
                Tuple.of(Array.scalar(0, DType.I32), operand), bound);
        return done._2;
    }

    private static Array scalarIndex(String op, Array i) {
        if (i.ndim() != 0 || !i.dtype().isInteger()) throw new DTypeError(op, "the index must be an integer scalar, got " + i.aval());
        return i;
    }

    private static Array zeroLike(Array i) {
        return NumpyOps.fullLike(i, 0);
    }
}
