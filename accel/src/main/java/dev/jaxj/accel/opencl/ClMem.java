package dev.jaxj.accel.opencl;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A device buffer ({@code cl_mem}) of {@link #bytes()} bytes, laid out as on the host
 * (row-major; f32 {@code float}, i64 {@code long}, bool one byte 0 or 1). Made by
 * {@link ClContext#allocate}; released by {@link #close()}, which may be called more than once.
 * OpenCL frees the memory once the commands already queued on it have finished, so closing
 * right after enqueueing its last use is safe.
 */
public final class ClMem implements AutoCloseable {
    private final ClLibrary cl;
    private final MemorySegment handle;
    private final long bytes;
    private final AtomicBoolean released = new AtomicBoolean();

    ClMem(ClLibrary cl, MemorySegment handle, long bytes) {
        this.cl = cl;
        this.handle = handle;
        this.bytes = bytes;
    }

    /** {@return the size in bytes} */
    public long bytes() { return bytes; }

    MemorySegment handle() {
        if (released.get()) throw new IllegalStateException("OpenCL buffer of " + bytes + " bytes used after close()");
        return handle;
    }

    @Override public void close() {
        if (released.compareAndSet(false, true)) cl.releaseMemObject(handle);
    }

    @Override public String toString() { return "ClMem[" + bytes + " bytes" + (released.get() ? ", released]" : "]"); }
}
