package dev.jaxj.accel.device.render;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.Conversions;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Lit;

/** The C spelling of dtypes and literals; device layout equals host layout, so bools are one byte. */
final class CTypes {
    private CTypes() {}

    /**
     * {@return {@code lit} as a C expression of type {@code d}}, converted as the CPU's constant
     * tiles are ({@code HostData.filled}): integer literals wrap, other values convert with
     * saturation, floats round once from the double. Non-finite floats are written by their bits.
     */
    static String literal(Lit lit, DType d) {
        return switch (d) {
            case F32 -> f32((float) lit.doubleValue());
            case F64 -> f64(lit.doubleValue());
            case I32 -> "((i32_t) 0x" + Integer.toHexString((int) integer(lit, d)) + "u)";
            case U32 -> "((u32_t) 0x" + Integer.toHexString((int) integer(lit, d)) + "u)";
            case I64 -> "((i64_t) 0x" + Long.toHexString(integer(lit, d)) + "ull)";
            case BOOL -> lit.doubleValue() != 0 ? "((bool_t) 1)" : "((bool_t) 0)";
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    private static long integer(Lit lit, DType d) {
        return lit.value() instanceof Long l ? l : Conversions.toLong(d, lit.doubleValue());
    }

    /** {@return an exact float constant}: hexadecimal when finite, else by its bits */
    static String f32(float v) {
        if (!Float.isFinite(v)) return "JX_F32_OF(0x" + Integer.toHexString(Float.floatToRawIntBits(v)) + "u)";
        return "(" + Float.toHexString(v) + "f)";
    }

    /** {@return an exact double constant}: hexadecimal when finite, else by its bits */
    static String f64(double v) {
        if (!Double.isFinite(v)) return "JX_F64_OF(0x" + Long.toHexString(Double.doubleToRawLongBits(v)) + "ull)";
        return "(" + Double.toHexString(v) + ")";
    }
}
