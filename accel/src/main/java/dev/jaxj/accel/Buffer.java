package dev.jaxj.accel;

import dev.jaxj.ir.DType;

/**
 * Memory on a device holding the elements of one array, row-major. Backend-neutral: the data
 * reaches the host only through an explicit {@link Backend#download}. Buffers handed to arrays
 * are never written again, which is what makes arrays immutable.
 */
public interface Buffer {
    DType dtype();

    /** {@return the number of elements} */
    int size();

    /** {@return the device holding the data} */
    Device device();
}
