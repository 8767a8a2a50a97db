/**
 * OpenCL through {@code java.lang.foreign}: a small binding to the system's ICD loader
 * ({@code libOpenCL.so.1}), a cache of built programs, and the runner of
 * {@link dev.jaxj.accel.device.DeviceCall}s.
 * {@snippet lang=text :
 * ClPlatform  -> ClDevice*                       (listed once; properties read on listing)
 * ClContext   =  ClDevice -> ClQueue* ClMem* ClProgram*
 * ClProgram   =  source | binary -> ClKernel*    (kernels created once, owned by the program)
 * ProgramCache=  KernelSource* -> ClProgram      (memory: SHA-256 key; disk: binary per key)
 * DeviceCallRunner.run(DeviceCall, ClProgram, operands ClMem*, results ClMem*)
 * }
 * Why our own binding: the calls a kernel program needs are a few dozen, and a jar of
 * bindings would be one more native dependency to ship. Every call's status is checked and
 * becomes a {@link dev.jaxj.errors.BackendError} naming the call and the status; a missing
 * library, driver or device says what to install. Native objects are released explicitly
 * ({@code close()}, idempotent), never by the garbage collector.
 */
package dev.jaxj.accel.opencl;
