package dev.jaxj.accel.cuda;

import java.util.ArrayList;
import java.util.List;

/**
 * A CUDA device as the driver describes it.
 *
 * @param ordinal            the driver's index of the device
 * @param handle             its {@code CUdevice}
 * @param name               e.g. {@code NVIDIA H100 80GB HBM3}
 * @param major              compute capability, major
 * @param minor              compute capability, minor
 * @param multiprocessors    streaming multiprocessors
 * @param totalMemory        device memory in bytes
 * @param maxThreadsPerBlock the largest block (work-group) a launch may use
 */
public record CudaDevice(int ordinal, int handle, String name, int major, int minor, int multiprocessors, long totalMemory, int maxThreadsPerBlock) {
    /** {@return every device the driver lists}, in ordinal order */
    static List<CudaDevice> all(CudaDriver cu) {
        int n = cu.deviceCount();
        List<CudaDevice> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int d = cu.device(i);
            out.add(new CudaDevice(i, d, cu.deviceName(d),
                    cu.deviceAttribute(d, CudaDriver.COMPUTE_CAPABILITY_MAJOR), cu.deviceAttribute(d, CudaDriver.COMPUTE_CAPABILITY_MINOR),
                    cu.deviceAttribute(d, CudaDriver.MULTIPROCESSOR_COUNT), cu.deviceTotalMem(d), cu.deviceAttribute(d, CudaDriver.MAX_THREADS_PER_BLOCK)));
        }
        return List.copyOf(out);
    }

    @Override public String toString() {
        return name + " (compute " + major + "." + minor + ", " + multiprocessors + " SMs, " + (totalMemory >> 20) + " MiB)";
    }
}
