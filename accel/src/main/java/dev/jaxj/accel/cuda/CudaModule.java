package dev.jaxj.accel.cuda;

import dev.jaxj.errors.BackendError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

/**
 * A PTX module loaded on a device, with a handle to each of its kernels and the sizes of
 * their parameters ({@link PtxEntries}). Owned by the executable it was loaded for, which
 * unloads it once unreachable.
 */
final class CudaModule {
    /** A kernel of the module and its parameter sizes in bytes. */
    record Function(String name, MemorySegment handle, int[] paramBytes) {}

    private final MemorySegment handle;
    private final Map<String, Function> functions = new HashMap<>();

    private CudaModule(MemorySegment handle) { this.handle = handle; }

    /**
     * {@return the module of {@code ptx} on {@code context}'s device}
     *
     * @param nvrtcVersion the NVRTC that made the PTX, named when the driver is older than it
     * @throws BackendError when the driver rejects the PTX (saying when the driver is too old for it)
     */
    static CudaModule load(CudaContext context, String ptx, String nvrtcVersion, String what) {
        MemorySegment handle;
        try (Arena a = Arena.ofConfined()) {
            handle = context.loadModule(a.allocateFrom(ptx), what);
        } catch (BackendError e) {
            if (!e.detail().startsWith(CuResult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION.name())) throw e;
            int v = context.driver().driverVersion();
            throw new BackendError(e.op(), e.detail() + ": the PTX comes from NVRTC " + nvrtcVersion + " and the driver supports CUDA "
                    + v / 1000 + "." + v % 1000 / 10 + "; install a newer driver, or point -Djaxj.cuda.nvrtc at an NVRTC no newer than the driver", null, e);
        }
        var m = new CudaModule(handle);
        for (var entry : PtxEntries.of(ptx).entrySet()) {
            m.functions.put(entry.getKey(), new Function(entry.getKey(), context.function(handle, entry.getKey()), entry.getValue()));
        }
        return m;
    }

    MemorySegment handle() { return handle; }

    /** @throws BackendError when the module has no kernel {@code name} */
    Function function(String name) {
        Function f = functions.get(name);
        if (f == null) throw new BackendError("cuModuleGetFunction", "CUDA_ERROR_NOT_FOUND (kernel " + name + " is not in the module; it has " + functions.keySet() + ")");
        return f;
    }
}
