package dev.jaxj.properties.special;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import io.vavr.control.Option;

import java.math.BigInteger;

import static dev.jaxj.properties.special.Elements.ofInteger;
import static dev.jaxj.properties.special.Elements.real;

/**
 * The value each elementwise primitive should give, computed apart from the kernels: floats
 * in double precision with {@link StrictMath} (f32 results rounded once), integers with
 * XLA's CPU semantics written out, C's {@code pow} special cases spelled out. Functions that
 * {@link StrictMath} lacks (erf, lgamma, …) are known here only at their special points.
 */
final class Reference {
    private Reference() {}

    /** {@return the result of {@code p} on one element of each operand}, or none where it is not known here */
    static Option<Long> of(Primitive.Elementwise p, DType in, DType out, long[] e) {
        return switch (p) {
            case Unary u -> unary(u, in, out, e[0]);
            case Binary b -> Option.some(binary(b, in, out, e[0], e[1]));
            case SelectN _ -> Option.some(e[Math.clamp(e[0], 0, e.length - 2) + 1]);
            case Clamp _ -> Option.some(in.isFloating()
                    ? rounded(out, min(max(real(e[1], in), real(e[0], in)), real(e[2], in)))
                    : Math.min(Math.max(e[1], e[0]), e[2]));
        };
    }

    private static long rounded(DType out, double v) { return Elements.of(v, out); }

    private static Option<Long> unary(Unary p, DType in, DType out, long e) {
        boolean floating = in.isFloating();
        double x = real(e, in);
        return switch (p) {
            case ComplexUnary _ -> throw new IllegalStateException(p.name() + " takes complex numbers, which these properties leave to their own tests");
            case Neg _ -> Option.some(floating ? rounded(out, -x) : ofInteger(-e, out));
            case Abs _ -> Option.some(floating ? rounded(out, StrictMath.abs(x)) : in == DType.U32 ? e : ofInteger(Math.abs(e), out));
            case Sign _ -> Option.some(floating ? rounded(out, StrictMath.signum(x)) : Long.signum(e));
            // A negative power is 1 / x^|y| with x^|y| in the dtype, as JAX lowers it: an overflowing x^|y| gives 0, not a subnormal.
            case IntegerPow(var y) -> Option.some(!floating ? ofInteger(BigInteger.valueOf(e).pow(y).longValue(), out)
                    : y >= 0 ? rounded(out, StrictMath.pow(x, y))
                    : rounded(out, 1 / real(rounded(out, StrictMath.pow(x, -y)), out)));
            case Floor _ -> some(out, StrictMath.floor(x));
            case Ceil _ -> some(out, StrictMath.ceil(x));
            case Round(var method) -> some(out, switch (method) {
                case TO_NEAREST_EVEN -> StrictMath.rint(x);
                case AWAY_FROM_ZERO -> roundHalfAway(x);
            });
            case Exp _ -> some(out, StrictMath.exp(x));
            case Exp2 _ -> some(out, StrictMath.pow(2, x));
            case Log _ -> some(out, StrictMath.log(x));
            case Log1p _ -> some(out, StrictMath.log1p(x));
            case Expm1 _ -> some(out, StrictMath.expm1(x));
            case Sqrt _ -> some(out, StrictMath.sqrt(x));
            case Rsqrt _ -> some(out, 1 / StrictMath.sqrt(x));
            case Cbrt _ -> some(out, StrictMath.cbrt(x));
            case Sin _ -> some(out, StrictMath.sin(x));
            case Cos _ -> some(out, StrictMath.cos(x));
            case Tan _ -> some(out, StrictMath.tan(x));
            case Asin _ -> some(out, StrictMath.asin(x));
            case Acos _ -> some(out, StrictMath.acos(x));
            case Atan _ -> some(out, StrictMath.atan(x));
            case Sinh _ -> some(out, StrictMath.sinh(x));
            case Cosh _ -> some(out, StrictMath.cosh(x));
            case Tanh _ -> some(out, StrictMath.tanh(x));
            case Logistic _ -> some(out, x >= 0 ? 1 / (1 + StrictMath.exp(-x)) : StrictMath.exp(x) / (1 + StrictMath.exp(x)));
            case Asinh _ -> at(out, x, Double.isNaN(x) || x == 0 || Double.isInfinite(x), x);
            case Acosh _ -> at(out, x, Double.isNaN(x) || x < 1 || x == 1 || x == Double.POSITIVE_INFINITY,
                    x < 1 ? Double.NaN : x == 1 ? 0 : x);
            case Atanh _ -> at(out, x, Double.isNaN(x) || x == 0 || Math.abs(x) >= 1,
                    Math.abs(x) > 1 ? Double.NaN : Math.abs(x) == 1 ? x / 0 : x);
            case Erf _ -> at(out, x, Double.isNaN(x) || x == 0 || Double.isInfinite(x), Double.isInfinite(x) ? StrictMath.signum(x) : x);
            case Erfc _ -> at(out, x, Double.isNaN(x) || x == 0 || Double.isInfinite(x), Double.isNaN(x) ? x : x == 0 ? 1 : x > 0 ? 0 : 2);
            case ErfInv _ -> at(out, x, Double.isNaN(x) || x == 0 || Math.abs(x) >= 1,
                    Math.abs(x) > 1 ? Double.NaN : Math.abs(x) == 1 ? x / 0 : x);
            case Lgamma _ -> at(out, x, Double.isNaN(x) || Double.isInfinite(x) || x == 1 || x == 2 || x <= 0 && x == StrictMath.rint(x),
                    Double.isNaN(x) ? x : x == 1 || x == 2 ? 0 : Double.POSITIVE_INFINITY);
            case Digamma _ -> at(out, x, Double.isNaN(x) || x == Double.POSITIVE_INFINITY, x);
            case IsFinite _ -> Option.some(!Double.isNaN(x) && !Double.isInfinite(x) ? 1L : 0L);
            case Not _ -> Option.some(in == DType.BOOL ? 1 - e : ofInteger(~e, out));
            case ConvertElementType(var to, var _) -> Option.some(convert(e, in, to));
            case BitcastConvertType(var to) -> Option.some(bitcast(e, in, to));
            case Copy _ -> Option.some(e);
        };
    }

    private static Option<Long> some(DType out, double v) { return Option.some(rounded(out, v)); }

    /** {@code v} where {@code known}, else none */
    private static Option<Long> at(DType out, double x, boolean known, double v) {
        return known ? some(out, v) : Option.none();
    }

    private static double roundHalfAway(double x) {
        double t = x < 0 ? StrictMath.ceil(x) : StrictMath.floor(x);
        return StrictMath.abs(x - t) >= 0.5 ? t + StrictMath.signum(x) : t;
    }

    private static long binary(Binary p, DType in, DType out, long a, long b) {
        double x = real(a, in), y = real(b, in);
        if (p instanceof Comparison c) return compare(c, in, a, b, x, y) ? 1 : 0;
        if (in.isFloating()) {
            return rounded(out, switch (p) {
                case Add _ -> x + y;
                case Sub _ -> x - y;
                case Mul _ -> x * y;
                case Div _ -> x / y;
                case Rem _ -> x % y;      // fmod: exact in any precision
                case Max _ -> max(x, y);
                case Min _ -> min(x, y);
                case Pow _ -> cPow(x, y);
                case Atan2 _ -> StrictMath.atan2(x, y);
                case Nextafter _ -> nextAfter(a, b, in);
                case Bitwise _, Shift _, Comparison _, Complex _ -> throw new IllegalStateException(p.name() + " of floats");
            });
        }
        return switch (p) {
            case Add _ -> ofInteger(a + b, out);
            case Sub _ -> ofInteger(a - b, out);
            case Mul _ -> ofInteger(a * b, out);
            // XLA: division by zero gives all bits set, the remainder by zero the dividend; MIN / -1 wraps to MIN.
            case Div _ -> b == 0 ? ofInteger(-1, out) : ofInteger(in == DType.I64 && a == Long.MIN_VALUE && b == -1 ? a : a / b, out);
            case Rem _ -> b == 0 ? a : ofInteger(b == -1 ? 0 : a % b, out);
            case Max _ -> Math.max(a, b);     // u32 elements are their unsigned values
            case Min _ -> Math.min(a, b);
            case And _ -> a & b;
            case Or _ -> a | b;
            case Xor _ -> a ^ b;
            case Shift s -> shift(s, in, a, b);
            case Pow _, Atan2 _, Nextafter _, Comparison _, Complex _ -> throw new IllegalStateException(p.name() + " of integers");
        };
    }

    private static boolean compare(Comparison c, DType in, long a, long b, double x, double y) {
        if (!in.isFloating()) {
            x = a;
            y = b;
            if (in == DType.I64) return switch (c) {
                case Eq _ -> a == b;
                case Ne _ -> a != b;
                case Lt _ -> a < b;
                case Le _ -> a <= b;
                case Gt _ -> a > b;
                case Ge _ -> a >= b;
            };
        }
        return switch (c) {
            case Eq _ -> x == y;
            case Ne _ -> x != y;
            case Lt _ -> x < y;
            case Le _ -> x <= y;
            case Gt _ -> x > y;
            case Ge _ -> x >= y;
        };
    }

    /** Shift amounts read unsigned; shifting by the width or more leaves 0, or the sign fill. */
    private static long shift(Shift s, DType in, long a, long b) {
        int width = in == DType.I64 ? 64 : 32;
        long amount = width == 64 ? b : b & 0xFFFF_FFFFL;
        boolean inRange = width == 64 ? Long.compareUnsigned(amount, 64) < 0 : amount < 32;
        long signed = width == 64 ? a : (int) a, bits = width == 64 ? a : a & 0xFFFF_FFFFL;
        return ofInteger(switch (s) {
            case ShiftLeft _ -> inRange ? bits << amount : 0;
            case ShiftRightLogical _ -> inRange ? bits >>> amount : 0;
            case ShiftRightArithmetic _ -> signed >> (inRange ? amount : width - 1);
        }, in);
    }

    /** NaN if either is NaN; -0 below +0 */
    private static double max(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        if (x == y) return Double.doubleToRawLongBits(x) < 0 ? y : x;
        return x > y ? x : y;
    }

    private static double min(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        if (x == y) return Double.doubleToRawLongBits(x) < 0 ? x : y;
        return x < y ? x : y;
    }

    /** C99's {@code pow} (Annex F): StrictMath's except at a base of 1, and of -1 with an infinite exponent. */
    static double cPow(double x, double y) {
        if (x == 1 || (x == -1 && Double.isInfinite(y))) return 1;
        return StrictMath.pow(x, y);
    }

    /** The next element after {@code a} toward {@code b}, by stepping the bits */
    private static double nextAfter(long a, long b, DType d) {
        double x = real(a, d), y = real(b, d);
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        if (x == y) return y;
        long smallest = d == DType.F32 ? Float.floatToRawIntBits(Float.MIN_VALUE) : 1;
        if (x == 0) return real(y > 0 ? smallest : smallest | (d == DType.F32 ? 0x8000_0000L : Long.MIN_VALUE), d);
        boolean awayFromZero = (y > x) == (x > 0);
        long bits = d == DType.F32 ? a & 0xFFFF_FFFFL : a;
        return real(awayFromZero ? bits + 1 : bits - 1, d);
    }

    /** XLA's conversions: floats to integers truncate, saturate and send NaN to 0; to bool is {@code != 0}. */
    private static long convert(long e, DType from, DType to) {
        if (to == DType.BOOL) return (from.isFloating() ? real(e, from) != 0 : e != 0) ? 1 : 0;
        if (from.isFloating()) {
            double x = real(e, from);
            if (to.isFloating()) return Elements.of(x, to);
            if (Double.isNaN(x)) return 0;
            double lo = switch (to) {
                case I32 -> Integer.MIN_VALUE;
                case U32 -> 0;
                case I64, F32, F64, BOOL -> Long.MIN_VALUE;
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + to);
            };
            double hi = switch (to) {
                case I32 -> Integer.MAX_VALUE;
                case U32 -> 0xFFFF_FFFFL;
                case I64, F32, F64, BOOL -> 0x1p63;
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + to);
            };
            if (x <= lo) return (long) lo;
            if (x >= hi) return to == DType.I64 ? Long.MAX_VALUE : (long) hi;
            return ofInteger((long) x, to);
        }
        if (to.isFloating()) return Elements.of(to == DType.F32 ? (double) (float) e : (double) e, to);
        return ofInteger(e, to);
    }

    private static long bitcast(long e, DType from, DType to) {
        return switch (to) {
            case F32 -> (int) e;
            case F64, I64 -> e;
            case I32, U32 -> ofInteger(e, to);
            case BOOL -> throw new IllegalStateException("no bitcast to bool");
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + to);
        };
    }
}
