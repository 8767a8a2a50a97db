package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;

import java.math.BigInteger;
import java.util.Random;

/** Small test arrays of every dtype, built from values that each dtype holds exactly, and the JAX-free references used against them. */
final class TypedValues {
    private TypedValues() {}

    /** The real dtypes: the ones these values and references cover (complex numbers have tests of their own). */
    static final java.util.List<DType> REAL = java.util.Arrays.stream(DType.values()).filter(d -> !d.isComplex()).toList();

    /** {@return {@code n} values exact in {@code d}}: 0/1 for bools, small integers (non-negative for u32), quarters for floats */
    static double[] draw(DType d, int n, Random r) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (d) {
                case BOOL -> r.nextInt(2);
                case U32, U8, U16, U64 -> r.nextInt(9);
                case I32, I64, I8, I16 -> r.nextInt(17) - 8;
                case F32, F64, BF16, F16 -> (r.nextInt(65) - 32) / 4.0;
                case C64, C128 -> throw new IllegalArgumentException("real dtypes only, got " + d);
            };
        }
        return v;
    }

    /** {@return an array of {@code d} holding {@code v}} */
    static Array array(DType d, double[] v) {
        int n = v.length;
        return switch (d) {
            case F32 -> { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = (float) v[i]; yield Jnp.array(a); }
            case F64 -> Jnp.array(v.clone());
            case I32 -> Jnp.array(ints(v));
            case U32 -> Jnp.array(ints(v)).astype(DType.U32);
            case I64 -> { long[] a = new long[n]; for (int i = 0; i < n; i++) a[i] = (long) v[i]; yield Jnp.array(a); }
            case U64 -> array(DType.I64, v).astype(DType.U64);
            case BOOL -> { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = v[i] != 0; yield Jnp.array(a); }
            // Every drawn value is exact in these types, so converting from f64 is exact too.
            case BF16, F16, I8, I16, U8, U16 -> Jnp.array(v.clone()).astype(d);
            case C64, C128 -> throw new IllegalArgumentException("real dtypes only, got " + d);
        };
    }

    private static int[] ints(double[] v) {
        int[] a = new int[v.length];
        for (int i = 0; i < v.length; i++) a[i] = (int) v[i];
        return a;
    }

    /** {@return {@code v} rounded to the floating dtype {@code d}} */
    static double round(DType d, double v) {
        return switch (d) {
            case F32 -> (float) v;
            case F64 -> v;
            case BF16 -> dev.jaxj.accel.host.Conversions.fromBf16(dev.jaxj.accel.host.Conversions.toBf16((float) v));
            case F16 -> dev.jaxj.accel.host.Conversions.fromF16(dev.jaxj.accel.host.Conversions.toF16((float) v));
            case I32, I64, U32, BOOL, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("not a real floating dtype: " + d);
        };
    }

    /** {@return the integer {@code v} wrapped to the width of the integer dtype {@code d}, as NumPy's integer arithmetic does} (u32 read unsigned, u64 as its bits) */
    static long wrap(DType d, BigInteger v) {
        return switch (d) {
            case I32 -> v.intValue();
            case U32 -> Integer.toUnsignedLong(v.intValue());
            case I64 -> v.longValue();
            case BOOL -> v.signum() != 0 ? 1 : 0;
            case I8 -> v.byteValue();
            case I16 -> v.shortValue();
            case U8 -> v.intValue() & 0xFF;
            case U16 -> v.intValue() & 0xFFFF;
            case U64 -> v.longValue();        // its bits, as toLongArray reads u64
            case F32, F64, BF16, F16, C64, C128 -> throw new IllegalArgumentException("not an integer dtype: " + d);
        };
    }

    /** {@return the elements as doubles, or as exact longs scaled into doubles for integers} for comparing bits */
    static long[] bits(Array a) {
        if (a.dtype().isFloating()) {
            double[] d = a.toDoubleArray();
            long[] b = new long[d.length];
            for (int i = 0; i < d.length; i++) b[i] = Double.doubleToLongBits(d[i]);
            return b;
        }
        return a.toLongArray();
    }
}
