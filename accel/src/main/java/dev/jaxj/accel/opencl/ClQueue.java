package dev.jaxj.accel.opencl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * An in-order command queue: commands run one after another in the order they were enqueued.
 * Transfers to and from the host block until the host memory may be reused or read; copies,
 * fills and launches return at once, and {@link #finish()} waits for everything enqueued.
 * {@snippet :
 * q.write(x, new float[] {1, 2, 3});
 * q.launch(kernel, new long[] {3}, null);
 * float[] y = new float[3];
 * q.read(x, y);
 * }
 * {@link #close()} may be called more than once.
 */
public final class ClQueue implements AutoCloseable {
    private final ClLibrary cl;
    private final MemorySegment handle;
    private final ClDevice device;
    private final AtomicBoolean released = new AtomicBoolean();

    ClQueue(ClLibrary cl, MemorySegment handle, ClDevice device) {
        this.cl = cl;
        this.handle = handle;
        this.device = device;
    }

    public ClDevice device() { return device; }

    // Heap arrays pass through an off-heap copy rather than Linker.Option.critical(true): a
    // blocking read first waits for every earlier command of the queue, possibly long kernels,
    // and a critical call holds off the garbage collector for all that time. The extra memcpy
    // is small next to the transfer itself.

    /**
     * Writes a host array to the start of {@code dst}, blocking until it is copied. Accepts
     * {@code float[] double[] int[] long[] byte[]} as they are and {@code boolean[]} as one byte
     * 0 or 1 per element (the device's {@code bool_t}).
     *
     * @throws IllegalArgumentException when the array is of another type or larger than {@code dst}
     */
    public void write(ClMem dst, Object array) {
        MemorySegment heap = HostArrays.bytesOf(array);
        if (heap.byteSize() > dst.bytes()) throw new IllegalArgumentException(heap.byteSize() + " bytes do not fit " + dst);
        if (heap.byteSize() == 0) return;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment off = a.allocate(heap.byteSize(), 8);
            MemorySegment.copy(heap, 0, off, 0, heap.byteSize());
            write(dst, 0, off);
        }
    }

    /** Reads the start of {@code src} into a host array (types as for {@link #write(ClMem, Object)}), blocking. */
    public void read(ClMem src, Object array) {
        long bytes = HostArrays.byteSize(array);
        if (bytes > src.bytes()) throw new IllegalArgumentException(src + " holds fewer than the " + bytes + " bytes asked for");
        if (bytes == 0) return;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment off = a.allocate(bytes, 8);
            read(src, 0, off);
            HostArrays.copyInto(off, array);
        }
    }

    /** Writes the native segment {@code src} to {@code dst} at byte {@code offset}, blocking. */
    public void write(ClMem dst, long offset, MemorySegment src) { cl.write(handle(), dst.handle(), offset, src); }

    /** Reads {@code dst.byteSize()} bytes of {@code src} from byte {@code offset} into the native segment {@code dst}, blocking. */
    public void read(ClMem src, long offset, MemorySegment dst) { cl.read(handle(), src.handle(), offset, dst); }

    /** Enqueues a copy of {@code bytes} bytes from {@code src} at {@code srcOffset} to {@code dst} at {@code dstOffset}. */
    public void copy(ClMem src, long srcOffset, ClMem dst, long dstOffset, long bytes) {
        if (bytes == 0) return;
        cl.copy(handle(), src.handle(), dst.handle(), srcOffset, dstOffset, bytes);
    }

    /**
     * Enqueues filling {@code bytes} bytes of {@code dst} from {@code offset} with repeats of
     * {@code pattern} (1, 2, 4, …, 128 bytes; offset and bytes multiples of its length).
     */
    public void fill(ClMem dst, byte[] pattern, long offset, long bytes) {
        if (bytes == 0) return;
        try (Arena a = Arena.ofConfined()) {
            cl.fill(handle(), dst.handle(), a.allocateFrom(JAVA_BYTE, pattern), offset, bytes);
        }
    }

    /**
     * Enqueues {@code kernel} over {@code global} work-items per dimension in work-groups of
     * {@code local} (null: the driver chooses), with the arguments set on it now.
     */
    public void launch(ClKernel kernel, long[] global, long[] local) {
        cl.enqueueNDRange(handle(), kernel.handle(), global, local, kernel.name());
    }

    /** Waits until every command enqueued so far has finished. */
    public void finish() { cl.finish(handle()); }

    MemorySegment handle() {
        if (released.get()) throw new IllegalStateException("OpenCL queue on " + device.name() + " used after close()");
        return handle;
    }

    /** Waits for the queue's commands and releases it. */
    @Override public void close() {
        if (!released.compareAndSet(false, true)) return;
        try {
            cl.finish(handle);
        } finally {
            cl.releaseCommandQueue(handle);
        }
    }

    @Override public String toString() { return "ClQueue[" + device.name() + "]"; }
}
