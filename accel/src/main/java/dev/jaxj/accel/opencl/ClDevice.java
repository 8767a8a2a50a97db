package dev.jaxj.accel.opencl;

import dev.jaxj.errors.BackendError;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An OpenCL device and the properties kernels are planned by, read once when it is listed.
 * {@snippet :
 * ClDevice d = ClDevice.all().getFirst();
 * if (!d.fp64()) System.out.println(d.name() + " runs f32 only");
 * }
 */
public final class ClDevice {
    /** The kinds of device ({@code CL_DEVICE_TYPE_*}); a device has one or more. */
    public enum Type {
        DEFAULT(1), CPU(2), GPU(4), ACCELERATOR(8), CUSTOM(16);

        private final long bit;

        Type(long bit) { this.bit = bit; }
    }

    private static final int TYPE = 0x1000, MAX_COMPUTE_UNITS = 0x1002, MAX_WORK_GROUP_SIZE = 0x1004, GLOBAL_MEM_SIZE = 0x101F,
            LOCAL_MEM_SIZE = 0x1023, NAME = 0x102B, VENDOR = 0x102C, DRIVER_VERSION = 0x102D, VERSION = 0x102F,
            EXTENSIONS = 0x1030, OPENCL_C_VERSION = 0x103D;

    private final ClPlatform platform;
    final MemorySegment id;
    private final String name, vendor, version, driverVersion, openClCVersion;
    private final Set<Type> types;
    private final Set<String> extensions;
    private final long maxWorkGroupSize, localMemBytes, globalMemBytes;
    private final int computeUnits;

    ClDevice(ClPlatform platform, MemorySegment id) {
        ClLibrary cl = platform.cl;
        this.platform = platform;
        this.id = id;
        this.name = cl.deviceString(id, NAME);
        this.vendor = cl.deviceString(id, VENDOR);
        this.version = cl.deviceString(id, VERSION);
        this.driverVersion = cl.deviceString(id, DRIVER_VERSION);
        this.openClCVersion = cl.deviceString(id, OPENCL_C_VERSION);
        long bits = cl.deviceLong(id, TYPE);
        var ts = EnumSet.noneOf(Type.class);
        for (Type t : Type.values()) if ((bits & t.bit) != 0) ts.add(t);
        this.types = Set.copyOf(ts);
        this.extensions = Set.copyOf(Arrays.asList(cl.deviceString(id, EXTENSIONS).split("\\s+")));
        this.maxWorkGroupSize = cl.deviceLong(id, MAX_WORK_GROUP_SIZE);
        this.localMemBytes = cl.deviceLong(id, LOCAL_MEM_SIZE);
        this.globalMemBytes = cl.deviceLong(id, GLOBAL_MEM_SIZE);
        this.computeUnits = cl.deviceInt(id, MAX_COMPUTE_UNITS);
    }

    /**
     * {@return every device of every platform of the system's ICD loader}, in platform order
     *
     * @throws BackendError when the library is missing, or there is no platform or no device, saying what to install
     */
    public static List<ClDevice> all() { return all(ClLibrary.system()); }

    static List<ClDevice> all(ClLibrary cl) {
        var out = new ArrayList<ClDevice>();
        List<ClPlatform> platforms = ClPlatform.all(cl);
        for (ClPlatform p : platforms) out.addAll(p.devices());
        if (out.isEmpty()) throw new BackendError("clGetDeviceIDs", "no OpenCL device on platforms " + platforms + ": " + ClLibrary.INSTALL);
        return List.copyOf(out);
    }

    ClLibrary cl() { return platform.cl; }

    public ClPlatform platform() { return platform; }

    public String name() { return name; }

    public String vendor() { return vendor; }

    public Set<Type> types() { return types; }

    /** {@return the device's OpenCL version, e.g. {@code OpenCL 3.0 PoCL …}} */
    public String version() { return version; }

    public String driverVersion() { return driverVersion; }

    /** {@return the OpenCL C version its compiler accepts, e.g. {@code OpenCL C 1.2 PoCL}} */
    public String openClCVersion() { return openClCVersion; }

    public Set<String> extensions() { return extensions; }

    /** {@return whether kernels may use {@code double}} ({@code cl_khr_fp64}) */
    public boolean fp64() { return extensions.contains("cl_khr_fp64"); }

    /** {@return the most work-items one work-group may have} */
    public long maxWorkGroupSize() { return maxWorkGroupSize; }

    /** {@return the bytes of {@code LOCAL} memory a work-group may use} */
    public long localMemBytes() { return localMemBytes; }

    public long globalMemBytes() { return globalMemBytes; }

    public int computeUnits() { return computeUnits; }

    @Override public String toString() { return name + " " + types + " on " + platform.name(); }
}
