package dev.jaxj.accel.opencl;

import dev.jaxj.errors.BackendError;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * An OpenCL platform: one installed driver (PoCL, a GPU vendor's, an FPGA board's).
 * {@snippet :
 * for (ClPlatform p : ClPlatform.all()) System.out.println(p + ": " + p.devices());
 * }
 */
public final class ClPlatform {
    private static final int PROFILE_VERSION = 0x0901, NAME = 0x0902, VENDOR = 0x0903;

    final ClLibrary cl;
    final MemorySegment id;
    private final String name, vendor, version;

    private ClPlatform(ClLibrary cl, MemorySegment id) {
        this.cl = cl;
        this.id = id;
        this.name = cl.platformString(id, NAME);
        this.vendor = cl.platformString(id, VENDOR);
        this.version = cl.platformString(id, PROFILE_VERSION);
    }

    /**
     * {@return every platform the system's ICD loader lists}
     *
     * @throws BackendError when the library is missing or lists no platform, saying what to install
     */
    public static List<ClPlatform> all() { return all(ClLibrary.system()); }

    static List<ClPlatform> all(ClLibrary cl) {
        List<MemorySegment> ids = cl.platformIds();
        if (ids.isEmpty()) {
            throw new BackendError("clGetPlatformIDs", "no OpenCL platform: " + cl.name()
                    + " found no driver (an .icd file in /etc/OpenCL/vendors): " + ClLibrary.INSTALL);
        }
        return ids.stream().map(id -> new ClPlatform(cl, id)).toList();
    }

    /** {@return this platform's devices} (possibly none) */
    public List<ClDevice> devices() {
        return cl.deviceIds(id).stream().map(d -> new ClDevice(this, d)).toList();
    }

    public String name() { return name; }

    public String vendor() { return vendor; }

    /** {@return the platform version, e.g. {@code OpenCL 3.0 PoCL 3.1}} */
    public String version() { return version; }

    @Override public String toString() { return name + " (" + version + ")"; }
}
