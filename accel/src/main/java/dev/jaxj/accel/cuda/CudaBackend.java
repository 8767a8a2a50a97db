package dev.jaxj.accel.cuda;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.Device;
import dev.jaxj.accel.Executable;
import dev.jaxj.accel.Transfers;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * The CUDA backend of one NVIDIA GPU: programs rendered to CUDA C, compiled by NVRTC to PTX
 * (one module per compiled function; PTX cached in memory and on disk), data resident in
 * device memory from a program's first step to its last, one stream.
 * {@snippet :
 * Backend gpu = CudaBackend.all().getFirst();       // the first CUDA device
 * Buffer x = gpu.upload(HostData.own(new float[] {1, 2, 3}));
 * }
 * Uploads and downloads wait for the copy; kernels and device-to-device copies do not, and a
 * download waits for everything issued before it.
 */
public final class CudaBackend implements Backend {
    private final CudaContext context;
    private final Device device;
    /** Made on first compile, so that a backend without NVRTC still moves data. */
    private volatile PtxCache ptx;

    private CudaBackend(CudaDriver cu, CudaDevice cudaDevice) {
        this.context = new CudaContext(cu, cudaDevice);
        this.device = new Device("cuda", cudaDevice.ordinal());
    }

    /**
     * {@return one backend per CUDA device}, numbered {@code cuda:0}, {@code cuda:1}, … in the driver's order
     * @throws BackendError when there is no driver library or no device (saying what to install)
     */
    public static List<CudaBackend> all() {
        CudaDriver cu = CudaDriver.system();
        List<CudaDevice> devices = CudaDevice.all(cu);
        if (devices.isEmpty()) throw new BackendError("cuda", "the CUDA driver " + cu.name() + " lists no device on this machine");
        List<CudaBackend> out = new ArrayList<>(devices.size());
        for (CudaDevice d : devices) out.add(new CudaBackend(cu, d));
        return List.copyOf(out);
    }

    @Override public String name() { return "cuda"; }

    @Override public Device device() { return device; }

    /** {@return the GPU, with its name, compute capability and memory} */
    public CudaDevice cudaDevice() { return context.device(); }

    CudaContext context() { return context; }

    /** {@return the loaded module of {@code kernels}}, their PTX compiled for this device or found in the cache */
    CudaModule load(List<KernelSource> kernels) {
        PtxCache cache = ptxCache();
        CudaDevice d = context.device();
        String text = cache.ptx(kernels, cache.nvrtc().archFor(d.major(), d.minor()));
        return CudaModule.load(context, text, cache.nvrtc().version(), "kernels " + String.join(", ", Nvrtc.unique(kernels).keySet()));
    }

    private PtxCache ptxCache() {
        PtxCache c = ptx;
        if (c == null) {
            synchronized (this) {
                if (ptx == null) ptx = new PtxCache(Nvrtc.system(), PtxCache.defaultDir());
                c = ptx;
            }
        }
        return c;
    }

    @Override
    public Buffer upload(HostData host) {
        Transfers.log("upload", host.dtype(), host.size(), "host", device);
        CudaBuffer b = allocate(host.dtype(), host.size());
        if (host.size() > 0) {
            long n = bytes(host.dtype(), host.size());
            try (Arena a = Arena.ofConfined()) {
                MemorySegment off = a.allocate(n, 8);
                MemorySegment.copy(bytesOf(host), 0, off, 0, n);
                context.upload(b.ptr(), off);
            }
        }
        return b;
    }

    @Override
    public HostData download(Buffer buffer) {
        CudaBuffer b = mine(buffer);
        Transfers.log("download", b.dtype(), b.size(), device, "host");
        HostData h = HostData.allocate(b.dtype(), b.size());
        if (b.size() > 0) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment off = a.allocate(bytes(b.dtype(), b.size()), 8);
                context.download(off, b.ptr());
                copyInto(off, h);
            }
        }
        Reference.reachabilityFence(b);
        return h;
    }

    @Override
    public Buffer allocate(ShapedArray aval) {
        return allocate(aval.dtype(), aval.size());
    }

    private CudaBuffer allocate(DType dtype, int size) {
        long bytes = Math.max(1, bytes(dtype, size));
        return new CudaBuffer(context, context.allocate(bytes), bytes, dtype, size, device);
    }

    @Override
    public void copy(Buffer src, int srcOffset, Buffer dst, int dstOffset, int count) {
        if (src.dtype() != dst.dtype() || count < 0 || srcOffset < 0 || dstOffset < 0
                || (long) srcOffset + count > src.size() || (long) dstOffset + count > dst.size()) {
            // out of bounds on the device would overwrite other arrays silently
            throw new IllegalArgumentException("cannot copy " + count + " elements from " + src + " at " + srcOffset + " to " + dst + " at " + dstOffset);
        }
        if (count == 0) return;
        long w = bytes(src.dtype(), 1);
        context.copy(mine(dst).ptr() + dstOffset * w, mine(src).ptr() + srcOffset * w, count * w);
        Reference.reachabilityFence(src);
        Reference.reachabilityFence(dst);
    }

    @Override
    public Executable compile(BufferPlan plan) {
        return new CudaExecutable(this, plan);
    }

    /** Waits for all the work issued so far (for timing; downloads wait by themselves). */
    public void synchronize() { context.synchronize(); }

    CudaBuffer mine(Buffer b) {
        if (b instanceof CudaBuffer c && c.device().equals(device)) return c;
        throw new BackendError("cuda", device + " reads only its own buffers, got one on " + b.device());
    }

    static long bytes(DType dtype, int size) {
        return (long) size * (dtype.bits() / 8);
    }

    /** {@return the bytes of {@code host}} as the device holds them (a view, or for bools a copy of one byte 0 or 1 each) */
    private static MemorySegment bytesOf(HostData host) {
        return switch (host.array()) {
            case float[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            case int[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case boolean[] a -> {
                byte[] b = new byte[a.length];
                for (int i = 0; i < a.length; i++) b[i] = (byte) (a[i] ? 1 : 0);
                yield MemorySegment.ofArray(b);
            }
            default -> throw new IllegalStateException("host data of " + host.dtype() + " in a " + host.array().getClass().getSimpleName());
        };
    }

    /** Copies the device bytes {@code src} into the start of {@code host}'s array; a bool is true where its byte is not 0. */
    private static void copyInto(MemorySegment src, HostData host) {
        if (host.array() instanceof boolean[] a) {
            for (int i = 0; i < src.byteSize(); i++) a[i] = src.get(JAVA_BYTE, i) != 0;
            return;
        }
        MemorySegment.copy(src, 0, bytesOf(host), 0, src.byteSize());
    }

    @Override public String toString() { return device + " (" + context.device().name() + ")"; }
}
