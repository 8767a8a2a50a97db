package dev.jaxj.transforms.transpose;

import dev.jaxj.array.Array;
import dev.jaxj.ir.ShapedArray;
import io.vavr.control.Option;

/** An operand seen by a transpose rule: a known (non-linear) value, or the linear unknown being transposed. */
public sealed interface LinearArg {
    ShapedArray aval();

    /** A value that the linear function treats as a constant. */
    record Known(Array value) implements LinearArg {
        @Override public ShapedArray aval() { return value.aval(); }
    }

    /** The linear input: only its aval is known. */
    record Undefined(ShapedArray aval) implements LinearArg {}

    default boolean isLinear() { return this instanceof Undefined; }

    /** {@return the known value} @throws IllegalStateException for the linear operand */
    default Array value() {
        return switch (this) {
            case Known k -> k.value();
            case Undefined u -> throw new IllegalStateException("the linear operand " + u.aval() + " has no value");
        };
    }

    /** {@return {@code ct} for the linear operand, nothing for a constant} */
    default Option<Array> ifLinear(Array ct) {
        return isLinear() ? Option.some(ct) : Option.none();
    }
}
