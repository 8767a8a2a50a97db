/**
 * The runtime: devices, buffers, backends and executables. The CPU backend is pure Java; the
 * OpenCL backend calls the system's OpenCL library through {@code java.lang.foreign}.
 */
module dev.jaxj.accel {
    requires transitive dev.jaxj.compiler;
    requires jdk.incubator.vector;
    exports dev.jaxj.accel;
    exports dev.jaxj.accel.cpu;
    exports dev.jaxj.accel.host;
    exports dev.jaxj.accel.device;
    exports dev.jaxj.accel.device.library;
    exports dev.jaxj.accel.device.render;
    exports dev.jaxj.accel.opencl;
}
