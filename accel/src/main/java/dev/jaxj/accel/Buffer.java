package dev.jaxj.accel;

import dev.jaxj.accel.cpu.HostBuffer;
import dev.jaxj.ir.DType;

/**
 * Device memory holding the elements of one array, row-major. Buffers handed to arrays are
 * never written again, which is what makes arrays immutable.
 */
public interface Buffer {
    DType dtype();

    /** {@return the number of elements} */
    int size();

    /** {@return the device holding the data} */
    Device device();

    /** {@return the data in host memory (this buffer itself on the CPU)} */
    HostBuffer toHost();
}
