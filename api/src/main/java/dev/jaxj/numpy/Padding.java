package dev.jaxj.numpy;

import dev.jaxj.Jnp.PadMode;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Primitive.PadConfig;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Arrays;

/**
 * NumPy's {@code pad}. Constant padding is the {@code pad} primitive; the other modes are
 * slices, broadcasts and concatenations, so they stay exact for every dtype.
 *
 * <p>The reflecting and wrapping modes extend an axis periodically: {@code reflect} repeats
 * {@code x ++ reverse(x[1:-1])}, {@code symmetric} repeats {@code x ++ reverse(x)}, and
 * {@code wrap} repeats {@code x}. Tiling one period and slicing the window gives any width,
 * including widths beyond the axis length, with the results NumPy gives.
 */
public final class Padding {
    private Padding() {}

    /**
     * @param widths {@code (before, after)} per axis, or one pair for every axis
     * @param value  the fill value of {@link PadMode#CONSTANT} (ignored by the other modes)
     */
    public static Array pad(Array x, int[][] widths, PadMode mode, double value) {
        int[][] w = perAxis(x, widths);
        return switch (mode) {
            case CONSTANT -> {
                yield Lax.pad(x, Array.scalar(value, x.dtype()), Vector.range(0, x.ndim()).map(i -> new PadConfig(w[i][0], w[i][1], 0)));
            }
            case EDGE, REFLECT, SYMMETRIC, WRAP -> {
                Array r = x;
                for (int a = 0; a < x.ndim(); a++) r = padAxis(r, a, w[a][0], w[a][1], mode);
                yield r;
            }
        };
    }

    private static int[][] perAxis(Array x, int[][] widths) {
        if (widths.length != x.ndim() && widths.length != 1) {
            throw new ArgumentError("pad", "needs one (before, after) pair per axis or one pair for all, got "
                    + widths.length + " pairs for " + x.aval());
        }
        int[][] w = new int[x.ndim()][];
        for (int i = 0; i < w.length; i++) {
            int[] p = widths[widths.length == 1 ? 0 : i];
            if (p.length != 2 || p[0] < 0 || p[1] < 0) {
                throw new ArgumentError("pad", "widths must be non-negative (before, after) pairs, got " + Arrays.deepToString(widths) + " for " + x.aval());
            }
            w[i] = p;
        }
        return w;
    }

    private static Array padAxis(Array x, int axis, int before, int after, PadMode mode) {
        if (before == 0 && after == 0) return x;
        int n = x.shape().dim(axis);
        if (n == 0) {
            throw new ShapeError("pad", "cannot extend the empty axis " + axis + " in mode " + mode.name().toLowerCase() + ", got " + x.aval());
        }
        if (mode == PadMode.EDGE || (mode == PadMode.REFLECT && n == 1)) {
            Array lo = Manipulation.repeat(Manipulation.sliceAxis(x, axis, 0, 1), before, Option.some(axis));
            Array hi = Manipulation.repeat(Manipulation.sliceAxis(x, axis, n - 1, n), after, Option.some(axis));
            return Lax.concatenate(Vector.of(lo, x, hi), axis);
        }
        Array period = switch (mode) {
            case REFLECT -> Lax.concatenate(Vector.of(x, Lax.rev(Manipulation.sliceAxis(x, axis, 1, n - 1), Vector.of(axis))), axis);
            case SYMMETRIC -> Lax.concatenate(Vector.of(x, Lax.rev(x, Vector.of(axis))), axis);
            case WRAP -> x;
            case CONSTANT, EDGE -> throw new IllegalStateException("handled above: " + mode);
        };
        int p = period.shape().dim(axis);
        // Element i of the padded axis (i from -before) is period[i mod p]: shift by a multiple of p to index from 0.
        int shift = Math.ceilDiv(before, p) * p;
        int reps = Math.ceilDiv(shift + n + after, p);
        int[] tileReps = new int[x.ndim()];
        Arrays.fill(tileReps, 1);
        tileReps[axis] = reps;
        return Manipulation.sliceAxis(Manipulation.tile(period, tileReps), axis, shift - before, shift + n + after);
    }
}
