package dev.jaxj.accel.device.render;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.ir.DType;

/**
 * convert_element_type and bitcast_convert_type, as the CPU's {@code ConvertKernels}: floats to
 * integers truncate toward zero, NaN to 0, saturating; integers and f64 to floats round to
 * nearest once (C's conversions do, u32 read unsigned); integer narrowing keeps the low bits;
 * a number converts to bool as {@code x != 0} (NaN is true). Bit casts reinterpret the bits.
 */
final class ConvertOps {
    private ConvertOps() {}

    static String convert(DType from, DType to, String x, Helper.Set h) {
        if (from == to) return x;
        return switch (to) {
            case F32, F64 -> "((" + Dialect.cType(to) + ") " + x + ")";
            case BOOL -> "((bool_t) (" + x + " != 0))";
            case I32, U32, I64 -> switch (from) {
                case F32, F64 -> h.use(ScalarHelpers.toInteger(from, to)) + "(" + x + ")";
                // Through the unsigned type of the target's width, where C defines wrapping; u32 widens unsigned.
                case I32, U32, I64, BOOL -> to == DType.I64 ? "((i64_t) " + x + ")" : "((" + Dialect.cType(to) + ") (u32_t) " + x + ")";
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(from);
            };
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(to);
        };
    }

    static String bitcast(DType from, DType to, String x) {
        if (from == to) return x;
        return switch (to) {
            case F32 -> switch (from) {
                case I32, U32 -> "JX_F32_OF(" + x + ")";
                case F32, F64, I64, BOOL -> throw mismatch(from, to);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(from);
            };
            case I32, U32 -> switch (from) {
                case F32 -> "((" + Dialect.cType(to) + ") JX_U32_OF(" + x + "))";
                case I32, U32 -> "((" + Dialect.cType(to) + ") " + x + ")";
                case F64, I64, BOOL -> throw mismatch(from, to);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(from);
            };
            case F64 -> switch (from) {
                case I64 -> "JX_F64_OF(" + x + ")";
                case F32, F64, I32, U32, BOOL -> throw mismatch(from, to);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(from);
            };
            case I64 -> switch (from) {
                case F64 -> "((i64_t) JX_U64_OF(" + x + "))";
                case F32, I32, U32, I64, BOOL -> throw mismatch(from, to);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(from);
            };
            case BOOL -> throw mismatch(from, to);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(to);
        };
    }

    private static IllegalArgumentException mismatch(DType from, DType to) {
        return new IllegalArgumentException("bitcast_convert_type has no rendering from " + from + " to " + to
                + "; its shape rule accepts only equal widths and no bool");
    }
}
