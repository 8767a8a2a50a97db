package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.core.TraceStack;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.Function;

import static dev.jaxj.transforms.vmap.BatchTracer.NOT_MAPPED;

/**
 * Vectorizing map of functions on flat lists of arrays: {@code vmap(f)} applies {@code f} to
 * every slice of its mapped arguments at once, as if stacking {@code f}'s results over a loop.
 * Each argument is mapped along one axis or not at all (empty {@link Option}); each output is
 * put back with its batch axis where {@link OutAxes} says. The pytree-aware entry points
 * ({@code Jax.vmap}) are built on this.
 * {@snippet :
 * var batched = Vmap.vmap(xs -> Vector.of(xs.get(0).mul(xs.get(1)).sum()),
 *         Vector.of(Option.some(0), Option.none()), OutAxes.all(Option.some(0)), Option.none());
 * Seq<Array> out = batched.apply(Vector.of(rows, w));   // rows f32[8,3], w f32[3] -> f32[8]
 * }
 */
public final class Vmap {
    private Vmap() {}

    /** Where each output's batch axis goes, decided once the number of outputs is known. */
    @FunctionalInterface
    public interface OutAxes {
        /** {@return one axis (or none: not mapped) per output} */
        Seq<Option<Integer>> forOutputs(int count);

        /** {@return the same axis for every output} */
        static OutAxes all(Option<Integer> axis) {
            return n -> Vector.fill(n, axis);
        }
    }

    /**
     * {@return {@code f} vectorized}, naming arguments {@code argument 0}, {@code argument 1}, …
     * in messages; see {@link #vmap(Function, Seq, OutAxes, Option, Seq)}
     */
    public static Function<Seq<Array>, Seq<Array>> vmap(Function<Seq<Array>, Seq<Array>> f, Seq<Option<Integer>> inAxes,
                                                        OutAxes outAxes, Option<Integer> axisSize) {
        return vmap(f, inAxes, outAxes, axisSize, Vector.range(0, inAxes.size()).map(i -> "argument " + i));
    }

    /**
     * {@return {@code f} vectorized over the given axes}
     *
     * @param inAxes   per argument: the axis to map over (negative counts from the end), or none
     * @param outAxes  per output: where its batch axis goes (negative counts from the end), or none
     *                 for an output that is the same for every example
     * @param axisSize the number of examples: needed when no argument is mapped, checked otherwise
     * @param argNames how messages name the arguments (e.g. their key paths)
     * @throws ArgumentError when an axis is out of range, an output said to be unmapped is mapped,
     *                       or nothing gives the number of examples
     * @throws ShapeError    when the mapped axes (and {@code axisSize}) disagree in size; the
     *                       message lists every argument's size
     */
    public static Function<Seq<Array>, Seq<Array>> vmap(Function<Seq<Array>, Seq<Array>> f, Seq<Option<Integer>> inAxes,
                                                        OutAxes outAxes, Option<Integer> axisSize, Seq<String> argNames) {
        if (axisSize.exists(n -> n < 0)) throw new ArgumentError("vmap", "axis_size must be >= 0, got " + axisSize.get());
        return args -> {
            if (args.size() != inAxes.size()) {
                throw new ArgumentError("vmap", "in_axes has " + inAxes.size() + " entries for " + args.size() + " arguments");
            }
            Seq<Integer> dims = Vector.range(0, args.size()).map(i -> inAxes.get(i)
                    .map(a -> normalizeIn(a, args.get(i), argNames.get(i))).getOrElse(NOT_MAPPED));
            int size = axisSize(args, dims, axisSize, argNames);
            return TraceStack.with(level -> new BatchTrace(level, size), trace -> {
                Seq<Array> in = args.zipWith(dims, (a, d) -> (Array) new BatchTracer(trace, a, d));
                Seq<Array> out = Vector.ofAll(f.apply(in));
                Seq<Option<Integer>> axes = outAxes.forOutputs(out.size());
                if (axes.size() != out.size()) {
                    throw new ArgumentError("vmap", "out_axes has " + axes.size() + " entries for " + out.size() + " outputs");
                }
                return Vector.range(0, out.size()).map(i -> {
                    BatchTracer t = out.get(i) instanceof BatchTracer b && b.trace() == trace ? b : (BatchTracer) trace.lift(out.get(i));
                    return place(t, axes.get(i), i, size);
                });
            });
        };
    }

    private static int normalizeIn(int axis, Array x, String name) {
        if (axis < -x.ndim() || axis >= x.ndim()) {
            throw new ArgumentError("vmap", "in_axes asks to map " + name + " of type " + x.aval() + " along axis " + axis
                    + ", which is out of range for rank " + x.ndim() + " (axes lie in [" + -x.ndim() + ", " + x.ndim() + "))");
        }
        return axis < 0 ? axis + x.ndim() : axis;
    }

    private static int axisSize(Seq<Array> args, Seq<Integer> dims, Option<Integer> given, Seq<String> names) {
        Seq<Integer> sizes = Vector.range(0, args.size()).filter(i -> dims.get(i) != NOT_MAPPED)
                .map(i -> args.get(i).shape().dim(dims.get(i)));
        if (sizes.isEmpty() && given.isEmpty()) {
            throw new ArgumentError("vmap", "needs at least one mapped argument or an explicit axis_size, got in_axes that map none of "
                    + args.size() + " arguments");
        }
        int size = given.getOrElse(() -> sizes.head());
        if (sizes.exists(s -> s != size)) {
            String each = Vector.range(0, args.size()).map(i -> names.get(i) + " of type " + args.get(i).aval()
                    + (dims.get(i) == NOT_MAPPED ? " is not mapped" : " has size " + args.get(i).shape().dim(dims.get(i)) + " along axis " + dims.get(i)))
                    .mkString("; ");
            throw new ShapeError("vmap", "got inconsistent sizes for the mapped axes"
                    + (given.isDefined() ? " (axis_size is " + size + ")" : "") + ": " + each);
        }
        return size;
    }

    /** Moves an output's batch axis to where {@code axis} says, materialising it for an unmapped output. */
    private static Array place(BatchTracer t, Option<Integer> axis, int index, int size) {
        if (axis.isEmpty()) {
            if (t.mapped()) {
                throw new ArgumentError("vmap", "out_axes marks output " + index + " (per-example type " + t.aval()
                        + ") as not mapped, but it varies over the mapped axis; only outputs that do not depend on a mapped input can be unmapped");
            }
            return t.value();
        }
        int rank = t.aval().rank() + 1;
        int a = axis.get();
        if (a < -rank || a >= rank) {
            throw new ArgumentError("vmap", "out_axes entry " + a + " for output " + index + " (per-example type " + t.aval()
                    + ") is out of range for the batched rank " + rank + " (axes lie in [" + -rank + ", " + rank + "))");
        }
        return Moves.bring(t.value(), t.batchDim(), size, a < 0 ? a + rank : a);
    }
}
