package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.random.Key;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * The maximum over windows of the spatial axes of {@code [batch, *spatial, channels]}; padding
 * cells count as {@code -inf}, as in {@code flax.linen.max_pool}. No variables.
 * {@snippet :
 * var pool = MaxPool.of(2, 2);        // 2x2 windows, stride 2, VALID: [b, 8, 8, c] -> [b, 4, 4, c]
 * }
 *
 * @param window  the window's size per spatial axis
 * @param strides the step per spatial axis
 * @param padding how the edges are padded
 */
public record MaxPool(Seq<Integer> window, Seq<Integer> strides, Padding padding) implements Module<Variables.Empty, Variables.Empty> {
    public MaxPool {
        window = Vector.ofAll(window);
        strides = Vector.ofAll(strides);
        requireNonNull(padding, "padding is null");
        Pool.check("MaxPool", window, strides);
    }

    /** {@return non-overlapping windows: strides equal to the window, VALID padding} (Keras's default) */
    public static MaxPool of(int... window) {
        return new MaxPool(Vector.ofAll(window), Vector.ofAll(window), Padding.VALID);
    }

    @Override
    public Variables<Variables.Empty, Variables.Empty> init(Key key, ShapedArray input) {
        Pool.checkInput("MaxPool", window, input);
        return Variables.of(Variables.EMPTY);
    }

    @Override
    public Output<Variables.Empty> apply(Variables<Variables.Empty, Variables.Empty> variables, Array input, Context context) {
        return new Output<>(Lax.reduceWindowMax(input, Pool.config("MaxPool", input, window, strides, padding)), variables.state());
    }
}
