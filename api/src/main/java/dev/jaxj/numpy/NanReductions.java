package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static dev.jaxj.numpy.Operands.fullLike;
import static dev.jaxj.numpy.Operands.inexact;

/**
 * Reductions that skip NaNs, as {@code jnp.nansum} and friends: NaNs are replaced by the
 * reduction's identity before reducing, so every function is a composite of the plain
 * reduction and keeps its derivative (zero for the NaN positions). Integers and bools have no
 * NaNs and reduce as the plain function does. An all-NaN slice gives NaN for {@code nanmax},
 * {@code nanmin}, {@code nanmean}, and -1 for {@code nanargmax}/{@code nanargmin}, as in JAX.
 */
public final class NanReductions {
    private NanReductions() {}

    /** {@return {@code x} with NaNs replaced by {@code v}} (integers and bools unchanged) */
    private static Array replaceNan(Array x, double v) {
        if (!x.dtype().isFloating()) return x;
        return Lax.select(Lax.ne(x, x), fullLike(x, v), x);
    }

    /** {@return where {@code x} is not NaN, as bool} */
    private static Array notNan(Array x) {
        if (!x.dtype().isFloating()) return Operands.boolLike(x, true);
        return Lax.eq(x, x);
    }

    public static Array nansum(Array x, boolean keepdims, int... axes) {
        return Reductions.sum(replaceNan(x, 0), keepdims, axes);
    }

    public static Array nanprod(Array x, boolean keepdims, int... axes) {
        return Reductions.prod(replaceNan(x, 1), keepdims, axes);
    }

    /** Maximum ignoring NaNs; NaN where every element of a slice is NaN. */
    public static Array nanmax(Array x, boolean keepdims, int... axes) {
        return extreme("nanmax", x, keepdims, axes, true);
    }

    public static Array nanmin(Array x, boolean keepdims, int... axes) {
        return extreme("nanmin", x, keepdims, axes, false);
    }

    private static Array extreme(String op, Array x, boolean keepdims, int[] axes, boolean isMax) {
        Vector<Integer> ax = Axes.normalizeAll(op, axes, x);
        for (int a : ax) {
            if (x.shape().dim(a) == 0) {
                throw new ShapeError(op, "zero-size reduction axis " + a + " has no identity for " + op + ", got " + x.aval());
            }
        }
        if (!x.dtype().isFloating()) return isMax ? Reductions.max(x, keepdims, axes) : Reductions.min(x, keepdims, axes);
        double fill = isMax ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        Array y = replaceNan(x, fill);
        Array r = isMax ? Reductions.max(y, keepdims, axes) : Reductions.min(y, keepdims, axes);
        Array allNan = Reductions.all(Lax.ne(x, x), keepdims, axes);
        return Lax.select(allNan, fullLike(r, Double.NaN), r);
    }

    /** The mean of the non-NaN elements; NaN where there are none. */
    public static Array nanmean(Array x, boolean keepdims, int... axes) {
        Array f = inexact(x);
        Array s = nansum(f, keepdims, axes);
        Array n = Lax.convertElementType(Reductions.countNonzero(notNan(f), keepdims, axes), s.dtype());
        return Lax.div(s, n);
    }

    /**
     * The variance of the non-NaN elements with divisor {@code count - ddof}; NaN where that
     * divisor is not positive (unlike {@code var}, which divides by it anyway), as in JAX.
     */
    public static Array nanvar(Array x, int ddof, boolean keepdims, int... axes) {
        Array f = inexact(x);
        Vector<Integer> ax = Axes.normalizeAll("nanvar", axes, f);
        Array mean = NumpyOps.broadcastTo(nanmean(f, true, axes), f.shape());
        Array centered = replaceNan(Lax.sub(f, mean), 0);
        Array s = Reductions.sum(Lax.mul(centered, centered), keepdims, Operands.ints(ax));
        Array n = Lax.convertElementType(Reductions.countNonzero(notNan(f), keepdims, Operands.ints(ax)), s.dtype());
        Array divisor = Lax.sub(n, fullLike(n, ddof));
        Array none = Lax.le(divisor, fullLike(divisor, 0));
        return Lax.select(none, fullLike(s, Double.NaN), Lax.div(s, Lax.select(none, fullLike(divisor, 1), divisor)));
    }

    public static Array nanstd(Array x, int ddof, boolean keepdims, int... axes) {
        return Lax.sqrt(nanvar(x, ddof, keepdims, axes));
    }

    /** Index (i32) of the first maximum ignoring NaNs; -1 for an all-NaN slice. */
    public static Array nanargmax(Array x, Option<Integer> axis, boolean keepdims) {
        return nanarg("nanargmax", x, axis, keepdims, true);
    }

    public static Array nanargmin(Array x, Option<Integer> axis, boolean keepdims) {
        return nanarg("nanargmin", x, axis, keepdims, false);
    }

    private static Array nanarg(String op, Array x, Option<Integer> axis, boolean keepdims, boolean isMax) {
        if (!x.dtype().isFloating()) return isMax ? Reductions.argmax(x, axis, keepdims) : Reductions.argmin(x, axis, keepdims);
        Array y = replaceNan(x, isMax ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        Array r = isMax ? Reductions.argmax(y, axis, keepdims) : Reductions.argmin(y, axis, keepdims);
        Array nan = Lax.ne(x, x);
        Array allNan = axis.isEmpty()
                ? Lax.reshape(Reductions.all(nan, keepdims), r.shape())
                : Reductions.all(nan, keepdims, Axes.normalize(op, axis.get(), x));
        return Lax.select(allNan, fullLike(r, -1), r);
    }

    /** Running sum treating NaNs as 0, along {@code axis} or the flattened array. */
    public static Array nancumsum(Array x, Option<Integer> axis) { return Reductions.cumsum(replaceNan(x, 0), axis); }

    /** Running product treating NaNs as 1. */
    public static Array nancumprod(Array x, Option<Integer> axis) { return Reductions.cumprod(replaceNan(x, 1), axis); }

    /** {@code max - min} over the axes ("peak to peak"). @throws DTypeError for bools, which do not subtract */
    public static Array ptp(Array x, boolean keepdims, int... axes) {
        if (x.dtype().isBool()) throw new DTypeError("ptp", "requires numeric operands (bools do not subtract), got " + x.aval());
        return Lax.sub(Reductions.max(x, keepdims, axes), Reductions.min(x, keepdims, axes));
    }

}
