package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a NumPy index expression, as written between the brackets of {@code x[...]}.
 * {@snippet lang=text :
 * index ::= Int                 x[2], x[-1]          drops the axis
 *         | Slice               x[1:5:2], x[::-1]    keeps the axis
 *         | NewAxis             x[None]              inserts an axis of size 1
 *         | Ellipsis            x[..., 0]            as many full slices as needed
 *         | IntArray            x[idx]               advanced (gather) indexing
 *         | Mask                x[mask]              bool mask, concrete values only
 * }
 * Where an index is expected, {@link Array#get} and {@link Array#at} also accept Java
 * {@code int}/{@code Integer} values, integer or bool {@link Array}s and {@code int[]}
 * directly; {@link #of} does that conversion.
 * {@snippet :
 * x.get(0, Index.all(), idx);               // x[0, :, idx]
 * x.get(Index.ELLIPSIS, Index.step(-1));     // x[..., ::-1]
 * x.get(Index.slice(1, -1), Index.NEW_AXIS); // x[1:-1, None]
 * }
 */
public sealed interface Index permits Index.Int, Index.Slice, Index.NewAxis, Index.Ellipsis, Index.IntArray, Index.Mask {

    /** NumPy's {@code None} / {@code np.newaxis}: a new axis of size 1. */
    NewAxis NEW_AXIS = new NewAxis();

    /** NumPy's {@code ...}: full slices for every axis the other entries leave out. */
    Ellipsis ELLIPSIS = new Ellipsis();

    /** A static integer index; negative values count from the end of the axis. */
    record Int(int index) implements Index {
        @Override public String toString() { return Integer.toString(index); }
    }

    /**
     * A static slice {@code start:stop:step} with Python's semantics: negative bounds count
     * from the end, bounds out of range are clamped, an empty part takes its default
     * (which depends on the sign of the step).
     */
    record Slice(Option<Integer> start, Option<Integer> stop, Option<Integer> step) implements Index {
        public Slice {
            requireNonNull(start, "start is null");
            requireNonNull(stop, "stop is null");
            requireNonNull(step, "step is null");
            if (step.contains(0)) throw new ArgumentError("slice", "step cannot be zero, got " + show(start, stop, step));
        }

        /** {@return this slice with the given step, e.g. {@code Index.from(5).by(-1)} for {@code 5::-1}} */
        public Slice by(int step) { return new Slice(start, stop, Option.some(step)); }

        /** {@return the positions this slice selects on an axis of size {@code n} (Python's {@code slice.indices})} */
        public Span span(int n) {
            int st = step.getOrElse(1);
            int lower = st > 0 ? 0 : -1, upper = st > 0 ? n : n - 1;
            int b = clamp(start, st > 0 ? lower : upper, n, lower, upper);
            int e = clamp(stop, st > 0 ? upper : lower, n, lower, upper);
            int length = st > 0 ? (e > b ? (e - b - 1) / st + 1 : 0) : (b > e ? (b - e - 1) / -st + 1 : 0);
            return new Span(b, st, length);
        }

        private static int clamp(Option<Integer> bound, int dflt, int n, int lower, int upper) {
            if (bound.isEmpty()) return dflt;
            long v = bound.get() < 0 ? (long) bound.get() + n : bound.get();
            return (int) Math.max(lower, Math.min(upper, v));
        }

        @Override public String toString() { return show(start, stop, step); }

        private static String show(Option<Integer> start, Option<Integer> stop, Option<Integer> step) {
            return start.map(String::valueOf).getOrElse("") + ":" + stop.map(String::valueOf).getOrElse("")
                    + step.map(s -> ":" + s).getOrElse("");
        }
    }

    /**
     * The positions {@code start, start + step, …} ({@code length} of them) a slice selects.
     *
     * @param start  the first position, in {@code [0, n)} when {@code length > 0}
     * @param step   the non-zero stride
     * @param length how many positions
     */
    record Span(int start, int step, int length) {
        /** {@return the {@code k}-th selected position} */
        public int at(int k) { return start + k * step; }
    }

    /** NumPy's {@code None}; use {@link #NEW_AXIS}. */
    record NewAxis() implements Index {
        @Override public String toString() { return "None"; }
    }

    /** NumPy's {@code ...}; use {@link #ELLIPSIS}. */
    record Ellipsis() implements Index {
        @Override public String toString() { return "..."; }
    }

    /** An integer array of positions (advanced indexing); it may be traced. */
    record IntArray(Array indices) implements Index {
        public IntArray {
            requireNonNull(indices, "indices is null");
            if (!indices.dtype().isInteger()) {
                throw new DTypeError("getitem", "index arrays must have an integer dtype, got " + indices.aval());
            }
        }

        @Override public String toString() { return indices.aval().toString(); }
    }

    /**
     * A bool mask selecting the positions where it is true. The result's shape depends on the
     * mask's values, so the mask must be concrete, as in JAX.
     */
    record Mask(Array mask) implements Index {
        public Mask {
            requireNonNull(mask, "mask is null");
            if (!mask.dtype().isBool()) throw new DTypeError("getitem", "a mask must be bool, got " + mask.aval());
            if (mask.ndim() == 0) {
                throw new ArgumentError("getitem", "bool scalar indices are not supported (as in JAX), got " + mask.aval());
            }
        }

        @Override public String toString() { return mask.aval().toString(); }
    }

    /** {@return {@code start:stop}} */
    static Slice slice(int start, int stop) { return new Slice(Option.some(start), Option.some(stop), Option.none()); }

    /** {@return {@code start:stop:step}} @throws ArgumentError when {@code step} is zero */
    static Slice slice(int start, int stop, int step) {
        return new Slice(Option.some(start), Option.some(stop), Option.some(step));
    }

    /** {@return {@code start:}} */
    static Slice from(int start) { return new Slice(Option.some(start), Option.none(), Option.none()); }

    /** {@return {@code :stop}} */
    static Slice to(int stop) { return new Slice(Option.none(), Option.some(stop), Option.none()); }

    /** {@return {@code :}, the whole axis} */
    static Slice all() { return new Slice(Option.none(), Option.none(), Option.none()); }

    /** {@return {@code ::step}, e.g. {@code Index.step(-1)} reverses an axis} */
    static Slice step(int step) { return new Slice(Option.none(), Option.none(), Option.some(step)); }

    /** {@return the index {@code i}} */
    static Int of(int i) { return new Int(i); }

    /**
     * {@return {@code o} as an index}: an {@link Index} as is, an {@code Integer} (or other
     * integral boxed number in int range) as {@link Int}, an integer {@link Array} or
     * {@code int[]} as {@link IntArray}, a bool {@link Array} or {@code boolean[]} as {@link Mask}.
     *
     * @throws ArgumentError for null or any other type
     * @throws DTypeError    for a floating-point array
     */
    static Index of(Object o) {
        return switch (o) {
            case null -> throw new ArgumentError("getitem",
                    "an index cannot be null; write Index.all() for ':' and Index.NEW_AXIS for None");
            case Index i -> i;
            case Integer i -> new Int(i);
            case Short s -> new Int(s);
            case Byte b -> new Int(b);
            case Long l when l == l.intValue() -> new Int(l.intValue());
            case Long l -> throw new ArgumentError("getitem", "an integer index must fit in an int, got " + l);
            case Array a when a.dtype().isBool() -> new Mask(a);
            case Array a -> new IntArray(a);
            case int[] a -> new IntArray(Array.fromHost(ShapedArray.of(DType.I32, a.length), HostData.own(DType.I32, a.clone())));
            case boolean[] a -> new Mask(Array.fromHost(ShapedArray.of(DType.BOOL, a.length), HostData.own(a.clone())));
            default -> throw new ArgumentError("getitem", "an index must be an int, an Index, an int[] or an integer or bool Array, got "
                    + o.getClass().getName());
        };
    }
}
