package dev.jaxj.accel.opencl;

import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.Device;
import dev.jaxj.ir.DType;

import java.lang.ref.Cleaner;

/**
 * A buffer of the OpenCL backend: device memory that arrays share and never write again. Its
 * {@code cl_mem} is released once no array holds the buffer (OpenCL then frees it after the
 * commands queued on it), so device memory follows the arrays' lifetimes.
 */
final class ClBuffer implements Buffer {
    private static final Cleaner CLEANER = Cleaner.create();

    private final ClMem mem;
    private final DType dtype;
    private final int size;
    private final Device device;

    /** @param release what frees the memory (closes {@code mem}), run once no array holds this buffer */
    ClBuffer(ClMem mem, DType dtype, int size, Device device, Runnable release) {
        this.mem = mem;
        this.dtype = dtype;
        this.size = size;
        this.device = device;
        // The action holds the ClMem, never this buffer, so the buffer can become unreachable.
        CLEANER.register(this, release);
    }

    ClMem mem() { return mem; }

    @Override public DType dtype() { return dtype; }

    @Override public int size() { return size; }

    @Override public Device device() { return device; }

    @Override public String toString() { return "ClBuffer(" + dtype + ", " + size + " on " + device + ")"; }
}
