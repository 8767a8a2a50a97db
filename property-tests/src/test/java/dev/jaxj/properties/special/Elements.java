package dev.jaxj.properties.special;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;

/**
 * Elements of every dtype as raw 64-bit patterns (f32 and f64 bits, integers sign-extended,
 * u32 zero-extended, bools 0 or 1), so one comparison serves all dtypes: the special values
 * of each dtype, arrays built from them and read back, and the distance between two results.
 */
final class Elements {
    private Elements() {}

    private static final float[] F32 = {
        0f, -0f, 1f, -1f, 0.5f, -0.5f, 2f, -2.5f, 3f, 100f, -100f, -7f, 1e30f, -1e30f, 1e-30f,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MIN_VALUE, -Float.MIN_VALUE,
        1e-40f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN
    };
    private static final double[] F64 = {
        0d, -0d, 1d, -1d, 0.5, -0.5, 2d, -2.5, 3d, 100d, -800d, -7d, 1e30, -1e30, 1e300, -1e300, 1e-300,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MIN_VALUE, -Double.MIN_VALUE,
        Float.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN
    };
    private static final long[] I32 = {
        0, 1, -1, 2, -2, 7, -7, 31, 32, 33, 100_000, -100_000, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1
    };
    private static final long[] I64 = {
        0, 1, -1, 2, -2, 7, -7, 63, 64, 65, 1L << 40, -(1L << 40), Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1
    };

    /** {@return the special values of {@code d}} (±0, ±1, ±inf, NaN, subnormals, extremes, …) */
    static long[] special(DType d) {
        return switch (d) {
            case F32 -> {
                long[] r = new long[F32.length];
                for (int i = 0; i < r.length; i++) r[i] = Float.floatToRawIntBits(F32[i]);
                yield r;
            }
            case F64 -> {
                long[] r = new long[F64.length];
                for (int i = 0; i < r.length; i++) r[i] = Double.doubleToRawLongBits(F64[i]);
                yield r;
            }
            case I32 -> I32.clone();
            case U32 -> java.util.Arrays.stream(I32).map(v -> v & 0xFFFF_FFFFL).toArray();
            case I64 -> I64.clone();
            case BOOL -> new long[] {0, 1};
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + d);
        };
    }

    /**
     * {@return a random element of {@code d}}: a special value, random bits (any float: NaN
     * payloads, subnormals, huge magnitudes), or a value of moderate size (integers around the
     * shift widths).
     */
    static long random(DType d, java.util.Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> {
                long[] s = special(d);
                yield s[r.nextInt(s.length)];
            }
            case 1 -> switch (d) {
                case F32, I32 -> r.nextInt();
                case U32 -> r.nextInt() & 0xFFFF_FFFFL;
                case F64, I64 -> r.nextLong();
                case BOOL -> r.nextInt(2);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + d);
            };
            default -> switch (d) {
                case F32, F64 -> of(r.nextDouble(-30, 30), d);
                case I32, I64 -> r.nextInt(-70, 70);
                case U32 -> r.nextInt(0, 70);
                case BOOL -> r.nextInt(2);
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + d);
            };
        };
    }

    /** {@return the element of dtype {@code d} that the Java value {@code v} rounds or wraps to} */
    static long of(double v, DType d) {
        return switch (d) {
            case F32 -> Float.floatToRawIntBits((float) v);
            case F64 -> Double.doubleToRawLongBits(v);
            case I32, U32, I64, BOOL -> throw new IllegalArgumentException("a double is not an element of " + d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + d);
        };
    }

    /** {@return the integer element of dtype {@code d} holding the low bits of {@code v}} */
    static long ofInteger(long v, DType d) {
        return switch (d) {
            case I32 -> (int) v;
            case U32 -> v & 0xFFFF_FFFFL;
            case I64 -> v;
            case BOOL -> v != 0 ? 1 : 0;
            case F32, F64 -> throw new IllegalArgumentException("an integer is not an element of " + d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + d);
        };
    }

    /** {@return a float element as a double} */
    static double real(long e, DType d) {
        return switch (d) {
            case F32 -> Float.intBitsToFloat((int) e);
            case F64 -> Double.longBitsToDouble(e);
            case I32, U32, I64, BOOL -> e;
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + d);
        };
    }

    /** {@return a 1-d array of dtype {@code d} holding {@code elements}} */
    static Array array(long[] elements, DType d) {
        int n = elements.length;
        return switch (d) {
            case F32 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) v[i] = Float.intBitsToFloat((int) elements[i]);
                yield Jnp.array(v, DType.F32, n);
            }
            case F64 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = Double.longBitsToDouble(elements[i]);
                yield Jnp.array(v, DType.F64, n);
            }
            case I32, U32 -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = (int) elements[i];
                Array a = Jnp.array(v, DType.I32, n);
                yield d == DType.U32 ? Lax.bitcastConvertType(a, DType.U32) : a;
            }
            case I64 -> Jnp.array(elements.clone(), DType.I64, n);
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) v[i] = elements[i] != 0;
                yield Jnp.array(v, DType.BOOL, n);
            }
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + d);
        };
    }

    /** {@return the elements of {@code a}} */
    static long[] elements(Array a) {
        return switch (a.dtype()) {
            case F32 -> {
                float[] v = a.toFloatArray();
                long[] r = new long[v.length];
                for (int i = 0; i < v.length; i++) r[i] = Float.floatToRawIntBits(v[i]);
                yield r;
            }
            case F64 -> java.util.Arrays.stream(a.toDoubleArray()).mapToLong(Double::doubleToRawLongBits).toArray();
            case I32, U32, I64 -> a.toLongArray();
            case BOOL -> {
                boolean[] v = a.toBooleanArray();
                long[] r = new long[v.length];
                for (int i = 0; i < v.length; i++) r[i] = v[i] ? 1 : 0;
                yield r;
            }
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + a.dtype());
        };
    }

    /** {@return {@code e} with its sign flipped (floats) or negated with wrap-around (integers), or inverted (bools)}: an involution */
    static long negated(long e, DType d) {
        return switch (d) {
            case F32 -> (int) (e ^ 0x8000_0000L);   // stays sign-extended, as elements() gives it
            case F64 -> e ^ Long.MIN_VALUE;
            case I32, U32, I64 -> ofInteger(-e, d);
            case BOOL -> 1 - e;
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + d);
        };
    }

    /**
     * {@return how far apart two elements are}: 0 when equal (every NaN equals every NaN, and
     * -0 differs from +0), the number of representable floats between them when both are
     * finite numbers of one sign, and {@link Long#MAX_VALUE} otherwise (NaN or an infinity
     * against anything else, or a sign change).
     */
    static long distance(long a, long b, DType d) {
        if (a == b) return 0;
        return switch (d) {
            case F32 -> {
                float x = Float.intBitsToFloat((int) a), y = Float.intBitsToFloat((int) b);
                if (Float.isNaN(x) && Float.isNaN(y)) yield 0;
                if (Float.isNaN(x) || Float.isNaN(y) || Float.isInfinite(x) || Float.isInfinite(y) || ((a ^ b) & 0x8000_0000L) != 0) {
                    yield Long.MAX_VALUE;
                }
                yield Math.abs((a & 0x7FFF_FFFFL) - (b & 0x7FFF_FFFFL));
            }
            case F64 -> {
                double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
                if (Double.isNaN(x) && Double.isNaN(y)) yield 0;
                if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y) || (a ^ b) < 0) yield Long.MAX_VALUE;
                yield Math.abs((a & Long.MAX_VALUE) - (b & Long.MAX_VALUE));
            }
            case I32, U32, I64, BOOL -> Long.MAX_VALUE;
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + d);
        };
    }

    /** {@return the element as text: the number, with its bits for floats} */
    static String show(long e, DType d) {
        return switch (d) {
            case F32 -> Float.intBitsToFloat((int) e) + " (0x" + Integer.toHexString((int) e) + ")";
            case F64 -> Double.longBitsToDouble(e) + " (0x" + Long.toHexString(e) + ")";
            case I32, U32, I64 -> Long.toString(e);
            case BOOL -> e != 0 ? "true" : "false";
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("these properties cover the types kernels compute in, got " + d);
        };
    }
}
