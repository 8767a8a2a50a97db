package dev.jaxj.accel.opencl;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/** Host arrays seen as the bytes a device buffer holds: the primitive arrays as they are, {@code boolean[]} as bytes 0 or 1. */
final class HostArrays {
    private HostArrays() {}

    /** {@return the bytes of {@code array}} (a copy for {@code boolean[]}, a view otherwise) */
    static MemorySegment bytesOf(Object array) {
        return switch (array) {
            case float[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            case int[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case byte[] a -> MemorySegment.ofArray(a);
            case boolean[] a -> {
                byte[] b = new byte[a.length];
                for (int i = 0; i < a.length; i++) b[i] = (byte) (a[i] ? 1 : 0);
                yield MemorySegment.ofArray(b);
            }
            case null -> throw new NullPointerException("array is null");
            default -> throw new IllegalArgumentException("not a float[], double[], int[], long[], byte[] or boolean[]: " + array.getClass().getSimpleName());
        };
    }

    static long byteSize(Object array) {
        return array instanceof boolean[] a ? a.length : bytesOf(array).byteSize();
    }

    /** Copies the first bytes of {@code src} into {@code array}; a bool is true where its byte is not 0. */
    static void copyInto(MemorySegment src, Object array) {
        if (array instanceof boolean[] a) {
            for (int i = 0; i < a.length; i++) a[i] = src.get(JAVA_BYTE, i) != 0;
            return;
        }
        MemorySegment dst = bytesOf(array);
        MemorySegment.copy(src, 0, dst, 0, dst.byteSize());
    }
}
