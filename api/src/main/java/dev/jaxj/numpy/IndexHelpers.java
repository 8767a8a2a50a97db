package dev.jaxj.numpy;

import dev.jaxj.Jnp.GridSlice;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.stream.IntStream;

/**
 * Java forms of NumPy's index helpers, which Python writes with brackets: {@code r_[...]},
 * {@code c_[...]}, {@code mgrid[...]}, {@code ogrid[...]}, {@code ix_(...)}. A Python slice
 * {@code a:b:c} is a {@link GridSlice} here ({@code a:b:nj} is {@link GridSlice#points}), or an
 * integer {@link Index.Slice}.
 */
public final class IndexHelpers {
    private IndexHelpers() {}

    /** {@return the 1-d array a slice stands for in a grid}: {@code arange(start, stop, step)}, or {@code num} points from start to stop inclusive */
    static Array grid1d(String op, Object s) {
        return switch (s) {
            case GridSlice.Steps st -> {
                if (st.step() == 0) throw new ArgumentError(op, "a slice step cannot be zero, got " + st);
                yield Creation.arange(st.start(), st.stop(), st.step(), st.dtype());
            }
            case GridSlice.Points p -> Creation.linspace(p.start(), p.stop(), p.num(), true, DType.F32);
            case Index.Slice sl -> {
                if (sl.stop().isEmpty()) throw new ArgumentError(op, "an integer slice needs a stop, got " + sl);
                yield Creation.arange(sl.start().getOrElse(0), sl.stop().get(), sl.step().getOrElse(1), DType.I32);
            }
            default -> throw new ArgumentError(op, "expects slices (GridSlice or Index.Slice), got " + s.getClass().getName());
        };
    }

    /** The dense grid: one coordinate array per slice, stacked along a new first axis (a single slice gives its 1-d array). */
    public static Array mgrid(Object... slices) {
        Vector<Array> axes = Vector.of(slices).map(s -> grid1d("mgrid", s));
        if (axes.size() == 1) return axes.head();
        if (axes.isEmpty()) throw new ArgumentError("mgrid", "needs at least one slice, got none");
        return Joining.stack(Matrices.meshgrid(dev.jaxj.Jnp.Indexing.IJ, axes.toJavaArray(Array[]::new)), 0);
    }

    /** The open grid: the i-th slice's array shaped to lie along axis i, so that they broadcast together. */
    public static Seq<Array> ogrid(Object... slices) {
        Vector<Array> axes = Vector.of(slices).map(s -> grid1d("ogrid", s));
        return open(axes);
    }

    /** NumPy's {@code ix_}: the i-th 1-d array shaped {@code (1, …, n_i, …, 1)}, for indexing a cross product. */
    public static Seq<Array> ix(Array... xs) {
        for (Array x : xs) {
            if (x.ndim() != 1) throw new ShapeError("ix_", "arguments must be 1-d, got " + Operands.avals(xs));
            if (x.dtype().isBool()) throw new DTypeError("ix_", "bool arguments are not supported (use nonzero first), got " + Operands.avals(xs));
        }
        return open(Vector.of(xs));
    }

    private static Seq<Array> open(Vector<Array> axes) {
        int n = axes.size();
        return axes.zipWithIndex().map(t -> Lax.reshape(t._1, Shape.of(IntStream.range(0, n).map(k -> k == t._2 ? t._1.size() : 1).toArray())));
    }

    /**
     * NumPy's {@code r_} ({@code defaultAxis} 0, {@code defaultNdmin} 1, {@code defaultTrans} -1)
     * and {@code c_} ({@code -1, 2, 0}): the pieces joined along an axis. Pieces are arrays,
     * numbers, Java arrays or slices (made 1-d ranges); a first piece of the form
     * {@code "axis[,ndmin[,trans1d]]"} overrides the defaults: pieces of lower rank gain axes
     * up to {@code ndmin}, their own axes starting at {@code trans1d}.
     */
    public static Array concatenator(String op, int defaultAxis, int defaultNdmin, int defaultTrans, Object... pieces) {
        int axis = defaultAxis, ndmin = defaultNdmin, trans = defaultTrans;
        Vector<Object> items = Vector.of(pieces);
        if (!items.isEmpty() && items.head() instanceof String directive) {
            String[] f = directive.split(",");
            try {
                if (f.length > 3 || directive.isBlank()) throw new NumberFormatException();
                axis = Integer.parseInt(f[0].strip());
                if (f.length > 1) ndmin = Integer.parseInt(f[1].strip());
                if (f.length > 2) trans = Integer.parseInt(f[2].strip());
            } catch (NumberFormatException e) {
                throw new ArgumentError(op, "the directive must be \"axis[,ndmin[,trans1d]]\" of integers (matrix directives 'r' and 'c' are not supported, as in JAX), got \"" + directive + "\"");
            }
            items = items.tail();
        }
        if (items.isEmpty()) throw new ArgumentError(op, "needs at least one piece, got none");
        int nd = ndmin, tr = trans;
        Vector<Array> arrays = items.map(o -> piece(op, o));
        arrays = arrays.map(a -> raise(a, nd, tr));
        Promotion.Typed t = Promotion.resultType(arrays.map(Array::aval));
        Vector<Array> typed = arrays.map(a -> a.dtype() == t.dtype() ? a : Lax.convertElementType(a, t.dtype(), t.weak()));
        return Joining.concatenate(typed, axis);
    }

    private static Array piece(String op, Object o) {
        return switch (o) {
            case Array a -> a.ndim() == 0 ? Lax.reshape(a, Shape.of(1)) : a;
            case GridSlice g -> grid1d(op, g);
            case Index.Slice s -> grid1d(op, s);
            case Integer i -> Array.scalar((long) i);
            case Long l -> Array.scalar((long) l);
            case Double d -> Array.scalar((double) d);
            case Float f -> Array.scalar((double) f);
            case Boolean b -> Array.scalar((boolean) b);
            case String s -> throw new ArgumentError(op, "a directive string may only come first, got \"" + s + "\"");
            case null -> throw new ArgumentError(op, "pieces cannot be null");
            default -> Creation.fromJava(o);
        };
    }

    /** NumPy's {@code array(a, ndmin=ndmin)} followed by moving the original axes to start at {@code trans}. */
    private static Array raise(Array a, int ndmin, int trans) {
        if (a.ndim() == 0) a = Lax.reshape(a, Shape.of(1));
        int nd = a.ndim();
        if (nd >= ndmin) return a;
        int[] dims = new int[ndmin];
        java.util.Arrays.fill(dims, 1);
        System.arraycopy(a.shape().toArray(), 0, dims, ndmin - nd, nd);
        Array b = Lax.reshape(a, Shape.of(dims));
        if (trans == -1) return b;
        int k2 = ndmin - nd, k1 = trans < 0 ? trans + k2 + 1 : trans;
        Vector<Integer> def = Vector.range(0, ndmin);
        Vector<Integer> perm = def.take(k1).appendAll(def.drop(k2)).appendAll(def.slice(k1, k2));
        return Lax.transpose(b, perm);
    }

    /** {@return {@code o} as an index entry, as {@link dev.jaxj.array.Array#get} reads it} */
    public static Index indexEntry(Object o) { return Index.of(o); }

    /** {@return every entry as an index, for {@code x.get(...)} and {@code x.at(...)}} */
    public static Index[] indexExp(Object... entries) {
        return Vector.of(entries).map(IndexHelpers::indexEntry).toJavaArray(Index[]::new);
    }
}
