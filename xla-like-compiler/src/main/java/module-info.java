/**
 * The XLA-like compiler: array types, the closed set of primitives, the IR, its passes, and
 * the lowering of programs to fused kernel programs. It knows nothing of tracing or of devices.
 */
module dev.jaxj.compiler {
    requires transitive io.vavr;
    exports dev.jaxj.ir;
    exports dev.jaxj.errors;
    exports dev.jaxj.compiler.kernel;
    exports dev.jaxj.compiler.pass;
}
