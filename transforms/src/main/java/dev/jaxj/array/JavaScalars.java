package dev.jaxj.array;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;

import java.util.function.Supplier;

/**
 * Java scalars as operands. A Java {@code double} or {@code long} is weakly typed, as JAX treats
 * a Python float or int: it keeps its exact value until promotion has chosen the dtype it meets,
 * and is converted to that dtype once. An integer that the dtype cannot hold is an error (JAX
 * raises {@code OverflowError}); it never wraps around silently.
 */
public final class JavaScalars {
    private JavaScalars() {}

    /**
     * {@return the exact Java value {@code v} as a scalar of {@code t}}, weakly typed when
     * {@code t} is, so that it still converts exactly if it meets another operand later
     * @throws ArgumentError naming {@code op} when {@code v} is an integer out of {@code t}'s range
     */
    static Array convert(String op, Number v, Promotion.Typed t, Supplier<String> operands) {
        // The message is built only on failure: this runs for every Java scalar operand.
        if (v instanceof Long l && !fits(l, t.dtype())) requireFits(op, l, t.dtype(), operands.get());
        return Array.scalar(v, t.dtype(), t.weak());
    }

    /**
     * Checks that the Java integer {@code v} is a value of {@code dtype}.
     *
     * @param operands the avals the integer meets, for the message
     * @throws ArgumentError naming {@code op}, the value and the dtype otherwise
     */
    public static void requireFits(String op, long v, DType dtype, String operands) {
        if (fits(v, dtype)) return;
        throw new ArgumentError(op, "a Java integer must fit the dtype it converts to, " + dtype
                + " (" + min(dtype) + " to " + Long.toUnsignedString(max(dtype)) + "), got " + v + " with " + operands);
    }

    /** {@return whether {@code dtype} holds the integer {@code v}}: exactly, rounded for floats, or as non-zero for bools */
    public static boolean fits(long v, DType dtype) {
        return switch (dtype) {
            case F32, F64, I64, BOOL, BF16, F16, C64, C128 -> true;
            case I32, U32, I8, I16, U8, U16 -> v >= min(dtype) && v <= max(dtype);
            case U64 -> v >= 0;       // every non-negative long is a u64
        };
    }

    private static long min(DType d) {
        return switch (d) {
            case I32 -> Integer.MIN_VALUE;
            case I16 -> Short.MIN_VALUE;
            case I8 -> Byte.MIN_VALUE;
            case I64, F32, F64, BF16, F16, C64, C128 -> Long.MIN_VALUE;
            case U32, BOOL, U8, U16, U64 -> 0;
        };
    }

    /** The largest value, as a bit pattern read unsigned (u64's is -1L). */
    private static long max(DType d) {
        return switch (d) {
            case I32 -> Integer.MAX_VALUE;
            case U32 -> 0xFFFF_FFFFL;
            case I16 -> Short.MAX_VALUE;
            case I8 -> Byte.MAX_VALUE;
            case U16 -> 0xFFFF;
            case U8 -> 0xFF;
            case U64 -> -1L;          // 2^64 - 1, as an unsigned bit pattern
            case I64, F32, F64, BF16, F16, C64, C128 -> Long.MAX_VALUE;
            case BOOL -> 1;
        };
    }
}
