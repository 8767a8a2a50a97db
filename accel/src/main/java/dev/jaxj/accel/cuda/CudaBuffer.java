package dev.jaxj.accel.cuda;

import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.Device;
import dev.jaxj.ir.DType;

import java.lang.ref.Cleaner;

/**
 * A buffer of the CUDA backend: device memory that arrays share and never write again. Once
 * no array holds the buffer its memory is retired, and freed when the device is done with the
 * work queued on it ({@link CudaContext#retire}), so device memory follows the arrays' lifetimes.
 */
final class CudaBuffer implements Buffer {
    private static final Cleaner CLEANER = Cleaner.create();

    private final long ptr;
    private final DType dtype;
    private final int size;
    private final Device device;

    CudaBuffer(CudaContext context, long ptr, long bytes, DType dtype, int size, Device device) {
        this.ptr = ptr;
        this.dtype = dtype;
        this.size = size;
        this.device = device;
        // The action holds the context and the address, never this buffer, so the buffer can become unreachable.
        CLEANER.register(this, () -> context.retire(ptr, bytes));
    }

    /** {@return the device address} */
    long ptr() { return ptr; }

    @Override public DType dtype() { return dtype; }

    @Override public int size() { return size; }

    @Override public Device device() { return device; }

    @Override public String toString() { return "CudaBuffer(" + dtype + ", " + size + " on " + device + ")"; }
}
