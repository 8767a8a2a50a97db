package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Building arrays from pieces and taking them apart: {@code block}, {@code column_stack},
 * {@code dstack}, {@code hsplit}/{@code vsplit}/{@code dsplit}, {@code unstack},
 * {@code diagflat}, {@code fromfunction}, {@code matrix_transpose}, {@code broadcast_shapes}.
 */
public final class Assembling {
    private Assembling() {}

    /**
     * NumPy's {@code block}: {@code nested} is an {@link Array} or a list ({@link Seq},
     * {@link List} or Java array) of nested blocks, every leaf at the same depth {@code d}.
     * Leaves gain leading axes up to rank {@code max(d, max leaf rank)}; the innermost lists
     * join along the last axis, the next ones along the one before, and so on.
     */
    public static Array block(Object nested) {
        int depth = depth(nested, "arrays");
        int rank = Math.max(depth, maxRank(nested));
        return assemble(nested, depth, rank, 0);
    }

    private static Vector<Object> items(Object o) {
        return switch (o) {
            case Seq<?> s -> Vector.ofAll(s);
            case List<?> l -> Vector.ofAll(l);
            case Object[] a -> Vector.of(a);
            default -> throw new ArgumentError("block", "blocks must be Arrays or lists of blocks, got " + (o == null ? "null" : o.getClass().getName()));
        };
    }

    private static int depth(Object o, String where) {
        if (o instanceof Array) return 0;
        Vector<Object> xs = items(o);
        if (xs.isEmpty()) throw new ArgumentError("block", "lists cannot be empty, got an empty list at " + where);
        int d = depth(xs.head(), where + "[0]");
        for (int i = 1; i < xs.size(); i++) {
            int di = depth(xs.get(i), where + "[" + i + "]");
            if (di != d) {
                throw new ShapeError("block", "list depths are mismatched: " + where + "[0] has depth " + d + " but " + where + "[" + i + "] has depth " + di);
            }
        }
        return d + 1;
    }

    private static int maxRank(Object o) {
        return o instanceof Array a ? a.ndim() : items(o).map(Assembling::maxRank).max().getOrElse(0);
    }

    private static Array assemble(Object o, int depth, int rank, int level) {
        if (o instanceof Array a) return a.ndim() == rank ? a : Lax.reshape(a, prepend(a.shape(), rank));
        Vector<Array> parts = items(o).map(x -> assemble(x, depth, rank, level + 1));
        return parts.size() == 1 ? parts.head() : Joining.concatenate(parts, rank - depth + level);
    }

    private static Shape prepend(Shape s, int rank) {
        int[] d = new int[rank];
        Arrays.fill(d, 1);
        System.arraycopy(s.toArray(), 0, d, rank - s.rank(), s.rank());
        return Shape.of(d);
    }

    /** Stacks 1-d arrays as columns of a matrix (0-d ones as 1×1); 2-d arrays join as they are, along axis 1. */
    public static Array columnStack(Seq<Array> xs) {
        if (xs.isEmpty()) throw new ArgumentError("column_stack", "needs at least one array, got none");
        return Joining.concatenate(xs.map(x -> x.ndim() < 2 ? Lax.reshape(x, Shape.of(x.size(), 1)) : x), 1);
    }

    /** Concatenates along axis 2 after making every array at least 3-d ({@code (n,)} becomes {@code (1, n, 1)}). */
    public static Array dstack(Seq<Array> xs) {
        if (xs.isEmpty()) throw new ArgumentError("dstack", "needs at least one array, got none");
        return Joining.concatenate(xs.map(Manipulation::atleast3d), 2);
    }

    /** The axis {@code hsplit}, {@code vsplit} or {@code dsplit} splits: 1 (0 for 1-d arrays), 0 or 2. */
    public static int splitAxis(String op, Array x) {
        int need = switch (op) {
            case "hsplit" -> 1;
            case "vsplit" -> 2;
            default -> 3;
        };
        if (x.ndim() < need) throw new ShapeError(op, "needs an array of rank >= " + need + ", got " + x.aval());
        return switch (op) {
            case "hsplit" -> x.ndim() == 1 ? 0 : 1;
            case "vsplit" -> 0;
            default -> 2;
        };
    }

    /** The slices of {@code x} along {@code axis}, each without that axis. */
    public static Seq<Array> unstack(Array x, int axis) {
        if (x.ndim() == 0) throw new ShapeError("unstack", "requires an array of rank > 0, got " + x.aval());
        int a = Axes.normalize("unstack", axis, x);
        return Vector.range(0, x.shape().dim(a)).map(i -> Lax.squeeze(Manipulation.sliceAxis(x, a, i, i + 1), Vector.of(a)));
    }

    /** A 2-d array with the flattened {@code v} on its {@code k}-th diagonal. */
    public static Array diagflat(Array v, int k) { return Matrices.diag(Manipulation.ravel(v), k); }

    /**
     * {@code f} applied to one coordinate array per axis of {@code shape}, each of
     * {@code dtype}: element {@code (i, j, …)} is {@code f(i, j, …)}.
     */
    public static Array fromfunction(Function<Seq<Array>, Array> f, DType dtype, int... shape) {
        for (int d : shape) if (d < 0) throw new ArgumentError("fromfunction", "shape must be non-negative, got " + Arrays.toString(shape));
        Shape s = Shape.of(shape);
        return f.apply(Vector.range(0, shape.length).map(i -> Lax.iota(dtype, s, i)));
    }

    /** {@code x} with its last two axes swapped. */
    public static Array matrixTranspose(Array x) {
        if (x.ndim() < 2) throw new ShapeError("matrix_transpose", "x must be at least two-dimensional, got " + x.aval());
        Vector<Integer> perm = Vector.range(0, x.ndim() - 2).appendAll(Vector.of(x.ndim() - 1, x.ndim() - 2));
        return Lax.transpose(x, perm);
    }

    /** NumPy's broadcast shape of {@code shapes}. */
    public static Shape broadcastShapes(Seq<Shape> shapes) {
        return NumpyOps.broadcast(shapes).getOrElseThrow(() -> new ShapeError("broadcast_shapes",
                "shapes are incompatible for broadcasting, got " + shapes.mkString(", ")));
    }

    /** {@return whether {@code a1} and {@code a2} have one shape and equal elements; NaNs count as equal when {@code equalNan}} */
    public static Array arrayEqual(Array a1, Array a2, boolean equalNan) {
        if (!a1.shape().equals(a2.shape())) return Array.scalar(false);
        return allEqual("array_equal", a1, a2, equalNan);
    }

    /** {@return whether {@code a1} and {@code a2} broadcast together and are equal elementwise} */
    public static Array arrayEquiv(Array a1, Array a2) {
        if (NumpyOps.broadcast(Vector.of(a1.shape(), a2.shape())).isEmpty()) return Array.scalar(false);
        return allEqual("array_equiv", a1, a2, false);
    }

    private static Array allEqual(String op, Array a1, Array a2, boolean equalNan) {
        Vector<Array> p = Operands.prepare(op, dev.jaxj.array.Promotion.Kind.ANY, a1, a2);
        Array eq = Lax.eq(p.get(0), p.get(1));
        if (equalNan && p.get(0).dtype().isFloating()) {
            eq = Lax.or(eq, Lax.and(Lax.ne(p.get(0), p.get(0)), Lax.ne(p.get(1), p.get(1))));
        }
        return Lax.reduceAnd(eq, Vector.range(0, eq.ndim()));
    }

    /** The avals of {@code xs}, for a message. */
    static String avals(Seq<Array> xs) { return JaxjException.avals(xs.map(Array::aval)); }
}
