package dev.jaxj.accel.host;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Lit;

import static java.util.Objects.requireNonNull;

/**
 * Elements in JVM heap memory, row-major: what moves between the host and a device
 * ({@code Backend.upload}, {@code Backend.download}) and what the CPU backend's kernels work
 * on. One primitive Java array per dtype:
 * {@snippet lang=text :
 * f32 -> float[]   f64 -> double[]   i32, u32 -> int[]   i64, u64 -> long[]   bool -> boolean[]
 * bf16, f16, i16, u16 -> short[] (the 16 bits)   i8, u8 -> byte[]
 * c64 -> float[2n]   c128 -> double[2n] (real and imaginary parts interleaved)
 * }
 * Unsigned values are stored with the same bits in the signed array; read them with
 * {@link #getLong} to get the unsigned value (for u64, whose values can pass {@code Long.MAX_VALUE},
 * the bit pattern: read it with {@code Long.toUnsignedString} and the like). Host data handed to a backend or an array is
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

    /** Wraps a {@code long[]} as i64 or (same bits) u64. */
    public static HostData own(DType dtype, long[] a) {
        if (dtype != DType.I64 && dtype != DType.U64) throw new IllegalArgumentException("long[] holds i64 or u64, not " + dtype);
        return new HostData(dtype, a, a.length);
    }

    public static HostData own(boolean[] a) { return new HostData(DType.BOOL, a, a.length); }

    /** Wraps the storage array of a narrow or complex dtype: {@code short[]}, {@code byte[]}, or the interleaved parts of complex numbers. */
    public static HostData ownStorage(DType dtype, Object storage) {
        int length = java.lang.reflect.Array.getLength(storage);
        Class<?> expected = HeapArrays.storage(dtype, 0).getClass();
        if (storage.getClass() != expected) throw new IllegalArgumentException(dtype + " is stored in " + expected.getSimpleName() + ", not " + storage.getClass().getSimpleName());
        return new HostData(dtype, storage, dtype.isComplex() ? length / 2 : length);
    }

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
        if (!(v.value() instanceof Long l) || !dtype.isInteger()) return filled(dtype, n, v.doubleValue());
        HostData b = allocate(dtype, n);
        switch (b.data) {
            case long[] a -> java.util.Arrays.fill(a, l);
            case int[] a -> java.util.Arrays.fill(a, (int) (long) l);
            default -> { for (int i = 0; i < n; i++) b.setLong(i, l); }
        }
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
            default -> { for (int i = from; i < to; i++) setDouble(i, v); }
        }
    }

    public DType dtype() { return dtype; }

    /** {@return the number of elements} */
    public int size() { return size; }

    /** The raw storage array: {@code float[]}, {@code double[]}, {@code int[]}, {@code long[]}, {@code boolean[]}, {@code short[]} or {@code byte[]}. */
    public Object array() { return data; }

    public float[] f32() { return (float[]) data; }

    public double[] f64() { return (double[]) data; }

    /** The storage of an i32 or u32 buffer. */
    public int[] i32() { return (int[]) data; }

    public long[] i64() { return (long[]) data; }

    public boolean[] bool() { return (boolean[]) data; }

    /** {@return element {@code i} as a double (unsigned read unsigned, bool as 0 or 1, a complex number's real part)} */
    public double getDouble(int i) {
        return switch (dtype) {
            case F32 -> ((float[]) data)[i];
            case F64 -> ((double[]) data)[i];
            case I32 -> ((int[]) data)[i];
            case U32 -> Integer.toUnsignedLong(((int[]) data)[i]);
            case I64 -> ((long[]) data)[i];
            case U64 -> Conversions.unsignedToDouble(((long[]) data)[i]);
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
            case BF16 -> Conversions.fromBf16(((short[]) data)[i]);
            case F16 -> Conversions.fromF16(((short[]) data)[i]);
            case I8, I16, U8, U16 -> getLong(i);
            case C64 -> ((float[]) data)[2 * i];
            case C128 -> ((double[]) data)[2 * i];
        };
    }

    /** {@return the imaginary part of element {@code i}} (0 for real dtypes) */
    public double getImag(int i) {
        return switch (data) {
            case float[] a when dtype.isComplex() -> a[2 * i + 1];
            case double[] a when dtype.isComplex() -> a[2 * i + 1];
            default -> 0;
        };
    }

    /** {@return element {@code i} as a long (unsigned zero-extended, u64 as its bit pattern, floats truncated toward zero)} */
    public long getLong(int i) {
        return switch (dtype) {
            case F32, F64, BF16, F16, C64, C128 -> (long) getDouble(i);
            case I32 -> ((int[]) data)[i];
            case U32 -> Integer.toUnsignedLong(((int[]) data)[i]);
            case I64, U64 -> ((long[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
            case I16 -> ((short[]) data)[i];
            case U16 -> ((short[]) data)[i] & 0xFFFF;
            case I8 -> ((byte[]) data)[i];
            case U8 -> ((byte[]) data)[i] & 0xFF;
        };
    }

    /** Writes {@code v} converted to this dtype (integers saturate, as conversions do; a complex number gets imaginary part 0). */
    public void setDouble(int i, double v) {
        switch (dtype) {
            case F32 -> ((float[]) data)[i] = (float) v;
            case F64 -> ((double[]) data)[i] = v;
            case I32, U32, I8, I16, U8, U16 -> setLong(i, Conversions.toLong(dtype, v));
            case I64, U64 -> ((long[]) data)[i] = Conversions.toLong(dtype, v);
            case BOOL -> ((boolean[]) data)[i] = v != 0;
            case BF16 -> ((short[]) data)[i] = Conversions.toBf16(v);
            case F16 -> ((short[]) data)[i] = Conversions.toF16(v);
            case C64, C128 -> setComplex(i, v, 0);
        }
    }

    /** Writes the complex number {@code re + i im} to element {@code i} of a complex buffer. */
    public void setComplex(int i, double re, double im) {
        switch (data) {
            case float[] a when dtype.isComplex() -> { a[2 * i] = (float) re; a[2 * i + 1] = (float) im; }
            case double[] a when dtype.isComplex() -> { a[2 * i] = re; a[2 * i + 1] = im; }
            default -> throw new IllegalStateException(dtype + " is not complex");
        }
    }

    /** Writes {@code v} converted to this dtype (integers wrap to the width). */
    public void setLong(int i, long v) {
        switch (dtype) {
            case F32 -> ((float[]) data)[i] = (float) v;
            case F64 -> ((double[]) data)[i] = (double) v;
            case I32, U32 -> ((int[]) data)[i] = (int) v;
            case I64, U64 -> ((long[]) data)[i] = v;
            case BOOL -> ((boolean[]) data)[i] = v != 0;
            case I16, U16 -> ((short[]) data)[i] = (short) v;
            case I8, U8 -> ((byte[]) data)[i] = (byte) v;
            case BF16, F16, C64, C128 -> setDouble(i, (double) v);
        }
    }

    /** {@return how many storage slots one element takes: 2 for complex numbers, else 1} */
    private int slots() {
        return dtype.isComplex() ? 2 : 1;
    }

    /** Copies element {@code si} of {@code src} (same dtype) to element {@code di} of this buffer. */
    public void copyFrom(HostData src, int si, int di) {
        int k = slots();
        System.arraycopy(src.data, si * k, data, di * k, k);
    }

    /** {@return a new buffer with {@code dst[k] = this[index[k]]}; the structural kernels' workhorse} */
    public HostData gather(int[] index) {
        int n = index.length;
        return switch (data) {
            case float[] a when !dtype.isComplex() -> { float[] r = HeapArrays.floats(n); for (int k = 0; k < n; k++) r[k] = a[index[k]]; yield own(r); }
            case double[] a when !dtype.isComplex() -> { double[] r = HeapArrays.doubles(n); for (int k = 0; k < n; k++) r[k] = a[index[k]]; yield own(r); }
            case int[] a -> { int[] r = HeapArrays.ints(n); for (int k = 0; k < n; k++) r[k] = a[index[k]]; yield own(dtype, r); }
            case long[] a -> { long[] r = HeapArrays.allocate(dtype, n, long[]::new); for (int k = 0; k < n; k++) r[k] = a[index[k]]; yield own(dtype, r); }
            case boolean[] a -> { boolean[] r = HeapArrays.booleans(n); for (int k = 0; k < n; k++) r[k] = a[index[k]]; yield own(r); }
            default -> { HostData r = allocate(dtype, n); for (int k = 0; k < n; k++) r.copyFrom(this, index[k], k); yield r; }
        };
    }

    /** {@return a copy of this buffer} */
    public HostData copy() {
        HostData r = allocateForOverwrite(dtype, size);
        System.arraycopy(data, 0, r.data, 0, size * slots());
        return r;
    }

    /**
     * {@return the same storage viewed as another dtype with the same Java array type}: i32 and
     * u32, i64 and u64, the 16- or 8-bit types among themselves, and a complex type as its parts (c64 as
     * twice as many f32, and back)
     */
    public HostData retype(DType d) {
        if (d == dtype) return this;
        if (data.getClass() != HeapArrays.storage(d, 0).getClass()) throw new IllegalArgumentException("cannot view " + dtype + " storage as " + d);
        int length = java.lang.reflect.Array.getLength(data);
        return new HostData(d, data, d.isComplex() ? length / 2 : length);
    }

    @Override
    public String toString() {
        return "HostData(" + dtype + ", " + size + ")";
    }
}
