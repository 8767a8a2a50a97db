package dev.jaxj.numpy;

import dev.jaxj.Jnp.QuantileMethod;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.array.Take;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.numpy.Operands.fullLike;

/**
 * {@code jnp.quantile}, {@code percentile}, {@code median} and their NaN-skipping forms. The
 * data is sorted along the axis (NaNs sort last) and the quantile {@code q} of {@code n}
 * values sits at the fractional position {@code q * (n - 1)}; {@link QuantileMethod} says how a
 * position between two elements becomes a value. The nan-forms count only the non-NaN values
 * of each slice, which come first once sorted. Results are floating point (f32 for integers and bools);
 * the linear method is differentiable, through the sort and the gather.
 */
public final class Quantiles {
    private Quantiles() {}

    /**
     * The {@code q}-quantiles of {@code a} over {@code axes} (all when empty, as over the
     * flattened array): shape {@code q.shape ++ a.shape without axes} (the axes kept as 1 with
     * {@code keepdims}). A slice holding a NaN gives NaN unless {@code skipNan}.
     */
    public static Array quantile(String op, Array a, Array q, int[] axes, QuantileMethod method, boolean keepdims, boolean skipNan) {
        if (q.ndim() > 1) throw new ArgumentError(op, "q must be a scalar or 1-d, got " + q.aval());
        Vector<Array> p = NumpyOps.promote(op, Promotion.Kind.INEXACT, Vector.of(a, q)).toVector();
        Array x = p.get(0), qq = p.get(1);
        Vector<Integer> ax = Axes.normalizeAll(op, axes, a);
        Shape kept = a.shape();
        for (int d : ax) kept = kept.with(d, 1);
        // The reduced axes go last and become one.
        Vector<Integer> others = Axes.complement(a.ndim(), ax);
        x = Lax.transpose(x, others.appendAll(ax));
        int reduced = ax.map(a.shape()::dim).fold(1, (u, v) -> u * v);
        x = Lax.reshape(x, Shape.of(others.map(a.shape()::dim).append(reduced)));
        int last = x.ndim() - 1, n = x.shape().dim(last);
        Array sorted = Lax.sort(Vector.of(x), last, true, 1).head();
        Shape batch = x.shape().without(last);
        int qRank = qq.ndim(), bRank = batch.rank();
        Shape out = Shape.of(Vector.ofAll(qq.shape().toSeq()).appendAll(batch.toSeq()));

        // Fractional positions, shaped q.shape ++ batch.
        Array count = skipNan
                ? Lax.convertElementType(Reductions.countNonzero(Lax.eq(sorted, sorted), false, last), x.dtype())
                : Array.scalar(n, x.dtype());
        Array cb = Lax.broadcastInDim(count, out, Vector.range(qRank, qRank + count.ndim()));
        Array qb = Lax.broadcastInDim(qq, out, Vector.range(0, qRank));
        Array pos = Lax.mul(qb, Lax.sub(cb, fullLike(cb, 1)));
        Array lo = Lax.floor(pos), hi = Lax.ceil(pos);
        Array loV = pick(sorted, lo, n, out, qRank, bRank), hiV = pick(sorted, hi, n, out, qRank, bRank);
        Array r = switch (method) {
            case LINEAR -> {
                Array w = Lax.sub(pos, lo);
                yield Lax.add(Lax.mul(loV, Lax.sub(fullLike(w, 1), w)), Lax.mul(hiV, w));
            }
            case LOWER -> loV;
            case HIGHER -> hiV;
            case MIDPOINT -> Lax.mul(Lax.add(loV, hiV), fullLike(loV, 0.5));
            case NEAREST -> Lax.select(Lax.le(Lax.sub(pos, lo), fullLike(pos, 0.5)), loV, hiV);
        };
        if (!skipNan && n > 0 && x.dtype().isFloating()) {
            // NaNs sort last, so the last element says whether the slice holds one.
            Array lastV = Lax.squeeze(Lax.slice(sorted, Vector.fill(last, () -> 0).append(Math.max(n - 1, 0)),
                    sorted.shape().toSeq(), Vector.fill(last + 1, () -> 1)), Vector.of(last));
            Array hasNan = Lax.broadcastInDim(Lax.ne(lastV, lastV), out, Vector.range(qRank, qRank + bRank));
            r = Lax.select(hasNan, fullLike(r, Double.NaN), r);
        }
        if (keepdims) r = Lax.reshape(r, Shape.of(Vector.ofAll(qq.shape().toSeq()).appendAll(kept.toSeq())));
        return r;
    }

    /** {@return {@code sorted[..., i]} for integral positions {@code i} (floats) clamped into range, shaped {@code out}} */
    private static Array pick(Array sorted, Array position, int n, Shape out, int qRank, int bRank) {
        Array i = Lax.convertElementType(Lax.clamp(fullLike(position, 0), position, fullLike(position, Math.max(n - 1, 0))), DType.I32);
        Shape src = Shape.of(Vector.fill(qRank, () -> 1).appendAll(sorted.shape().toSeq()));
        Array s = Lax.reshape(sorted, src);
        Array r = Take.takeAlongAxis(s, Lax.expandDims(i, Vector.of(qRank + bRank)), qRank + bRank, Take.Mode.FILL);
        return Lax.squeeze(r, Vector.of(qRank + bRank));
    }

    /** {@return the quantile of the Java {@code q}, checked to lie in [0, 1]} */
    public static Array quantile(String op, Array a, double q, int[] axes, QuantileMethod method, boolean keepdims, boolean skipNan) {
        if (!(q >= 0 && q <= 1)) throw new ArgumentError(op, "q must lie in [0, 1], got " + q);
        return quantile(op, a, Array.scalar(q), axes, method, keepdims, skipNan);
    }

    /** {@return the quantile {@code q / 100} of the Java percentile {@code q}, checked to lie in [0, 100]} */
    public static Array percentile(String op, Array a, double q, int[] axes, QuantileMethod method, boolean keepdims, boolean skipNan) {
        if (!(q >= 0 && q <= 100)) throw new ArgumentError(op, "q must lie in [0, 100], got " + q);
        return quantile(op, a, Array.scalar(q / 100), axes, method, keepdims, skipNan);
    }
}
