package dev.jaxj.numpy;

import dev.jaxj.Jnp.ConvolveMode;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Take;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ConvDimensionNumbers;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static dev.jaxj.array.Promotion.Kind.INEXACT;
import static dev.jaxj.numpy.Operands.fullLike;
import static dev.jaxj.numpy.Polynomials.range;

/**
 * Signal and calculus helpers: discrete convolution and correlation (one {@code conv}
 * primitive), linear interpolation, differences, the numerical gradient and the trapezoidal
 * rule, with JAX's semantics and dtypes (convolution, interpolation, gradients and integrals
 * compute in floating point; differences keep the dtype).
 */
public final class Signal {
    private Signal() {}

    // Convolution ------------------------------------------------------------------------------

    /** The discrete linear convolution of two non-empty 1-d arrays; the longer one slides under the shorter. */
    public static Array convolve(Array a, Array v, ConvolveMode mode) { return convolve("convolve", a, v, mode, false); }

    /**
     * The cross-correlation {@code c[k] = sum_n a[n + k] v[n]} of two non-empty 1-d arrays
     * (NumPy's {@code correlate}; for real inputs, the convolution with {@code v} reversed).
     */
    public static Array correlate(Array a, Array v, ConvolveMode mode) { return convolve("correlate", a, v, mode, true); }

    static Array convolve(String op, Array a, Array v, ConvolveMode mode, boolean correlate) {
        if (a.ndim() != 1 || v.ndim() != 1) throw new ShapeError(op, "requires 1-d operands, got " + Operands.avals(a, v));
        if (a.size() == 0 || v.size() == 0) throw new ShapeError(op, "requires non-empty operands, got " + Operands.avals(a, v));
        Vector<Array> p = NumpyOps.promote(op, INEXACT, Vector.of(a, v)).toVector();
        Array x = p.get(0), y = p.get(1);
        boolean reverseOut = false;
        if (x.size() < y.size()) {
            Array t = x;
            x = y;
            y = t;
            // Correlation is not symmetric: swapping the operands reverses the result.
            reverseOut = correlate;
        }
        // conv_general_dilated correlates; a convolution correlates with the kernel reversed.
        if (!correlate) y = Lax.rev(y, Vector.of(0));
        int m = y.size();
        Padding pad = switch (mode) {
            case FULL -> new Padding(m - 1, m - 1);
            case SAME -> new Padding(m / 2, m - m / 2 - 1);
            case VALID -> new Padding(0, 0);
        };
        Vector<Integer> ncw = Vector.of(0, 1, 2);
        Array out = Lax.convGeneralDilated(Lax.reshape(x, Shape.of(1, 1, x.size())), Lax.reshape(y, Shape.of(1, 1, m)),
                Vector.of(1), Vector.of(pad), Vector.of(1), Vector.of(1), new ConvDimensionNumbers(ncw, ncw, ncw), 1, 1);
        out = Lax.reshape(out, Shape.of(out.size()));
        return reverseOut ? Lax.rev(out, Vector.of(0)) : out;
    }

    // Interpolation ----------------------------------------------------------------------------

    /**
     * Piecewise-linear interpolation of the points {@code (xp, fp)} at {@code x}; {@code xp}
     * increasing (or any order, with a period). Below {@code xp[0]} gives {@code left}
     * ({@code fp[0]} when none), above {@code xp[-1]} {@code right}.
     */
    public static Array interp(Array x, Array xp, Array fp, Option<Array> left, Option<Array> right, Option<Double> period) {
        if (xp.ndim() != 1 || fp.ndim() != 1 || xp.size() != fp.size() || xp.size() == 0) {
            throw new ShapeError("interp", "requires xp and fp 1-d, non-empty and of one length, got " + Operands.avals(x, xp, fp));
        }
        Vector<Array> p = NumpyOps.promote("interp", INEXACT, Vector.of(x, xp, fp)).toVector();
        Array xs = p.get(0), xps = p.get(1), fps = p.get(2);
        if (period.isDefined()) {
            double per = Math.abs(period.get());
            if (per == 0 || Double.isNaN(per)) throw new ArgumentError("interp", "period must be non-zero, got " + period.get());
            xs = Elementwise.remainder(xs, fullLike(xs, per));
            Seq<Array> sorted = Lax.sort(Vector.of(Elementwise.remainder(xps, fullLike(xps, per)), fps), 0, true, 1);
            xps = sorted.get(0);
            fps = sorted.get(1);
            int n = xps.size();
            // One period's neighbours on each side, so that every x lies between two points.
            xps = Lax.concatenate(Vector.of(Operands.add(range(xps, 0, n - 1, n), -per), xps, Operands.add(range(xps, 0, 0, 1), per)), 0);
            fps = Lax.concatenate(Vector.of(range(fps, 0, n - 1, n), fps, range(fps, 0, 0, 1)), 0);
        }
        int n = xps.size();
        Array flat = Lax.reshape(xs, Shape.of(xs.size()));
        // searchsorted(xp, x, side='right'): the number of xp <= x, clipped so that i-1 and i are points.
        Array le = Lax.le(Lax.broadcastInDim(xps, Shape.of(flat.size(), n), Vector.of(1)), Lax.broadcastInDim(flat, Shape.of(flat.size(), n), Vector.of(0)));
        Array i = Lax.reduceSum(Lax.convertElementType(le, DType.I32), Vector.of(1));
        Array hi = Lax.min(Lax.max(i, fullLike(i, Math.min(1, n - 1))), fullLike(i, n - 1));
        Array lo = Lax.max(Lax.sub(hi, fullLike(hi, 1)), fullLike(hi, 0));
        Array fLo = Take.take(fps, lo, 0, Take.Mode.CLIP), fHi = Take.take(fps, hi, 0, Take.Mode.CLIP);
        Array xLo = Take.take(xps, lo, 0, Take.Mode.CLIP), xHi = Take.take(xps, hi, 0, Take.Mode.CLIP);
        Array dx = Lax.sub(xHi, xLo), delta = Lax.sub(flat, xLo);
        // Coincident points would divide by ~0: take the left value there, with a finite gradient.
        double tiny = xps.dtype() == DType.F64 ? 0x1p-104 : 0x1p-46;
        Array flatDx = Lax.le(Lax.abs(dx), fullLike(dx, tiny));
        Array f = Lax.select(flatDx, fLo, Lax.add(fLo, Lax.mul(Lax.div(delta, Lax.select(flatDx, fullLike(dx, 1), dx)), Lax.sub(fHi, fLo))));
        if (period.isEmpty()) {
            Array first = range(xps, 0, 0, 1), last = range(xps, 0, n - 1, n);
            Array l = left.isDefined() ? Lax.convertElementType(left.get(), f.dtype()) : range(fps, 0, 0, 1);
            Array r = right.isDefined() ? Lax.convertElementType(right.get(), f.dtype()) : range(fps, 0, n - 1, n);
            f = Logic.where(Lax.lt(flat, NumpyOps.broadcastTo(Lax.reshape(first, Shape.SCALAR), flat.shape())), NumpyOps.broadcastTo(Lax.reshape(l, Shape.SCALAR), flat.shape()), f);
            f = Logic.where(Lax.gt(flat, NumpyOps.broadcastTo(Lax.reshape(last, Shape.SCALAR), flat.shape())), NumpyOps.broadcastTo(Lax.reshape(r, Shape.SCALAR), flat.shape()), f);
        }
        return Lax.reshape(f, xs.shape());
    }

    // Differences ------------------------------------------------------------------------------

    /**
     * The {@code n}-th discrete difference along {@code axis}, after joining {@code prepend}
     * and {@code append} (scalars are broadcast to one slice); bools give {@code !=}.
     */
    public static Array diff(Array a, int n, int axis, Option<Array> prepend, Option<Array> append) {
        if (n < 0) throw new ArgumentError("diff", "order must be >= 0, got n=" + n + " for " + a.aval());
        if (a.ndim() == 0) throw new ShapeError("diff", "requires an array of rank >= 1, got " + a.aval());
        int ax = Axes.normalize("diff", axis, a);
        if (n == 0) return a;
        Vector<Array> parts = Vector.of(a);
        if (prepend.isDefined()) parts = parts.prepend(slab(prepend.get(), a, ax));
        if (append.isDefined()) parts = parts.append(slab(append.get(), a, ax));
        Array r = parts.size() == 1 ? a : Joining.concatenate(parts, ax);
        for (int k = 0; k < n; k++) {
            int len = r.shape().dim(ax);
            Array hi = range(r, ax, Math.min(1, len), len), lo = range(r, ax, 0, Math.max(0, len - 1));
            r = r.dtype().isBool() ? Lax.ne(hi, lo) : Elementwise.subtract(hi, lo);
        }
        return r;
    }

    /** A scalar becomes one slice of {@code a} along {@code axis}; arrays are joined as they are. */
    private static Array slab(Array v, Array a, int axis) {
        if (v.ndim() != 0) return v;
        return Lax.broadcastInDim(v, a.shape().with(axis, 1), Vector.empty());
    }

    /** The differences of the flattened array, with optional values before and after. */
    public static Array ediff1d(Array ary, Option<Array> toEnd, Option<Array> toBegin) {
        Array flat = Manipulation.ravel(ary);
        int n = flat.size();
        Array r = Elementwise.subtract(range(flat, 0, Math.min(1, n), n), range(flat, 0, 0, Math.max(0, n - 1)));
        Vector<Array> parts = Vector.of(r);
        if (toBegin.isDefined()) parts = parts.prepend(Manipulation.ravel(toBegin.get()));
        if (toEnd.isDefined()) parts = parts.append(Manipulation.ravel(toEnd.get()));
        return parts.size() == 1 ? r : Joining.concatenate(parts, 0);
    }

    // Calculus ---------------------------------------------------------------------------------

    /**
     * The numerical derivative along {@code axis}: second-order central differences inside,
     * first-order one-sided differences at the edges. {@code spacing} is a scalar step or the
     * 1-d coordinates along the axis (then uneven steps are allowed).
     */
    public static Array gradient(Array f, Array spacing, int axis) {
        int ax = Axes.normalize("gradient", axis, f);
        int len = f.shape().dim(ax);
        if (len < 2) {
            throw new ShapeError("gradient", "needs at least 2 elements along each axis, axis " + ax + " has " + len + ", got " + f.aval());
        }
        Array a = Operands.inexact(f);
        Array upper = Lax.sub(range(a, ax, 1, 2), range(a, ax, 0, 1));
        Array lower = Lax.sub(range(a, ax, len - 1, len), range(a, ax, len - 2, len - 1));
        Array inner;
        if (spacing.ndim() == 0) {
            Array h = spacing;
            inner = Elementwise.divide(Elementwise.multiply(Lax.sub(range(a, ax, 2, len), range(a, ax, 0, len - 2)), Array.scalar(0.5)), h);
            upper = Elementwise.divide(upper, h);
            lower = Elementwise.divide(lower, h);
        } else if (spacing.ndim() == 1) {
            if (spacing.size() != len) {
                throw new ShapeError("gradient", "coordinates must have the length of axis " + ax + " (" + len + "), got " + Operands.avals(f, spacing));
            }
            int[] dims = new int[a.ndim()];
            java.util.Arrays.fill(dims, 1);
            dims[ax] = len;
            Array x = Lax.reshape(spacing, Shape.of(dims));
            upper = Elementwise.divide(upper, Elementwise.subtract(range(x, ax, 1, 2), range(x, ax, 0, 1)));
            lower = Elementwise.divide(lower, Elementwise.subtract(range(x, ax, len - 1, len), range(x, ax, len - 2, len - 1)));
            Array dx1 = Elementwise.subtract(range(x, ax, 1, len - 1), range(x, ax, 0, len - 2));
            Array dx2 = Elementwise.subtract(range(x, ax, 2, len), range(x, ax, 1, len - 1));
            Array sum = Elementwise.add(dx1, dx2);
            // The second-order weights of the three neighbours for uneven steps dx1 (left) and dx2 (right).
            Array wa = Elementwise.divide(Elementwise.negative(dx2), Elementwise.multiply(dx1, sum));
            Array wb = Elementwise.divide(Elementwise.subtract(dx2, dx1), Elementwise.multiply(dx1, dx2));
            Array wc = Elementwise.divide(dx1, Elementwise.multiply(dx2, sum));
            inner = Elementwise.add(Elementwise.add(Elementwise.multiply(wa, range(a, ax, 0, len - 2)),
                    Elementwise.multiply(wb, range(a, ax, 1, len - 1))), Elementwise.multiply(wc, range(a, ax, 2, len)));
        } else {
            throw new ShapeError("gradient", "spacing must be a scalar or 1-d coordinates, got " + Operands.avals(f, spacing));
        }
        return Joining.concatenate(Vector.of(upper, inner, lower), ax);
    }

    /** {@link #gradient(Array, Array, int)} along every axis, one spacing for all or one per axis. */
    public static Seq<Array> gradient(Array f, Seq<Array> spacing) {
        if (spacing.size() > 1 && spacing.size() != f.ndim()) {
            throw new ArgumentError("gradient", "needs one spacing for all axes or one per axis (" + f.ndim() + "), got " + spacing.size() + " for " + f.aval());
        }
        return Vector.range(0, f.ndim()).map(ax -> gradient(f, spacing.isEmpty() ? Array.scalar(1.0) : spacing.get(spacing.size() == 1 ? 0 : ax), ax));
    }

    /**
     * The integral of {@code y} along {@code axis} by the trapezoidal rule, at the sample points
     * {@code x} (1-d along the axis, or shaped like {@code y}).
     */
    public static Array trapezoid(Array y, Array x, int axis) {
        int ax = Axes.normalize("trapezoid", axis, y);
        Vector<Array> p = NumpyOps.promote("trapezoid", INEXACT, Vector.of(y, x)).toVector();
        Array dx = p.get(1).ndim() == 1
                ? diff(p.get(1), 1, 0, Option.none(), Option.none())
                : Manipulation.moveaxis(diff(p.get(1), 1, ax, Option.none(), Option.none()), new int[] {ax}, new int[] {-1});
        return sumOfMeans(Manipulation.moveaxis(p.get(0), new int[] {ax}, new int[] {-1}), dx);
    }

    /** The trapezoidal rule along {@code axis} with evenly spaced samples {@code dx} apart. */
    public static Array trapezoid(Array y, double dx, int axis) {
        int ax = Axes.normalize("trapezoid", axis, y);
        Array a = Manipulation.moveaxis(Operands.inexact(y), new int[] {ax}, new int[] {-1});
        return sumOfMeans(a, Array.scalar(dx));
    }

    /** {@code sum(dx * (y[..., 1:] + y[..., :-1]) / 2)} over the last axis. */
    private static Array sumOfMeans(Array y, Array dx) {
        int last = y.ndim() - 1, n = y.shape().dim(last);
        Array mid = Elementwise.add(range(y, last, Math.min(1, n), n), range(y, last, 0, Math.max(0, n - 1)));
        Array terms = Elementwise.multiply(dx, mid);
        if (terms.ndim() == 0) throw new ShapeError("trapezoid", "requires y of rank >= 1, got " + y.aval());
        return Elementwise.multiply(Lax.reduceSum(terms, Vector.of(terms.ndim() - 1)), Array.scalar(0.5));
    }
}
