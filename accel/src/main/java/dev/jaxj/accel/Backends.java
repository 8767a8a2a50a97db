package dev.jaxj.accel;

import dev.jaxj.accel.cpu.CpuBackend;
import dev.jaxj.accel.cuda.CudaBackend;
import dev.jaxj.accel.opencl.OpenClBackend;
import dev.jaxj.errors.BackendError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.List;
import java.util.function.Supplier;

/**
 * The available backends, by platform: {@code cpu} (always present), {@code opencl} (one
 * backend per OpenCL device, where an OpenCL library and device exist) and {@code cuda} (one
 * per NVIDIA GPU, where its driver is installed). The default platform is {@code cpu}, or the
 * one {@code -Djaxj.platform=opencl} or {@code =cuda} names (JAX's {@code JAX_PLATFORMS});
 * eager operations on arrays that were not placed explicitly run there.
 * {@snippet :
 * Backend cpu = Backends.cpu();
 * Seq<Backend> gpus = Backends.platform("opencl");   // BackendError saying what to install where there is none
 * }
 */
public final class Backends {
    /**
     * The CPU kernels are written with the Vector API, an incubator module that a JVM resolves
     * only when asked ({@code --add-modules}, or {@code requires} from a named module). Without
     * it the first kernel would die with {@code NoClassDefFoundError}; this is checked first.
     */
    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** The platforms a backend can be asked for by name. */
    public static final Seq<String> PLATFORMS = Vector.of("cpu", "opencl", "cuda");

    private Backends() {}

    /** Created on first use, after the check, so that a missing module is reported and not a class-loading error. */
    private static final class Cpu {
        static final Backend INSTANCE = new CpuBackend();
    }

    /**
     * A platform's devices, discovered once, or why there are none: the failure is kept, so that
     * every later call reports it, and a driver that misbehaves in another way cannot take the
     * other platforms down with this class.
     */
    private record Discovered(Seq<Backend> devices, BackendError failure) {
        static Discovered of(String platform, Supplier<List<? extends Backend>> discover) {
            try {
                return new Discovered(Vector.ofAll(discover.get()), null);
            } catch (BackendError e) {
                return new Discovered(Vector.empty(), e);
            } catch (RuntimeException e) {
                return new Discovered(Vector.empty(), new BackendError(platform, "device discovery failed: " + e, null, e));
            }
        }

        /** {@return the devices}, or the discovery failure raised anew (with the original as cause) so the caller's stack shows */
        Seq<Backend> orThrow() {
            if (failure != null) throw new BackendError(failure.op(), failure.detail(), null, failure);
            return devices;
        }
    }

    private static final class OpenCl {
        static final Discovered FOUND = Discovered.of("opencl", OpenClBackend::all);
    }

    private static final class Cuda {
        static final Discovered FOUND = Discovered.of("cuda", CudaBackend::all);
    }

    /** The default platform's first backend, chosen once. */
    private static final class Default {
        static final Backend INSTANCE = platform(System.getProperty("jaxj.platform", "cpu")).head();
    }

    /**
     * {@return the backend eager operations run on when no operand was placed on a device}
     * @throws BackendError naming the JVM flag to add when the Vector API module is not loaded,
     *     or saying why the platform of {@code -Djaxj.platform} is not available
     */
    public static Backend defaultBackend() {
        cpu();
        return Default.INSTANCE;
    }

    /**
     * {@return the pure-Java CPU backend}
     * @throws BackendError naming the JVM flag to add when the Vector API module is not loaded
     */
    public static Backend cpu() {
        if (!VECTOR_API) {
            throw new BackendError("cpu", "needs the JDK's Vector API module, which this JVM did not load; start it with"
                    + " --add-modules jdk.incubator.vector (on the module path, jaxj's module descriptors require it)");
        }
        return Cpu.INSTANCE;
    }

    /**
     * {@return the backends of {@code platform}, one per device} ({@code cpu}: one)
     * @throws BackendError for an unknown platform, or one without devices here (saying why)
     */
    public static Seq<Backend> platform(String platform) {
        return switch (platform) {
            case "cpu" -> Vector.of(cpu());
            case "opencl" -> OpenCl.FOUND.orThrow();
            case "cuda" -> Cuda.FOUND.orThrow();
            default -> throw new BackendError("jaxj.platform", "knows the platforms " + PLATFORMS.mkString(", ") + ", got '" + platform + "'");
        };
    }

    /** {@return every backend that is available here}: the CPU's, then OpenCL's and CUDA's where they have devices */
    public static Seq<Backend> all() {
        return Vector.of(cpu()).appendAll(OpenCl.FOUND.devices()).appendAll(Cuda.FOUND.devices());
    }

    /**
     * {@return the backend holding buffers on {@code device}}
     * @throws BackendError when no backend here has that device
     */
    public static Backend of(Device device) {
        if (device.platform().equals("cpu") && device.id() == 0) return cpu();
        for (Backend b : platform(device.platform())) if (b.device().equals(device)) return b;
        throw new BackendError(device.platform(), "has no device " + device + " here; the devices are " + platform(device.platform()).map(Backend::device).mkString(", "));
    }
}
