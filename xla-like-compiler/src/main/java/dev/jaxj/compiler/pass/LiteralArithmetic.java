package dev.jaxj.compiler.pass;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Evaluates the primitives that fold from static information alone: arithmetic, negation,
 * comparisons and conversions of scalar literals of dtypes f32, f64, i32, i64 (and bool for
 * comparisons and conversions).
 *
 * <p>Results are what a kernel computes: f32 operands and results are rounded to float,
 * integers wrap, comparisons follow IEEE 754 (NaN is unordered), and float-to-integer
 * conversion truncates toward zero, sends NaN to 0 and saturates, as XLA's does on CPU.
 * Whatever is not certain is left to run: integer division or remainder by zero, u32, the
 * storage and complex types, and {@code max}/{@code min} of zeros of different signs.
 */
final class LiteralArithmetic {
    private LiteralArithmetic() {}

    /** The operand types of conversions that fold: those whose kernels Java's arithmetic matches. */
    private static final java.util.Set<DType> FOLDED = java.util.EnumSet.of(DType.F32, DType.F64, DType.I32, DType.I64, DType.BOOL);

    /** {@return the literal {@code p in…} evaluates to, as a literal of aval {@code out}, or none} */
    static Option<Lit> fold(Primitive p, Seq<Lit> in, ShapedArray out) {
        return switch (p) {
            case Neg _ -> negate(in.head(), out);
            case Arithmetic a -> arithmetic(a, in.get(0), in.get(1), out);
            case Comparison c -> compare(c, in.get(0), in.get(1), out);
            case ConvertElementType _ -> convert(in.head(), out);
            case Elementwise _, Structural _, Reduction _, ArgReduction _, Cumulative _, Contraction _, ReduceWindow _,
                 Sort _, Threefry2x32 _, Elimination _, StopGradient _, CustomVjpLinear _, ControlFlow _ -> Option.none();
            // Float formats: left to the kernel.
            case ReducePrecision _ -> Option.none();
            // QR, symmetric eigendecomposition, SVD
            case Orthogonal _ -> Option.none();
            // General eigendecomposition: left to the kernel.
            case Eig _ -> Option.none();
            // Fast Fourier transforms: left to the kernel.
            case Fft _ -> Option.none();
        };
    }

    private static Option<Lit> negate(Lit x, ShapedArray out) {
        return switch (x.aval().dtype()) {
            case F32 -> real(-(float) x.doubleValue(), out);
            case F64 -> real(-x.doubleValue(), out);
            case I32 -> integer(-(int) longOf(x), out);
            case I64 -> integer(-longOf(x), out);
            case U32, U64, BOOL, BF16, F16, I8, I16, U8, U16, C64, C128 -> Option.none();
        };
    }

    private static Option<Lit> arithmetic(Arithmetic op, Lit x, Lit y, ShapedArray out) {
        DType d = x.aval().dtype();
        if (d == DType.F32 || d == DType.F64) {
            double a = floatingOf(x), b = floatingOf(y);
            if ((op instanceof Max || op instanceof Min) && a == 0 && b == 0 && Double.compare(a, b) != 0) return Option.none();
            return d == DType.F32 ? real(f32(op, (float) a, (float) b), out) : real(f64(op, a, b), out);
        }
        if (d != DType.I32 && d != DType.I64) return Option.none();
        long a = longOf(x), b = longOf(y);
        if ((op instanceof Div || op instanceof Rem) && b == 0) return Option.none();
        return integer(d == DType.I32 ? i32(op, (int) a, (int) b) : i64(op, a, b), out);
    }

    private static float f32(Arithmetic op, float a, float b) {
        return switch (op) {
            case Add _ -> a + b;
            case Sub _ -> a - b;
            case Mul _ -> a * b;
            case Div _ -> a / b;
            case Rem _ -> a % b;
            case Max _ -> Math.max(a, b);
            case Min _ -> Math.min(a, b);
        };
    }

    private static double f64(Arithmetic op, double a, double b) {
        return switch (op) {
            case Add _ -> a + b;
            case Sub _ -> a - b;
            case Mul _ -> a * b;
            case Div _ -> a / b;
            case Rem _ -> a % b;
            case Max _ -> Math.max(a, b);
            case Min _ -> Math.min(a, b);
        };
    }

    private static int i32(Arithmetic op, int a, int b) {
        return switch (op) {
            case Add _ -> a + b;
            case Sub _ -> a - b;
            case Mul _ -> a * b;
            case Div _ -> a / b;
            case Rem _ -> a % b;
            case Max _ -> Math.max(a, b);
            case Min _ -> Math.min(a, b);
        };
    }

    private static long i64(Arithmetic op, long a, long b) {
        return switch (op) {
            case Add _ -> a + b;
            case Sub _ -> a - b;
            case Mul _ -> a * b;
            case Div _ -> a / b;
            case Rem _ -> a % b;
            case Max _ -> Math.max(a, b);
            case Min _ -> Math.min(a, b);
        };
    }

    private static Option<Lit> compare(Comparison op, Lit x, Lit y, ShapedArray out) {
        return switch (x.aval().dtype()) {
            // Widening a float to double keeps its order and its NaN, so one comparison serves both.
            case F32, F64 -> bool(compare(op, floatingOf(x), floatingOf(y)), out);
            case I32, I64, BOOL -> bool(compare(op, longOf(x), longOf(y)), out);
            case U32, U64, BF16, F16, I8, I16, U8, U16, C64, C128 -> Option.none();
        };
    }

    private static boolean compare(Comparison op, double a, double b) {
        return switch (op) {
            case Eq _ -> a == b;
            case Ne _ -> a != b;
            case Lt _ -> a < b;
            case Le _ -> a <= b;
            case Gt _ -> a > b;
            case Ge _ -> a >= b;
        };
    }

    private static boolean compare(Comparison op, long a, long b) {
        return switch (op) {
            case Eq _ -> a == b;
            case Ne _ -> a != b;
            case Lt _ -> a < b;
            case Le _ -> a <= b;
            case Gt _ -> a > b;
            case Ge _ -> a >= b;
        };
    }

    private static Option<Lit> convert(Lit x, ShapedArray out) {
        DType from = x.aval().dtype();
        if (!FOLDED.contains(from)) return Option.none();
        if (from.isFloating()) {
            double v = floatingOf(x);
            return switch (out.dtype()) {
                case F32 -> real((float) v, out);
                case F64 -> real(v, out);
                // Java's casts saturate, as XLA's conversion does; NaN goes to 0 explicitly.
                case I32 -> integer(Double.isNaN(v) ? 0 : (int) v, out);
                case I64 -> integer(Double.isNaN(v) ? 0 : (long) v, out);
                case BOOL -> bool(v != 0, out);
                case U32, U64, BF16, F16, I8, I16, U8, U16, C64, C128 -> Option.none();
            };
        }
        long v = longOf(x);
        return switch (out.dtype()) {
            case F32 -> real((float) v, out);
            case F64 -> real((double) v, out);
            case I32 -> integer((int) v, out);
            case I64 -> integer(v, out);
            case BOOL -> bool(v != 0, out);
            case U32, U64, BF16, F16, I8, I16, U8, U16, C64, C128 -> Option.none();
        };
    }

    /** The value of a floating literal, rounded to float first when it is f32, as a kernel reads it. */
    private static double floatingOf(Lit x) {
        return x.aval().dtype() == DType.F32 ? (float) x.doubleValue() : x.doubleValue();
    }

    private static long longOf(Lit x) {
        return x.value() instanceof Long l ? l : (long) x.doubleValue();
    }

    private static Option<Lit> real(double v, ShapedArray out) {
        return Option.of(new Lit(v, out));
    }

    private static Option<Lit> integer(long v, ShapedArray out) {
        return Option.of(new Lit(v, out));
    }

    private static Option<Lit> bool(boolean v, ShapedArray out) {
        return Option.of(new Lit(v, out));
    }
}
