package dev.jaxj.accel.device.library;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;

/**
 * The associative operations reductions, scans and windows fold with, as C text: the
 * accumulator's type, the identity and the combining expression, with the CPU backend's
 * semantics. Integers accumulate sums and products in unsigned types of their width, which
 * wrap as the dtype's arithmetic does (signed overflow is undefined in C); max and min
 * propagate NaN and order {@code -0 < +0}, as {@link Math#max(double, double)} does (C's
 * {@code fmax} drops NaN).
 */
enum Fold {
    SUM, PROD, MAX, MIN, AND, OR;

    static Fold of(Reduction p) {
        return switch (p) {
            case ReduceSum _ -> SUM;
            case ReduceProd _ -> PROD;
            case ReduceMax _ -> MAX;
            case ReduceMin _ -> MIN;
            case ReduceAnd _ -> AND;
            case ReduceOr _ -> OR;
        };
    }

    static Fold of(Cumulative p) {
        return switch (p) {
            case Cumsum _ -> SUM;
            case Cumprod _ -> PROD;
            case Cummax _ -> MAX;
            case Cummin _ -> MIN;
        };
    }

    static Fold of(ReduceWindow p) {
        return switch (p) {
            case ReduceWindowSum _ -> SUM;
            case ReduceWindowMax _ -> MAX;
            case ReduceWindowMin _ -> MIN;
        };
    }

    /**
     * {@return the C type values of {@code d} accumulate in} f32 accumulates in double when
     * {@code wideF32} (as the CPU does: its sums keep ~1e-7 relative accuracy however long).
     */
    String accType(DType d, boolean wideF32) {
        return switch (d) {
            case F32 -> wideF32 ? "double" : "float";
            case F64 -> "double";
            case I32, U32 -> this == SUM || this == PROD ? "u32_t" : Dialect.cType(d);
            case I64 -> this == SUM || this == PROD ? "u64_t" : "i64_t";
            case BOOL -> {
                if (this == SUM || this == PROD) throw unsupported(d);
                yield "bool_t";
            }
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    /** {@return the identity as a C expression of the accumulator type} */
    String identity(DType d, String accType) {
        String v = switch (this) {
            case SUM, OR -> "0";
            case PROD -> "1";
            case AND -> switch (d) {
                case BOOL -> "1";
                case I32, U32, I64 -> "~0";
                case F32, F64 -> throw unsupported(d);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
            case MAX -> switch (d) {
                case F32, F64 -> "-INFINITY";
                case I32 -> "(-2147483647 - 1)";
                case I64 -> "(-(i64_t) 9223372036854775807 - 1)";
                case U32, BOOL -> "0";
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
            case MIN -> switch (d) {
                case F32, F64 -> "INFINITY";
                case I32 -> "2147483647";
                case I64 -> "((i64_t) 9223372036854775807)";
                case U32 -> "4294967295u";
                case BOOL -> "1";
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
        };
        return "((" + accType + ") " + v + ")";
    }

    /** {@return the C expression combining accumulator {@code a} with {@code b} (both plain names)} */
    String combine(DType d, String a, String b) {
        boolean fl = d.isFloating();
        return switch (this) {
            case SUM -> a + " + " + b;
            case PROD -> a + " * " + b;
            case MAX -> fl
                    ? "(" + a + " != " + a + " || " + a + " > " + b + ") ? " + a + " : (" + b + " != " + b + " || " + b + " > " + a + ") ? " + b
                      + " : " + a + " == 0 ? " + a + " + " + b + " : " + a     // equal: -0 + +0 is +0
                    : a + " > " + b + " ? " + a + " : " + b;
            case MIN -> fl
                    ? "(" + a + " != " + a + " || " + a + " < " + b + ") ? " + a + " : (" + b + " != " + b + " || " + b + " < " + a + ") ? " + b
                      + " : " + a + " == 0 ? -(-" + a + " - " + b + ") : " + a // equal: -(+0 - +0) is -0
                    : a + " < " + b + " ? " + a + " : " + b;
            case AND -> a + " & " + b;
            case OR -> a + " | " + b;
        };
    }

    private IllegalStateException unsupported(DType d) {
        return new IllegalStateException(this + " is not defined on " + d + " data (the shape rule should have rejected it)");
    }
}
