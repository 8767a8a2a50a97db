package dev.jaxj.accel.cuda;

import dev.jaxj.errors.BackendError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The CUDA driver API ({@code libcuda.so.1}) as method handles, one Java method per C
 * function. Every method checks the {@code CUresult} it gets and raises {@link BackendError}
 * naming the call, the result ({@link CuResult}) and the object concerned. Handles
 * ({@code CUcontext}, {@code CUmodule}, {@code CUfunction}, {@code CUstream}) are addresses;
 * {@code CUdevice} is an int, {@code CUdeviceptr} and {@code size_t} are Java longs (64-bit
 * hosts only). The calls act on the calling thread's current context ({@link CudaContext}
 * makes its own current first).
 */
final class CudaDriver {
    /** The soname of NVIDIA's driver library. */
    static final String SYSTEM = "libcuda.so.1";

    static final String INSTALL = "install NVIDIA's GPU driver, which provides libcuda.so.1, on a machine with an NVIDIA GPU"
            + " (the CUDA toolkit alone does not install it)";

    private static final MemoryLayout P = ADDRESS;
    private static final MemoryLayout I = JAVA_INT;
    private static final MemoryLayout L = JAVA_LONG;

    // CUdevice_attribute values (cuda.h)
    static final int MAX_THREADS_PER_BLOCK = 1;
    static final int MULTIPROCESSOR_COUNT = 16;
    static final int COMPUTE_CAPABILITY_MAJOR = 75;
    static final int COMPUTE_CAPABILITY_MINOR = 76;

    private static CudaDriver system;

    private final String name;
    private final MethodHandle init, driverGetVersion, deviceGetCount, deviceGet, deviceGetName, deviceGetAttribute, deviceTotalMem;
    private final MethodHandle primaryCtxRetain, ctxSetCurrent, ctxSynchronize;
    private final MethodHandle streamCreate, streamSynchronize;
    private final MethodHandle moduleLoadData, moduleGetFunction, moduleUnload;
    private final MethodHandle memAlloc, memFree, memcpyHtoD, memcpyDtoH, memcpyDtoD, memsetD8;
    private final MethodHandle launchKernel;

    private CudaDriver(String name, SymbolLookup lib) {
        this.name = name;
        var b = new Native.Binder(name, lib, "cuda", "not a CUDA driver library? " + INSTALL);
        init = b.bind("cuInit", I, I);
        driverGetVersion = b.bind("cuDriverGetVersion", I, P);
        deviceGetCount = b.bind("cuDeviceGetCount", I, P);
        deviceGet = b.bind("cuDeviceGet", I, P, I);
        deviceGetName = b.bind("cuDeviceGetName", I, P, I, I);
        deviceGetAttribute = b.bind("cuDeviceGetAttribute", I, P, I, I);
        deviceTotalMem = b.bind("cuDeviceTotalMem_v2", I, P, I);
        primaryCtxRetain = b.bind("cuDevicePrimaryCtxRetain", I, P, I);
        ctxSetCurrent = b.bind("cuCtxSetCurrent", I, P);
        ctxSynchronize = b.bind("cuCtxSynchronize", I);
        streamCreate = b.bind("cuStreamCreate", I, P, I);
        streamSynchronize = b.bind("cuStreamSynchronize", I, P);
        moduleLoadData = b.bind("cuModuleLoadData", I, P, P);
        moduleGetFunction = b.bind("cuModuleGetFunction", I, P, P, P);
        moduleUnload = b.bind("cuModuleUnload", I, P);
        memAlloc = b.bind("cuMemAlloc_v2", I, P, L);
        memFree = b.bind("cuMemFree_v2", I, L);
        memcpyHtoD = b.bind("cuMemcpyHtoD_v2", I, L, P, L);
        memcpyDtoH = b.bind("cuMemcpyDtoH_v2", I, P, L, L);
        memcpyDtoD = b.bind("cuMemcpyDtoD_v2", I, L, L, L);
        memsetD8 = b.bind("cuMemsetD8_v2", I, L, JAVA_BYTE, L);
        launchKernel = b.bind("cuLaunchKernel", I, P, I, I, I, I, I, I, I, P, P, P);
    }

    /**
     * {@return the system's driver, loaded and initialised once}
     *
     * @throws BackendError when it is not installed, or {@code cuInit} fails (no device, a stub library)
     */
    static synchronized CudaDriver system() {
        if (system == null) {
            CudaDriver d = load(SYSTEM);
            d.init();
            system = d;
        }
        return system;
    }

    /** {@return the driver API of the library {@code name}} (a seam: tests name one that does not exist) */
    static CudaDriver load(String name) {
        SymbolLookup lib = Native.tryLoad(name);
        if (lib == null) throw new BackendError("cuda", "the CUDA driver library " + name + " could not be loaded: " + INSTALL);
        return new CudaDriver(name, lib);
    }

    String name() { return name; }

    /** Raises {@link BackendError} unless {@code result} is {@code CUDA_SUCCESS}; {@code subject} names the object concerned (or is null). */
    static void check(String call, int result, String subject) {
        if (result != 0) throw new BackendError(call, CuResult.name(result) + (subject == null ? "" : " (" + subject + ")"));
    }

    // ---- initialisation and devices

    private void init() {
        int result;
        try {
            result = (int) init.invokeExact(0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
        if (result == CuResult.CUDA_ERROR_NO_DEVICE.code()) {
            throw new BackendError("cuInit", "CUDA_ERROR_NO_DEVICE: the CUDA driver " + name + " is installed but finds no CUDA device on this machine");
        }
        if (result == CuResult.CUDA_ERROR_STUB_LIBRARY.code()) {
            throw new BackendError("cuInit", "CUDA_ERROR_STUB_LIBRARY: " + name + " is the CUDA toolkit's link stub, not a driver: " + INSTALL
                    + ", and keep the toolkit's lib64/stubs off the library path");
        }
        check("cuInit", result, name);
    }

    /** {@return the driver's CUDA version, e.g. 12040 for 12.4} */
    int driverVersion() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            check("cuDriverGetVersion", (int) driverGetVersion.invokeExact(v), null);
            return v.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    int deviceCount() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(JAVA_INT);
            check("cuDeviceGetCount", (int) deviceGetCount.invokeExact(n), null);
            return n.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** {@return the {@code CUdevice} of ordinal {@code ordinal}} */
    int device(int ordinal) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment d = a.allocate(JAVA_INT);
            check("cuDeviceGet", (int) deviceGet.invokeExact(d, ordinal), "ordinal " + ordinal);
            return d.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    String deviceName(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(256);
            check("cuDeviceGetName", (int) deviceGetName.invokeExact(buf, 256, device), "device " + device);
            return buf.getString(0).strip();
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    int deviceAttribute(int device, int attribute) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            check("cuDeviceGetAttribute", (int) deviceGetAttribute.invokeExact(v, attribute, device), "attribute " + attribute + " of device " + device);
            return v.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    long deviceTotalMem(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_LONG);
            check("cuDeviceTotalMem_v2", (int) deviceTotalMem.invokeExact(v, device), "device " + device);
            return v.get(JAVA_LONG, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    // ---- contexts and streams

    /** {@return the device's primary context}, retained for the life of the process (the runtime API's context, shared with it) */
    MemorySegment primaryContext(int device, String deviceName) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ctx = a.allocate(ADDRESS);
            check("cuDevicePrimaryCtxRetain", (int) primaryCtxRetain.invokeExact(ctx, device), deviceName);
            return ctx.get(ADDRESS, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    void setCurrent(MemorySegment ctx) {
        try {
            check("cuCtxSetCurrent", (int) ctxSetCurrent.invokeExact(ctx), null);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    void ctxSynchronize() {
        try {
            check("cuCtxSynchronize", (int) ctxSynchronize.invokeExact(), null);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** {@return a new blocking stream}: it waits for, and is waited for by, the legacy default stream the synchronous copies run on */
    MemorySegment createStream() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(ADDRESS);
            check("cuStreamCreate", (int) streamCreate.invokeExact(s, 0), null);
            return s.get(ADDRESS, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    void streamSynchronize(MemorySegment stream) {
        try {
            check("cuStreamSynchronize", (int) streamSynchronize.invokeExact(stream), null);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    // ---- modules

    /**
     * {@return the module of a PTX image} (JIT-compiled by the driver for its device)
     *
     * @param ptx the PTX text, NUL-terminated
     */
    MemorySegment moduleLoadData(MemorySegment ptx, String what) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment m = a.allocate(ADDRESS);
            check("cuModuleLoadData", (int) moduleLoadData.invokeExact(m, ptx), what);
            return m.get(ADDRESS, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    MemorySegment moduleGetFunction(MemorySegment module, String kernel) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment f = a.allocate(ADDRESS);
            check("cuModuleGetFunction", (int) moduleGetFunction.invokeExact(f, module, a.allocateFrom(kernel)), "kernel " + kernel);
            return f.get(ADDRESS, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    void moduleUnload(MemorySegment module) {
        try {
            check("cuModuleUnload", (int) moduleUnload.invokeExact(module), null);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    // ---- memory

    /** {@return the raw result of {@code cuMemAlloc_v2}}, unchecked, so the caller can free memory and retry on {@code CUDA_ERROR_OUT_OF_MEMORY} */
    int memAlloc(MemorySegment ptr, long bytes) {
        try {
            return (int) memAlloc.invokeExact(ptr, bytes);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    void memFree(long ptr) {
        try {
            check("cuMemFree_v2", (int) memFree.invokeExact(ptr), null);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** Copies the native segment {@code src} to device address {@code dst}; returns once {@code src} may be reused. */
    void memcpyHtoD(long dst, MemorySegment src) {
        try {
            check("cuMemcpyHtoD_v2", (int) memcpyHtoD.invokeExact(dst, src, src.byteSize()), src.byteSize() + " bytes");
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** Copies {@code dst.byteSize()} bytes from device address {@code src} to the native segment {@code dst}, after the work before it. */
    void memcpyDtoH(MemorySegment dst, long src) {
        try {
            check("cuMemcpyDtoH_v2", (int) memcpyDtoH.invokeExact(dst, src, dst.byteSize()), dst.byteSize() + " bytes");
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    void memcpyDtoD(long dst, long src, long bytes) {
        try {
            check("cuMemcpyDtoD_v2", (int) memcpyDtoD.invokeExact(dst, src, bytes), bytes + " bytes");
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    void memsetD8(long dst, byte value, long bytes) {
        try {
            check("cuMemsetD8_v2", (int) memsetD8.invokeExact(dst, value, bytes), bytes + " bytes");
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    // ---- launches

    /**
     * Enqueues {@code function} on {@code stream}.
     *
     * @param params {@code void**}: one pointer per parameter, to its value (the driver copies the values before returning)
     */
    void launchKernel(MemorySegment function, int[] grid, int[] block, MemorySegment stream, MemorySegment params, String what) {
        try {
            int result = (int) launchKernel.invokeExact(function, grid[0], grid[1], grid[2], block[0], block[1], block[2], 0, stream, params, MemorySegment.NULL);
            check("cuLaunchKernel", result, what);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }
}
