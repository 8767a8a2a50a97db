/**
 * What users import: {@code Jnp} (the NumPy surface), and later {@code Jax}, {@code Random},
 * the Flax-like {@code nn} layer and the Optax-like {@code optim} layer.
 */
module dev.jaxj.api {
    requires transitive dev.jaxj.transforms;
    exports dev.jaxj;
    exports dev.jaxj.optim;
    exports dev.jaxj.io;
}
