/**
 * What users import: {@code Jax} (the transforms), {@code Jnp} (the NumPy surface),
 * {@code Random} (JAX's Threefry PRNG), activations, and the Flax-like and Optax-like layers.
 */
module dev.jaxj.api {
    requires transitive dev.jaxj.transforms;
    exports dev.jaxj;
    exports dev.jaxj.nn;
    exports dev.jaxj.random;
}
