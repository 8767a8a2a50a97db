package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The associative, commutative operations that reductions, scans and windowed reductions fold
 * with, and their identities (the value an empty fold gives and a padded element reads as).
 *
 * <p>Integer and bool data is folded in a widened {@code long} form (see {@link Widened}): u32
 * zero-extended so that plain {@code long} comparisons order it, bool as 0 or 1. Sums and
 * products of the widened values wrap correctly once narrowed back, since truncation to 32
 * bits commutes with {@code +} and {@code *}.
 */
enum Monoid {
    SUM, PROD, MAX, MIN, AND, OR;

    static Monoid of(Reduction p) {
        return switch (p) {
            case ReduceSum _ -> SUM;
            case ReduceProd _ -> PROD;
            case ReduceMax _ -> MAX;
            case ReduceMin _ -> MIN;
            case ReduceAnd _ -> AND;
            case ReduceOr _ -> OR;
        };
    }

    static Monoid of(Cumulative p) {
        return switch (p) {
            case Cumsum _ -> SUM;
            case Cumprod _ -> PROD;
            case Cummax _ -> MAX;
            case Cummin _ -> MIN;
        };
    }

    static Monoid of(ReduceWindow p) {
        return switch (p) {
            case ReduceWindowSum _ -> SUM;
            case ReduceWindowMax _ -> MAX;
            case ReduceWindowMin _ -> MIN;
        };
    }

    /** {@return the identity for floating-point data} */
    double floatIdentity() {
        return switch (this) {
            case SUM -> 0;
            case PROD -> 1;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            case AND, OR -> throw unsupported("floating-point");
        };
    }

    /** {@return the identity for integer or bool data of {@code d}, in widened form} */
    long longIdentity(DType d) {
        return switch (this) {
            case SUM, OR -> 0;
            case PROD -> 1;
            case AND -> -1;   // all ones; narrows to true for bool
            case MAX -> switch (d) {
                case I32 -> Integer.MIN_VALUE;
                case I64 -> Long.MIN_VALUE;
                case U32, BOOL -> 0;
                case F32, F64 -> throw unsupported(d.toString());
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
            case MIN -> switch (d) {
                case I32 -> Integer.MAX_VALUE;
                case I64 -> Long.MAX_VALUE;
                case U32 -> 0xFFFF_FFFFL;
                case BOOL -> 1;
                case F32, F64 -> throw unsupported(d.toString());
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
        };
    }

    /** {@return the operation on doubles; max and min propagate NaN} */
    DoubleBinaryOperator doubleOp() {
        return switch (this) {
            case SUM -> Double::sum;
            case PROD -> (a, b) -> a * b;
            case MAX -> Math::max;
            case MIN -> Math::min;
            case AND, OR -> throw unsupported("floating-point");
        };
    }

    /** {@return the operation on widened integers (logical for bool's 0 and 1, bitwise otherwise)} */
    LongBinaryOperator longOp() {
        return switch (this) {
            case SUM -> Long::sum;
            case PROD -> (a, b) -> a * b;
            case MAX -> Math::max;
            case MIN -> Math::min;
            case AND -> (a, b) -> a & b;
            case OR -> (a, b) -> a | b;
        };
    }

    private IllegalStateException unsupported(String what) {
        return new IllegalStateException(this + " is not defined on " + what + " data (the shape rule should have rejected it)");
    }
}
