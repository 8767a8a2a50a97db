package dev.jaxj.accel.device;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.ir.DType;

/**
 * The C dialects device kernels are written in. Kernels use the prelude's macros, never a
 * dialect's own keywords, so one source serves both:
 * {@snippet lang=c :
 * KERNEL void scale(GLOBAL const float* RESTRICT x, GLOBAL float* RESTRICT y, int n, float a) {
 *     long i = GID0;
 *     if (i < n) y[i] = a * x[i];
 * }
 * }
 * {@code GID0..2}, {@code LID0..2}, {@code GROUP0..2}, {@code LSIZE0..2} are the global,
 * local and group indices and the work-group size; {@code LOCAL} declares work-group memory
 * (at kernel scope); {@code BARRIER()} synchronises a work-group; element types are
 * {@code i32_t i64_t u32_t u64_t bool_t} beside {@code float} and {@code double}.
 * {@code LOAD4(p, i)} reads the four {@code float}s {@code p[i] .. p[i + 3]} in one access, as
 * an {@code f32x4} whose elements are {@code .x .y .z .w} ({@code p} a {@code float*} into
 * global or local memory; {@code p + i} must lie on a 16-byte boundary, which CUDA's vector
 * load requires and OpenCL's {@code vload4} tolerates the lack of); {@code ALIGN16} after
 * {@code LOCAL} places a local array on such a boundary. CUDA's
 * prelude defines C99's {@code INFINITY} and {@code NAN} where no {@code <math.h>} did (NVRTC
 * has none), with the bits nvcc's headers give them.
 */
public enum Dialect {
    OPENCL("""
            #define KERNEL __kernel
            #define GLOBAL __global
            #define LOCAL __local
            #define RESTRICT restrict
            #define BARRIER() barrier(CLK_LOCAL_MEM_FENCE)
            #define GID0 ((long) get_global_id(0))
            #define GID1 ((long) get_global_id(1))
            #define GID2 ((long) get_global_id(2))
            #define LID0 ((int) get_local_id(0))
            #define LID1 ((int) get_local_id(1))
            #define LID2 ((int) get_local_id(2))
            #define GROUP0 ((long) get_group_id(0))
            #define GROUP1 ((long) get_group_id(1))
            #define GROUP2 ((long) get_group_id(2))
            #define LSIZE0 ((int) get_local_size(0))
            #define LSIZE1 ((int) get_local_size(1))
            #define LSIZE2 ((int) get_local_size(2))
            typedef int i32_t;
            typedef long i64_t;
            typedef uint u32_t;
            typedef ulong u64_t;
            typedef uchar bool_t;
            typedef float4 f32x4;
            #define LOAD4(p, i) vload4(0, (p) + (i))
            #define ALIGN16 __attribute__((aligned(16)))
            """, "#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n"),
    CUDA("""
            #define KERNEL extern "C" __global__
            #define GLOBAL
            #define LOCAL __shared__
            #define RESTRICT __restrict__
            #define BARRIER() __syncthreads()
            #define GID0 ((long) blockIdx.x * blockDim.x + threadIdx.x)
            #define GID1 ((long) blockIdx.y * blockDim.y + threadIdx.y)
            #define GID2 ((long) blockIdx.z * blockDim.z + threadIdx.z)
            #define LID0 ((int) threadIdx.x)
            #define LID1 ((int) threadIdx.y)
            #define LID2 ((int) threadIdx.z)
            #define GROUP0 ((long) blockIdx.x)
            #define GROUP1 ((long) blockIdx.y)
            #define GROUP2 ((long) blockIdx.z)
            #define LSIZE0 ((int) blockDim.x)
            #define LSIZE1 ((int) blockDim.y)
            #define LSIZE2 ((int) blockDim.z)
            typedef int i32_t;
            typedef long long i64_t;
            typedef unsigned int u32_t;
            typedef unsigned long long u64_t;
            typedef unsigned char bool_t;
            struct alignas(16) f32x4 { float x, y, z, w; };
            #define LOAD4(p, i) (*(const f32x4*) ((p) + (i)))
            #define ALIGN16 __align__(16)
            #ifndef INFINITY
            #define INFINITY __int_as_float(0x7f800000)
            #endif
            #ifndef NAN
            #define NAN __int_as_float(0x7fc00000)
            #endif
            """, "");

    private final String prelude;
    private final String fp64;

    Dialect(String prelude, String fp64) {
        this.prelude = prelude;
        this.fp64 = fp64;
    }

    /** {@return the macros and type names every kernel source of this dialect starts with} */
    public String prelude(boolean usesF64) {
        return usesF64 ? fp64 + prelude : prelude;
    }

    /** {@return the preludes' name of {@code d}'s element type} (device layout equals host layout: a bool is one byte) */
    public static String cType(DType d) {
        return switch (d) {
            case F32 -> "float";
            case F64 -> "double";
            case I32 -> "i32_t";
            case I64 -> "i64_t";
            case U32 -> "u32_t";
            case BOOL -> "bool_t";
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }
}
