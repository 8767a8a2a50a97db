package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Arrays;

/**
 * Axis arguments in NumPy form: negative axes count from the end, no axes means all axes,
 * and an error names the op, the axis and the operand's aval.
 */
public final class Axes {
    private Axes() {}

    /** {@return {@code axis} normalised into {@code [0, rank)}} where {@code rank} may exceed {@code x}'s (for inserted axes) */
    static int normalize(String op, int axis, int rank, Array x) {
        if (axis < -rank || axis >= rank) {
            throw new ShapeError(op, "axis " + axis + " is out of bounds for rank " + rank + ", got " + x.aval());
        }
        return axis < 0 ? axis + rank : axis;
    }

    /** {@return {@code axis} normalised against {@code x}'s rank} */
    static int normalize(String op, int axis, Array x) { return normalize(op, axis, x.ndim(), x); }

    /** {@return the axes normalised against {@code x}'s rank; none given means all} @throws ArgumentError for a repeated axis */
    public static Vector<Integer> normalizeAll(String op, int[] axes, Array x) {
        return axes.length == 0 ? Vector.range(0, x.ndim()) : normalizeUnique(op, axes, x.ndim(), x);
    }

    /** {@return the axes normalised against {@code rank}, each at most once} */
    static Vector<Integer> normalizeUnique(String op, int[] axes, int rank, Array x) {
        Vector<Integer> v = Vector.ofAll(axes).map(a -> normalize(op, a, rank, x));
        if (v.distinct().size() != v.size()) {
            throw new ArgumentError(op, "repeated axis in " + Arrays.toString(axes) + ", got " + x.aval());
        }
        return v;
    }

    /** {@return the axes of {@code 0..rank-1} not in {@code axes}, in order} */
    static Vector<Integer> complement(int rank, Seq<Integer> axes) {
        return Vector.range(0, rank).filter(a -> !axes.contains(a));
    }

    /** {@return the permutation that moves axis {@code from} to position {@code to}} */
    static Vector<Integer> moveTo(int rank, int from, int to) {
        return Vector.range(0, rank).remove(from).insert(to, from);
    }
}
