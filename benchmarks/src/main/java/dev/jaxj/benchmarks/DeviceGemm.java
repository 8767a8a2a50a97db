package dev.jaxj.benchmarks;

import dev.jaxj.Jax;
import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Device;
import dev.jaxj.accel.cuda.CudaBackend;
import dev.jaxj.accel.opencl.OpenClBackend;
import dev.jaxj.array.Array;

import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * sgemm on an accelerator: {@code Jax.jit(matmul)} of two f32 n×n matrices already on the
 * device ({@link Jax#devicePut}), timed by {@link Harness#median} with the device synchronised
 * after every call, so that a sample counts the kernels' work and not only their enqueueing.
 * GFLOP/s = 2n³ / t. Prints the device, then one line per size in the peers' format:
 * {@snippet lang=text :
 * # opencl:0 (NVIDIA H100 80GB HBM3)
 * W1.sgemm_n4096.jaxj_opencl 31234.5 GFLOP/s
 * }
 * Usage: {@code DeviceGemm opencl|cuda [n ...]} (default n: 256 1024 4096), on the platform's
 * first device. Not among {@link Workloads}: it needs a device, and the CPU-only peers have no
 * counterpart.
 */
public final class DeviceGemm {
    private DeviceGemm() {}

    public static void main(String[] args) {
        if (args.length == 0) throw new IllegalArgumentException("usage: DeviceGemm opencl|cuda [n ...]");
        String platform = args[0];
        int[] sizes = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {256, 1024, 4096};
        Device device = Jax.devices(platform).head();
        Runnable sync = synchronizer(Backends.of(device));
        System.out.println("# " + Backends.of(device));
        BiFunction<Array, Array, Array> matmul = Jax.jit((Array x, Array y) -> x.matmul(y), Jax.JitOptions.DEFAULT);
        for (int n : sizes) {
            Array a = Jax.devicePut(Inputs.normal(1, n, n), device), b = Jax.devicePut(Inputs.normal(2, n, n), device);
            double t = Harness.median(() -> {
                matmul.apply(a, b);
                sync.run();
            });
            Harness.report("W1", "sgemm_n" + n, "jaxj_" + platform, 2.0 * n * n * n / t / 1e9, "GFLOP/s");
        }
    }

    /** {@return what waits until the backend's queued work is done} (its launches return once enqueued) */
    private static Runnable synchronizer(Backend backend) {
        if (backend instanceof OpenClBackend cl) return cl::finish;
        if (backend instanceof CudaBackend cuda) return cuda::synchronize;
        throw new IllegalArgumentException("DeviceGemm times an accelerator (opencl or cuda), got " + backend);
    }
}
