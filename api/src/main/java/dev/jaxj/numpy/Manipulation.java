package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Arrays;

/**
 * Shape manipulation: reshaping, permuting, inserting and removing axes, broadcasting,
 * reversing, rolling, tiling and repeating. Everything is data movement: no arithmetic, so
 * every dtype is accepted.
 */
public final class Manipulation {
    private Manipulation() {}

    public static Array reshape(Array x, int... shape) { return NumpyOps.reshape(x, shape); }

    public static Array ravel(Array x) { return Lax.reshape(x, Shape.of(x.size())); }

    /** Reverses the axes. */
    public static Array transpose(Array x) { return Lax.transpose(x, Vector.range(0, x.ndim()).reverse()); }

    /** Output axis {@code i} is input axis {@code axes[i]}. */
    public static Array transpose(Array x, int... axes) {
        if (axes.length != x.ndim()) {
            throw new ArgumentError("transpose", "axes " + Arrays.toString(axes) + " must name each of the " + x.ndim() + " axes once, got " + x.aval());
        }
        return Lax.transpose(x, Axes.normalizeUnique("transpose", axes, x.ndim(), x));
    }

    public static Array swapaxes(Array x, int axis1, int axis2) {
        int a = Axes.normalize("swapaxes", axis1, x), b = Axes.normalize("swapaxes", axis2, x);
        return Lax.transpose(x, Vector.range(0, x.ndim()).update(a, b).update(b, a));
    }

    /** Moves each {@code source} axis to position {@code destination}, keeping the other axes in order. */
    public static Array moveaxis(Array x, int[] source, int[] destination) {
        if (source.length != destination.length) {
            throw new ArgumentError("moveaxis", "source " + Arrays.toString(source) + " and destination " + Arrays.toString(destination)
                    + " must have the same number of axes, got " + x.aval());
        }
        Vector<Integer> src = Axes.normalizeUnique("moveaxis", source, x.ndim(), x);
        Vector<Integer> dst = Axes.normalizeUnique("moveaxis", destination, x.ndim(), x);
        Vector<Integer> perm = Axes.complement(x.ndim(), src);
        for (var pair : dst.zip(src).sortBy(p -> p._1)) perm = perm.insert(pair._1, pair._2);
        return Lax.transpose(x, perm);
    }

    /** Inserts size-1 axes at the given positions of the result. */
    public static Array expandDims(Array x, int... axes) {
        return Lax.expandDims(x, Axes.normalizeUnique("expand_dims", axes, x.ndim() + axes.length, x).sorted());
    }

    /** Removes the given axes, which must have size 1; with none given, removes every size-1 axis. */
    public static Array squeeze(Array x, int... axes) {
        Vector<Integer> ax = axes.length == 0
                ? Vector.range(0, x.ndim()).filter(i -> x.shape().dim(i) == 1)
                : Axes.normalizeUnique("squeeze", axes, x.ndim(), x);
        for (int a : ax) {
            if (x.shape().dim(a) != 1) {
                throw new ShapeError("squeeze", "can only remove axes of size 1, axis " + a + " has size " + x.shape().dim(a) + ", got " + x.aval());
            }
        }
        return Lax.squeeze(x, ax);
    }

    /** {@return {@code x} broadcast to {@code shape} by NumPy's rules (trailing axes aligned)} */
    public static Array broadcastTo(Array x, Shape shape) {
        boolean ok = shape.rank() >= x.ndim();
        for (int i = 0; ok && i < x.ndim(); i++) {
            int d = x.shape().dim(i);
            ok = d == 1 || d == shape.dim(shape.rank() - x.ndim() + i);
        }
        if (!ok) throw new ShapeError("broadcast_to", "cannot broadcast to shape " + shape + ", got " + x.aval());
        return NumpyOps.broadcastTo(x, shape);
    }

    /** {@return the arrays broadcast against each other, dtypes unchanged} */
    public static Seq<Array> broadcastArrays(Array... xs) {
        return xs.length == 0 ? Vector.empty() : Operands.broadcast("broadcast_arrays", xs);
    }

    /** Scalars become shape {@code (1,)}. */
    public static Array atleast1d(Array x) { return x.ndim() >= 1 ? x : Lax.reshape(x, Shape.of(1)); }

    /** Scalars become {@code (1, 1)}, vectors {@code (1, N)}. */
    public static Array atleast2d(Array x) {
        return x.ndim() >= 2 ? x : Lax.reshape(x, x.ndim() == 0 ? Shape.of(1, 1) : Shape.of(1, x.size()));
    }

    /** Scalars become {@code (1, 1, 1)}, vectors {@code (1, N, 1)}, matrices {@code (M, N, 1)}. */
    public static Array atleast3d(Array x) {
        return switch (x.ndim()) {
            case 0 -> Lax.reshape(x, Shape.of(1, 1, 1));
            case 1 -> Lax.reshape(x, Shape.of(1, x.size(), 1));
            case 2 -> Lax.expandDims(x, Vector.of(2));
            default -> x;
        };
    }

    /** Reverses the given axes (all when none are given). */
    public static Array flip(Array x, int... axes) { return Lax.rev(x, Axes.normalizeAll("flip", axes, x)); }

    /** Rolls the flattened array by {@code shift} and restores the shape. */
    public static Array roll(Array x, int shift) {
        return Lax.reshape(roll(ravel(x), new int[] {shift}, new int[] {0}), x.shape());
    }

    /** Rolls elements forward by {@code shifts[i]} along {@code axes[i]}, wrapping around; one shift applies to every axis. */
    public static Array roll(Array x, int[] shifts, int[] axes) {
        if (shifts.length != axes.length && shifts.length != 1) {
            throw new ArgumentError("roll", "needs one shift, or one shift per axis, got shifts " + Arrays.toString(shifts)
                    + " and axes " + Arrays.toString(axes) + " for " + x.aval());
        }
        Array r = x;
        for (int i = 0; i < axes.length; i++) {
            int a = Axes.normalize("roll", axes[i], x);
            int n = x.shape().dim(a);
            if (n == 0) continue;
            int s = Math.floorMod(shifts.length == 1 ? shifts[0] : shifts[i], n);
            if (s != 0) r = Lax.concatenate(Vector.of(sliceAxis(r, a, n - s, n), sliceAxis(r, a, 0, n - s)), a);
        }
        return r;
    }

    /** {@return {@code x[..., lo:hi, ...]} along {@code axis}} */
    static Array sliceAxis(Array x, int axis, int lo, int hi) {
        int[] start = new int[x.ndim()], limit = x.shape().toArray(), strides = new int[x.ndim()];
        Arrays.fill(strides, 1);
        start[axis] = lo;
        limit[axis] = hi;
        return Lax.slice(x, Vector.ofAll(start), Vector.ofAll(limit), Vector.ofAll(strides));
    }

    /** Repeats the whole array {@code reps[i]} times along axis {@code i}; the shorter of rank and reps gains leading ones. */
    public static Array tile(Array x, int... reps) {
        for (int r : reps) {
            if (r < 0) throw new ArgumentError("tile", "repetitions must be >= 0, got " + Arrays.toString(reps) + " for " + x.aval());
        }
        int d = Math.max(x.ndim(), reps.length);
        int[] s = new int[d], r = new int[d];
        Arrays.fill(s, 1);
        Arrays.fill(r, 1);
        System.arraycopy(x.shape().toArray(), 0, s, d - x.ndim(), x.ndim());
        System.arraycopy(reps, 0, r, d - reps.length, reps.length);
        // Interleave a repetition axis before each data axis, then merge the pairs.
        int[] wide = new int[2 * d];
        long[] merged = new long[d];
        for (int i = 0; i < d; i++) {
            wide[2 * i] = r[i];
            wide[2 * i + 1] = s[i];
            merged[i] = (long) r[i] * s[i];
        }
        Shape result = Shape.of(x.dtype(), merged);            // checked first, so that an error shows the result asked for
        Array b = Lax.broadcastInDim(Lax.reshape(x, Shape.of(s)), Shape.of(wide), Vector.range(0, d).map(i -> 2 * i + 1));
        return Lax.reshape(b, result);
    }

    /** Repeats each element {@code repeats} times along {@code axis} (of the flattened array when none). */
    public static Array repeat(Array x, int repeats, Option<Integer> axis) {
        if (repeats < 0) throw new ArgumentError("repeat", "repeats must be >= 0, got " + repeats + " for " + x.aval());
        Array y = axis.isEmpty() ? ravel(x) : x;
        int a = axis.isEmpty() ? 0 : Axes.normalize("repeat", axis.get(), x);
        Shape wide = y.shape().insert(a + 1, repeats);
        Vector<Integer> dims = Vector.range(0, y.ndim()).map(i -> i <= a ? i : i + 1);
        return Lax.reshape(Lax.broadcastInDim(y, wide, dims), y.shape().with(a, y.shape().dim(a) * repeats));
    }

    /** Repeats element {@code i} along {@code axis} {@code repeats[i]} times. */
    public static Array repeat(Array x, int[] repeats, Option<Integer> axis) {
        if (repeats.length == 1) return repeat(x, repeats[0], axis);
        Array y = axis.isEmpty() ? ravel(x) : x;
        int a = axis.isEmpty() ? 0 : Axes.normalize("repeat", axis.get(), x);
        int n = y.shape().dim(a);
        if (repeats.length != n || Arrays.stream(repeats).anyMatch(r -> r < 0)) {
            throw new ArgumentError("repeat", "needs one non-negative repeat count per element along axis " + a
                    + ", got " + Arrays.toString(repeats) + " for " + x.aval());
        }
        Vector<Array> pieces = Vector.empty();
        for (int i = 0; i < n; i++) {
            if (repeats[i] > 0) pieces = pieces.append(repeat(sliceAxis(y, a, i, i + 1), repeats[i], Option.some(a)));
        }
        return pieces.isEmpty() ? sliceAxis(y, a, 0, 0) : Lax.concatenate(pieces, a);
    }
}
