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
            case BOOL -> v != 0 ? 1 : 0;
            case F32, F64 -> throw new IllegalArgumentException("not an integer dtype: " + target);
        };
    }

    /** {@return {@code v} wrapped to the width and signedness of an integer dtype} */
    public static long wrap(DType target, long v) {
        return switch (target) {
            case I32 -> (int) v;
            case U32 -> v & 0xFFFF_FFFFL;
            case I64 -> v;
            case BOOL -> v != 0 ? 1 : 0;
            case F32, F64 -> throw new IllegalArgumentException("not an integer dtype: " + target);
        };
    }
}
