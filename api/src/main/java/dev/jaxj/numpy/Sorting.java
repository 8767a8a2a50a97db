package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Sorting along an axis with the {@code sort} primitive; NaNs sort last (first when
 * descending). {@code argsort} sorts an iota along with the keys and keeps it.
 */
public final class Sorting {
    private Sorting() {}

    /** Sorted copy along {@code axis}, or of the flattened array when none. */
    public static Array sort(Array x, Option<Integer> axis, boolean descending) {
        Array y = axis.isEmpty() ? Manipulation.ravel(x) : x;
        int a = axis.isEmpty() ? 0 : Axes.normalize("sort", axis.get(), x);
        Array s = Lax.sort(Vector.of(y), a, true, 1).head();
        return descending ? Lax.rev(s, Vector.of(a)) : s;
    }

    /**
     * Sorted copy along the last axis, lexicographically by real then imaginary part, as a
     * complex array: c128 for f64 and c128, c64 for everything else (JAX's {@code to_complex_dtype}).
     */
    public static Array sortComplex(Array x) {
        int a = Axes.normalize("sort_complex", -1, x);
        Array s = Lax.sort(Vector.of(x), a, true, 1).head();
        DType complex = (x.dtype().isInexact() ? x.dtype() : DType.F32).complexType();
        return s.dtype() == complex ? s : Lax.convertElementType(s, complex);
    }

    /**
     * The i32 indices that sort {@code x} along {@code axis} (the flattened array when none).
     * A stable sort keeps equal elements in their original order, also when descending.
     */
    public static Array argsort(Array x, Option<Integer> axis, boolean stable, boolean descending) {
        Array y = axis.isEmpty() ? Manipulation.ravel(x) : x;
        int a = axis.isEmpty() ? 0 : Axes.normalize("argsort", axis.get(), x);
        Array iota = Lax.iota(DType.I32, y.shape(), a);
        if (descending && stable) {
            // Reversed first, so that ties come out reversed and the final reversal restores their order.
            y = Lax.rev(y, Vector.of(a));
            iota = Lax.rev(iota, Vector.of(a));
        }
        Array idx = Lax.sort(Vector.of(y, iota), a, stable, 1).get(1);
        return descending ? Lax.rev(idx, Vector.of(a)) : idx;
    }
}
