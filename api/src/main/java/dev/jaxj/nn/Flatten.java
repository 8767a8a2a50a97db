package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Key;

/**
 * Flattens all axes but the first (the batch): {@code [batch, h, w, c]} to {@code [batch, h*w*c]},
 * as Keras's {@code Flatten}; no variables.
 */
public record Flatten() implements Module<Variables.Empty, Variables.Empty> {
    @Override
    public Variables<Variables.Empty, Variables.Empty> init(Key key, ShapedArray input) {
        if (input.rank() == 0) throw new ShapeError("Flatten", "needs a batch axis, got " + input);
        return Variables.of(Variables.EMPTY);
    }

    @Override
    public Output<Variables.Empty> apply(Variables<Variables.Empty, Variables.Empty> variables, Array input, Context context) {
        if (input.ndim() == 0) throw new ShapeError("Flatten", "needs a batch axis, got " + input.aval());
        return new Output<>(input.reshape(input.shape().dim(0), -1), variables.state());
    }
}
