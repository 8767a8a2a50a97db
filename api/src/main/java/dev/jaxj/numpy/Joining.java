package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/** Joining arrays along an axis (concatenate, stack) and splitting them apart (split). */
public final class Joining {
    private Joining() {}

    private static String avals(Seq<Array> xs) { return JaxjException.avals(xs.map(Array::aval)); }

    /** Joins arrays of equal rank along an existing axis; their dtypes promote. */
    public static Array concatenate(Seq<Array> xs, int axis) { return concatenate("concatenate", xs, axis); }

    /** {@link #concatenate(Seq, int)} naming {@code op}, the function the user called, in its errors. */
    private static Array concatenate(String op, Seq<Array> xs, int axis) {
        if (xs.isEmpty()) throw new ArgumentError(op, "needs at least one array, got none");
        Array first = xs.head();
        if (first.ndim() == 0) throw new ShapeError(op, "zero-dimensional arrays cannot be concatenated, got " + avals(xs));
        int a = Axes.normalize(op, axis, first);
        for (Array x : xs) {
            if (x.ndim() != first.ndim() || !x.shape().with(a, 0).equals(first.shape().with(a, 0))) {
                throw new ShapeError(op, "arrays must have the same shape except along axis " + a + ", got " + avals(xs));
            }
        }
        Promotion.Typed t = Promotion.resultType(xs.map(Array::aval));
        return Lax.concatenate(xs.map(x -> x.dtype() == t.dtype() ? x : Lax.convertElementType(x, t.dtype(), t.weak())), a);
    }

    /** Joins arrays of one shape along a new axis {@code axis} of the result. */
    public static Array stack(Seq<Array> xs, int axis) {
        if (xs.isEmpty()) throw new ArgumentError("stack", "needs at least one array, got none");
        Shape s = xs.head().shape();
        if (xs.exists(x -> !x.shape().equals(s))) throw new ShapeError("stack", "arrays must have the same shape, got " + avals(xs));
        int a = Axes.normalize("stack", axis, s.rank() + 1, xs.head());
        return concatenate(xs.map(x -> Lax.expandDims(x, Vector.of(a))), a);
    }

    /** Concatenates along axis 1, or axis 0 when the arrays are (at most) 1-d. */
    public static Array hstack(Seq<Array> xs) {
        Seq<Array> ys = xs.map(Manipulation::atleast1d);
        return concatenate("hstack", ys, !ys.isEmpty() && ys.head().ndim() == 1 ? 0 : 1);
    }

    /** Concatenates along axis 0 after making every array at least 2-d. */
    public static Array vstack(Seq<Array> xs) { return concatenate("vstack", xs.map(Manipulation::atleast2d), 0); }

    /** Splits into {@code sections} equal parts along {@code axis}. @throws ArgumentError when they cannot be equal */
    public static Seq<Array> split(Array x, int sections, int axis) {
        int a = Axes.normalize("split", axis, x);
        int n = x.shape().dim(a);
        if (sections <= 0 || n % sections != 0) {
            throw new ArgumentError("split", "array split does not result in an equal division: axis " + a + " of size " + n
                    + " into " + sections + " sections, got " + x.aval());
        }
        return arraySplit(x, sections, axis);
    }

    /** Splits at the given indices along {@code axis}: parts {@code [0, i0), [i0, i1), …, [ik, n)}, clamped as Python slices. */
    public static Seq<Array> split(Array x, int[] indices, int axis) {
        int a = Axes.normalize("split", axis, x);
        int n = x.shape().dim(a);
        int[] bounds = new int[indices.length + 2];
        bounds[indices.length + 1] = n;
        for (int i = 0; i < indices.length; i++) {
            int k = indices[i] < 0 ? indices[i] + n : indices[i];
            bounds[i + 1] = Math.clamp(k, 0, n);
        }
        Vector<Array> parts = Vector.empty();
        for (int i = 0; i + 1 < bounds.length; i++) {
            int lo = bounds[i], hi = Math.max(lo, bounds[i + 1]);
            parts = parts.append(Manipulation.sliceAxis(x, a, lo, hi));
        }
        return parts;
    }

    /** Splits into {@code sections} parts whose sizes differ by at most one, the larger ones first. */
    public static Seq<Array> arraySplit(Array x, int sections, int axis) {
        int a = Axes.normalize("array_split", axis, x);
        if (sections <= 0) throw new ArgumentError("array_split", "number of sections must be > 0, got " + sections + " for " + x.aval());
        int n = x.shape().dim(a), base = n / sections, extra = n % sections;
        int[] cuts = new int[sections - 1];
        int at = 0;
        for (int i = 0; i < cuts.length; i++) {
            at += base + (i < extra ? 1 : 0);
            cuts[i] = at;
        }
        return split(x, cuts, a);
    }
}
