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
}
