/**
 * CUDA through {@code java.lang.foreign}: NVRTC compiles the CUDA C rendering of a program to
 * PTX, and a small binding to the driver API ({@code libcuda.so.1}) loads and runs it.
 * {@snippet lang=text :
 * Nvrtc          KernelSource* -> PTX            (needs no GPU: compile-checks anywhere it is installed)
 * PtxCache       KernelSource* -> PTX            (memory: SHA-256 key; disk: one file per key)
 * CudaDriver     cuInit, devices, primary context, modules, memory, cuLaunchKernel
 * CudaContext    = CudaDevice -> stream, memory retired until the device is done with it
 * CudaBackend    = CudaContext -> CudaBuffer*, CudaExecutable* (one CudaModule each)
 * }
 * Why our own binding: a program needs a few dozen calls, and a jar of bindings would be one
 * more native dependency to ship. Every {@code CUresult} is checked and becomes a
 * {@link dev.jaxj.errors.BackendError} naming the call and the result ({@link dev.jaxj.accel.cuda.CuResult});
 * a missing library or device says what to install. Buffers and modules are released when
 * unreachable, after the work queued on them.
 */
package dev.jaxj.accel.cuda;
