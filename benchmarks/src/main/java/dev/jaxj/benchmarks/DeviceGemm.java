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
 * device ({@link Jax#devicePut}); GFLOP/s = 2n³ / t, t the median over {@value #SAMPLES}
 * samples of the time per call. A sample runs the call {@code reps} times and then waits for
 * the device, so that it counts the kernels' work and not only their enqueueing; reps is
 * calibrated so that a sample lasts at least {@value #SAMPLE_NANOS} ns, after a warm-up of at
 * least {@value #WARMUP_NANOS} ns. Device buffers are freed when the garbage collector finds
 * their arrays unreachable, which the results' small Java objects alone would not prompt: at
 * most {@value #IN_FLIGHT_BYTES} bytes of results are made between collections, which run
 * outside the timed samples. Prints the device, then one line per size in the peers' format:
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
            double t = secondsPerCall(() -> matmul.apply(a, b), sync, 4L * n * n);
            Harness.report("W1", "sgemm_n" + n, "jaxj_" + platform, 2.0 * n * n * n / t / 1e9, "GFLOP/s");
        }
    }

    private static final int SAMPLES = 7;
    private static final long WARMUP_NANOS = 2_000_000_000L, SAMPLE_NANOS = 50_000_000L, IN_FLIGHT_BYTES = 4L << 30;

    /** {@return the median seconds per call of {@code call}, each sample ended by {@code sync}} */
    private static double secondsPerCall(Runnable call, Runnable sync, long resultBytes) {
        int batch = (int) Math.max(1, Math.min(1 << 20, IN_FLIGHT_BYTES / resultBytes));
        long start = System.nanoTime();
        int warm = 0;
        while (warm < 3 || System.nanoTime() - start < WARMUP_NANOS) {
            timed(call, sync, 1);
            if (++warm % batch == 0) System.gc();
        }
        System.gc();
        long one = Math.max(1, timed(call, sync, 1));
        int reps = (int) Math.min(batch, SAMPLE_NANOS / one + 1);
        double[] perCall = new double[SAMPLES];
        for (int r = 0; r < SAMPLES; r++) {
            System.gc();
            perCall[r] = timed(call, sync, reps) / 1e9 / reps;
        }
        Arrays.sort(perCall);
        return perCall[SAMPLES / 2];
    }

    /** {@return the nanoseconds {@code reps} calls and the wait for the device take} */
    private static long timed(Runnable call, Runnable sync, int reps) {
        long s = System.nanoTime();
        for (int i = 0; i < reps; i++) call.run();
        sync.run();
        return System.nanoTime() - s;
    }

    /** {@return what waits until the backend's queued work is done} (its launches return once enqueued) */
    private static Runnable synchronizer(Backend backend) {
        if (backend instanceof OpenClBackend cl) return cl::finish;
        if (backend instanceof CudaBackend cuda) return cuda::synchronize;
        throw new IllegalArgumentException("DeviceGemm times an accelerator (opencl or cuda), got " + backend);
    }
}
