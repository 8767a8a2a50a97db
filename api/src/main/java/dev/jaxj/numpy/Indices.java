package dev.jaxj.numpy;

import dev.jaxj.Jnp.RavelMode;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.array.Tracer;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.BiFunction;

import static dev.jaxj.numpy.Operands.fullLike;

/**
 * Index helpers: {@code nonzero}, {@code flatnonzero}, {@code argwhere}, {@code unravel_index},
 * {@code ravel_multi_index}, {@code indices} and the {@code *_indices} functions. Results are
 * i32. The number of non-zeros is a value, not a shape, so under a transform the
 * {@code nonzero} family needs JAX's static {@code size}: the first {@code size} positions are
 * returned, padded with {@code fillValue} (0 when none).
 */
public final class Indices {
    private Indices() {}

    /** @throws ConcretizationError when {@code x} is traced: a result shape would depend on its values */
    static void requireConcrete(String op, Array x, String alternative) {
        if (x instanceof Tracer) {
            throw new ConcretizationError(op, "the result's shape depends on the values of a traced " + x.aval()
                    + "; " + alternative);
        }
    }

    /**
     * One i32 array per axis of {@code x} with the coordinates of its non-zero elements in
     * row-major order: exactly as many as there are without {@code size} (concrete {@code x}
     * only), else the first {@code size}, padded with {@code fillValue} (or 0).
     */
    public static Seq<Array> nonzero(Array x, Option<Integer> size, Option<Integer> fillValue) {
        return nonzero("nonzero", x, size, fillValue);
    }

    /** {@link #nonzero(Array, Option, Option)} naming {@code op}, the function the user called, in its errors. */
    private static Seq<Array> nonzero(String op, Array x, Option<Integer> size, Option<Integer> fillValue) {
        if (x.ndim() == 0) throw new ArgumentError(op, "is not defined for 0-d arrays (use atleast1d first), got " + x.aval());
        Array mask = Lax.convertElementType(Operands.truthy(Manipulation.ravel(x)), DType.I32);
        int n = size.getOrElse(() -> {
            requireConcrete(op, x, "pass a static size (and fill value), as JAX's size argument");
            int c = 0;
            for (boolean b : Operands.truthy(x).toBooleanArray()) if (b) c++;
            return c;
        });
        if (n < 0) throw new ArgumentError(op, "size must be non-negative, got " + n);
        Shape out = Shape.of(n);
        if (x.size() == 0) {
            Array fill = Lax.broadcastInDim(Array.scalar(fillValue.getOrElse(0), DType.I32), out, Vector.empty());
            return Vector.fill(x.ndim(), () -> fill);
        }
        // Position j holds the number of elements whose running count of non-zeros is <= j:
        // the flat index of the (j+1)-th non-zero, or x.size once they run out.
        Array flat = Lax.cumsum(Statistics.bincount(Lax.cumsum(mask, 0, false), Option.none(), 0, Option.some(n)), 0, false);
        Array valid = Lax.lt(Lax.iota(DType.I32, out, 0),
                Lax.broadcastInDim(Lax.reduceSum(mask, Vector.of(0)), out, Vector.empty()));
        int[] strides = x.shape().strides();
        Vector<Array> r = Vector.empty();
        for (int k = 0; k < x.ndim(); k++) {
            Array c = Lax.rem(Lax.div(flat, fullLike(flat, strides[k])), fullLike(flat, x.shape().dim(k)));
            c = Lax.select(valid, c, fullLike(c, fillValue.getOrElse(0)));
            r = r.append(c);
        }
        return r;
    }

    /** {@return the indices of the non-zero elements of the flattened {@code x}} */
    public static Array flatnonzero(Array x, Option<Integer> size, Option<Integer> fillValue) {
        return nonzero("flatnonzero", Manipulation.ravel(x), size, fillValue).head();
    }

    /** {@return the coordinates of the non-zero elements, one per row}: i32 {@code [count, x.ndim]} */
    public static Array argwhere(Array x, Option<Integer> size, Option<Integer> fillValue) {
        Seq<Array> nz = nonzero("argwhere", Manipulation.atleast1d(x), size, fillValue);
        Array r = Joining.stack(nz, 1);
        return x.ndim() == 0 ? Lax.reshape(Searching.slice(r, 1, 0, 0), Shape.of(r.shape().dim(0), 0)) : r;
    }

    /**
     * The coordinates in an array of {@code shape} of the flat {@code indices}, one array per
     * axis shaped like {@code indices}. As in JAX, negative indices count from the end and
     * indices out of range are clipped to the nearest valid one.
     */
    public static Seq<Array> unravelIndex(Array indices, int... shape) {
        String op = "unravel_index";
        if (!indices.dtype().isInteger()) throw new DTypeError(op, "requires integer indices, got " + indices.aval());
        long total = 1;
        for (int d : shape) {
            if (d < 0) throw new ShapeError(op, "dimensions must be non-negative, got " + java.util.Arrays.toString(shape));
            total *= d;
        }
        Array i = indices;
        Array lo = fullLike(i, -total), hi = fullLike(i, Math.max(total - 1, 0));
        i = Lax.clamp(lo, i, hi);
        Vector<Array> r = Vector.empty();
        long inner = total;
        for (int d : shape) {
            long outer = inner;
            inner = d == 0 ? 0 : inner / d;
            if (outer == 0) {
                r = r.append(fullLike(i, 0));
                continue;
            }
            // Floor modulo, so that negative indices wrap to the end.
            Array m = Lax.rem(Lax.add(Lax.rem(i, fullLike(i, outer)), fullLike(i, outer)), fullLike(i, outer));
            r = r.append(Lax.div(m, fullLike(m, Math.max(inner, 1))));
        }
        return r;
    }

    /** {@return the flat index of each coordinate tuple}, coordinates broadcast together */
    public static Array ravelMultiIndex(Seq<Array> multiIndex, int[] dims, RavelMode mode) {
        String op = "ravel_multi_index";
        if (multiIndex.size() != dims.length) {
            throw new ArgumentError(op, "needs one index array per dimension, got " + multiIndex.size() + " for dims " + java.util.Arrays.toString(dims));
        }
        if (dims.length == 0) throw new ArgumentError(op, "needs at least one dimension");
        for (Array a : multiIndex) {
            if (!a.dtype().isInteger()) throw new DTypeError(op, "requires integer indices, got " + NumpyOps.avals(multiIndex));
        }
        Vector<Array> idx = NumpyOps.prepare(op, Promotion.Kind.ANY, multiIndex);
        if (mode == RavelMode.RAISE) {
            for (int k = 0; k < dims.length; k++) {
                requireConcrete(op, idx.get(k), "use RavelMode.WRAP or RavelMode.CLIP under a transform");
                for (long v : idx.get(k).toLongArray()) {
                    if (v < 0 || v >= dims[k]) throw new ArgumentError(op, "index " + v + " is out of bounds for dimension " + k + " of size " + dims[k]);
                }
            }
        }
        Array r = null;
        long stride = 1;
        for (int k = dims.length - 1; k >= 0; k--) {
            Array c = idx.get(k);
            int d = dims[k];
            c = switch (mode) {
                case RAISE -> c;
                case CLIP -> Lax.clamp(fullLike(c, 0), c, fullLike(c, Math.max(d - 1, 0)));
                case WRAP -> Lax.rem(Lax.add(Lax.rem(c, fullLike(c, d)), fullLike(c, d)), fullLike(c, d));
            };
            Array t = Lax.mul(c, fullLike(c, stride));
            r = r == null ? t : Lax.add(r, t);
            stride *= d;
        }
        return r;
    }

    /** {@return a grid of indices}: i32 {@code [dims.length, *dims]} whose entry {@code i} varies along axis {@code i} */
    public static Array indices(int... dims) {
        Shape s = Shape.of(dims);
        return Joining.stack(Vector.range(0, dims.length).map(i -> Lax.iota(DType.I32, s, i)), 0);
    }

    /** {@return {@code ndim} copies of {@code 0..n-1}}, which index the main diagonal of an {@code n^ndim} array */
    public static Seq<Array> diagIndices(int n, int ndim) {
        if (n < 0 || ndim < 0) throw new ArgumentError("diag_indices", "n and ndim must be non-negative, got " + n + ", " + ndim);
        Array r = Lax.iota(DType.I32, Shape.of(n), 0);
        return Vector.fill(ndim, () -> r);
    }

    public static Seq<Array> diagIndicesFrom(Array x) {
        String op = "diag_indices_from";
        if (x.ndim() < 2) throw new ShapeError(op, "needs at least 2 axes, got " + x.aval());
        for (int d : x.shape().toArray()) {
            if (d != x.shape().dim(0)) throw new ShapeError(op, "all axes must have one length, got " + x.aval());
        }
        return diagIndices(x.shape().dim(0), x.ndim());
    }

    /** {@return the row and column indices of the elements on and below diagonal {@code k} of an {@code n x m} matrix}, row-major */
    public static Seq<Array> trilIndices(int n, int k, int m) { return triangle("tril_indices", n, k, m, true); }

    public static Seq<Array> triuIndices(int n, int k, int m) { return triangle("triu_indices", n, k, m, false); }

    private static Seq<Array> triangle(String op, int n, int k, int m, boolean lower) {
        if (n < 0 || m < 0) throw new ArgumentError(op, "n and m must be non-negative, got " + n + ", " + m);
        return maskedIndices(n, m, (i, j) -> lower ? j - i <= k : j - i >= k);
    }

    public static Seq<Array> trilIndicesFrom(Array x, int k) { return triangle("tril_indices_from", square(x, "tril_indices_from"), k, x.shape().dim(1), true); }

    public static Seq<Array> triuIndicesFrom(Array x, int k) { return triangle("triu_indices_from", square(x, "triu_indices_from"), k, x.shape().dim(1), false); }

    private static int square(Array x, String op) {
        if (x.ndim() != 2) throw new ShapeError(op, "needs a 2-d array, got " + x.aval());
        return x.shape().dim(0);
    }

    /**
     * {@return the indices where {@code maskFunc(ones(n, n), k)} is non-zero}, row-major; as
     * {@code mask_indices(n, triu, 1)} gives the strict upper triangle.
     */
    public static Seq<Array> maskIndices(int n, BiFunction<Array, Integer, Array> maskFunc, int k) {
        if (n < 0) throw new ArgumentError("mask_indices", "n must be non-negative, got " + n);
        Array m = maskFunc.apply(Lax.broadcastInDim(Array.scalar(1.0, DType.F32), Shape.of(n, n), Vector.empty()), k);
        if (!m.shape().equals(Shape.of(n, n))) throw new ShapeError("mask_indices", "the mask function must return an n x n array, got " + m.aval());
        return nonzero("mask_indices", m, Option.none(), Option.none());
    }

    private interface CellPredicate { boolean test(int i, int j); }

    private static Seq<Array> maskedIndices(int n, int m, CellPredicate keep) {
        int count = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) if (keep.test(i, j)) count++;
        int[] rows = new int[count], cols = new int[count];
        for (int i = 0, c = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (keep.test(i, j)) {
                    rows[c] = i;
                    cols[c++] = j;
                }
            }
        }
        return Vector.of(i32(rows), i32(cols));
    }

    private static Array i32(int[] v) { return Creation.fromJava(v); }
}
