package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;

import java.math.BigInteger;
import java.util.Random;

/** Small test arrays of every dtype, built from values that each dtype holds exactly, and the JAX-free references used against them. */
final class TypedValues {
    private TypedValues() {}

    /** {@return {@code n} values exact in {@code d}}: 0/1 for bools, small integers (non-negative for u32), quarters for floats */
    static double[] draw(DType d, int n, Random r) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (d) {
                case BOOL -> r.nextInt(2);
                case U32 -> r.nextInt(9);
                case I32, I64 -> r.nextInt(17) - 8;
                case F32, F64 -> (r.nextInt(65) - 32) / 4.0;
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
            case BOOL -> { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = v[i] != 0; yield Jnp.array(a); }
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
            case I32, I64, U32, BOOL -> throw new IllegalArgumentException("not a floating dtype: " + d);
        };
    }

    /** {@return the integer {@code v} wrapped to the width of the integer dtype {@code d}, as NumPy's integer arithmetic does} (u32 read unsigned) */
    static long wrap(DType d, BigInteger v) {
        return switch (d) {
            case I32 -> v.intValue();
            case U32 -> Integer.toUnsignedLong(v.intValue());
            case I64 -> v.longValue();
            case BOOL -> v.signum() != 0 ? 1 : 0;
            case F32, F64 -> throw new IllegalArgumentException("not an integer dtype: " + d);
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
