package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.Promotion;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.BiFunction;

import static dev.jaxj.numpy.Operands.fullLike;
import static dev.jaxj.numpy.Operands.inexact;
import static dev.jaxj.numpy.Operands.truthy;

/**
 * Reductions in NumPy form: axes may be negative, none means all, and {@code keepdims} keeps
 * reduced axes as size 1. Sums and products of bools and narrow integers count in i32 (u32 for
 * unsigned ones); means and variances of integers compute in f32.
 */
public final class Reductions {
    private Reductions() {}

    private static Array reduce(String op, Array x, int[] axes, boolean keepdims, BiFunction<Array, Seq<Integer>, Array> f) {
        Vector<Integer> ax = Axes.normalizeAll(op, axes, x);
        Array r = f.apply(x, ax);
        return keepdims ? Lax.expandDims(r, ax.sorted()) : r;
    }

    private static Array numeric(Array x) { return NumpyOps.promoteIntegers(x); }

    public static Array sum(Array x, boolean keepdims, int... axes) {
        return reduce("sum", numeric(x), axes, keepdims, Lax::reduceSum);
    }

    public static Array prod(Array x, boolean keepdims, int... axes) {
        return reduce("prod", numeric(x), axes, keepdims, Lax::reduceProd);
    }

    /** Maximum; NaN propagates. @throws ShapeError when a reduced axis is empty (there is no identity) */
    public static Array max(Array x, boolean keepdims, int... axes) {
        return reduce("max", x, axes, keepdims, (a, ax) -> Lax.reduceMax(nonEmpty("max", a, ax), ax));
    }

    public static Array min(Array x, boolean keepdims, int... axes) {
        return reduce("min", x, axes, keepdims, (a, ax) -> Lax.reduceMin(nonEmpty("min", a, ax), ax));
    }

    /** Maximum with a starting value {@code initial}, which is also the result over empty axes. */
    public static Array max(Array x, double initial, boolean keepdims, int... axes) {
        return reduce("max", x, axes, keepdims, (a, ax) -> {
            Array m = Lax.reduceMax(a, ax);
            return Lax.max(m, fullLike(m, initial));
        });
    }

    private static Array nonEmpty(String op, Array x, Seq<Integer> axes) {
        for (int a : axes) {
            if (x.shape().dim(a) == 0) {
                throw new ShapeError(op, "zero-size reduction axis " + a + " has no identity for " + op + ", got " + x.aval());
            }
        }
        return x;
    }

    /** True where every element along the axes is non-zero; true for empty axes. */
    public static Array all(Array x, boolean keepdims, int... axes) {
        return reduce("all", truthy(x), axes, keepdims, Lax::reduceAnd);
    }

    public static Array any(Array x, boolean keepdims, int... axes) {
        return reduce("any", truthy(x), axes, keepdims, Lax::reduceOr);
    }

    /** The number of non-zero elements, as i32. */
    public static Array countNonzero(Array x, boolean keepdims, int... axes) {
        return reduce("count_nonzero", Lax.convertElementType(truthy(x), DType.I32), axes, keepdims, Lax::reduceSum);
    }

    private static int count(Array x, Seq<Integer> axes) {
        return axes.map(x.shape()::dim).fold(1, (a, b) -> a * b);
    }

    /** The arithmetic mean; empty axes give NaN. */
    public static Array mean(Array x, boolean keepdims, int... axes) {
        Array f = inexact(x);
        Vector<Integer> ax = Axes.normalizeAll("mean", axes, x);
        Array s = reduce("mean", f, axes, keepdims, Lax::reduceSum);
        return Lax.div(s, fullLike(s, count(x, ax)));
    }

    /**
     * The variance {@code sum((x - mean)²) / (N - ddof)}; as in JAX the divisor is not
     * clamped, so {@code ddof >= N} gives infinities, NaNs or negative values.
     */
    public static Array var(Array x, int ddof, boolean keepdims, int... axes) { return var("var", x, ddof, keepdims, axes); }

    /** {@link #var(Array, int, boolean, int...)} naming {@code op}, the function the user called, in its errors. */
    private static Array var(String op, Array x, int ddof, boolean keepdims, int... axes) {
        Array f = inexact(x);
        Vector<Integer> ax = Axes.normalizeAll(op, axes, x);
        Array centered = Lax.sub(f, NumpyOps.broadcastTo(mean(f, true, axes), f.shape()));
        Array s = reduce(op, Lax.mul(centered, centered), axes, keepdims, Lax::reduceSum);
        return Lax.div(s, fullLike(s, count(x, ax) - (double) ddof));
    }

    public static Array std(Array x, int ddof, boolean keepdims, int... axes) {
        return Lax.sqrt(var("std", x, ddof, keepdims, axes));
    }

    /** Index (i32) of the first maximum along {@code axis}, or of the flattened array when none; NaN counts as the maximum. */
    public static Array argmax(Array x, Option<Integer> axis, boolean keepdims) {
        return arg("argmax", x, axis, keepdims, true);
    }

    public static Array argmin(Array x, Option<Integer> axis, boolean keepdims) {
        return arg("argmin", x, axis, keepdims, false);
    }

    private static Array arg(String op, Array x, Option<Integer> axis, boolean keepdims, boolean isMax) {
        Array y = axis.isEmpty() ? Lax.reshape(x, Shape.of(x.size())) : x;
        int a = axis.isEmpty() ? 0 : Axes.normalize(op, axis.get(), x);
        if (y.shape().dim(a) == 0) throw new ShapeError(op, "attempt to get " + op + " of an empty sequence, got " + x.aval());
        Array r = isMax ? Lax.argmax(y, a, DType.I32) : Lax.argmin(y, a, DType.I32);
        if (!keepdims) return r;
        return axis.isEmpty() ? Lax.reshape(r, ones(x.ndim())) : Lax.expandDims(r, Vector.of(a));
    }

    private static Shape ones(int rank) {
        int[] d = new int[rank];
        java.util.Arrays.fill(d, 1);
        return Shape.of(d);
    }

    /**
     * {@code log(sum(exp(x)))} over the axes, computed as {@code m + log(sum(exp(x - m)))} with
     * {@code m} the maximum, so large inputs do not overflow; all {@code -inf} (or empty) rows
     * give {@code -inf}.
     */
    public static Array logsumexp(Array x, boolean keepdims, int... axes) {
        Array f = inexact(x);
        Vector<Integer> ax = Axes.normalizeAll("logsumexp", axes, x);
        // reduce_max of an empty axis is -inf, the identity this formula needs.
        Array m = Lax.expandDims(Lax.reduceMax(f, ax), ax.sorted());
        // The shift only guards against overflow: no gradient flows through it, as in JAX.
        m = Lax.stopGradient(Lax.select(Lax.isFinite(m), m, fullLike(m, 0)));
        Array shifted = Lax.sub(f, NumpyOps.broadcastTo(m, f.shape()));
        Array s = Lax.reduceSum(Lax.exp(shifted), ax);
        Array mr = Lax.squeeze(m, ax.sorted());
        Array out = Lax.add(Lax.log(s), mr);
        return keepdims ? Lax.expandDims(out, ax.sorted()) : out;
    }

    /** Inclusive running sum along {@code axis}, or along the flattened array when none. */
    public static Array cumsum(Array x, Option<Integer> axis) { return cumulative("cumsum", x, axis, Lax::cumsum); }

    public static Array cumprod(Array x, Option<Integer> axis) { return cumulative("cumprod", x, axis, Lax::cumprod); }

    private interface Scan { Array apply(Array x, int axis, boolean reverse); }

    private static Array cumulative(String op, Array x, Option<Integer> axis, Scan scan) {
        // JAX's cumulative reductions keep the operand's type (they do not promote narrow integers); bools count in i32.
        Array flat = axis.isEmpty() ? Lax.reshape(x, Shape.of(x.size())) : x;
        Array y = flat.dtype().isBool() ? Lax.convertElementType(flat, DType.I32) : flat;
        int a = axis.isEmpty() ? 0 : Axes.normalize(op, axis.get(), x);
        return scan.apply(y, a, false);
    }

    /**
     * The weighted mean {@code sum(x * w) / sum(w)} over the axes; {@code weights} has
     * {@code x}'s shape, or is 1-d along the single reduced axis.
     */
    public static Array average(Array x, Array weights, int... axes) {
        Vector<Integer> ax = Axes.normalizeAll("average", axes, x);
        Array w = weights;
        if (!w.shape().equals(x.shape())) {
            if (w.ndim() != 1 || ax.size() != 1 || w.shape().dim(0) != x.shape().dim(ax.head())) {
                throw new ShapeError("average", "weights must have the shape of x, or be 1-d along the one reduced axis, got "
                        + Operands.avals(x, weights) + " with axes " + ax.mkString("(", ",", ")"));
            }
            w = Lax.broadcastInDim(w, x.shape(), Vector.of(ax.head()));
        }
        Vector<Array> p = Operands.prepare("average", Promotion.Kind.INEXACT, x, w);
        Array num = Lax.reduceSum(Lax.mul(p.get(0), p.get(1)), ax);
        return Lax.div(num, Lax.reduceSum(p.get(1), ax));
    }
}
