package dev.jaxj.accel.cuda;

import dev.jaxj.errors.BackendError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One device's primary context and the stream its kernels run on, with the memory operations
 * of the backend. Every method first makes the context current on the calling thread (the
 * driver keeps the current context per thread), so any thread may call, the garbage
 * collector's cleaner included.
 *
 * <p>Ordering: launches go to a blocking stream and copies to the legacy default stream,
 * which waits for, and is waited for by, every blocking stream; so work runs in the order it
 * was issued. Memory that is given back ({@link #retire}) may still be read by queued kernels:
 * it is freed after the next point where the host waits for the device (a download, a
 * {@link #synchronize()}), or at once with a wait when much is pending or an allocation fails.
 */
final class CudaContext {
    private static final ThreadLocal<CudaContext> CURRENT = new ThreadLocal<>();
    /** Retired bytes past which retiring waits for the device and frees them. */
    private static final long RETIRED_LIMIT = 256L << 20;

    private final CudaDriver cu;
    private final CudaDevice device;
    private final MemorySegment context;
    private final MemorySegment stream;
    private final ConcurrentLinkedQueue<Retired> retired = new ConcurrentLinkedQueue<>();
    private final AtomicLong retiredBytes = new AtomicLong();

    private record Retired(long ptr, long bytes) {}

    CudaContext(CudaDriver cu, CudaDevice device) {
        this.cu = cu;
        this.device = device;
        this.context = cu.primaryContext(device.handle(), device.name());
        cu.setCurrent(context);
        CURRENT.set(this);
        this.stream = cu.createStream();
    }

    CudaDriver driver() { return cu; }

    CudaDevice device() { return device; }

    void bind() {
        if (CURRENT.get() != this) {
            cu.setCurrent(context);
            CURRENT.set(this);
        }
    }

    /**
     * {@return the device address of {@code bytes} new bytes} (at least 1: CUDA has no empty
     * allocations); out of memory, it frees retired memory and tries once more
     */
    long allocate(long bytes) {
        bind();
        long n = Math.max(1, bytes);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ptr = a.allocate(JAVA_LONG);
            int result = cu.memAlloc(ptr, n);
            if (result == CuResult.CUDA_ERROR_OUT_OF_MEMORY.code() && retiredBytes.get() > 0) {
                synchronize();
                result = cu.memAlloc(ptr, n);
            }
            if (result == CuResult.CUDA_ERROR_OUT_OF_MEMORY.code()) {
                throw new BackendError("cuMemAlloc_v2", "CUDA_ERROR_OUT_OF_MEMORY: " + n + " bytes do not fit in the free memory of " + device.name()
                        + " (" + (device.totalMemory() >> 20) + " MiB in all)");
            }
            CudaDriver.check("cuMemAlloc_v2", result, n + " bytes on " + device.name());
            return ptr.get(JAVA_LONG, 0);
        }
    }

    /** Gives back device memory that nothing will enqueue work on again; see the class comment. */
    void retire(long ptr, long bytes) {
        retired.add(new Retired(ptr, bytes));
        if (retiredBytes.addAndGet(bytes) > RETIRED_LIMIT) synchronize();
    }

    /** Waits for all the work issued so far, then frees the memory retired before. */
    void synchronize() {
        bind();
        List<Retired> done = drainRetired();
        cu.ctxSynchronize();
        free(done);
    }

    private List<Retired> drainRetired() {
        List<Retired> out = new ArrayList<>();
        for (Retired r; (r = retired.poll()) != null; ) out.add(r);
        return out;
    }

    private void free(List<Retired> done) {
        for (Retired r : done) {
            retiredBytes.addAndGet(-r.bytes());
            cu.memFree(r.ptr());
        }
    }

    void upload(long dst, MemorySegment src) {
        bind();
        cu.memcpyHtoD(dst, src);
    }

    /** Copies device memory to the native segment {@code dst}; the copy waits for all earlier work, after which retired memory is freed. */
    void download(MemorySegment dst, long src) {
        bind();
        List<Retired> done = drainRetired();
        cu.memcpyDtoH(dst, src);
        free(done);
    }

    void copy(long dst, long src, long bytes) {
        if (bytes == 0) return;
        bind();
        cu.memcpyDtoD(dst, src, bytes);
    }

    void fill(long dst, byte value, long bytes) {
        if (bytes == 0) return;
        bind();
        cu.memsetD8(dst, value, bytes);
    }

    /** Enqueues {@code function} on the context's stream; {@code params} as for {@link CudaDriver#launchKernel}. */
    void launch(MemorySegment function, LaunchGeometry g, MemorySegment params, String what) {
        bind();
        cu.launchKernel(function, g.grid(), g.block(), stream, params, what);
    }

    MemorySegment loadModule(MemorySegment ptx, String what) {
        bind();
        return cu.moduleLoadData(ptx, what);
    }

    MemorySegment function(MemorySegment module, String kernel) {
        bind();
        return cu.moduleGetFunction(module, kernel);
    }

    /** Unloads {@code module} once the work queued on it is done. */
    void unloadModule(MemorySegment module) {
        synchronize();
        cu.moduleUnload(module);
    }

    @Override public String toString() { return "CudaContext[" + device.name() + "]"; }
}
