package dev.jaxj.accel.device;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * One kernel launch: {@code global[d]} work-items along each of up to three dimensions,
 * grouped {@code local[d]} at a time (each global size a multiple of its local size), or in
 * groups the driver chooses when {@code local} is null. Kernels guard their own bounds.
 *
 * @param kernel the kernel
 * @param global work-items per dimension (1 to 3 dimensions)
 * @param local  work-group size per dimension, or null
 * @param args   the kernel's arguments, in parameter order
 */
public record Launch(KernelSource kernel, long[] global, long[] local, Seq<KernelArg> args) {
    public Launch {
        requireNonNull(kernel, "kernel is null");
        requireNonNull(global, "global is null");
        if (global.length < 1 || global.length > 3) throw new IllegalArgumentException("1 to 3 dimensions, got " + global.length);
        global = global.clone();
        if (local != null) {
            if (local.length != global.length) throw new IllegalArgumentException("local has " + local.length + " dimensions, global " + global.length);
            for (int d = 0; d < global.length; d++) {
                if (local[d] <= 0 || global[d] % local[d] != 0) {
                    throw new IllegalArgumentException("global size " + global[d] + " is not a multiple of local size " + local[d] + " in dimension " + d);
                }
            }
            local = local.clone();
        }
        args = Vector.ofAll(args);
    }

    /** {@return a one-dimensional launch of {@code n} work-items in groups the driver chooses} */
    public static Launch of(KernelSource kernel, long n, KernelArg... args) {
        return new Launch(kernel, new long[] {n}, null, Vector.of(args));
    }

    @Override public long[] global() { return global.clone(); }

    @Override public long[] local() { return local == null ? null : local.clone(); }
}
