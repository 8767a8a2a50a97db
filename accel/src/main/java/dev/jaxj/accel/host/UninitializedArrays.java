package dev.jaxj.accel.host;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Large arrays that a kernel overwrites whole, allocated without the JVM's zeroing pass: for
 * a 64 MiB result that pass is a full extra write of memory (about half the time of a fused
 * elementwise loop). The JDK's own {@code Unsafe.allocateUninitializedArray} does it, and is
 * reachable only when the JVM runs with
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} (or {@code =dev.jaxj.accel});
 * without that flag arrays are allocated zeroed as usual, with the same results.
 */
public final class UninitializedArrays {
    /** Below this many elements zeroing costs less than it is worth avoiding. */
    public static final int MIN_ELEMENTS = 1 << 16;

    private static final MethodHandle ALLOCATE = find();

    private UninitializedArrays() {}

    private static MethodHandle find() {
        try {
            Class<?> unsafe = Class.forName("jdk.internal.misc.Unsafe");
            Object instance = unsafe.getMethod("getUnsafe").invoke(null);
            return MethodHandles.lookup()
                    .findVirtual(unsafe, "allocateUninitializedArray", MethodType.methodType(Object.class, Class.class, int.class))
                    .bindTo(instance);
        } catch (ReflectiveOperationException | RuntimeException notExported) {
            return null;
        }
    }

    /** {@return whether arrays come without zeroing in this JVM} */
    public static boolean available() {
        return ALLOCATE != null;
    }

    /** {@return a {@code float[n]} with unspecified contents} */
    public static float[] floats(int n) {
        if (ALLOCATE == null || n < MIN_ELEMENTS) return new float[n];
        try {
            return (float[]) (Object) ALLOCATE.invokeExact((Class<?>) float.class, n);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("allocateUninitializedArray failed", t);
        }
    }
}
