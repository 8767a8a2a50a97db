package dev.jaxj.accel.device.render;

import dev.jaxj.accel.device.Dialect;

/**
 * What differs between the dialects, as macros every rendered kernel starts with (once per
 * program): the helper functions' qualifier, bit casts, and f32 arithmetic that rounds each
 * operation on its own. The operator table writes only these macros, so one table serves both.
 * {@snippet lang=text :
 * JX_FN                        qualifier of a helper function
 * JX_F32_OF(bits) JX_U32_OF(f) float <-> its 32 bits;  JX_F64_OF, JX_U64_OF for double
 * JX_ADD_F32 JX_SUB_F32 JX_MUL_F32 JX_DIV_F32 JX_SQRT_F32, and the _F64 twins
 * }
 * Rounding each operation alone matters because the CPU (Java) never contracts {@code a * b + c}
 * into one fused multiply-add: OpenCL is told so by a pragma, while nvcc contracts across
 * statements unless the operation is written with its {@code _rn} intrinsic. OpenCL's f32
 * division and square root may be off by up to 3 ulps; computed in double and rounded once
 * they are correctly rounded (53 bits exceed twice 24 plus two), as the CPU's are.
 */
final class DialectTable {
    private DialectTable() {}

    /**
     * {@return the macros}; without fp64, OpenCL's f32 division and square root are its own
     * (within 2.5 and 3 ulps, or exact under {@code -cl-fp32-correctly-rounded-divide-sqrt}).
     */
    static Helper preamble(Dialect dialect, boolean fp64) {
        String code = switch (dialect) {
            case OPENCL -> """
                    #pragma OPENCL FP_CONTRACT OFF
                    #define JX_FN static inline
                    #define JX_F32_OF(b) as_float((uint) (b))
                    #define JX_U32_OF(x) as_uint(x)
                    #define JX_F64_OF(b) as_double((ulong) (b))
                    #define JX_U64_OF(x) as_ulong(x)
                    #define JX_ADD_F32(a, b) ((a) + (b))
                    #define JX_SUB_F32(a, b) ((a) - (b))
                    #define JX_MUL_F32(a, b) ((a) * (b))
                    #define JX_DIV_F32(a, b) ((float) ((double) (a) / (double) (b)))
                    #define JX_SQRT_F32(x) ((float) sqrt((double) (x)))
                    #define JX_ADD_F64(a, b) ((a) + (b))
                    #define JX_SUB_F64(a, b) ((a) - (b))
                    #define JX_MUL_F64(a, b) ((a) * (b))
                    #define JX_DIV_F64(a, b) ((a) / (b))
                    #define JX_SQRT_F64(x) sqrt(x)
                    """.replace(fp64 ? "\0" : "((float) ((double) (a) / (double) (b)))", "((a) / (b))")
                    .replace(fp64 ? "\0" : "((float) sqrt((double) (x)))", "sqrt(x)");
            case CUDA -> """
                    #define JX_FN __device__ static inline
                    #define JX_F32_OF(b) __uint_as_float((unsigned int) (b))
                    #define JX_U32_OF(x) __float_as_uint(x)
                    #define JX_F64_OF(b) __longlong_as_double((long long) (b))
                    #define JX_U64_OF(x) ((unsigned long long) __double_as_longlong(x))
                    #define JX_ADD_F32(a, b) __fadd_rn(a, b)
                    #define JX_SUB_F32(a, b) __fsub_rn(a, b)
                    #define JX_MUL_F32(a, b) __fmul_rn(a, b)
                    #define JX_DIV_F32(a, b) __fdiv_rn(a, b)
                    #define JX_SQRT_F32(x) __fsqrt_rn(x)
                    #define JX_ADD_F64(a, b) __dadd_rn(a, b)
                    #define JX_SUB_F64(a, b) __dsub_rn(a, b)
                    #define JX_MUL_F64(a, b) __dmul_rn(a, b)
                    #define JX_DIV_F64(a, b) __ddiv_rn(a, b)
                    #define JX_SQRT_F64(x) __dsqrt_rn(x)
                    """;
        };
        return Helper.of("jx_preamble", code, false);
    }
}
