package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.WindowConfig;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/** The window arithmetic {@link MaxPool} and {@link AvgPool} share: windows over the spatial axes of {@code [batch, *spatial, channels]}. */
final class Pool {
    private Pool() {}

    static void check(String op, Seq<Integer> window, Seq<Integer> strides) {
        if (window.isEmpty() || window.exists(w -> w < 1) || strides.size() != window.size() || strides.exists(s -> s < 1))
            throw new ArgumentError(op, "window sizes and strides must be positive, one per spatial axis, got window "
                    + window + " and strides " + strides);
    }

    static void checkInput(String op, Seq<Integer> window, ShapedArray input) {
        if (input.rank() != window.size() + 2)
            throw new ShapeError(op, "a " + window.size() + "-d window needs inputs of rank " + (window.size() + 2)
                    + " [batch, " + "spatial, ".repeat(window.size()) + "channels], got " + input);
    }

    /** {@return the window over the spatial axes only}: size 1, stride 1 and no padding on the batch and channel axes */
    static WindowConfig config(String op, Array x, Seq<Integer> window, Seq<Integer> strides, Padding padding) {
        checkInput(op, window, x.aval());
        var ones = window.map(w -> 1);
        var pads = padding.resolve(op, x.shape().toSeq().slice(1, 1 + window.size()), window, strides, ones);
        var none = new Primitive.Padding(0, 0);
        return new WindowConfig(window.prepend(1).append(1), strides.prepend(1).append(1), pads.prepend(none).append(none),
                Vector.fill(window.size() + 2, () -> 1), Vector.fill(window.size() + 2, () -> 1));
    }
}
