/**
 * Device kernels, backend-neutral: a step of a kernel program lowered to C-style kernel
 * source in a {@link dev.jaxj.accel.device.Dialect} (OpenCL C or CUDA C) and the launches
 * that run it. A device backend (OpenCL, CUDA) compiles the sources of one program together
 * and enqueues the launches; nothing here calls a driver.
 */
package dev.jaxj.accel.device;
