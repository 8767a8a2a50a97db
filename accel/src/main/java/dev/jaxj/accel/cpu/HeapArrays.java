package dev.jaxj.accel.cpu;

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
final class HeapArrays {
    private HeapArrays() {}

    static float[] floats(int n) { return allocate(DType.F32, n, float[]::new); }

    static double[] doubles(int n) { return allocate(DType.F64, n, double[]::new); }

    static int[] ints(int n) { return allocate(DType.I32, n, int[]::new); }

    static long[] longs(int n) { return allocate(DType.I64, n, long[]::new); }

    static boolean[] booleans(int n) { return allocate(DType.BOOL, n, boolean[]::new); }

    /** {@return the zero-filled storage array for {@code n} elements of {@code dtype}} */
    static Object storage(DType dtype, int n) {
        return switch (dtype) {
            case F32 -> floats(n);
            case F64 -> doubles(n);
            case I32, U32 -> allocate(dtype, n, int[]::new);
            case I64 -> longs(n);
            case BOOL -> booleans(n);
        };
    }

    /**
     * {@return {@code make.apply(n)}, an array of {@code n} elements of {@code dtype}'s storage type}
     *
     * @throws BackendError when the heap cannot hold it
     */
    static <T> T allocate(DType dtype, int n, IntFunction<T> make) {
        long bytes = (long) n * bytesPerElement(dtype);
        long limit = Runtime.getRuntime().maxMemory();
        if (bytes > limit) throw refused("the JVM heap (limited to " + limit + " bytes by -Xmx)", dtype, n, bytes, null);
        try {
            return make.apply(n);
        } catch (OutOfMemoryError e) {
            throw refused("the free JVM heap (" + limit + " bytes at most, -Xmx)", dtype, n, bytes, e);
        }
    }

    /** Bytes of one element in its Java storage array (u32 lives in an {@code int[]}, bool in a {@code boolean[]}). */
    private static int bytesPerElement(DType dtype) {
        return switch (dtype) {
            case F64, I64 -> 8;
            case F32, I32, U32 -> 4;
            case BOOL -> 1;
        };
    }

    private static BackendError refused(String where, DType dtype, int n, long bytes, Throwable cause) {
        return new BackendError(SourceInfo.entryOp("allocate"), "a cpu buffer must fit in " + where
                + ", got " + dtype.shortName() + "[" + n + "] of " + bytes + " bytes", null, cause);
    }
}
