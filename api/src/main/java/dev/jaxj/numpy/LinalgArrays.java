package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import java.util.Arrays;

/**
 * The array-API members of {@code jnp.linalg} that act on the last axes: {@code matrix_transpose},
 * {@code diagonal}, {@code trace}, {@code vecdot}, {@code vector_norm}, {@code matrix_norm},
 * {@code cross}, and the tensor forms {@code tensorsolve} and {@code tensorinv}.
 */
public final class LinalgArrays {
    private LinalgArrays() {}

    public static Array matrixTranspose(Array x) {
        if (x.ndim() < 2) throw new ShapeError("matrix_transpose", "needs rank >= 2, got " + x.aval());
        return LinalgSolvers.mT(x);
    }

    public static Array diagonal(Array x, int offset) {
        if (x.ndim() < 2) throw new ShapeError("diagonal", "needs rank >= 2, got " + x.aval());
        return Matrices.diagonal(x, offset, -2, -1);
    }

    public static Array trace(Array x, int offset) {
        if (x.ndim() < 2) throw new ShapeError("trace", "needs rank >= 2, got " + x.aval());
        return Matrices.trace(x, offset, -2, -1);
    }

    /** {@code sum(x1 * x2, axis)} after broadcasting (real dtypes: no conjugation needed). */
    public static Array vecdot(Array x1, Array x2, int axis) {
        Array p = Elementwise.multiply(x1, x2);
        int ax = Axes.normalize("vecdot", axis, p);
        int k1 = x1.shape().dim(ax - (p.ndim() - x1.ndim())), k2 = x2.shape().dim(ax - (p.ndim() - x2.ndim()));
        if (k1 != k2) throw new ShapeError("vecdot", "axis " + axis + " must have equal sizes, got " + Operands.avals(x1, x2));
        return Reductions.sum(p, false, ax);
    }

    /**
     * The vector {@code ord}-norm over {@code axes} (all when empty; several axes count as one
     * flattened vector): {@code inf} max, {@code -inf} min, {@code 0} non-zeros, else
     * {@code sum(|x|^ord)^(1/ord)}.
     */
    public static Array vectorNorm(Array x, double ord, int[] axes, boolean keepdims) {
        Array a = Elementwise.abs(Operands.inexact(x));
        int[] ax = axes.length == 0 ? range(x.ndim()) : Operands.ints(Axes.normalizeUnique("vector_norm", axes, x.ndim(), x));
        return Linalg.vectorNorm(a, ord, keepdims, ax);
    }

    /** The Frobenius norm of the last two axes. */
    public static Array matrixNorm(Array x, boolean keepdims) {
        requireMatrices("matrix_norm", x);
        return vectorNorm(x, 2, new int[] {-2, -1}, keepdims);
    }

    /** The {@code ord}-norm of the last two axes: {@code 1}/{@code -1} max/min column sums of |x|, {@code inf}/{@code -inf} row sums. */
    public static Array matrixNorm(Array x, double ord, boolean keepdims) {
        requireMatrices("matrix_norm", x);
        if (Math.abs(ord) != 1 && !Double.isInfinite(ord)) {
            throw new ArgumentError("matrix_norm", "ord must be 1, -1, inf or -inf here (matrixNorm(x, keepdims) is the Frobenius norm), got ord=" + ord + " for " + x.aval());
        }
        return Linalg.norm(x, ord, new int[] {-2, -1}, keepdims);
    }

    /** The cross product of 3-vectors along {@code axis} of the broadcast operands (both of size 3 there). */
    public static Array cross(Array x1, Array x2, int axis) {
        Vector<Array> b = Operands.broadcast("cross", x1, x2).map(Operands::inexact).toVector();
        Vector<Array> p = dev.jaxj.array.NumpyOps.promote("cross", dev.jaxj.array.Promotion.Kind.ANY, b).toVector();
        Array a = p.get(0), c = p.get(1);
        int ax = Axes.normalize("cross", axis, a);
        if (a.shape().dim(ax) != 3) throw new ShapeError("cross", "needs size 3 along axis " + axis + ", got " + Operands.avals(x1, x2));
        Array a0 = part(a, ax, 0), a1 = part(a, ax, 1), a2 = part(a, ax, 2), c0 = part(c, ax, 0), c1 = part(c, ax, 1), c2 = part(c, ax, 2);
        return Lax.concatenate(Vector.of(Lax.sub(Lax.mul(a1, c2), Lax.mul(a2, c1)), Lax.sub(Lax.mul(a2, c0), Lax.mul(a0, c2)),
                Lax.sub(Lax.mul(a0, c1), Lax.mul(a1, c0))), ax);
    }

    /** {@code x} solving {@code tensordot(a, x, x.ndim) = b}: {@code a}'s leading axes match {@code b}, the rest are {@code x}'s. */
    public static Array tensorsolve(Array a, Array b, int[] axes) {
        Array at = a;
        if (axes.length > 0) {
            Vector<Integer> moved = Axes.normalizeUnique("tensorsolve", axes, a.ndim(), a);
            Vector<Integer> order = Vector.range(0, a.ndim()).removeAll(moved).appendAll(moved);
            at = Lax.transpose(a, order);
        }
        int[] dims = at.shape().toArray();
        if (b.ndim() > at.ndim() || !Arrays.equals(Arrays.copyOf(dims, b.ndim()), b.shape().toArray())) {
            throw new ShapeError("tensorsolve", "the leading axes of a must equal b's shape, got " + Operands.avals(a, b));
        }
        int[] rest = Arrays.copyOfRange(dims, b.ndim(), dims.length);
        int rows = b.size(), cols = Shape.of(rest).size();
        if (rows != cols) throw new ShapeError("tensorsolve", "needs prod(b.shape) = prod(x.shape), got " + Operands.avals(a, b));
        Array x = LinalgSolvers.solve(Lax.reshape(at, Shape.of(rows, cols)), Lax.reshape(b, Shape.of(rows)));
        return Lax.reshape(x, Shape.of(rest));
    }

    /** The inverse of {@code a} seen as a matrix of its first {@code ind} axes by the rest: shape {@code rest + first}. */
    public static Array tensorinv(Array a, int ind) {
        if (ind <= 0 || ind > a.ndim()) throw new ArgumentError("tensorinv", "ind must lie in [1, rank], got ind=" + ind + " for " + a.aval());
        int[] dims = a.shape().toArray();
        int[] first = Arrays.copyOf(dims, ind), rest = Arrays.copyOfRange(dims, ind, dims.length);
        int rows = Shape.of(first).size(), cols = Shape.of(rest).size();
        if (rows != cols) throw new ShapeError("tensorinv", "needs prod(a.shape[:ind]) = prod(a.shape[ind:]), got " + a.aval() + " with ind=" + ind);
        Array inv = LinalgSolvers.inv(Lax.reshape(a, Shape.of(rows, cols)));
        int[] out = Arrays.copyOf(rest, rest.length + first.length);
        System.arraycopy(first, 0, out, rest.length, first.length);
        return Lax.reshape(inv, Shape.of(out));
    }

    private static void requireMatrices(String op, Array x) {
        if (x.ndim() < 2) throw new ShapeError(op, "needs rank >= 2 ([..., m, n]), got " + x.aval());
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    private static Array part(Array x, int axis, int i) {
        Vector<Integer> start = Vector.fill(x.ndim(), 0).update(axis, i), limit = x.shape().toSeq().update(axis, i + 1);
        return Lax.slice(x, start, limit, Vector.fill(x.ndim(), 1));
    }
}
