package dev.jaxj;

/**
 * The marker for {@code vmap}'s {@code inAxes} and {@code outAxes} that says "no batch axis"
 * (JAX's {@code None}): an argument shared by every example, or an output that is the same for
 * every example. The other leaves of an axes pytree are {@link Integer} axes, negative ones
 * counting from the end. Being an enum, it is a pytree leaf.
 * {@snippet :
 * // Per-example gradients: params shared, each row of the batch mapped.
 * var perExample = Jax.vmap(Jax.grad(loss), Tuple.of(Axes.NOT_MAPPED, 0), 0);
 * }
 */
public enum Axes {
    /** No batch axis. */
    NOT_MAPPED
}
