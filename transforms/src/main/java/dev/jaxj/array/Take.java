package dev.jaxj.array;

import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Primitive.GatherDimensionNumbers;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * {@code jnp.take} and {@code jnp.take_along_axis}: selecting elements by integer arrays along
 * one axis, each a single gather.
 *
 * <p>As in JAX, out-of-bounds positions give a fill value by default ({@link Mode#FILL}: NaN
 * for floats, the lowest value for signed integers, the highest for unsigned, true for bool)
 * instead of NumPy's error.
 * {@snippet :
 * Array x = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}});
 * Take.take(x, Jnp.array(new int[] {2, 0}), 1);               // [[3, 1], [6, 4]]
 * Take.takeAlongAxis(x, Jnp.array(new int[][] {{0, 2}, {1, 0}}), 1); // [[1, 3], [5, 4]]
 * }
 */
public final class Take {
    private Take() {}

    /** What happens at positions outside {@code [-n, n)} of an axis of size {@code n}. */
    public enum Mode {
        /** Negative positions count from the end; the rest read the fill value (JAX's default). */
        FILL,
        /** Positions clamp into {@code [0, n)}. */
        CLIP,
        /** Positions wrap around, modulo {@code n}. */
        WRAP
    }

    /** {@return {@code take(x.ravel(), indices, 0)}: elements of the flattened array} */
    public static Array take(Array x, Array indices) { return take(x, indices, Mode.FILL); }

    /** {@return elements of the flattened array, out-of-bounds positions handled by {@code mode}} */
    public static Array take(Array x, Array indices, Mode mode) { return take(x.ravel(), indices, 0, mode); }

    /**
     * {@return the slices of {@code x} at {@code indices} along {@code axis}}, of shape
     * {@code x.shape[:axis] ++ indices.shape ++ x.shape[axis+1:]} and {@code x}'s dtype.
     *
     * @throws DTypeError when {@code indices} are not integers
     * @throws ShapeError when {@code axis} is out of range, or indices pick from an empty axis
     */
    public static Array take(Array x, Array indices, int axis) { return take(x, indices, axis, Mode.FILL); }

    /** {@return {@link #take(Array, Array, int)} with out-of-bounds positions handled by {@code mode}} */
    public static Array take(Array x, Array indices, int axis, Mode mode) {
        requireNonNull(x, "x is null");
        requireNonNull(indices, "indices is null");
        requireNonNull(mode, "mode is null");
        checkIntegers("take", x, indices);
        int a = NumpyOps.normalizeAxis("take", axis, x.ndim());
        int n = x.shape().dim(a), p = indices.ndim();
        Shape out = concat(x.shape().toSeq().take(a), indices.shape().toSeq(), x.shape().toSeq().drop(a + 1));
        if (n == 0) return fromEmptyAxis("take", x, indices, out, a);
        // NumPy's clip mode ignores the sign of positions; fill mode counts negative ones from the end.
        Array idx = switch (mode) {
            case FILL -> IndexArrays.wrapNegative(indices, n);
            case CLIP -> indices;
            case WRAP -> IndexArrays.floorMod(indices, n);
        };
        Vector<Integer> offsetDims = Vector.range(0, a).appendAll(Vector.range(a + p, x.ndim() + p - 1));
        var dims = new GatherDimensionNumbers(offsetDims, Vector.of(a), Vector.of(a), Vector.empty(), Vector.empty());
        Vector<Integer> sizes = x.shape().toSeq().update(a, 1);
        return Lax.gather(x, Lax.expandDims(idx, Vector.of(p)), dims, sizes, gatherMode(mode));
    }

    /**
     * {@return for every position of {@code indices}, the element of {@code x} that it names
     * along {@code axis}}: NumPy's {@code take_along_axis}. {@code indices} has {@code x}'s rank;
     * the other axes of the two broadcast together, and the result has their broadcast shape
     * with {@code indices}' size along {@code axis}.
     *
     * @throws DTypeError when {@code indices} are not integers
     * @throws ShapeError when the ranks differ, the other axes do not broadcast, or the axis is out of range
     */
    public static Array takeAlongAxis(Array x, Array indices, int axis) { return takeAlongAxis(x, indices, axis, Mode.FILL); }

    /**
     * {@return {@link #takeAlongAxis(Array, Array, int)} with out-of-bounds positions handled by
     * {@code mode}}; as in JAX, negative positions count from the end in every mode.
     */
    public static Array takeAlongAxis(Array x, Array indices, int axis, Mode mode) {
        requireNonNull(x, "x is null");
        requireNonNull(indices, "indices is null");
        requireNonNull(mode, "mode is null");
        String op = "take_along_axis";
        checkIntegers(op, x, indices);
        if (indices.ndim() != x.ndim()) {
            throw new ShapeError(op, "indices must have the array's rank, got " + x.aval() + " and indices " + indices.aval());
        }
        int a = NumpyOps.normalizeAxis(op, axis, x.ndim());
        int n = x.shape().dim(a), m = indices.shape().dim(a);
        Shape others;
        try {
            others = NumpyOps.broadcastShapes(op, Vector.of(x.shape().with(a, 1), indices.shape().with(a, 1)));
        } catch (ShapeError e) {
            throw new ShapeError(op, "the axes other than " + a + " must broadcast together, got " + x.aval() + " and indices " + indices.aval());
        }
        Array xs = NumpyOps.broadcastTo(x, others.with(a, n));
        Shape out = others.with(a, m);
        // Batching axes of size 0 have no slice of size 1 either; the result is then empty as well.
        if (xs.size() == 0) return fromEmptyAxis(op, xs, indices, out, a);
        Array idx = switch (mode) {
            case FILL, CLIP -> IndexArrays.wrapNegative(indices, n);
            case WRAP -> IndexArrays.floorMod(indices, n);
        };
        idx = NumpyOps.broadcastTo(idx, out);
        // Every other axis pairs an operand axis with the same indices axis: gather's batching dims.
        Vector<Integer> batch = Vector.range(0, x.ndim()).remove(a);
        var dims = new GatherDimensionNumbers(Vector.empty(), Vector.of(a), Vector.of(a), batch, batch);
        Vector<Integer> sizes = Vector.fill(x.ndim(), () -> 1);
        return Lax.gather(xs, Lax.expandDims(idx, Vector.of(x.ndim())), dims, sizes, gatherMode(mode));
    }

    private static GatherScatterMode gatherMode(Mode mode) {
        return switch (mode) {
            case FILL -> GatherScatterMode.FILL_OR_DROP;
            case CLIP, WRAP -> GatherScatterMode.CLIP;
        };
    }

    private static void checkIntegers(String op, Array x, Array indices) {
        if (!indices.dtype().isInteger()) {
            throw new DTypeError(op, "indices must have an integer dtype, got " + x.aval() + " and indices " + indices.aval());
        }
    }

    /** No position exists on an empty axis: only an empty selection is possible, and it is an empty reshape of {@code x}. */
    private static Array fromEmptyAxis(String op, Array x, Array indices, Shape out, int axis) {
        if (out.size() != 0) {
            throw new ShapeError(op, "cannot take a non-empty selection from the empty axis " + axis + ", got " + x.aval()
                    + " and indices " + indices.aval());
        }
        return Lax.reshape(x, out);
    }

    private static Shape concat(Vector<Integer> a, Vector<Integer> b, Vector<Integer> c) {
        return Shape.of(a.appendAll(b).appendAll(c));
    }
}
