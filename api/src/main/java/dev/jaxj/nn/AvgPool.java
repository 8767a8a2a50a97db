package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.random.Key;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * The mean over windows of the spatial axes of {@code [batch, *spatial, channels]}. Padding
 * cells count as zeros in the mean (the sum is divided by the window size), as
 * {@code flax.linen.avg_pool} does by default. No variables.
 * {@snippet :
 * var pool = AvgPool.of(2, 2);        // 2x2 windows, stride 2, VALID
 * }
 *
 * @param window  the window's size per spatial axis
 * @param strides the step per spatial axis
 * @param padding how the edges are padded
 */
public record AvgPool(Seq<Integer> window, Seq<Integer> strides, Padding padding) implements Module<Variables.Empty, Variables.Empty> {
    public AvgPool {
        window = Vector.ofAll(window);
        strides = Vector.ofAll(strides);
        requireNonNull(padding, "padding is null");
        Pool.check("AvgPool", window, strides);
    }

    /** {@return non-overlapping windows: strides equal to the window, VALID padding} (Keras's default) */
    public static AvgPool of(int... window) {
        return new AvgPool(Vector.ofAll(window), Vector.ofAll(window), Padding.VALID);
    }

    @Override
    public Variables<Variables.Empty, Variables.Empty> init(Key key, ShapedArray input) {
        Pool.checkInput("AvgPool", window, input);
        return Variables.of(Variables.EMPTY);
    }

    @Override
    public Output<Variables.Empty> apply(Variables<Variables.Empty, Variables.Empty> variables, Array input, Context context) {
        Array x = input.dtype().isFloating() ? input : input.astype(dev.jaxj.ir.DType.F32);
        Array sum = Lax.reduceWindowSum(x, Pool.config("AvgPool", x, window, strides, padding));
        return new Output<>(sum.div((double) window.fold(1, (a, b) -> a * b)), variables.state());
    }
}
