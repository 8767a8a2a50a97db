package dev.jaxj.accel.opencl;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A program built for one device, from source ({@link ClContext#compile}) or from a binary
 * ({@link ClContext#load}). Its kernels are created on first use and kept: creating a kernel
 * object is not free, and a step launches the same kernels on every call. {@link #close()}
 * releases the kernels and the program; it may be called more than once.
 */
public final class ClProgram implements AutoCloseable {
    private final ClLibrary cl;
    private final MemorySegment handle;
    private final String what;
    private final String buildLog;
    private final ConcurrentHashMap<String, ClKernel> kernels = new ConcurrentHashMap<>();
    private final AtomicBoolean released = new AtomicBoolean();

    ClProgram(ClLibrary cl, MemorySegment handle, String what, String buildLog) {
        this.cl = cl;
        this.handle = handle;
        this.what = what;
        this.buildLog = buildLog;
    }

    /** {@return the kernel {@code name} of this program}, created once @throws dev.jaxj.errors.BackendError when it has none of that name */
    public ClKernel kernel(String name) {
        handle();
        return kernels.computeIfAbsent(name, n -> new ClKernel(cl, this, n));
    }

    /** {@return the driver's binary of this program} ({@code CL_PROGRAM_BINARIES}), empty where the driver gives none */
    public byte[] binary() { return cl.programBinary(handle(), what); }

    /** {@return the compiler's messages from the build} (warnings; often empty) */
    public String buildLog() { return buildLog; }

    /** {@return what the program holds, for messages (e.g. its kernel names)} */
    public String description() { return what; }

    MemorySegment handle() {
        if (released.get()) throw new IllegalStateException("OpenCL program (" + what + ") used after close()");
        return handle;
    }

    @Override public void close() {
        if (!released.compareAndSet(false, true)) return;
        for (ClKernel k : kernels.values()) k.release();
        kernels.clear();
        cl.releaseProgram(handle);
    }

    @Override public String toString() { return "ClProgram[" + what + "]"; }
}
