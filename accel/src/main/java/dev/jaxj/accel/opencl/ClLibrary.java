package dev.jaxj.accel.opencl;

import dev.jaxj.errors.BackendError;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The OpenCL C API as method handles over the ICD loader, one Java method per C function.
 * Every method checks the status it gets and raises {@link BackendError} naming the call, the
 * status and the object concerned, so no caller can forget a check. Handles are opaque
 * addresses ({@code cl_platform_id}, {@code cl_mem}, …); {@code size_t} and
 * {@code cl_ulong} are Java longs (64-bit hosts only).
 */
final class ClLibrary {
    /** The soname of the Khronos ICD loader (Debian: {@code ocl-icd-libopencl1}). */
    static final String SYSTEM = "libOpenCL.so.1";

    static final String INSTALL = "install the OpenCL ICD loader and a driver, e.g. on Debian or Ubuntu "
            + "`apt-get install ocl-icd-libopencl1 pocl-opencl-icd` (PoCL runs kernels on the CPU), "
            + "or a GPU or FPGA vendor's OpenCL driver";

    private static final MemoryLayout P = ADDRESS;
    private static final MemoryLayout I = JAVA_INT;
    private static final MemoryLayout L = JAVA_LONG;

    private static ClLibrary system;

    private final String name;
    private final MethodHandle getPlatformIDs, getPlatformInfo, getDeviceIDs, getDeviceInfo;
    private final MethodHandle createContext, releaseContext, createCommandQueue, releaseCommandQueue;
    private final MethodHandle createBuffer, releaseMemObject;
    private final MethodHandle enqueueWriteBuffer, enqueueReadBuffer, enqueueCopyBuffer, enqueueFillBuffer;
    private final MethodHandle createProgramWithSource, createProgramWithBinary, buildProgram;
    private final MethodHandle getProgramInfo, getProgramBuildInfo, releaseProgram;
    private final MethodHandle createKernel, getKernelInfo, setKernelArg, releaseKernel;
    private final MethodHandle enqueueNDRangeKernel, finish;

    private ClLibrary(String name, SymbolLookup lib) {
        this.name = name;
        var b = new Binder(name, lib);
        getPlatformIDs = b.bind("clGetPlatformIDs", I, I, P, P);
        getPlatformInfo = b.bind("clGetPlatformInfo", I, P, I, L, P, P);
        getDeviceIDs = b.bind("clGetDeviceIDs", I, P, L, I, P, P);
        getDeviceInfo = b.bind("clGetDeviceInfo", I, P, I, L, P, P);
        createContext = b.bind("clCreateContext", P, P, I, P, P, P, P);
        releaseContext = b.bind("clReleaseContext", I, P);
        createCommandQueue = b.bind("clCreateCommandQueue", P, P, P, L, P);
        releaseCommandQueue = b.bind("clReleaseCommandQueue", I, P);
        createBuffer = b.bind("clCreateBuffer", P, P, L, L, P, P);
        releaseMemObject = b.bind("clReleaseMemObject", I, P);
        enqueueWriteBuffer = b.bind("clEnqueueWriteBuffer", I, P, P, I, L, L, P, I, P, P);
        enqueueReadBuffer = b.bind("clEnqueueReadBuffer", I, P, P, I, L, L, P, I, P, P);
        enqueueCopyBuffer = b.bind("clEnqueueCopyBuffer", I, P, P, P, L, L, L, I, P, P);
        enqueueFillBuffer = b.bind("clEnqueueFillBuffer", I, P, P, P, L, L, L, I, P, P);
        createProgramWithSource = b.bind("clCreateProgramWithSource", P, P, I, P, P, P);
        createProgramWithBinary = b.bind("clCreateProgramWithBinary", P, P, I, P, P, P, P, P);
        buildProgram = b.bind("clBuildProgram", I, P, I, P, P, P, P);
        getProgramInfo = b.bind("clGetProgramInfo", I, P, I, L, P, P);
        getProgramBuildInfo = b.bind("clGetProgramBuildInfo", I, P, P, I, L, P, P);
        releaseProgram = b.bind("clReleaseProgram", I, P);
        createKernel = b.bind("clCreateKernel", P, P, P, P);
        getKernelInfo = b.bind("clGetKernelInfo", I, P, I, L, P, P);
        setKernelArg = b.bind("clSetKernelArg", I, P, I, L, P);
        releaseKernel = b.bind("clReleaseKernel", I, P);
        enqueueNDRangeKernel = b.bind("clEnqueueNDRangeKernel", I, P, P, I, P, P, P, I, P, P);
        finish = b.bind("clFinish", I, P);
    }

    /** {@return the system's ICD loader, loaded once} @throws BackendError when it is not installed */
    static synchronized ClLibrary system() {
        if (system == null) system = load(SYSTEM);
        return system;
    }

    /** {@return the OpenCL API of the library {@code name}} (a seam: tests name one that does not exist) */
    static ClLibrary load(String name) {
        SymbolLookup lib;
        try {
            lib = SymbolLookup.libraryLookup(name, Arena.global());
        } catch (IllegalArgumentException | UnsatisfiedLinkError e) {
            throw new BackendError("opencl", "the OpenCL library " + name + " could not be loaded (" + e.getMessage() + "): " + INSTALL, null, e);
        }
        return new ClLibrary(name, lib);
    }

    /** Looks up and links the library's functions, failing clearly where one is missing. */
    private record Binder(String library, SymbolLookup lib) {
        MethodHandle bind(String fn, MemoryLayout result, MemoryLayout... params) {
            MemorySegment addr = lib.find(fn).orElseThrow(() -> new BackendError("opencl",
                    library + " has no function " + fn + " (not an OpenCL 1.2 library?): " + INSTALL));
            return Linker.nativeLinker().downcallHandle(addr, FunctionDescriptor.of(result, params));
        }
    }

    String name() { return name; }

    // ---- status checks

    /** Raises {@link BackendError} unless {@code status} is {@code CL_SUCCESS}; {@code subject} names the object concerned (or is null). */
    static void check(String call, int status, String subject) {
        if (status != 0) throw new BackendError(call, ClStatus.name(status) + (subject == null ? "" : " (" + subject + ")"));
    }

    /** Passes unchecked throwables on; a downcall handle throws nothing checked, but invokeExact declares Throwable. */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    // ---- platforms and devices

    /** {@return every platform's id}; none when the loader finds no driver. */
    List<MemorySegment> platformIds() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(JAVA_INT);
            int status = (int) getPlatformIDs.invokeExact(0, MemorySegment.NULL, n);
            if (status == ClStatus.CL_PLATFORM_NOT_FOUND_KHR.code()) return List.of();
            check("clGetPlatformIDs", status, null);
            int count = n.get(JAVA_INT, 0);
            if (count == 0) return List.of();
            MemorySegment ids = a.allocate(ADDRESS, count);
            check("clGetPlatformIDs", (int) getPlatformIDs.invokeExact(count, ids, MemorySegment.NULL), null);
            return addresses(ids, count);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    String platformString(MemorySegment platform, int param) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment size = a.allocate(JAVA_LONG);
            check("clGetPlatformInfo", (int) getPlatformInfo.invokeExact(platform, param, 0L, MemorySegment.NULL, size), "param 0x" + Integer.toHexString(param));
            MemorySegment buf = a.allocate(Math.max(1, size.get(JAVA_LONG, 0)));
            check("clGetPlatformInfo", (int) getPlatformInfo.invokeExact(platform, param, buf.byteSize(), buf, MemorySegment.NULL), "param 0x" + Integer.toHexString(param));
            return buf.getString(0).trim();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@return the ids of every device of {@code platform}}; none where it has none. */
    List<MemorySegment> deviceIds(MemorySegment platform) {
        final long all = 0xFFFFFFFFL;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(JAVA_INT);
            int status = (int) getDeviceIDs.invokeExact(platform, all, 0, MemorySegment.NULL, n);
            if (status == ClStatus.CL_DEVICE_NOT_FOUND.code()) return List.of();
            check("clGetDeviceIDs", status, null);
            int count = n.get(JAVA_INT, 0);
            if (count == 0) return List.of();
            MemorySegment ids = a.allocate(ADDRESS, count);
            check("clGetDeviceIDs", (int) getDeviceIDs.invokeExact(platform, all, count, ids, MemorySegment.NULL), null);
            return addresses(ids, count);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@return the raw bytes of a device property} */
    private MemorySegment deviceInfo(Arena a, MemorySegment device, int param) throws Throwable {
        MemorySegment size = a.allocate(JAVA_LONG);
        check("clGetDeviceInfo", (int) getDeviceInfo.invokeExact(device, param, 0L, MemorySegment.NULL, size), "param 0x" + Integer.toHexString(param));
        MemorySegment buf = a.allocate(Math.max(8, size.get(JAVA_LONG, 0)));
        check("clGetDeviceInfo", (int) getDeviceInfo.invokeExact(device, param, buf.byteSize(), buf, MemorySegment.NULL), "param 0x" + Integer.toHexString(param));
        return buf;
    }

    String deviceString(MemorySegment device, int param) {
        try (Arena a = Arena.ofConfined()) {
            return deviceInfo(a, device, param).getString(0).trim();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@return a {@code cl_ulong} or {@code size_t} device property} */
    long deviceLong(MemorySegment device, int param) {
        try (Arena a = Arena.ofConfined()) {
            return deviceInfo(a, device, param).get(JAVA_LONG, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@return a {@code cl_uint} device property} */
    int deviceInt(MemorySegment device, int param) {
        try (Arena a = Arena.ofConfined()) {
            return deviceInfo(a, device, param).get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- contexts and queues

    MemorySegment createContext(MemorySegment device, String deviceName) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = a.allocate(JAVA_INT);
            MemorySegment devices = a.allocateFrom(ADDRESS, device);
            var ctx = (MemorySegment) createContext.invokeExact(MemorySegment.NULL, 1, devices, MemorySegment.NULL, MemorySegment.NULL, err);
            check("clCreateContext", err.get(JAVA_INT, 0), "device " + deviceName);
            return ctx;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void releaseContext(MemorySegment ctx) {
        try {
            check("clReleaseContext", (int) releaseContext.invokeExact(ctx), null);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** An in-order queue without profiling: the OpenCL 1.2 entry point, which every loader exports. */
    MemorySegment createCommandQueue(MemorySegment ctx, MemorySegment device, String deviceName) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = a.allocate(JAVA_INT);
            var q = (MemorySegment) createCommandQueue.invokeExact(ctx, device, 0L, err);
            check("clCreateCommandQueue", err.get(JAVA_INT, 0), "device " + deviceName);
            return q;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void releaseCommandQueue(MemorySegment q) {
        try {
            check("clReleaseCommandQueue", (int) releaseCommandQueue.invokeExact(q), null);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void finish(MemorySegment q) {
        try {
            check("clFinish", (int) finish.invokeExact(q), null);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- buffers

    /** A read-write buffer of {@code bytes} bytes (at least 1: OpenCL has no empty buffers). */
    MemorySegment createBuffer(MemorySegment ctx, long bytes) {
        final long readWrite = 1;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = a.allocate(JAVA_INT);
            var mem = (MemorySegment) createBuffer.invokeExact(ctx, readWrite, bytes, MemorySegment.NULL, err);
            check("clCreateBuffer", err.get(JAVA_INT, 0), bytes + " bytes");
            return mem;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void releaseMemObject(MemorySegment mem) {
        try {
            check("clReleaseMemObject", (int) releaseMemObject.invokeExact(mem), null);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Blocking write of {@code src} (off-heap) to {@code mem} at {@code offset}. */
    void write(MemorySegment q, MemorySegment mem, long offset, MemorySegment src) {
        try {
            int status = (int) enqueueWriteBuffer.invokeExact(q, mem, 1, offset, src.byteSize(), src, 0, MemorySegment.NULL, MemorySegment.NULL);
            check("clEnqueueWriteBuffer", status, src.byteSize() + " bytes at offset " + offset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Blocking read of {@code dst.byteSize()} bytes of {@code mem} at {@code offset} into {@code dst} (off-heap). */
    void read(MemorySegment q, MemorySegment mem, long offset, MemorySegment dst) {
        try {
            int status = (int) enqueueReadBuffer.invokeExact(q, mem, 1, offset, dst.byteSize(), dst, 0, MemorySegment.NULL, MemorySegment.NULL);
            check("clEnqueueReadBuffer", status, dst.byteSize() + " bytes at offset " + offset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void copy(MemorySegment q, MemorySegment src, MemorySegment dst, long srcOffset, long dstOffset, long bytes) {
        try {
            int status = (int) enqueueCopyBuffer.invokeExact(q, src, dst, srcOffset, dstOffset, bytes, 0, MemorySegment.NULL, MemorySegment.NULL);
            check("clEnqueueCopyBuffer", status, bytes + " bytes from offset " + srcOffset + " to " + dstOffset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Fills {@code bytes} bytes at {@code offset} with copies of {@code pattern} (the driver copies the pattern before returning). */
    void fill(MemorySegment q, MemorySegment mem, MemorySegment pattern, long offset, long bytes) {
        try {
            int status = (int) enqueueFillBuffer.invokeExact(q, mem, pattern, pattern.byteSize(), offset, bytes, 0, MemorySegment.NULL, MemorySegment.NULL);
            check("clEnqueueFillBuffer", status, pattern.byteSize() + "-byte pattern over " + bytes + " bytes at offset " + offset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- programs

    MemorySegment createProgramWithSource(MemorySegment ctx, String source, String what) {
        try (Arena a = Arena.ofConfined()) {
            byte[] utf8 = source.getBytes(StandardCharsets.UTF_8);
            MemorySegment text = a.allocateFrom(JAVA_BYTE, utf8);
            MemorySegment strings = a.allocateFrom(ADDRESS, text);
            MemorySegment lengths = a.allocateFrom(JAVA_LONG, (long) utf8.length);
            MemorySegment err = a.allocate(JAVA_INT);
            var p = (MemorySegment) createProgramWithSource.invokeExact(ctx, 1, strings, lengths, err);
            check("clCreateProgramWithSource", err.get(JAVA_INT, 0), what);
            return p;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    MemorySegment createProgramWithBinary(MemorySegment ctx, MemorySegment device, byte[] binary, String what) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment devices = a.allocateFrom(ADDRESS, device);
            MemorySegment bin = a.allocateFrom(JAVA_BYTE, binary);
            MemorySegment lengths = a.allocateFrom(JAVA_LONG, (long) binary.length);
            MemorySegment binaries = a.allocateFrom(ADDRESS, bin);
            MemorySegment binaryStatus = a.allocate(JAVA_INT);
            MemorySegment err = a.allocate(JAVA_INT);
            var p = (MemorySegment) createProgramWithBinary.invokeExact(ctx, 1, devices, lengths, binaries, binaryStatus, err);
            int status = err.get(JAVA_INT, 0);
            if (status != 0 && !p.equals(MemorySegment.NULL)) releaseProgram(p);
            check("clCreateProgramWithBinary", status, what);
            check("clCreateProgramWithBinary", binaryStatus.get(JAVA_INT, 0), what);
            return p;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@return the status of {@code clBuildProgram}}, unchecked: the caller reads the build log first. */
    int buildProgram(MemorySegment program, MemorySegment device, String options) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment devices = a.allocateFrom(ADDRESS, device);
            return (int) buildProgram.invokeExact(program, 1, devices, a.allocateFrom(options), MemorySegment.NULL, MemorySegment.NULL);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    String buildLog(MemorySegment program, MemorySegment device) {
        final int buildLog = 0x1183;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment size = a.allocate(JAVA_LONG);
            check("clGetProgramBuildInfo", (int) getProgramBuildInfo.invokeExact(program, device, buildLog, 0L, MemorySegment.NULL, size), "CL_PROGRAM_BUILD_LOG");
            MemorySegment buf = a.allocate(Math.max(1, size.get(JAVA_LONG, 0)));
            check("clGetProgramBuildInfo", (int) getProgramBuildInfo.invokeExact(program, device, buildLog, buf.byteSize(), buf, MemorySegment.NULL), "CL_PROGRAM_BUILD_LOG");
            return buf.getString(0).strip();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@return the program's binary for its one device} ({@code CL_PROGRAM_BINARY_SIZES}, then {@code CL_PROGRAM_BINARIES}) */
    byte[] programBinary(MemorySegment program, String what) {
        final int binarySizes = 0x1165, binaries = 0x1166;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment size = a.allocate(JAVA_LONG);
            check("clGetProgramInfo", (int) getProgramInfo.invokeExact(program, binarySizes, 8L, size, MemorySegment.NULL), "CL_PROGRAM_BINARY_SIZES of " + what);
            long n = size.get(JAVA_LONG, 0);
            if (n == 0) return new byte[0];
            MemorySegment bin = a.allocate(n);
            MemorySegment pointers = a.allocateFrom(ADDRESS, bin);
            check("clGetProgramInfo", (int) getProgramInfo.invokeExact(program, binaries, ADDRESS.byteSize(), pointers, MemorySegment.NULL), "CL_PROGRAM_BINARIES of " + what);
            return bin.toArray(JAVA_BYTE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void releaseProgram(MemorySegment program) {
        try {
            check("clReleaseProgram", (int) releaseProgram.invokeExact(program), null);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- kernels

    MemorySegment createKernel(MemorySegment program, String kernel) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = a.allocate(JAVA_INT);
            var k = (MemorySegment) createKernel.invokeExact(program, a.allocateFrom(kernel), err);
            check("clCreateKernel", err.get(JAVA_INT, 0), "kernel " + kernel);
            return k;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int kernelNumArgs(MemorySegment kernel, String name) {
        final int numArgs = 0x1191;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(JAVA_INT);
            check("clGetKernelInfo", (int) getKernelInfo.invokeExact(kernel, numArgs, 4L, n, MemorySegment.NULL), "CL_KERNEL_NUM_ARGS of kernel " + name);
            return n.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Sets argument {@code index} to the bytes of {@code value} (a scalar, or a {@code cl_mem} handle). */
    void setKernelArg(MemorySegment kernel, int index, MemorySegment value, String name) {
        try {
            int status = (int) setKernelArg.invokeExact(kernel, index, value.byteSize(), value);
            check("clSetKernelArg", status, "kernel " + name + ", argument " + index + " of " + value.byteSize() + " bytes");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void releaseKernel(MemorySegment kernel) {
        try {
            check("clReleaseKernel", (int) releaseKernel.invokeExact(kernel), null);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void enqueueNDRange(MemorySegment q, MemorySegment kernel, long[] global, long[] local, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment g = a.allocateFrom(JAVA_LONG, global);
            MemorySegment l = local == null ? MemorySegment.NULL : a.allocateFrom(JAVA_LONG, local);
            int status = (int) enqueueNDRangeKernel.invokeExact(q, kernel, global.length, MemorySegment.NULL, g, l, 0, MemorySegment.NULL, MemorySegment.NULL);
            check("clEnqueueNDRangeKernel", status, "kernel " + name + ", global " + java.util.Arrays.toString(global)
                    + ", local " + (local == null ? "chosen by the driver" : java.util.Arrays.toString(local)));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static List<MemorySegment> addresses(MemorySegment ids, int count) {
        var out = new ArrayList<MemorySegment>(count);
        for (int i = 0; i < count; i++) out.add(ids.getAtIndex(ADDRESS, i));
        return List.copyOf(out);
    }
}
