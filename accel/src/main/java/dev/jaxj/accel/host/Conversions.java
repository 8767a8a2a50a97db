package dev.jaxj.accel.host;

import dev.jaxj.ir.DType;

/** Value conversions between dtypes with XLA's semantics. */
public final class Conversions {
    private Conversions() {}

    /**
     * Converts a double to an integer dtype's value: truncation toward zero, NaN to 0, and
     * out-of-range values saturating at the type's bounds, as XLA's convert does on CPU.
     */
    public static long toLong(DType target, double v) {
        if (Double.isNaN(v)) return 0;
        return switch (target) {
            case I32 -> (long) (int) v;                        // Java's (int) saturates
            case U32 -> v <= 0 ? 0 : v >= 4294967295.0 ? 4294967295L : (long) v;
            case I64 -> (long) v;
            case U64 -> toUnsignedLong(v);
            case I8 -> (long) Math.clamp(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case I16 -> (long) Math.clamp(v, Short.MIN_VALUE, Short.MAX_VALUE);
            case U8 -> (long) Math.clamp(v, 0, 255);
            case U16 -> (long) Math.clamp(v, 0, 65535);
            case BOOL -> v != 0 ? 1 : 0;
            case F32, F64, BF16, F16, C64, C128 -> throw new IllegalArgumentException("not an integer dtype: " + target);
        };
    }

    /** 2^63 as a double (exact). */
    private static final double TWO_63 = 0x1p63;

    /** {@return the u64 bit pattern of {@code v} truncated toward zero, saturating at 0 and 2^64 - 1 (NaN to 0)} */
    private static long toUnsignedLong(double v) {
        if (!(v > 0)) return 0;
        if (v >= 2 * TWO_63) return -1L;
        // Java's (long) saturates at 2^63 - 1, so the upper half goes through v - 2^63 (exact there).
        return v < TWO_63 ? (long) v : (long) (v - TWO_63) ^ Long.MIN_VALUE;
    }

    /** {@return the u64 whose bits are {@code bits}, rounded to the nearest double} (ties to even) */
    public static double unsignedToDouble(long bits) {
        if (bits >= 0) return bits;
        // Halve with the lost bit kept as a sticky bit, so that the one rounding below is the right one.
        return (double) ((bits >>> 1) | (bits & 1)) * 2;
    }

    /** {@return the u64 whose bits are {@code bits}, rounded to the nearest float} (ties to even) */
    public static float unsignedToFloat(long bits) {
        if (bits >= 0) return bits;
        return (float) ((bits >>> 1) | (bits & 1)) * 2;
    }

    /** {@return {@code v} wrapped to the width and signedness of an integer dtype} */
    public static long wrap(DType target, long v) {
        return switch (target) {
            case I32 -> (int) v;
            case U32 -> v & 0xFFFF_FFFFL;
            case I64, U64 -> v;
            case I8 -> (byte) v;
            case I16 -> (short) v;
            case U8 -> v & 0xFFL;
            case U16 -> v & 0xFFFFL;
            case BOOL -> v != 0 ? 1 : 0;
            case F32, F64, BF16, F16, C64, C128 -> throw new IllegalArgumentException("not an integer dtype: " + target);
        };
    }

    /** {@return {@code v} rounded to bfloat16 (to nearest, ties to even; NaN stays a quiet NaN), as its 16 bits} */
    public static short toBf16(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (Float.isNaN(v)) return (short) ((bits >>> 16) | 0x0040);
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }

    /** {@return {@code v} rounded once to bfloat16 (to nearest, ties to even), as its 16 bits} */
    public static short toBf16(double v) {
        return toBf16(toF32RoundingToOdd(v));
    }

    /** {@return the float a bfloat16's 16 bits stand for (exact)} */
    public static float fromBf16(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** {@return {@code v} rounded to IEEE half precision (to nearest, ties to even), as its 16 bits} */
    public static short toF16(float v) {
        return Float.floatToFloat16(v);
    }

    /** {@return {@code v} rounded once to IEEE half precision (to nearest, ties to even), as its 16 bits} */
    public static short toF16(double v) {
        return toF16(toF32RoundingToOdd(v));
    }

    /**
     * {@return {@code v} rounded to f32 toward zero, with the last bit set where that lost
     * anything} (rounding to odd). A second rounding, to nearest, into a format at least two
     * bits narrower (f16, bf16) then gives the correctly rounded result, which a detour through
     * f32 rounded to nearest would not: {@code 1 + 2^-11 + 2^-40} would become the f16 tie
     * {@code 1 + 2^-11} and round down to 1. Overflow gives the largest finite f32, NaN stays NaN.
     */
    public static float toF32RoundingToOdd(double v) {
        float nearest = (float) v;
        if (nearest == v || Double.isNaN(v)) return nearest;
        int bits = Float.floatToRawIntBits(nearest);
        if ((bits & 1) != 0) return nearest;
        // An even neighbour: step to the odd one on v's side (bits are sign and magnitude).
        return Float.intBitsToFloat(Math.abs((double) nearest) < Math.abs(v) ? bits + 1 : bits - 1);
    }

    /** {@return the float a half-precision number's 16 bits stand for (exact)} */
    public static float fromF16(short bits) {
        return Float.float16ToFloat(bits);
    }
}
