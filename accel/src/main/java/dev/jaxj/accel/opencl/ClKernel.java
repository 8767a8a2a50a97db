package dev.jaxj.accel.opencl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A kernel of a built {@link ClProgram}, from {@link ClProgram#kernel}: its arguments are set
 * one by one and stay set until changed, and {@link ClQueue#launch} captures them.
 *
 * <p>Not thread-safe: the arguments are state on the kernel object, so whoever sets them and
 * launches holds the kernel's monitor across both ({@code synchronized (kernel) {...}}). The
 * program owns its kernels and releases them when it is closed.
 */
public final class ClKernel {
    private final ClLibrary cl;
    private final ClProgram program;
    private final MemorySegment handle;
    private final String name;
    private final int numArgs;

    ClKernel(ClLibrary cl, ClProgram program, String name) {
        this.cl = cl;
        this.program = program;
        this.name = name;
        this.handle = cl.createKernel(program.handle(), name);
        this.numArgs = cl.kernelNumArgs(handle, name);
    }

    public String name() { return name; }

    /** {@return the number of parameters the kernel declares} */
    public int numArgs() { return numArgs; }

    MemorySegment handle() {
        program.handle(); // fails once the program is closed
        return handle;
    }

    /** Passes {@code buffer} as (pointer) argument {@code index}. */
    public void setArg(int index, ClMem buffer) {
        try (Arena a = Arena.ofConfined()) {
            cl.setKernelArg(handle(), index, a.allocateFrom(ADDRESS, buffer.handle()), name);
        }
    }

    /** Passes an {@code int} (or {@code i32_t}, {@code u32_t} with the same bits) as argument {@code index}. */
    public void setArg(int index, int value) {
        try (Arena a = Arena.ofConfined()) {
            cl.setKernelArg(handle(), index, a.allocateFrom(JAVA_INT, value), name);
        }
    }

    /** Passes a {@code long} ({@code i64_t}) as argument {@code index}. */
    public void setArg(int index, long value) {
        try (Arena a = Arena.ofConfined()) {
            cl.setKernelArg(handle(), index, a.allocateFrom(JAVA_LONG, value), name);
        }
    }

    public void setArg(int index, float value) {
        try (Arena a = Arena.ofConfined()) {
            cl.setKernelArg(handle(), index, a.allocateFrom(JAVA_FLOAT, value), name);
        }
    }

    public void setArg(int index, double value) {
        try (Arena a = Arena.ofConfined()) {
            cl.setKernelArg(handle(), index, a.allocateFrom(JAVA_DOUBLE, value), name);
        }
    }

    void release() { cl.releaseKernel(handle); }

    @Override public String toString() { return "ClKernel[" + name + "]"; }
}
