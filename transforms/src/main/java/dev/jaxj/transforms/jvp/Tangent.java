package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.ir.ShapedArray;

import static java.util.Objects.requireNonNull;

/**
 * The tangent of a value in forward mode: an array, or a symbolic zero that costs nothing — the
 * tangent of a constant, of data that is not differentiated, of a loop carry no input reaches.
 * Rules skip the terms of symbolic zeros, and a primitive whose operands all have zero tangents
 * runs on its primals alone, so a constant operand adds no work to a derivative.
 * {@snippet lang=text :
 * Tangent ::= Zero(aval) | Value(array)
 * }
 */
public sealed interface Tangent {
    /** {@return the aval of the tangent (the primal's, strongly typed)} */
    ShapedArray aval();

    /** A zero tangent, never materialized unless a rule needs its elements. */
    record Zero(ShapedArray aval) implements Tangent {
        public Zero {
            aval = requireNonNull(aval, "aval is null").strong();
        }
    }

    /** A tangent held as an array. */
    record Value(Array value) implements Tangent {
        public Value {
            requireNonNull(value, "value is null");
        }

        @Override public ShapedArray aval() { return value.aval(); }
    }

    /** {@return the zero tangent of {@code primal}} */
    static Tangent zero(Array primal) {
        return new Zero(primal.aval());
    }

    /** {@return {@code t} as a tangent} */
    static Tangent of(Array t) {
        return new Value(t);
    }

    /** {@return whether this is a symbolic zero} */
    default boolean isZero() {
        return this instanceof Zero;
    }

    /** {@return the tangent as an array}, materializing a zero */
    default Array instantiate() {
        return switch (this) {
            case Zero z -> Tangents.zeros(z.aval());
            case Value v -> v.value();
        };
    }
}
