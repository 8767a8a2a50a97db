package dev.jaxj.numpy;

import dev.jaxj.Jnp.UniqueAll;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.array.Take;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static dev.jaxj.numpy.Operands.fullLike;

/**
 * Set operations on flattened arrays: {@code unique} and the array-API {@code unique_*}
 * functions, {@code union1d}, {@code intersect1d}, {@code setdiff1d}, {@code setxor1d} and
 * {@code isin}. Results are sorted. How many values a set holds depends on the data, so, as in
 * JAX, under a transform these functions need a static {@code size}: the result holds the
 * first {@code size} values, padded with {@code fillValue}; without one they run eagerly only
 * and raise {@link dev.jaxj.errors.ConcretizationError} on traced input.
 */
public final class SetOps {
    private SetOps() {}

    /**
     * {@code unique} with every output, over the flattened {@code x} or, with an {@code axis},
     * over its slices along that axis (compared whole, ordered lexicographically).
     * {@code equalNan} makes all NaNs one value (JAX's {@code unique} default); the array-API
     * functions keep each NaN distinct. Padding values are {@code fillValue}, or the smallest
     * value when none is given.
     */
    public static UniqueAll uniqueAll(String op, Array x, Option<Integer> axis, boolean equalNan, Option<Integer> size, Option<Double> fillValue) {
        int a = axis.isEmpty() ? 0 : Axes.normalize(op, axis.get(), x);
        Array moved = axis.isEmpty() ? Manipulation.ravel(x) : Lax.transpose(x, Axes.moveTo(x.ndim(), a, 0));
        Shape rest = moved.shape().without(0);
        int n = moved.shape().dim(0), r = rest.size();
        Array rows = Lax.reshape(moved, Shape.of(n, r));
        // One sort key per column, the first column primary; the iota records where rows came from.
        Vector<Array> columns = Vector.range(0, r).map(j -> Lax.squeeze(Searching.slice(rows, 1, j, j + 1), Vector.of(1)));
        Seq<Array> s = Lax.sort(columns.append(Lax.iota(DType.I32, Shape.of(n), 0)), 0, true, Math.max(r, 1));
        Array perm = s.last();
        Array sorted = r == 0 ? rows : Joining.stack(s.init(), 1);
        Array first = firstOfRuns(sorted, equalNan);
        int k = size.getOrElse(() -> {
            Indices.requireConcrete(op, x, "pass a static size (and fill value), as JAX's size argument");
            return count(first);
        });
        Shape valuesShape = Shape.of(Vector.of(k).appendAll(rest.toSeq()));
        Array values, indices, counts;
        if (n == 0) {
            values = Lax.broadcastInDim(Array.scalar(fillValue.getOrElse(0.0), x.dtype()), Shape.of(k, r), Vector.empty());
            indices = counts = Lax.broadcastInDim(Array.scalar(0, DType.I32), Shape.of(k), Vector.empty());
        } else {
            Array ind = Indices.nonzero(first, Option.some(k), Option.none()).head();
            values = Take.take(sorted, ind, 0, Take.Mode.CLIP);
            if (fillValue.isDefined()) {
                Array valid = Lax.lt(Lax.iota(DType.I32, Shape.of(k, r), 0),
                        Lax.broadcastInDim(Lax.reduceSum(i32(first), Vector.of(0)), Shape.of(k, r), Vector.empty()));
                values = Lax.select(valid, values, Lax.broadcastInDim(Array.scalar(fillValue.get(), x.dtype()), Shape.of(k, r), Vector.empty()));
            }
            indices = Take.take(perm, ind, 0, Take.Mode.CLIP);
            // Run starts, with the end of the data standing in for every start after the last.
            Array starts = Indices.nonzero(first, Option.some(k + 1), Option.none()).head();
            Array later = Searching.slice(starts, 0, 1, k + 1);
            later = Lax.select(Lax.ne(later, fullLike(later, 0)), later, fullLike(later, n));
            Array bounds = Lax.concatenate(Vector.of(Searching.slice(starts, 0, 0, 1), later), 0);
            counts = Lax.sub(Searching.slice(bounds, 0, 1, k + 1), Searching.slice(bounds, 0, 0, k));
        }
        values = Lax.reshape(values, valuesShape);
        if (axis.isDefined()) values = Lax.transpose(values, Axes.moveTo(x.ndim(), 0, a));
        Array rank = Lax.sub(Lax.cumsum(i32(first), 0, false), fullLike(perm, 1));
        Array inverse = Lax.broadcastInDim(Array.scalar(0, DType.I32), Shape.of(n), Vector.empty()).at(perm).set(rank);
        return new UniqueAll(values, indices, axis.isEmpty() ? Lax.reshape(inverse, x.shape()) : inverse, counts);
    }

    /** {@return true where a sorted row differs from its predecessor}, and at row 0 */
    private static Array firstOfRuns(Array rows, boolean equalNan) {
        int n = rows.shape().dim(0), r = rows.shape().dim(1);
        if (n == 0) return Lax.broadcastInDim(Array.scalar(true), Shape.of(0), Vector.empty());
        Array cur = Searching.slice(rows, 0, 1, n), prev = Searching.slice(rows, 0, 0, n - 1);
        Array differs = Lax.ne(cur, prev);
        if (equalNan && rows.dtype().isFloating()) differs = Lax.and(differs, Lax.not(Lax.and(Lax.ne(cur, cur), Lax.ne(prev, prev))));
        Array anyDiffers = r == 0 ? Lax.broadcastInDim(Array.scalar(false), Shape.of(n - 1), Vector.empty()) : Lax.reduceOr(differs, Vector.of(1));
        return Lax.concatenate(Vector.of(Lax.broadcastInDim(Array.scalar(true), Shape.of(1), Vector.empty()), anyDiffers), 0);
    }

    private static Array i32(Array b) { return Lax.convertElementType(b, DType.I32); }

    private static int count(Array mask) {
        int c = 0;
        for (boolean b : mask.toBooleanArray()) if (b) c++;
        return c;
    }

    /**
     * The sorted values of {@code candidates} where {@code keep} is true, as the first
     * {@code size} entries (the number kept when none), the rest {@code fillValue}, or the
     * smallest kept value (0 when none is kept) when {@code minFill}, else 0.
     */
    private static Array kept(String op, Array candidates, Array keep, Option<Integer> size, Option<Double> fillValue,
                              boolean minFill, Array... inputs) {
        int k = size.getOrElse(() -> {
            for (Array in : inputs) Indices.requireConcrete(op, in, "pass a static size (and fill value), as JAX's size argument");
            return count(keep);
        });
        int n = candidates.size();
        Shape out = Shape.of(k);
        Array dropped = i32(Lax.not(keep));
        Array v = Lax.sort(Vector.of(dropped, candidates), 0, true, 2).get(1);
        if (k <= n) {
            v = Searching.slice(v, 0, 0, k);
        } else {
            v = Lax.concatenate(Vector.of(v, Lax.broadcastInDim(Array.scalar(0, v.dtype()), Shape.of(k - n), Vector.empty())), 0);
        }
        Array numKept = Lax.reduceSum(i32(keep), Vector.of(0));
        Array valid = Lax.lt(Lax.iota(DType.I32, out, 0), Lax.broadcastInDim(numKept, out, Vector.empty()));
        Array fill;
        if (fillValue.isDefined()) {
            fill = Array.scalar(fillValue.get(), v.dtype());
        } else if (minFill && n > 0) {
            Array smallest = Lax.reshape(Searching.slice(Lax.sort(Vector.of(dropped, candidates), 0, true, 2).get(1), 0, 0, 1), Shape.SCALAR);
            fill = Lax.select(Lax.gt(numKept, fullLike(numKept, 0)), smallest, Array.scalar(0, v.dtype()));
        } else {
            fill = Array.scalar(0, v.dtype());
        }
        return Lax.select(valid, v, Lax.broadcastInDim(fill, out, Vector.empty()));
    }

    /** {@return the distinct values of {@code x} and whether each is valid (not padding)}: (values, valid) */
    private static Array[] distinct(Array x) {
        Array aux = Lax.sort(Vector.of(Manipulation.ravel(x)), 0, true, 1).head();
        return new Array[] {aux, firstOfRuns(Lax.reshape(aux, Shape.of(aux.size(), 1)), true)};
    }

    private static Vector<Array> promoted(String op, Array a, Array b) {
        return NumpyOps.promote(op, Promotion.Kind.ANY, Vector.of(Manipulation.ravel(a), Manipulation.ravel(b))).toVector();
    }

    public static Array union1d(Array a, Array b, Option<Integer> size, Option<Double> fillValue) {
        String op = "union1d";
        Vector<Array> p = promoted(op, a, b);
        Array[] d = distinct(Lax.concatenate(p, 0));
        return kept(op, d[0], d[1], size, fillValue, true, a, b);
    }

    public static Array intersect1d(Array a, Array b, Option<Integer> size, Option<Double> fillValue) {
        String op = "intersect1d";
        Vector<Array> p = promoted(op, a, b);
        Array[] d = distinct(p.get(0));
        return kept(op, d[0], Lax.and(d[1], isin(d[0], p.get(1), false)), size, fillValue, true, a, b);
    }

    /** The distinct values of {@code a} not in {@code b}; padding is 0 unless a fill value is given, as in JAX. */
    public static Array setdiff1d(Array a, Array b, Option<Integer> size, Option<Double> fillValue) {
        String op = "setdiff1d";
        Vector<Array> p = promoted(op, a, b);
        Array[] d = distinct(p.get(0));
        return kept(op, d[0], Lax.and(d[1], isin(d[0], p.get(1), true)), size, fillValue, false, a, b);
    }

    public static Array setxor1d(Array a, Array b, Option<Integer> size, Option<Double> fillValue) {
        String op = "setxor1d";
        Vector<Array> p = promoted(op, a, b);
        Array[] da = distinct(p.get(0)), db = distinct(p.get(1));
        Array keepA = Lax.and(da[1], isin(da[0], p.get(1), true));
        Array keepB = Lax.and(db[1], isin(db[0], p.get(0), true));
        return kept(op, Lax.concatenate(Vector.of(da[0], db[0]), 0), Lax.concatenate(Vector.of(keepA, keepB), 0),
                size, fillValue, true, a, b);
    }

    /**
     * Whether each element of {@code element} occurs in {@code testElements} (bool, shaped like
     * {@code element}); {@code invert} gives the negation. NaN occurs nowhere, as {@code ==} says.
     * A binary search of the sorted test elements, so it traces.
     */
    public static Array isin(Array element, Array testElements, boolean invert) {
        Vector<Array> p = NumpyOps.promote("isin", Promotion.Kind.ANY, Vector.of(element, Manipulation.ravel(testElements))).toVector();
        Array e = p.get(0), t = p.get(1);
        int m = t.size();
        Array found;
        if (m == 0) {
            found = Operands.boolLike(e, false);
        } else {
            Array s = Lax.sort(Vector.of(t), 0, true, 1).head();
            Array i = Searching.searchsorted(s, e, false);
            Array at = Take.take(s, Lax.min(i, fullLike(i, m - 1)), 0, Take.Mode.CLIP);
            found = Lax.eq(at, e);
        }
        return invert ? Lax.not(found) : found;
    }
}
