package dev.jaxj.random;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;

/**
 * A parameter initializer, as {@code jax.nn.initializers} defines them: a pure function of a
 * key, a shape and a dtype. See {@link Initializers} for the standard ones.
 * {@snippet :
 * Initializer init = Initializers.glorotUniform();
 * Array w = init.apply(key, Shape.of(784, 128), DType.F32);
 * }
 */
@FunctionalInterface
public interface Initializer {
    /** {@return a new array of {@code shape} and {@code dtype} drawn with {@code key}} */
    Array apply(Key key, Shape shape, DType dtype);

    /** {@return an f32 array of the given shape} */
    default Array apply(Key key, int... shape) { return apply(key, Shape.of(shape), DType.F32); }
}
