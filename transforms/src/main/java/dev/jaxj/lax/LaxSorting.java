package dev.jaxj.lax;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * {@code sort_key_val}, {@code top_k} and {@code approx_max_k}/{@code approx_min_k} on the
 * {@code sort} primitive, whose rules carry the values' derivatives and batching.
 */
final class LaxSorting {
    private LaxSorting() {}

    static Seq<Array> sortKeyVal(Array keys, Array values, int dimension, boolean isStable) {
        if (!keys.shape().equals(values.shape())) {
            throw new ShapeError("sort_key_val", "keys and values must have one shape, got " + NumpyOps.avals(Vector.of(keys, values)));
        }
        int d = NumpyOps.normalizeAxis("sort_key_val", dimension, keys.ndim());
        return Lax.sort(Vector.of(keys, values), d, isStable, 1);
    }

    /**
     * The {@code k} largest along the last axis, largest first, ties in index order (NaNs count
     * as largest), with their i32 indices.
     */
    static Seq<Array> topK(Array x, int k) {
        if (x.ndim() == 0) throw new ShapeError("top_k", "needs an operand of rank >= 1, got " + x.aval());
        return extreme("top_k", x, k, x.ndim() - 1, true);
    }

    /** JAX's approximate top-k; on the CPU it is exact, which meets every recall target. */
    static Seq<Array> approxK(String op, Array x, int k, int dimension, double recallTarget, boolean isMax) {
        if (!(recallTarget > 0 && recallTarget <= 1)) throw new ArgumentError(op, "recall_target must be in (0, 1], got " + recallTarget);
        if (x.ndim() == 0) throw new ShapeError(op, "needs an operand of rank >= 1, got " + x.aval());
        return extreme(op, x, k, NumpyOps.normalizeAxis(op, dimension, x.ndim()), isMax);
    }

    private static Seq<Array> extreme(String op, Array x, int k, int axis, boolean largest) {
        int n = x.shape().dim(axis);
        if (k < 0 || k > n) throw new ShapeError(op, "k must be in [0, " + n + "] (the size of axis " + axis + "), got k = " + k + " for " + x.aval());
        Array keys = x;
        Array iota = Lax.iota(DType.I32, x.shape(), axis);
        Seq<Integer> ax = Vector.of(axis);
        if (largest) {
            // Reversed before a stable ascending sort and after it: largest first, equal keys in index order.
            keys = Lax.rev(keys, ax);
            iota = Lax.rev(iota, ax);
        }
        Seq<Array> sorted = Lax.sort(Vector.of(keys, iota), axis, true, 1);
        if (largest) sorted = sorted.map(s -> Lax.rev(s, ax));
        return sorted.map(s -> LaxShaping.sliceInDim(s, 0, k, 1, axis));
    }
}
