package dev.jaxj.accel.host;

import dev.jaxj.ir.DType;

/**
 * What kernels may assume about dtypes: the compiler lowers every primitive on a storage type
 * (bf16, f16, i8, u8, i16, u16) to its compute type, and every primitive on complex numbers to
 * primitives on their real and imaginary parts, before a backend sees the program
 * ({@code dev.jaxj.compiler.kernel.TypeLowering}). Only conversions and the views between a
 * complex array and its parts meet those types; a kernel's switch over dtypes names the others
 * in one arm that reports a compiler fault.
 */
public final class StorageTypes {
    private StorageTypes() {}

    /** {@return the error for a kernel reached with a dtype the compiler lowers away} */
    public static IllegalStateException unlowered(DType d) {
        return new IllegalStateException(d + " reached a kernel that computes in lowered types only: the program was not lowered (TypeLowering)");
    }
}
