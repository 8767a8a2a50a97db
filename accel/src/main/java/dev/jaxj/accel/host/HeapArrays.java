package dev.jaxj.accel.host;

import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.SourceInfo;

import java.util.function.IntFunction;

/**
 * The one place the CPU backend allocates element storage, so that a request the JVM heap
 * cannot hold becomes a {@link BackendError} naming the call and the bytes, and the JVM stays
 * usable afterwards.
 *
 * <p>Two checks, because neither suffices alone: a request larger than the heap's limit
 * ({@code -Xmx}) is refused before it is tried, which costs no garbage collection and cannot
 * disturb other threads; a request that fits the limit but not the heap's current free space
 * fails inside the JVM, after a full collection, with an {@link OutOfMemoryError} that only
 * this single allocation can have caused. The failed array never existed, so nothing needs
 * releasing, and rethrowing it as a {@code BackendError} leaves the heap as it was.
 */
public final class HeapArrays {
    /** The heap's limit, fixed for the JVM's life; read once, since every result buffer passes here. */
    private static final long HEAP_LIMIT = Runtime.getRuntime().maxMemory();

    private HeapArrays() {}

    public static float[] floats(int n) { return allocate(DType.F32, n, float[]::new); }

    public static double[] doubles(int n) { return allocate(DType.F64, n, double[]::new); }

    public static int[] ints(int n) { return allocate(DType.I32, n, int[]::new); }

    public static long[] longs(int n) { return allocate(DType.I64, n, long[]::new); }

    public static boolean[] booleans(int n) { return allocate(DType.BOOL, n, boolean[]::new); }

    /** {@return the zero-filled storage array for {@code n} elements of {@code dtype}} */
    public static Object storage(DType dtype, int n) {
        return switch (dtype) {
            case F32 -> floats(n);
            case F64 -> doubles(n);
            case I32, U32 -> allocate(dtype, n, int[]::new);
            case I64 -> longs(n);
            case U64 -> allocate(dtype, n, long[]::new);
            case BOOL -> booleans(n);
            case BF16, F16, I16, U16 -> allocate(dtype, n, short[]::new);
            case I8, U8 -> allocate(dtype, n, byte[]::new);
            // A complex number is two adjacent floats, the real part first.
            case C64 -> allocate(dtype, n, m -> new float[pairs(dtype, m)]);
            case C128 -> allocate(dtype, n, m -> new double[pairs(dtype, m)]);
        };
    }

    /** {@return the storage length of {@code n} complex numbers}, refused when one Java array cannot hold it */
    private static int pairs(DType dtype, int n) {
        return scratchLength("allocate", dtype, 2L * n);
    }

    /**
     * {@return {@code make.apply(n)}, an array of {@code n} elements of {@code dtype}'s storage type}
     *
     * @throws BackendError when the heap cannot hold it
     */
    public static <T> T allocate(DType dtype, int n, IntFunction<T> make) {
        long bytes = (long) n * bytesPerElement(dtype);
        if (bytes > HEAP_LIMIT) throw refused("the JVM heap (limited to " + HEAP_LIMIT + " bytes by -Xmx)", dtype, n, bytes, null);
        try {
            return make.apply(n);
        } catch (OutOfMemoryError e) {
            throw refused("the free JVM heap (" + HEAP_LIMIT + " bytes at most, -Xmx)", dtype, n, bytes, e);
        }
    }

    /**
     * {@return {@code n} as the length of a kernel's scratch array}, for sizes a kernel derives
     * by multiplying (im2col's {@code features * window * positions}), which can pass what one
     * Java array holds even when every operand and the result fit
     *
     * @throws BackendError naming {@code op} when no Java array can have {@code n} elements
     */
    public static int scratchLength(String op, DType dtype, long n) {
        // Java arrays stop a few elements short of Integer.MAX_VALUE on HotSpot.
        if (n >= 0 && n <= Integer.MAX_VALUE - 8) return (int) n;
        throw new BackendError(SourceInfo.entryOp(op), "a cpu kernel's scratch buffer must fit one Java array (at most "
                + (Integer.MAX_VALUE - 8) + " elements), got " + dtype.shortName() + "[" + n + "]", null, null);
    }

    /** Bytes of one element in its Java storage array (u32 lives in an {@code int[]}, bool in a {@code boolean[]}). */
    private static int bytesPerElement(DType dtype) {
        return switch (dtype) {
            case C128 -> 16;
            case F64, I64, U64, C64 -> 8;
            case F32, I32, U32 -> 4;
            case BF16, F16, I16, U16 -> 2;
            case BOOL, I8, U8 -> 1;
        };
    }

    private static BackendError refused(String where, DType dtype, int n, long bytes, Throwable cause) {
        return new BackendError(SourceInfo.entryOp("allocate"), "a cpu buffer must fit in " + where
                + ", got " + dtype.shortName() + "[" + n + "] of " + bytes + " bytes", null, cause);
    }
}
