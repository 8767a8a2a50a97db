/**
 * The core of jaxj: arrays and tracers, the trace stack, the interpreters of the transforms,
 * and pytrees.
 */
module dev.jaxj.transforms {
    requires transitive dev.jaxj.accel;
    exports dev.jaxj.array;
    exports dev.jaxj.tree;
    exports dev.jaxj.core;
    exports dev.jaxj.lax;
    // The transform interpreters are internal; the api module builds the public facade on them.
    exports dev.jaxj.transforms.jvp to dev.jaxj.api;
    exports dev.jaxj.transforms.ad to dev.jaxj.api;
    exports dev.jaxj.transforms.partial to dev.jaxj.api;
    exports dev.jaxj.transforms.transpose to dev.jaxj.api;
    exports dev.jaxj.transforms.jit to dev.jaxj.api;
    exports dev.jaxj.transforms.vmap to dev.jaxj.api;
    exports dev.jaxj.transforms.control to dev.jaxj.api;
}
