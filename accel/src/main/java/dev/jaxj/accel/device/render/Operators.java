package dev.jaxj.accel.device.render;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import io.vavr.collection.Seq;

/**
 * The operator table: every elementwise primitive as a C expression of its operands, for every
 * dtype its shape rule accepts, with the CPU backend's semantics (see {@code FusedLoopRunner}
 * and the element kernels it calls). One exhaustive switch with no {@code default}: a new
 * primitive does not compile until it has a row here. Dialect differences are macros of
 * {@link DialectTable}; functions C lacks are {@link Helper}s.
 *
 * <p>On a device with fp64, f32 functions other than the exactly rounded ones (neg, abs, floor,
 * ceil, round, fmod, add, sub, mul, div, sqrt, …) widen to double and round once, as the CPU
 * does, so the f32 result is within an ulp or two of the CPU's wherever the device's double
 * function is within a few double ulps of Java's. Without fp64 they call the float builtins,
 * and the special functions run the float twins of {@link SpecialFunctionSource}'s helpers.
 */
final class Operators {
    private Operators() {}

    /**
     * {@return the C expression of {@code p} applied to {@code args}} (C identifiers, so they may
     * be repeated), recording in {@code h} the helpers it calls.
     *
     * @param in the operands' dtypes ({@code select_n}: the selector's, then the cases')
     */
    static String apply(Primitive.Elementwise p, Seq<DType> in, Seq<String> args, Helper.Set h) {
        DType d = in.get(in.size() > 1 && p instanceof SelectN ? 1 : 0);
        String x = args.get(0), y = args.size() > 1 ? args.get(1) : null;
        String t = Dialect.cType(d);
        return switch (p) {
            case Real _, Imag _, Conj _, Complex _ -> throw StorageTypes.unlowered(d.isComplex() ? d : d.complexType());
            case Neg _ -> switch (d) {
                case F32, F64 -> "(-" + x + ")";
                case I32 -> "((i32_t) (0u - (u32_t) " + x + "))";
                case I64 -> "((i64_t) (0ull - (u64_t) " + x + "))";
                case U32 -> "((u32_t) (0u - " + x + "))";
                case BOOL -> throw rejected(p, d);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
            case Abs _ -> switch (d) {
                case F32, F64 -> "fabs(" + x + ")";
                case I32 -> "(" + x + " < 0 ? (i32_t) (0u - (u32_t) " + x + ") : " + x + ")";
                case I64 -> "(" + x + " < 0 ? (i64_t) (0ull - (u64_t) " + x + ") : " + x + ")";
                case U32, BOOL -> throw rejected(p, d);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
            case Sign _ -> switch (d) {
                // NaN and signed zeros are their own sign, as Math.signum.
                case F32, F64 -> "(" + x + " > 0 ? (" + t + ") 1 : " + x + " < 0 ? (" + t + ") -1 : " + x + ")";
                case I32, I64 -> "((" + t + ") ((" + x + " > 0) - (" + x + " < 0)))";
                case U32 -> "((u32_t) (" + x + " != 0u))";
                case BOOL -> throw rejected(p, d);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
            case IntegerPow(var n) -> switch (d) {
                case F32, F64 -> withF64(h, h.use(ScalarHelpers.integerPow(d)) + "(" + x + ", " + n + ")");
                case U32 -> h.use(ScalarHelpers.integerPow(d)) + "(" + x + ", " + n + ")";
                case I32 -> "((i32_t) " + h.use(ScalarHelpers.integerPow(d)) + "((u32_t) " + x + ", " + n + "))";
                case I64 -> "((i64_t) " + h.use(ScalarHelpers.integerPow(d)) + "((u64_t) " + x + ", " + n + "))";
                case BOOL -> throw rejected(p, d);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
            case Floor _ -> exact(p, d, "floor", x);
            case Ceil _ -> exact(p, d, "ceil", x);
            case Round(var method) -> exact(p, d, switch (method) {
                case AWAY_FROM_ZERO -> "round";
                case TO_NEAREST_EVEN -> "rint";
            }, x);
            case Sqrt _ -> withF64(h, floatOnly(p, d, "JX_SQRT_" + d.shortName().toUpperCase() + "(" + x + ")"));
            // As the CPU's fused loops: a correctly rounded square root, then a correctly rounded division.
            case Rsqrt _ -> withF64(h, floatOnly(p, d, "JX_DIV_" + d.shortName().toUpperCase() + "((" + t + ") 1, JX_SQRT_"
                    + d.shortName().toUpperCase() + "(" + x + "))"));
            case Exp _ -> viaDouble(p, d, "exp", x, h);
            case Exp2 _ -> viaDouble(p, d, "exp2", x, h);
            case Log _ -> viaDouble(p, d, "log", x, h);
            case Log1p _ -> viaDouble(p, d, "log1p", x, h);
            case Expm1 _ -> viaDouble(p, d, "expm1", x, h);
            case Cbrt _ -> viaDouble(p, d, "cbrt", x, h);
            case Sin _ -> viaDouble(p, d, "sin", x, h);
            case Cos _ -> viaDouble(p, d, "cos", x, h);
            case Tan _ -> viaDouble(p, d, "tan", x, h);
            case Asin _ -> viaDouble(p, d, "asin", x, h);
            case Acos _ -> viaDouble(p, d, "acos", x, h);
            case Atan _ -> viaDouble(p, d, "atan", x, h);
            case Sinh _ -> viaDouble(p, d, "sinh", x, h);
            case Cosh _ -> viaDouble(p, d, "cosh", x, h);
            case Tanh _ -> viaDouble(p, d, "tanh", x, h);
            case Asinh _ -> special(p, d, SpecialFunctionSource.ASINH, x, h);
            case Acosh _ -> special(p, d, SpecialFunctionSource.ACOSH, x, h);
            case Atanh _ -> special(p, d, SpecialFunctionSource.ATANH, x, h);
            case Logistic _ -> d == DType.F32 && !h.fp64() ? h.use(SpecialFunctionSource.LOGISTIC_F32) + "(" + x + ")"
                    : special(p, d, SpecialFunctionSource.LOGISTIC, x, h);
            case Erf _ -> special(p, d, SpecialFunctionSource.ERF, x, h);
            case Erfc _ -> special(p, d, SpecialFunctionSource.ERFC, x, h);
            case ErfInv _ -> special(p, d, SpecialFunctionSource.ERF_INV, x, h);
            case Lgamma _ -> special(p, d, SpecialFunctionSource.LGAMMA, x, h);
            case Digamma _ -> special(p, d, SpecialFunctionSource.DIGAMMA, x, h);
            case IsFinite _ -> floatOnly(p, d, "((bool_t) (isfinite(" + x + ") != 0))");
            case Not _ -> switch (d) {
                case BOOL -> "((bool_t) !" + x + ")";
                case I32, I64, U32 -> "((" + t + ") ~" + x + ")";
                case F32, F64 -> throw rejected(p, d);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
            case ConvertElementType(var to, var _) -> ConvertOps.convert(d, to, x, h);
            case BitcastConvertType(var to) -> ConvertOps.bitcast(d, to, x);
            case Copy _ -> x;
            case Add _ -> arithmetic(p, d, "ADD", "+", x, y, h);
            case Sub _ -> arithmetic(p, d, "SUB", "-", x, y, h);
            case Mul _ -> arithmetic(p, d, "MUL", "*", x, y, h);
            case Div _ -> switch (d) {
                // OpenCL divides f32 in double (DialectTable).
                case F32, F64 -> withF64(h, "JX_DIV_" + d.shortName().toUpperCase() + "(" + x + ", " + y + ")");
                case I32, I64, U32 -> h.use(ScalarHelpers.div(d)) + "(" + x + ", " + y + ")";
                case BOOL -> throw rejected(p, d);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
            case Rem _ -> switch (d) {
                case F32, F64 -> "fmod(" + x + ", " + y + ")";   // exact, as Java's %
                case I32, I64, U32 -> h.use(ScalarHelpers.rem(d)) + "(" + x + ", " + y + ")";
                case BOOL -> throw rejected(p, d);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
            case Max _ -> numeric(p, d, h.use(ScalarHelpers.extreme(d, true)) + "(" + x + ", " + y + ")");
            case Min _ -> numeric(p, d, h.use(ScalarHelpers.extreme(d, false)) + "(" + x + ", " + y + ")");
            // C's pow agrees with the CPU's special cases (1^y = 1, (-1)^inf = 1), which Java's lacks.
            case Pow _ -> viaDouble(p, d, "pow", x + ", " + y, h);
            case Atan2 _ -> viaDouble(p, d, "atan2", x + ", " + y, h);
            case Nextafter _ -> floatOnly(p, d, "nextafter(" + x + ", " + y + ")");
            case And _ -> bitwise(p, d, "&", x, y);
            case Or _ -> bitwise(p, d, "|", x, y);
            case Xor _ -> bitwise(p, d, "^", x, y);
            case ShiftLeft s -> shift(s, d, x, y);
            case ShiftRightLogical s -> shift(s, d, x, y);
            case ShiftRightArithmetic s -> shift(s, d, x, y);
            // IEEE comparisons for floats, unsigned for u32 (C compares unsigned int so), false < true.
            case Eq _ -> "((bool_t) (" + x + " == " + y + "))";
            case Ne _ -> "((bool_t) (" + x + " != " + y + "))";
            case Lt _ -> "((bool_t) (" + x + " < " + y + "))";
            case Le _ -> "((bool_t) (" + x + " <= " + y + "))";
            case Gt _ -> "((bool_t) (" + x + " > " + y + "))";
            case Ge _ -> "((bool_t) (" + x + " >= " + y + "))";
            case SelectN _ -> selectN(args);
            case Clamp _ -> numeric(p, d, h.use(ScalarHelpers.extreme(d, false)) + "(" + h.use(ScalarHelpers.extreme(d, true))
                    + "(" + args.get(1) + ", " + args.get(0) + "), " + args.get(2) + ")");
        };
    }

    /** Shift amounts are read unsigned; amounts of at least the width shift every bit out (0, or the sign fill). */
    private static String shift(Shift p, DType d, String a, String s) {
        String w = switch (d) {
            case I32, U32 -> "32u";
            case I64 -> "64ull";
            case F32, F64, BOOL -> throw rejected(p, d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
        String u = d == DType.I64 ? "u64_t" : "u32_t", sg = d == DType.I64 ? "i64_t" : "i32_t", t = Dialect.cType(d);
        String inRange = "(" + u + ") " + s + " < " + w;
        return switch (p) {
            case ShiftLeft _ -> "(" + inRange + " ? (" + t + ") ((" + u + ") " + a + " << (" + u + ") " + s + ") : (" + t + ") 0)";
            case ShiftRightLogical _ -> "(" + inRange + " ? (" + t + ") ((" + u + ") " + a + " >> (" + u + ") " + s + ") : (" + t + ") 0)";
            // u32 shifts arithmetically by reading its bits as signed, as the CPU does.
            case ShiftRightArithmetic _ -> "((" + t + ") ((" + sg + ") " + a + " >> (" + inRange + " ? (" + sg + ") " + s + " : (" + sg + ") " + (d == DType.I64 ? 63 : 31) + ")))";
        };
    }

    /** The case {@code which} names, clamped into range as the CPU's select_n does; a bool selector reads 0 or 1. */
    private static String selectN(Seq<String> args) {
        String which = args.get(0);
        int k = args.size() - 1;
        var sb = new StringBuilder("(");
        for (int j = 0; j < k - 1; j++) sb.append(which).append(" <= ").append(j).append(" ? ").append(args.get(j + 1)).append(" : ");
        return sb.append(args.get(k)).append(")").toString();
    }

    /** A function exact in either precision, applied in the operand's own. */
    private static String exact(Primitive p, DType d, String fn, String x) {
        return switch (d) {
            case F32, F64 -> fn + "(" + x + ")";
            case I32, I64, U32, BOOL -> throw rejected(p, d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    private static String floatOnly(Primitive p, DType d, String expr) {
        return switch (d) {
            case F32, F64 -> expr;
            case I32, I64, U32, BOOL -> throw rejected(p, d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    /** {@code expr} divides or takes a square root: OpenCL does f32 ones in double where it can (DialectTable). */
    private static String withF64(Helper.Set h, String expr) {
        h.markF64(h.fp64());
        return expr;
    }

    /**
     * {@code fn} in double; an f32 operand widens and the result rounds once, as on the CPU.
     * Without fp64, f32 calls the builtin's float overload, within OpenCL's f32 bound.
     */
    private static String viaDouble(Primitive p, DType d, String fn, String operands, Helper.Set h) {
        return switch (d) {
            case F64 -> "(" + fn + "(" + operands + "))";
            case F32 -> {
                if (!h.fp64()) yield "(" + fn + "(" + operands + "))";
                h.markF64(true);
                yield "((float) (" + fn + "(" + widened(operands) + ")))";
            }
            case I32, I64, U32, BOOL -> throw rejected(p, d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    /**
     * A special function of {@link SpecialFunctionSource}, which computes in double; without
     * fp64, f32 runs its float twin (the same algorithm in float).
     */
    private static String special(Primitive p, DType d, Helper f, String x, Helper.Set h) {
        if (!h.fp64() && d == DType.F32) return h.use(SpecialFunctionSource.f32(f)) + "(" + x + ")";
        h.markF64(true);
        return viaDouble(p, d, h.use(f), x, h);
    }

    private static String widened(String operands) {
        return String.join(", ", java.util.Arrays.stream(operands.split(", ")).map(o -> "(double) " + o).toList());
    }

    /** Float arithmetic rounded per operation; integers wrap, so signed ones compute unsigned, which C defines. */
    private static String arithmetic(Primitive p, DType d, String macro, String op, String x, String y, Helper.Set h) {
        return switch (d) {
            case F32, F64 -> {
                yield "JX_" + macro + "_" + d.shortName().toUpperCase() + "(" + x + ", " + y + ")";
            }
            case I32 -> "((i32_t) ((u32_t) " + x + " " + op + " (u32_t) " + y + "))";
            case I64 -> "((i64_t) ((u64_t) " + x + " " + op + " (u64_t) " + y + "))";
            case U32 -> "((u32_t) (" + x + " " + op + " " + y + "))";
            case BOOL -> throw rejected(p, d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    private static String bitwise(Primitive p, DType d, String op, String x, String y) {
        return switch (d) {
            case BOOL, I32, I64, U32 -> "((" + Dialect.cType(d) + ") (" + x + " " + op + " " + y + "))";
            case F32, F64 -> throw rejected(p, d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    private static String numeric(Primitive p, DType d, String expr) {
        if (d == DType.BOOL) throw rejected(p, d);
        return expr;
    }

    static IllegalArgumentException rejected(Primitive p, DType d) {
        return new IllegalArgumentException(p.name() + " has no rendering for " + d + " operands; its shape rule rejects them");
    }
}
