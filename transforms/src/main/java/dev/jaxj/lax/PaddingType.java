package dev.jaxj.lax;

import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Primitive.Padding;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The named paddings of {@code jax.lax}'s convolutions and windows ({@code "VALID"},
 * {@code "SAME"}, {@code "SAME_LOWER"}), resolved to explicit low/high pads per spatial axis.
 * {@snippet :
 * Seq<Padding> p = PaddingType.SAME.pads(Vector.of(5), Vector.of(3), Vector.of(2));   // [(1, 1)]
 * }
 */
public enum PaddingType {
    /** No padding: windows lie inside the input. */
    VALID,
    /** Output size {@code ceil(in / stride)}; an odd total pad puts the extra element at the high end. */
    SAME,
    /** As {@link #SAME}, the extra element at the low end. */
    SAME_LOWER;

    /**
     * {@return the pads for inputs of {@code inSizes} under windows of {@code windowSizes}
     * (already dilated) moving by {@code strides}}
     */
    public Seq<Padding> pads(Seq<Integer> inSizes, Seq<Integer> windowSizes, Seq<Integer> strides) {
        return pads("padding", inSizes, windowSizes, strides);
    }

    /** {@link #pads(Seq, Seq, Seq)} for the function {@code op}, which a mismatch names. */
    Seq<Padding> pads(String op, Seq<Integer> inSizes, Seq<Integer> windowSizes, Seq<Integer> strides) {
        if (inSizes.size() != windowSizes.size() || inSizes.size() != strides.size()) {
            throw new ShapeError(op, "needs one input size, window size and stride per spatial axis, got "
                    + inSizes.size() + ", " + windowSizes.size() + " and " + strides.size());
        }
        return Vector.range(0, inSizes.size()).map(d -> {
            int in = inSizes.get(d), w = windowSizes.get(d), s = strides.get(d);
            if (this == VALID) return new Padding(0, 0);
            int out = (in + s - 1) / s;
            int total = Math.max(0, (out - 1) * s + w - in);
            return this == SAME ? new Padding(total / 2, total - total / 2) : new Padding(total - total / 2, total / 2);
        });
    }
}
