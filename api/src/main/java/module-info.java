/**
 * What users import: {@code Jax} (the transforms), {@code Jnp} (the NumPy surface),
 * {@code Random} (JAX's Threefry PRNG), activations, optimizers and checkpoints.
 */
module dev.jaxj.api {
    requires transitive dev.jaxj.transforms;
    exports dev.jaxj;
    exports dev.jaxj.nn;
    exports dev.jaxj.random;
    exports dev.jaxj.optim;
    exports dev.jaxj.io;
    // Gradient checking (GradChecks, Tolerance) is public: users and dev.jaxj.testing check their own derivatives.
    exports dev.jaxj.autodiff;
}
