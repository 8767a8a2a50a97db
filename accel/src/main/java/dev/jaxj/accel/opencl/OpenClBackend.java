package dev.jaxj.accel.opencl;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.Device;
import dev.jaxj.accel.Executable;
import dev.jaxj.accel.Transfers;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenCL backend of one device: programs rendered to OpenCL C (one OpenCL program per
 * compiled function, built once and cached in memory and on disk), data resident in device
 * memory from a program's first step to its last, one in-order queue.
 * {@snippet :
 * Backend gpu = OpenClBackend.all().getFirst();       // the first OpenCL device
 * Buffer x = gpu.upload(HostData.own(new float[] {1, 2, 3}));
 * }
 *
 * <p>Where the device lacks {@code cl_khr_fp64} (many integrated GPUs and FPGAs), f32 programs
 * run without any {@code double}: f32 functions call the device's float builtins (the special
 * functions run the CPU's algorithms in float) and the folds the CPU widens to double
 * accumulate in float (sums compensated), each within the bounds its renderer states; f64 arrays and programs with f64 values are refused with a
 * {@link BackendError} naming the operation. {@code -Djaxj.opencl.fp64=false} (read when the
 * backends are made) treats every device as lacking fp64, a testing aid for devices that have it.
 */
public final class OpenClBackend implements Backend {
    /** The system property that, set to {@code false}, treats every device as lacking {@code cl_khr_fp64}. */
    static final String FP64_PROPERTY = "jaxj.opencl.fp64";

    private final ClDevice clDevice;
    private final boolean fp64;
    private final Device device;
    private final ClContext context;
    private final ClQueue queue;
    private final ProgramCache programs;
    private final DeviceCallRunner runner;
    /** Bytes held by this device's buffers that have not been released. */
    private final AtomicLong live = new AtomicLong();
    private static final long COLLECTION_WAIT_MS = 50;

    private OpenClBackend(ClDevice clDevice, int id) {
        this(clDevice, id, clDevice.fp64() && !"false".equals(System.getProperty(FP64_PROPERTY)));
    }

    /** A backend of {@code clDevice} that computes in double only if {@code fp64} (tests pass false to stand for a device without it). */
    OpenClBackend(ClDevice clDevice, int id, boolean fp64) {
        if (fp64 && !clDevice.fp64()) throw new IllegalArgumentException(clDevice.name() + " lacks cl_khr_fp64");
        this.clDevice = clDevice;
        this.fp64 = fp64;
        this.device = new Device("opencl", id);
        this.context = ClContext.create(clDevice);
        this.queue = context.createQueue();
        this.programs = new ProgramCache(context, ProgramCache.defaultDir(), fp64);
        this.runner = new DeviceCallRunner(context, queue);
    }

    /**
     * {@return one backend per OpenCL device of every platform}, numbered {@code opencl:0},
     * {@code opencl:1}, … in the order the ICD loader lists them
     * @throws BackendError when there is no OpenCL library, platform or device (saying what to install)
     */
    public static List<OpenClBackend> all() {
        List<ClDevice> devices = ClDevice.all();
        List<OpenClBackend> backends = new ArrayList<>(devices.size());
        for (int i = 0; i < devices.size(); i++) backends.add(new OpenClBackend(devices.get(i), i));
        return List.copyOf(backends);
    }

    @Override public String name() { return "opencl"; }

    @Override public Device device() { return device; }

    /** {@return the OpenCL device, with its name, extensions and limits} */
    public ClDevice clDevice() { return clDevice; }

    /**
     * {@return whether kernels on this backend may compute in double}: the device lists
     * {@code cl_khr_fp64} and {@code -Djaxj.opencl.fp64=false} does not turn it off
     */
    public boolean fp64() { return fp64; }

    ProgramCache programs() { return programs; }

    DeviceCallRunner runner() { return runner; }

    @Override
    public Buffer upload(HostData host) {
        Transfers.log("upload", host.dtype(), host.size(), "host", device);
        ClBuffer b = allocate(host.dtype(), host.size());
        if (host.size() > 0) queue.write(b.mem(), host.array());
        return b;
    }

    @Override
    public HostData download(Buffer buffer) {
        ClBuffer b = mine(buffer);
        Transfers.log("download", b.dtype(), b.size(), device, "host");
        HostData h = HostData.allocate(b.dtype(), b.size());
        if (b.size() > 0) queue.read(b.mem(), h.array());
        return h;
    }

    @Override
    public Buffer allocate(ShapedArray aval) {
        return allocate(aval.dtype(), aval.size());
    }

    private ClBuffer allocate(DType dtype, int size) {
        if (dtype == DType.F64 && !fp64) throw new BackendError("opencl", "f64 arrays need a device with cl_khr_fp64, and " + lacksFp64());
        // OpenCL has no empty buffers; an empty array still gets one byte, never read.
        long bytes = Math.max(1, bytes(dtype, size));
        ClMem mem = allocateCollecting(bytes);
        live.addAndGet(bytes);
        return new ClBuffer(mem, dtype, size, device, () -> {
            mem.close();
            live.addAndGet(-bytes);
        });
    }

    /**
     * Device memory is freed when the arrays holding it are collected, and the JVM's collector
     * does not see device memory: past three quarters of the device's memory, or when the
     * driver refuses, unreachable arrays are collected (and their buffers released) first.
     */
    private ClMem allocateCollecting(long bytes) {
        if (live.get() + bytes > clDevice.globalMemBytes() / 4 * 3) collectUnreachableArrays();
        try {
            return context.allocate(bytes);
        } catch (BackendError refused) {
            collectUnreachableArrays();
            try {
                return context.allocate(bytes);
            } catch (BackendError again) {
                throw new BackendError("opencl", "cannot allocate " + bytes + " bytes on " + device + " (" + again.detail() + "), with "
                        + live.get() + " bytes held by live arrays of " + clDevice.globalMemBytes() + "; keep fewer arrays alive or use smaller batches", null, again);
            }
        }
    }

    /** {@return the bytes held by this device's buffers not yet released} */
    long liveBytes() { return live.get(); }

    private static void collectUnreachableArrays() {
        System.gc();
        try {
            Thread.sleep(COLLECTION_WAIT_MS);   // the cleaner thread releases what the collection found
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void copy(Buffer src, int srcOffset, Buffer dst, int dstOffset, int count) {
        if (count == 0) return;
        long w = bytes(src.dtype(), 1);
        queue.copy(mine(src).mem(), srcOffset * w, mine(dst).mem(), dstOffset * w, count * w);
    }

    @Override
    public Executable compile(BufferPlan plan) {
        return new OpenClExecutable(this, plan);
    }

    /** Waits for every command queued so far (for timing; transfers to the host wait by themselves). */
    public void finish() { queue.finish(); }

    ClBuffer mine(Buffer b) {
        if (b instanceof ClBuffer c && c.device().equals(device)) return c;
        throw new BackendError("opencl", device + " reads only its own buffers, got one on " + b.device());
    }

    /** {@return the end of a message on this backend's missing fp64}: which device lacks it, and what to do */
    String lacksFp64() {
        return clDevice.name() + (clDevice.fp64() ? " is treated as lacking it (-D" + FP64_PROPERTY + "=false)" : " lacks it") + ": use f32 on this device";
    }

    static long bytes(DType dtype, int size) {
        return (long) size * (dtype.bits() / 8);
    }

    @Override public String toString() { return device + " (" + clDevice.name() + ")"; }
}
