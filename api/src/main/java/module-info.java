/**
 * What users import: {@code Jax} (the transforms), {@code Jnp} (the NumPy surface),
 * {@code Random} (JAX's Threefry PRNG), Flax-like modules, optimizers,
 * checkpoints and a Keras-like training loop.
 */
module dev.jaxj.api {
    requires transitive dev.jaxj.transforms;
    // Safetensors headers and model configurations are read and written with Jackson's streaming parser and generator.
    requires tools.jackson.core;
    // Plots of training runs are drawn with JFreeChart (on Java2D) and written as PNG.
    requires java.desktop;
    requires org.jfree.jfreechart;
    exports dev.jaxj;
    exports dev.jaxj.nn;
    exports dev.jaxj.random;
    exports dev.jaxj.optim;
    exports dev.jaxj.io;
    exports dev.jaxj.scipy;
    // Gradient checking (GradChecks, Tolerance) is public: users and dev.jaxj.testing check their own derivatives.
    exports dev.jaxj.autodiff;
    exports dev.jaxj.train;
    // Jitted compiles ahead of a call (plan), for tools and benchmarks that time compilation alone.
    exports dev.jaxj.staging;
    // The compiled train step takes package-private records as pytrees; the tree code reads them reflectively.
    opens dev.jaxj.train to dev.jaxj.transforms;
}
