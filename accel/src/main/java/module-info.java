/**
 * The runtime: devices, buffers, backends and executables. The CPU backend is pure Java; the
 * OpenCL and CUDA backends call the system's OpenCL library, and NVRTC and the CUDA driver,
 * through {@code java.lang.foreign}.
 */
module dev.jaxj.accel {
    requires transitive dev.jaxj.compiler;
    requires jdk.incubator.vector;
    exports dev.jaxj.accel;
    exports dev.jaxj.accel.cpu;
    exports dev.jaxj.accel.cpu.fft;
    exports dev.jaxj.accel.host;
    exports dev.jaxj.accel.device;
    exports dev.jaxj.accel.device.library;
    exports dev.jaxj.accel.device.render;
    exports dev.jaxj.accel.opencl;
    exports dev.jaxj.accel.cuda;
}
