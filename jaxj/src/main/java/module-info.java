/**
 * All of jaxj in one name: a program on the module path {@code requires dev.jaxj} and reads
 * the public API ({@code dev.jaxj.api}) and the modules it is built on. The JDK's Vector API
 * module, which the CPU kernels use, is resolved through {@code dev.jaxj.accel}'s
 * {@code requires}, so a modular program needs no {@code --add-modules}.
 */
module dev.jaxj {
    requires transitive dev.jaxj.api;
}
