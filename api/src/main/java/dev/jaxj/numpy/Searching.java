package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.array.Take;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.numpy.Operands.fullLike;

/**
 * Searching and partial sorting: {@code searchsorted}, {@code digitize}, {@code lexsort},
 * {@code partition}, {@code argpartition}. Comparisons order NaN after every number, as
 * {@code sort} does, so that a sorted array with NaNs at its end is searched consistently.
 */
public final class Searching {
    private Searching() {}

    /** {@return {@code x < y} in sort order: NaN is greater than every number} */
    static Array sortLess(Array x, Array y) {
        if (!x.dtype().isFloating()) return Lax.lt(x, y);
        return Lax.or(Lax.lt(x, y), Lax.and(Lax.eq(x, x), Lax.ne(y, y)));
    }

    /**
     * Insertion points (i32, shaped like {@code v}) of {@code v} into the sorted 1-d {@code a}:
     * the first {@code i} with {@code v <= a[i]} ({@code right == false}) or {@code v < a[i]}.
     * A binary search of {@code bitLength(n)} unrolled steps, each one gather of {@code a}.
     */
    public static Array searchsorted(Array a, Array v, boolean right) {
        String op = "searchsorted";
        if (a.ndim() != 1) throw new ShapeError(op, "a must be 1-d, got " + Operands.avals(a, v));
        Vector<Array> p = NumpyOps.promote(op, Promotion.Kind.ANY, Vector.of(a, v)).toVector();
        Array s = p.get(0), x = p.get(1);
        int n = s.shape().dim(0);
        Array lo = Lax.broadcastInDim(Array.scalar(0, DType.I32), x.shape(), Vector.empty());
        Array hi = fullLike(lo, n);
        if (n == 0) return lo;
        Array one = fullLike(lo, 1);
        for (int step = 32 - Integer.numberOfLeadingZeros(n); step > 0; step--) {
            Array mid = Lax.shiftRightLogical(Lax.add(lo, hi), one);
            Array am = Take.take(s, Lax.min(mid, fullLike(mid, n - 1)), 0, Take.Mode.CLIP);
            Array goRight = right ? Lax.not(sortLess(x, am)) : sortLess(am, x);
            Array active = Lax.lt(lo, hi);
            lo = Lax.select(Lax.and(active, goRight), Lax.add(mid, one), lo);
            hi = Lax.select(Lax.and(active, Lax.not(goRight)), mid, hi);
        }
        return lo;
    }

    /**
     * The index of the bin of each {@code x} (i32): bins increasing or decreasing, 0 below the
     * first edge and {@code len(bins)} above the last; {@code right} puts an edge in the bin to its left.
     */
    public static Array digitize(Array x, Array bins, boolean right) {
        if (bins.ndim() != 1) throw new ShapeError("digitize", "bins must be 1-d, got " + Operands.avals(x, bins));
        int n = bins.shape().dim(0);
        if (n == 0) return Lax.broadcastInDim(Array.scalar(0, DType.I32), x.shape(), Vector.empty());
        Array up = searchsorted(bins, x, !right);
        Array down = Lax.sub(fullLike(up, n), searchsorted(Lax.rev(bins, Vector.of(0)), x, !right));
        Array first = Take.take(bins, Array.scalar(0, DType.I32), 0, Take.Mode.CLIP);
        Array lastEdge = Take.take(bins, Array.scalar(n - 1, DType.I32), 0, Take.Mode.CLIP);
        Array increasing = Lax.broadcastInDim(Lax.ge(lastEdge, first), up.shape(), Vector.empty());
        return Lax.select(increasing, up, down);
    }

    /**
     * The i32 indices that sort by several keys of one shape along {@code axis}: the last key
     * is the primary one, earlier keys break its ties, and equal rows keep their order.
     */
    public static Array lexsort(Seq<Array> keys, int axis) {
        String op = "lexsort";
        if (keys.isEmpty()) throw new ArgumentError(op, "needs at least one key");
        Array k0 = keys.head();
        for (Array k : keys) {
            if (!k.shape().equals(k0.shape())) {
                throw new ShapeError(op, "keys must have one shape, got " + NumpyOps.avals(keys));
            }
        }
        if (k0.ndim() == 0) throw new ShapeError(op, "keys must have at least one axis, got " + NumpyOps.avals(keys));
        int a = Axes.normalize(op, axis, k0);
        Array iota = Lax.iota(DType.I32, k0.shape(), a);
        return Lax.sort(keys.toVector().reverse().append(iota), a, true, keys.size()).last();
    }

    /**
     * {@code x} along {@code axis} with the {@code kth} smallest element at position {@code kth},
     * as JAX arranges it: the {@code kth + 1} smallest first in ascending order, then the rest
     * in descending order.
     */
    public static Array partition(Array x, int kth, int axis) {
        int a = checkKth("partition", x, kth, axis);
        Array sorted = Lax.sort(Vector.of(x), a, true, 1).head();
        Array top = slice(sorted, a, kth + 1, sorted.shape().dim(a));
        return Lax.concatenate(Vector.of(slice(sorted, a, 0, kth + 1), Lax.rev(top, Vector.of(a))), a);
    }

    /**
     * Indices (i32) that partition {@code x} along {@code axis}, as JAX gives them: the indices
     * of the {@code kth + 1} smallest in ascending order of value (ties by index), then the
     * other indices in increasing order.
     */
    public static Array argpartition(Array x, int kth, int axis) {
        int a = checkKth("argpartition", x, kth, axis);
        Array order = Sorting.argsort(x, io.vavr.control.Option.some(a), true, false);
        Array bottom = slice(order, a, 0, kth + 1);
        Array top = Lax.sort(Vector.of(slice(order, a, kth + 1, x.shape().dim(a))), a, true, 1).head();
        return Lax.concatenate(Vector.of(bottom, top), a);
    }

    private static int checkKth(String op, Array x, int kth, int axis) {
        if (x.ndim() == 0) throw new ShapeError(op, "needs at least one axis, got " + x.aval());
        int a = Axes.normalize(op, axis, x);
        int n = x.shape().dim(a);
        if (kth < 0 || kth >= n) throw new ArgumentError(op, "kth must lie in [0, " + n + "), got " + kth + " for " + x.aval());
        return a;
    }

    /** {@return {@code x[..., from:to, ...]} along axis {@code a}} */
    static Array slice(Array x, int a, int from, int to) {
        Vector<Integer> start = Vector.fill(x.ndim(), () -> 0).update(a, from);
        Vector<Integer> limit = x.shape().toSeq().update(a, to);
        return Lax.slice(x, start, limit, Vector.fill(x.ndim(), () -> 1));
    }
}
