package dev.jaxj.numpy;

import dev.jaxj.Jnp.Indexing;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.PadConfig;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Functions of the matrix structure of the last two (or two chosen) axes: triangles,
 * diagonals, traces, and coordinate grids.
 *
 * <p>Diagonals need no gather: in the row-major flattening of an {@code n x m} matrix, the
 * {@code k}-th diagonal is a strided slice with stride {@code m + 1}, and a vector placed on a
 * diagonal is a pad with interior padding {@code m}. Both are exact for every dtype.
 */
public final class Matrices {
    private Matrices() {}

    /** Zeroes the elements above the {@code k}-th diagonal of the last two axes. */
    public static Array tril(Array x, int k) { return triangle("tril", x, k, true); }

    /** Zeroes the elements below the {@code k}-th diagonal of the last two axes. */
    public static Array triu(Array x, int k) { return triangle("triu", x, k, false); }

    private static Array triangle(String op, Array x, int k, boolean lower) {
        if (x.ndim() < 2) throw new ShapeError(op, "requires an array of rank >= 2, got " + x.aval());
        int n = x.shape().dim(-2), m = x.shape().dim(-1), r = x.ndim();
        Array rows = Lax.iota(DType.I32, Shape.of(n, m), 0), cols = Lax.iota(DType.I32, Shape.of(n, m), 1);
        Array shifted = Operands.add(rows, k);
        Array keep = lower ? Lax.ge(shifted, cols) : Lax.le(shifted, cols);
        keep = Lax.broadcastInDim(keep, x.shape(), Vector.of(r - 2, r - 1));
        return Lax.select(keep, x, Operands.fullLike(x, 0));
    }

    /** The {@code offset}-th diagonal of the matrices in axes {@code axis1, axis2}, as the last axis of the result. */
    public static Array diagonal(Array x, int offset, int axis1, int axis2) { return diagonal("diagonal", x, offset, axis1, axis2); }

    /** {@link #diagonal(Array, int, int, int)} naming {@code op}, the function the user called, in its errors. */
    private static Array diagonal(String op, Array x, int offset, int axis1, int axis2) {
        if (x.ndim() < 2) throw new ShapeError(op, "requires an array of rank >= 2, got " + x.aval());
        int a1 = Axes.normalize(op, axis1, x), a2 = Axes.normalize(op, axis2, x);
        if (a1 == a2) throw new ArgumentError(op, "axis1 and axis2 must differ, got both " + a1 + " for " + x.aval());
        Vector<Integer> perm = Axes.complement(x.ndim(), Vector.of(a1, a2)).append(a1).append(a2);
        Array t = Lax.transpose(x, perm);
        int n = x.shape().dim(a1), m = x.shape().dim(a2), r = x.ndim();
        int len = Math.max(0, offset >= 0 ? Math.min(n, m - offset) : Math.min(n + offset, m));
        int[] flat = java.util.Arrays.copyOf(t.shape().toArray(), r - 1);
        flat[r - 2] = n * m;
        Array f = Lax.reshape(t, Shape.of(flat));
        int start = len == 0 ? 0 : offset >= 0 ? offset : -offset * m;
        int limit = len == 0 ? 0 : start + (len - 1) * (m + 1) + 1;
        int[] lo = new int[r - 1], hi = flat.clone(), step = new int[r - 1];
        java.util.Arrays.fill(step, 1);
        lo[r - 2] = start;
        hi[r - 2] = limit;
        step[r - 2] = m + 1;
        return Lax.slice(f, Vector.ofAll(lo), Vector.ofAll(hi), Vector.ofAll(step));
    }

    /** A 1-d {@code v} placed on the {@code k}-th diagonal of a square matrix, or the {@code k}-th diagonal of a matrix. */
    public static Array diag(Array v, int k) {
        if (v.ndim() == 2) return diagonal(v, k, 0, 1);
        if (v.ndim() != 1) throw new ShapeError("diag", "requires a 1-d or 2-d array, got " + v.aval());
        int n = v.size(), size = n + Math.abs(k);
        int start = k >= 0 ? k : -k * size;
        // Interior padding of `size` puts consecutive elements one row and one column apart.
        PadConfig cfg = n == 0
                ? new PadConfig(size * size, 0, 0)
                : new PadConfig(start, size * size - 1 - (start + (n - 1) * (size + 1)), size);
        Array flat = Lax.pad(v, Array.scalar(0, v.dtype()), Vector.of(cfg));
        return Lax.reshape(flat, Shape.of(size, size));
    }

    /** The sum of the {@code offset}-th diagonal over axes {@code axis1, axis2}. */
    public static Array trace(Array x, int offset, int axis1, int axis2) {
        return Reductions.sum(diagonal("trace", x, offset, axis1, axis2), false, -1);
    }

    /** Coordinate arrays for 1-d coordinate vectors; {@link Indexing#XY} swaps the first two output axes, as for plotting. */
    public static Seq<Array> meshgrid(Indexing indexing, Array... xs) {
        Vector<Array> v = Vector.of(xs);
        if (v.exists(x -> x.ndim() != 1)) {
            throw new ShapeError("meshgrid", "requires 1-d arrays, got " + JaxjException.avals(v.map(Array::aval)));
        }
        int[] dims = v.map(Array::size).toJavaStream().mapToInt(Integer::intValue).toArray();
        Vector<Integer> axis = Vector.range(0, xs.length);
        if (indexing == Indexing.XY && xs.length >= 2) {
            dims[0] = xs[1].size();
            dims[1] = xs[0].size();
            axis = axis.update(0, 1).update(1, 0);
        }
        Shape s = Shape.of(dims);
        Vector<Integer> ax = axis;
        return v.zipWithIndex().map(p -> Lax.broadcastInDim(p._1, s, Vector.of(ax.get(p._2))));
    }
}
