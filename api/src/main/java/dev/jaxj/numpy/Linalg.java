package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Arrays;

/**
 * Products and norms: NumPy's {@code dot}, {@code matmul}, {@code vdot}, {@code tensordot},
 * {@code inner}, {@code outer} and {@code norm}, written from {@code dot_general}. Operands
 * promote; bool products are the logical or of ands, as in JAX.
 */
public final class Linalg {
    private Linalg() {}

    /** {@code dot_general} of promoted operands, computing bools in i32. */
    static Array contract(String op, Array a, Array b, DotDimensionNumbers dims) {
        Vector<Array> p = NumpyOps.promote(op, Promotion.Kind.ANY, Vector.of(a, b)).toVector();
        if (!p.head().dtype().isBool()) return Lax.dotGeneral(p.get(0), p.get(1), dims);
        Array r = Lax.dotGeneral(Lax.convertElementType(p.get(0), DType.I32), Lax.convertElementType(p.get(1), DType.I32), dims);
        return Lax.ne(r, Operands.fullLike(r, 0));
    }

    private static DotDimensionNumbers contracting(Seq<Integer> lhs, Seq<Integer> rhs) {
        return new DotDimensionNumbers(lhs, rhs, Vector.empty(), Vector.empty());
    }

    /**
     * NumPy's {@code dot}: a product with a scalar, the inner product of vectors, and otherwise
     * the sum over the last axis of {@code a} and the second-to-last of {@code b} (the last if
     * {@code b} is 1-d).
     */
    public static Array dot(Array a, Array b) {
        if (a.ndim() == 0 || b.ndim() == 0) return Elementwise.multiply(a, b);
        int ka = a.ndim() - 1, kb = Math.max(0, b.ndim() - 2);
        if (a.shape().dim(ka) != b.shape().dim(kb)) {
            throw new ShapeError("dot", "contracted axes must have equal sizes, a axis " + ka + " = " + a.shape().dim(ka)
                    + " and b axis " + kb + " = " + b.shape().dim(kb) + ", got " + Operands.avals(a, b));
        }
        return contract("dot", a, b, contracting(Vector.of(ka), Vector.of(kb)));
    }

    /** NumPy's {@code matmul}: stacks of matrices with broadcast batch axes; 1-d operands act as vectors. */
    public static Array matmul(Array a, Array b) {
        if (!NumpyOps.promote("matmul", Promotion.Kind.ANY, Vector.of(a, b)).head().dtype().isBool()) return NumpyOps.matmul(a, b);
        Array r = NumpyOps.matmul(Lax.convertElementType(a, DType.I32), Lax.convertElementType(b, DType.I32));
        return Lax.ne(r, Operands.fullLike(r, 0));
    }

    /** The dot product of the flattened operands, which must have equal sizes; a complex {@code a} is conjugated, as in NumPy. */
    public static Array vdot(Array a, Array b) {
        if (a.size() != b.size()) throw new ShapeError("vdot", "operands must have the same number of elements, got " + Operands.avals(a, b));
        // The first operand is conjugated, as in NumPy and JAX: vdot(a, a) is |a|² for complex a.
        return contract("vdot", ComplexParts.conj(Manipulation.ravel(a)), Manipulation.ravel(b), contracting(Vector.of(0), Vector.of(0)));
    }

    /** The sum of products over the last axis of both operands; a scalar operand multiplies. */
    public static Array inner(Array a, Array b) {
        if (a.ndim() == 0 || b.ndim() == 0) return Elementwise.multiply(a, b);
        return tensordot("inner", a, b, new int[] {-1}, new int[] {-1});
    }

    /** The outer product of the flattened operands: shape {@code (a.size, b.size)}. */
    public static Array outer(Array a, Array b) {
        Array col = Lax.reshape(a, Shape.of(a.size(), 1)), row = Lax.reshape(b, Shape.of(1, b.size()));
        return Elementwise.multiply(col, row);
    }

    /** Contracts the last {@code axes} axes of {@code a} with the first {@code axes} of {@code b}. */
    public static Array tensordot(Array a, Array b, int axes) {
        if (axes < 0 || axes > a.ndim() || axes > b.ndim()) {
            throw new ArgumentError("tensordot", "axes must lie in [0, min(rank a, rank b)], got axes=" + axes + " for " + Operands.avals(a, b));
        }
        int[] la = new int[axes], lb = new int[axes];
        for (int i = 0; i < axes; i++) {
            la[i] = a.ndim() - axes + i;
            lb[i] = i;
        }
        return tensordot("tensordot", a, b, la, lb);
    }

    /** Contracts axes {@code axesA[i]} of {@code a} with {@code axesB[i]} of {@code b}; free axes of {@code a} come first. */
    public static Array tensordot(Array a, Array b, int[] axesA, int[] axesB) { return tensordot("tensordot", a, b, axesA, axesB); }

    private static Array tensordot(String op, Array a, Array b, int[] axesA, int[] axesB) {
        if (axesA.length != axesB.length) {
            throw new ArgumentError(op, "needs as many axes of a as of b, got " + Arrays.toString(axesA) + " and " + Arrays.toString(axesB)
                    + " for " + Operands.avals(a, b));
        }
        Vector<Integer> la = Axes.normalizeUnique(op, axesA, a.ndim(), a), lb = Axes.normalizeUnique(op, axesB, b.ndim(), b);
        for (int i = 0; i < la.size(); i++) {
            if (a.shape().dim(la.get(i)) != b.shape().dim(lb.get(i))) {
                throw new ShapeError(op, "contracted axes must have equal sizes, a axis " + la.get(i) + " = " + a.shape().dim(la.get(i))
                        + " and b axis " + lb.get(i) + " = " + b.shape().dim(lb.get(i)) + ", got " + Operands.avals(a, b));
            }
        }
        return contract(op, a, b, contracting(la, lb));
    }

    /**
     * The vector {@code ord}-norm over one axis, or the matrix norm over two axes
     * ({@code ord} 1, -1, inf, -inf, and 2, -2: the largest and smallest singular value).
     * Vector orders: {@code inf} max, {@code -inf} min, {@code 0} count of non-zeros, else
     * {@code sum(|x|^ord)^(1/ord)}.
     */
    public static Array norm(Array x, double ord, int[] axes, boolean keepdims) {
        Vector<Integer> ax = axes.length == 0
                ? (x.ndim() <= 2 ? Vector.range(0, x.ndim()) : Vector.empty())
                : Axes.normalizeUnique("norm", axes, x.ndim(), x);
        Array a = Elementwise.abs(Operands.inexact(x));
        int[] k = Operands.ints(ax);
        if (ax.size() == 1) return vectorNorm(a, ord, keepdims, k);
        if (ax.size() == 2) {
            int rowAxis = k[0], colAxis = k[1];
            // Column sums (ord ±1) or row sums (ord ±inf), then their extreme.
            int summed = Math.abs(ord) == 1 ? rowAxis : colAxis;
            int other = summed == rowAxis ? colAxis : rowAxis;
            if (Math.abs(ord) == 1 || Double.isInfinite(ord)) {
                Array s = Reductions.sum(a, true, summed);
                Array e = ord > 0 ? Reductions.max(s, true, other) : Reductions.min(s, true, other);
                return keepdims ? e : Lax.squeeze(e, Vector.of(rowAxis, colAxis).sorted());
            }
            if (Math.abs(ord) == 2) return LinalgSpectral.spectralNorm(x, axes.length == 0 ? new int[] {0, 1} : axes, keepdims, ord > 0 ? "2" : "-2");
            throw new ArgumentError("norm", "matrix norms support ord 1, -1, 2, -2, inf and -inf (Jnp.norm(x, axes, keepdims) gives the Frobenius norm), got ord="
                    + ord + " for " + x.aval());
        }
        throw new ArgumentError("norm", "needs 1 or 2 axes, got axes " + Arrays.toString(axes) + " for " + x.aval());
    }

    /** The vector {@code ord}-norm of magnitudes {@code a} over {@code axes} (taken together as one vector). */
    static Array vectorNorm(Array a, double ord, boolean keepdims, int... axes) {
        if (ord == Double.POSITIVE_INFINITY) return Reductions.max(a, keepdims, axes);
        if (ord == Double.NEGATIVE_INFINITY) return Reductions.min(a, keepdims, axes);
        if (ord == 0) return Reductions.sum(Lax.convertElementType(Lax.ne(a, Operands.fullLike(a, 0)), a.dtype()), keepdims, axes);
        if (ord == 1) return Reductions.sum(a, keepdims, axes);
        if (ord == 2) return Lax.sqrt(Reductions.sum(Lax.mul(a, a), keepdims, axes));
        Array s = Reductions.sum(Lax.pow(a, Operands.fullLike(a, ord)), keepdims, axes);
        return Lax.pow(s, Operands.fullLike(s, 1 / ord));
    }

    /** The 2-norm of the elements over the axes (all when none): the vector 2-norm or the Frobenius norm. */
    public static Array frobenius(Array x, int[] axes, boolean keepdims) {
        Array a = Operands.inexact(x);
        // |x|² as real(x conj(x)) (JAX's form), so complex entries count with both parts.
        Array squares = a.dtype().isComplex() ? Lax.real(Lax.mul(a, Lax.conj(a))) : Lax.mul(a, a);
        return Lax.sqrt(Reductions.sum(squares, keepdims, axes));
    }
}
