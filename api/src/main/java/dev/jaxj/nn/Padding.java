package dev.jaxj.nn;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.Primitive;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * How a convolution or pooling window treats the edges, as Flax's {@code padding=}:
 * {@link #SAME} pads so that the output has {@code ceil(in / stride)} positions (XLA's
 * split: the extra cell, if any, at the end), {@link #VALID} does not pad, and
 * {@link Explicit} gives {@code (lo, hi)} per spatial axis.
 */
public sealed interface Padding {
    /** Output size {@code ceil(in / stride)}. */
    Padding SAME = new Same();
    /** No padding: only windows that fit. */
    Padding VALID = new Valid();

    record Same() implements Padding {}

    record Valid() implements Padding {}

    /** @param pads {@code (lo, hi)} for each spatial axis */
    record Explicit(Seq<Primitive.Padding> pads) implements Padding {
        public Explicit { pads = Vector.ofAll(pads); }
    }

    /** {@return explicit padding with the same {@code (lo, hi)} on every one of {@code axes} spatial axes} */
    static Padding of(int lo, int hi, int axes) {
        return new Explicit(Vector.fill(axes, () -> new Primitive.Padding(lo, hi)));
    }

    /**
     * {@return the {@code (lo, hi)} padding of each spatial axis}
     *
     * @param sizes    the input's spatial sizes
     * @param window   the window's sizes
     * @param strides  the strides
     * @param dilation the window's dilation
     * @throws ArgumentError when explicit padding names another number of axes
     */
    default Seq<Primitive.Padding> resolve(String op, Seq<Integer> sizes, Seq<Integer> window, Seq<Integer> strides, Seq<Integer> dilation) {
        return switch (this) {
            case Valid _ -> Vector.fill(sizes.size(), () -> new Primitive.Padding(0, 0));
            case Same _ -> Vector.range(0, sizes.size()).map(i -> {
                int in = sizes.get(i), s = strides.get(i), extent = (window.get(i) - 1) * dilation.get(i) + 1;
                int out = (in + s - 1) / s;
                int total = Math.max(0, (out - 1) * s + extent - in);
                return new Primitive.Padding(total / 2, total - total / 2);
            });
            case Explicit(var pads) -> {
                if (pads.size() != sizes.size())
                    throw new ArgumentError(op, "explicit padding needs one (lo, hi) pair per spatial axis (" + sizes.size() + "), got " + pads.size());
                yield pads;
            }
        };
    }
}
