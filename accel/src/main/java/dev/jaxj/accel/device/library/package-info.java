/**
 * Device kernels of the primitives, lowered to the dialect-neutral C of
 * {@link dev.jaxj.accel.device.Dialect}: each family's {@code lower(primitive, inAvals, outAvals)}
 * gives the {@link dev.jaxj.accel.device.DeviceCall} that computes it with the CPU backend's
 * semantics. Shapes are baked into the kernel text, so each shape compiles to its own kernel
 * (named by a hash of its code, so equal kernels are shared).
 */
package dev.jaxj.accel.device.library;
