package dev.jaxj.accel.device.render;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.ir.DType;

/**
 * Typed helper functions of the operator table, one per dtype where C's operators disagree with
 * the CPU's semantics: max/min (NaN propagates, -0 below +0), integer division and remainder
 * (by zero, {@code MIN / -1}), integer_pow by repeated squaring, and float-to-integer
 * conversion (truncating, NaN to 0, saturating). Each is written once, over the C type name.
 */
final class ScalarHelpers {
    private ScalarHelpers() {}

    private static String suffix(DType d) { return d.shortName(); }

    /** {@code max} (or {@code min}) as {@link Math#max}: NaN propagates, -0 orders below +0; u32 unsigned. */
    static Helper extreme(DType d, boolean max) {
        String t = Dialect.cType(d), name = (max ? "jx_max_" : "jx_min_") + suffix(d);
        String body = switch (d) {
            case F32, F64 -> max
                    ? "if (isnan(a)) return a; if (isnan(b)) return b; if (a == b) return signbit(a) ? b : a; return a > b ? a : b;"
                    : "if (isnan(a)) return a; if (isnan(b)) return b; if (a == b) return signbit(b) ? b : a; return a < b ? a : b;";
            case I32, I64, U32 -> max ? "return a > b ? a : b;" : "return a < b ? a : b;";
            case BOOL -> throw new IllegalArgumentException("max and min have no bool rendering; the shape rules reject bools");
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
        return Helper.of(name, "JX_FN " + t + " " + name + "(" + t + " a, " + t + " b) { " + body + " }", d == DType.F64);
    }

    /** Integer division truncating toward zero; by zero gives all bits set, {@code MIN / -1} gives {@code MIN}. */
    static Helper div(DType d) {
        String name = "jx_div_" + suffix(d);
        String code = switch (d) {
            case I32 -> "JX_FN i32_t " + name + "(i32_t a, i32_t b) { return b == 0 ? (i32_t) -1 : b == -1 ? (i32_t) (0u - (u32_t) a) : a / b; }";
            case I64 -> "JX_FN i64_t " + name + "(i64_t a, i64_t b) { return b == 0 ? (i64_t) -1 : b == -1 ? (i64_t) (0ull - (u64_t) a) : a / b; }";
            case U32 -> "JX_FN u32_t " + name + "(u32_t a, u32_t b) { return b == 0 ? 0xffffffffu : a / b; }";
            case F32, F64, BOOL -> throw new IllegalArgumentException("integer division of " + d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
        return Helper.of(name, code, false);
    }

    /** Integer remainder with the dividend's sign; by zero gives the dividend, {@code MIN % -1} gives 0. */
    static Helper rem(DType d) {
        String t = Dialect.cType(d), name = "jx_rem_" + suffix(d);
        String body = switch (d) {
            case I32, I64 -> "return b == 0 ? a : b == -1 ? (" + t + ") 0 : a % b;";
            case U32 -> "return b == 0 ? a : a % b;";
            case F32, F64, BOOL -> throw new IllegalArgumentException("integer remainder of " + d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
        return Helper.of(name, "JX_FN " + t + " " + name + "(" + t + " a, " + t + " b) { " + body + " }", false);
    }

    /**
     * {@code x^y} by repeated squaring, multiplying in the order of the CPU's kernel: floats
     * round each product (a negative {@code y} gives {@code 1/x^|y|}); integers wrap, so they
     * multiply unsigned, which C defines.
     */
    static Helper integerPow(DType d) {
        String name = "jx_ipow_" + suffix(d);
        String code = switch (d) {
            case F32, F64 -> {
                String t = Dialect.cType(d), op = d == DType.F32 ? "F32" : "F64";
                yield "JX_FN " + t + " " + name + "(" + t + " x, i32_t y) {\n"
                        + "    " + t + " acc = 1;\n"
                        + "    for (i64_t n = y < 0 ? -(i64_t) y : (i64_t) y; n > 0; n >>= 1) {\n"
                        + "        if (n & 1) acc = JX_MUL_" + op + "(acc, x);\n"
                        + "        x = JX_MUL_" + op + "(x, x);\n"
                        + "    }\n"
                        + "    return y < 0 ? JX_DIV_" + op + "((" + t + ") 1, acc) : acc;\n}";
            }
            case I32, U32 -> "JX_FN u32_t " + name + "(u32_t x, i32_t y) {\n"
                    + "    u32_t acc = 1u;\n"
                    + "    for (i32_t n = y; n > 0; n >>= 1) { if (n & 1) acc *= x; x *= x; }\n"
                    + "    return acc;\n}";
            case I64 -> "JX_FN u64_t " + name + "(u64_t x, i32_t y) {\n"
                    + "    u64_t acc = 1ull;\n"
                    + "    for (i32_t n = y; n > 0; n >>= 1) { if (n & 1) acc *= x; x *= x; }\n"
                    + "    return acc;\n}";
            case BOOL -> throw new IllegalArgumentException("integer_pow of bool");
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
        return Helper.of(name, code, d == DType.F64);
    }

    /**
     * A float to an integer dtype: truncation toward zero, NaN to 0, saturation at the bounds.
     * f32 compares with the powers of two that bound the target, which equals the CPU's compare
     * of the widened value with the bounds themselves: no float lies strictly between.
     */
    static Helper toInteger(DType from, DType to) {
        boolean f32 = from == DType.F32;
        String t = Dialect.cType(from), f = f32 ? "f" : "", name = "jx_" + suffix(from) + "_to_" + suffix(to);
        String code = switch (to) {
            case I32 -> "JX_FN i32_t " + name + "(" + t + " v) { return isnan(v) ? 0 : v <= -2147483648.0" + f + " ? (i32_t) 0x80000000u"
                    + " : v >= " + (f32 ? "2147483648.0f" : "2147483647.0") + " ? (i32_t) 0x7fffffff : (i32_t) v; }";
            case U32 -> "JX_FN u32_t " + name + "(" + t + " v) { return isnan(v) ? 0u : v <= 0" + (f32 ? ".0f" : ".0") + " ? 0u : v >= "
                    + (f32 ? "4294967296.0f" : "4294967295.0") + " ? 0xffffffffu : (u32_t) v; }";
            case I64 -> "JX_FN i64_t " + name + "(" + t + " v) { return isnan(v) ? 0 : v <= -0x1p63" + f + " ? (i64_t) 0x8000000000000000ull"
                    + " : v >= 0x1p63" + f + " ? (i64_t) 0x7fffffffffffffffull : (i64_t) v; }";
            case F32, F64, BOOL -> throw new IllegalArgumentException("not an integer conversion target: " + to);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(to);
        };
        return Helper.of(name, code, !f32);
    }
}
