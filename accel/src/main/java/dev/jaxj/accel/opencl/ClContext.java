package dev.jaxj.accel.opencl;

import dev.jaxj.errors.BackendError;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenCL context on one device: it makes the device's queues, buffers and programs.
 * {@snippet :
 * try (ClContext ctx = ClContext.create(ClDevice.all().getFirst());
 *      ClQueue q = ctx.createQueue();
 *      ClMem x = ctx.allocate(4 * 1024)) {
 *     q.write(x, new float[1024]);
 * }
 * }
 * Objects made by a context stay valid after it is closed until they are closed themselves
 * (OpenCL counts references); {@link #close()} may be called more than once.
 */
public final class ClContext implements AutoCloseable {
    // clang's diagnostics, as PoCL and most LLVM-based drivers print them: "<source>:12:5: error: ..."
    private static final Pattern FIRST_ERROR = Pattern.compile(":(\\d+):(?:\\d+:)?\\s*error");
    private static final int EXCERPT_LINES = 3;

    private final ClDevice device;
    private final ClLibrary cl;
    private final MemorySegment handle;
    private final AtomicBoolean released = new AtomicBoolean();

    private ClContext(ClDevice device) {
        this.device = device;
        this.cl = device.cl();
        this.handle = cl.createContext(device.id, device.name());
    }

    /** {@return a context on {@code device}} @throws BackendError when the driver refuses one */
    public static ClContext create(ClDevice device) { return new ClContext(device); }

    public ClDevice device() { return device; }

    /** {@return a new in-order command queue on the device} */
    public ClQueue createQueue() { return new ClQueue(cl, cl.createCommandQueue(handle(), device.id, device.name()), device); }

    /**
     * {@return an uninitialised read-write buffer of {@code bytes} bytes}; a zero-byte request
     * gets one byte, since OpenCL has no empty buffers
     */
    public ClMem allocate(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("negative buffer size " + bytes);
        long n = Math.max(1, bytes);
        return new ClMem(cl, cl.createBuffer(handle(), n), n);
    }

    /**
     * Builds a program from OpenCL C {@code source} with compiler {@code options}.
     *
     * @param what names the program in messages (e.g. "kernels scale_ab12, sum_cd34")
     * @throws BackendError on a build failure, with the status, the build log and the numbered
     *     source lines around the first error
     */
    public ClProgram compile(String source, String options, String what) {
        MemorySegment p = cl.createProgramWithSource(handle(), source, what);
        return built(p, options, what, source);
    }

    /**
     * Loads a program from a binary of {@link ClProgram#binary()} made on the same device and driver.
     *
     * @throws BackendError when the driver rejects the binary ({@code CL_INVALID_BINARY} or a failed build)
     */
    public ClProgram load(byte[] binary, String options, String what) {
        MemorySegment p = cl.createProgramWithBinary(handle(), device.id, binary, what);
        return built(p, options, what, null);
    }

    private ClProgram built(MemorySegment p, String options, String what, String source) {
        int status;
        String log;
        try {
            status = cl.buildProgram(p, device.id, options);
            log = cl.buildLog(p, device.id);
        } catch (RuntimeException e) {
            cl.releaseProgram(p);
            throw e;
        }
        if (status != 0) {
            cl.releaseProgram(p);
            String detail = ClStatus.name(status) + " building " + what + " on " + device.name()
                    + (options.isBlank() ? "" : " with options '" + options + "'") + ":\n" + log;
            throw new BackendError("clBuildProgram", detail + (source == null ? "" : excerpt(source, log)));
        }
        return new ClProgram(cl, p, what, log);
    }

    /** {@return the numbered source lines around the first error the log points at} (empty when it points at none) */
    static String excerpt(String source, String log) {
        Matcher m = FIRST_ERROR.matcher(log);
        if (!m.find()) return "";
        String[] lines = source.split("\n", -1);
        int line = Integer.parseInt(m.group(1));
        if (line < 1 || line > lines.length) return "";
        var sb = new StringBuilder("\nsource around line ").append(line).append(":\n");
        for (int i = Math.max(1, line - EXCERPT_LINES); i <= Math.min(lines.length, line + EXCERPT_LINES); i++) {
            sb.append(i == line ? ">" : " ").append(String.format("%4d  %s%n", i, lines[i - 1]));
        }
        return sb.toString();
    }

    MemorySegment handle() {
        if (released.get()) throw new IllegalStateException("OpenCL context on " + device.name() + " used after close()");
        return handle;
    }

    @Override public void close() {
        if (released.compareAndSet(false, true)) cl.releaseContext(handle);
    }

    @Override public String toString() { return "ClContext[" + device.name() + "]"; }
}
