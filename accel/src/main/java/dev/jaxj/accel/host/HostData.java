package dev.jaxj.accel.host;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Lit;

import static java.util.Objects.requireNonNull;

/**
 * Elements in JVM heap memory, row-major: what moves between the host and a device
 * ({@code Backend.upload}, {@code Backend.download}) and what the CPU backend's kernels work
 * on. One primitive Java array per dtype:
 * {@snippet lang=text :
 * f32 -> float[]   f64 -> double[]   i32, u32 -> int[]   i64 -> long[]   bool -> boolean[]
 * }
 * u32 values are stored in an {@code int[]} with the same bits; read them with
 * {@link #getLong} to get the unsigned value. Host data handed to a backend or an array is
 * never written again.
 */
public final class HostData {

    private final DType dtype;
    private final Object data;
    private final int size;

    private HostData(DType dtype, Object data, int size) {
        this.dtype = dtype;
        this.data = data;
        this.size = size;
    }

    /**
     * {@return a zero-filled buffer of {@code n} elements}
     *
     * @throws dev.jaxj.errors.BackendError when the JVM heap cannot hold it (see {@code HeapArrays})
     */
    public static HostData allocate(DType dtype, int n) {
        requireNonNull(dtype, "dtype is null");
        return new HostData(dtype, HeapArrays.storage(dtype, n), n);
    }

    /**
     * {@return a buffer of {@code n} elements with unspecified contents}, for a kernel that
     * writes every element before anything reads it (see {@link UninitializedArrays})
     */
    public static HostData allocateForOverwrite(DType dtype, int n) {
        return dtype == DType.F32 ? new HostData(dtype, HeapArrays.allocate(dtype, n, UninitializedArrays::floats), n) : allocate(dtype, n);
    }

    /** Views a kernel's scratch array of {@code dtype}'s storage type as a buffer (not for arrays that escape). */
    public static HostData wrapScratch(DType dtype, Object array) {
        return new HostData(dtype, array, java.lang.reflect.Array.getLength(array));
    }

    /** Wraps (without copying) an array the caller hands over and never touches again. */
    public static HostData own(float[] a) { return new HostData(DType.F32, a, a.length); }

    public static HostData own(double[] a) { return new HostData(DType.F64, a, a.length); }

    /** Wraps an {@code int[]} as i32 or (same bits) u32. */
    public static HostData own(DType dtype, int[] a) {
        if (dtype != DType.I32 && dtype != DType.U32) throw new IllegalArgumentException("int[] holds i32 or u32, not " + dtype);
        return new HostData(dtype, a, a.length);
    }

    public static HostData own(long[] a) { return new HostData(DType.I64, a, a.length); }

    public static HostData own(boolean[] a) { return new HostData(DType.BOOL, a, a.length); }

    /** {@return a buffer of {@code n} copies of the scalar {@code v}, converted to {@code dtype}} */
    public static HostData filled(DType dtype, int n, double v) {
        HostData b = allocate(dtype, n);
        b.fill(0, n, v);
        return b;
    }

    /**
     * {@return a buffer of {@code n} copies of the literal {@code v}, converted to {@code dtype}}:
     * integer literals exactly (an i64 beyond 2^53 has no double), wrapped to the dtype's width
     */
    public static HostData filled(DType dtype, int n, Lit v) {
        if (!(v.value() instanceof Long l) || dtype.isFloating() || dtype.isBool()) return filled(dtype, n, v.doubleValue());
        HostData b = allocate(dtype, n);
        if (b.data instanceof long[] a) java.util.Arrays.fill(a, l);
        else java.util.Arrays.fill((int[]) b.data, (int) (long) l);
        return b;
    }

    /** Writes {@code v}, converted to this dtype, to elements {@code [from, to)}. */
    public void fill(int from, int to, double v) {
        switch (data) {
            case float[] a -> java.util.Arrays.fill(a, from, to, (float) v);
            case double[] a -> java.util.Arrays.fill(a, from, to, v);
            case int[] a -> java.util.Arrays.fill(a, from, to, (int) Conversions.toLong(dtype, v));
            case long[] a -> java.util.Arrays.fill(a, from, to, Conversions.toLong(dtype, v));
            case boolean[] a -> java.util.Arrays.fill(a, from, to, v != 0);
            default -> throw new IllegalStateException();
        }
    }

    public DType dtype() { return dtype; }

    /** {@return the number of elements} */
    public int size() { return size; }

    /** The raw storage array: {@code float[]}, {@code double[]}, {@code int[]}, {@code long[]} or {@code boolean[]}. */
    public Object array() { return data; }

    public float[] f32() { return (float[]) data; }

    public double[] f64() { return (double[]) data; }

    /** The storage of an i32 or u32 buffer. */
    public int[] i32() { return (int[]) data; }

    public long[] i64() { return (long[]) data; }

    public boolean[] bool() { return (boolean[]) data; }

    /** {@return element {@code i} as a double (u32 read unsigned, bool as 0 or 1)} */
    public double getDouble(int i) {
        return switch (dtype) {
            case F32 -> ((float[]) data)[i];
            case F64 -> ((double[]) data)[i];
            case I32 -> ((int[]) data)[i];
            case U32 -> Integer.toUnsignedLong(((int[]) data)[i]);
            case I64 -> ((long[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
        };
    }

    /** {@return element {@code i} as a long (u32 zero-extended, floats truncated toward zero)} */
    public long getLong(int i) {
        return switch (dtype) {
            case F32 -> (long) ((float[]) data)[i];
            case F64 -> (long) ((double[]) data)[i];
            case I32 -> ((int[]) data)[i];
            case U32 -> Integer.toUnsignedLong(((int[]) data)[i]);
            case I64 -> ((long[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
        };
    }

    /** Writes {@code v} converted to this dtype (integers wrap, as C casts do). */
    public void setDouble(int i, double v) {
        switch (dtype) {
            case F32 -> ((float[]) data)[i] = (float) v;
            case F64 -> ((double[]) data)[i] = v;
            case I32, U32 -> ((int[]) data)[i] = (int) Conversions.toLong(dtype, v);
            case I64 -> ((long[]) data)[i] = Conversions.toLong(dtype, v);
            case BOOL -> ((boolean[]) data)[i] = v != 0;
        }
    }

    /** Writes {@code v} converted to this dtype (integers wrap to the width). */
    public void setLong(int i, long v) {
        switch (dtype) {
            case F32 -> ((float[]) data)[i] = (float) v;
            case F64 -> ((double[]) data)[i] = (double) v;
            case I32, U32 -> ((int[]) data)[i] = (int) v;
            case I64 -> ((long[]) data)[i] = v;
            case BOOL -> ((boolean[]) data)[i] = v != 0;
        }
    }

    /** Copies element {@code si} of {@code src} (same dtype) to element {@code di} of this buffer. */
    public void copyFrom(HostData src, int si, int di) {
        System.arraycopy(src.data, si, data, di, 1);
    }

    /** {@return a new buffer with {@code dst[k] = this[index[k]]}; the structural kernels' workhorse} */
    public HostData gather(int[] index) {
        int n = index.length;
        return switch (data) {
            case float[] a -> { float[] r = HeapArrays.floats(n); for (int k = 0; k < n; k++) r[k] = a[index[k]]; yield own(r); }
            case double[] a -> { double[] r = HeapArrays.doubles(n); for (int k = 0; k < n; k++) r[k] = a[index[k]]; yield own(r); }
            case int[] a -> { int[] r = HeapArrays.ints(n); for (int k = 0; k < n; k++) r[k] = a[index[k]]; yield own(dtype, r); }
            case long[] a -> { long[] r = HeapArrays.longs(n); for (int k = 0; k < n; k++) r[k] = a[index[k]]; yield own(r); }
            case boolean[] a -> { boolean[] r = HeapArrays.booleans(n); for (int k = 0; k < n; k++) r[k] = a[index[k]]; yield own(r); }
            default -> throw new IllegalStateException();
        };
    }

    /** {@return a copy of this buffer} */
    public HostData copy() {
        HostData r = allocateForOverwrite(dtype, size);
        System.arraycopy(data, 0, r.data, 0, size);
        return r;
    }

    /** {@return the same storage viewed as another dtype with the same Java array type (i32 and u32)} */
    public HostData retype(DType d) {
        if (d == dtype) return this;
        if ((d == DType.I32 || d == DType.U32) && data instanceof int[] a) return own(d, a);
        throw new IllegalArgumentException("cannot view " + dtype + " storage as " + d);
    }

    @Override
    public String toString() {
        return "HostData(" + dtype + ", " + size + ")";
    }
}
