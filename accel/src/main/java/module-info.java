/**
 * The runtime: devices, buffers and backends. The CPU backend is pure Java (no native code).
 */
module dev.jaxj.accel {
    requires transitive dev.jaxj.compiler;
    requires jdk.incubator.vector;
    exports dev.jaxj.accel;
    exports dev.jaxj.accel.cpu;
    exports dev.jaxj.accel.device;
    exports dev.jaxj.accel.opencl;
}
