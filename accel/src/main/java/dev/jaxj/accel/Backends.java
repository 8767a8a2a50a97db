package dev.jaxj.accel;

import dev.jaxj.accel.cpu.CpuBackend;
import dev.jaxj.errors.BackendError;

/** The available backends. The CPU backend is always present and is the default. */
public final class Backends {
    /**
     * The CPU kernels are written with the Vector API, an incubator module that a JVM resolves
     * only when asked ({@code --add-modules}, or {@code requires} from a named module). Without
     * it the first kernel would die with {@code NoClassDefFoundError}; this is checked first.
     */
    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Backends() {}

    /** Created on first use, after the check, so that a missing module is reported and not a class-loading error. */
    private static final class Cpu {
        static final Backend INSTANCE = new CpuBackend();
    }

    /**
     * {@return the backend eager operations run on}
     * @throws BackendError naming the JVM flag to add when the Vector API module is not loaded
     */
    public static Backend defaultBackend() { return cpu(); }

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
     * {@return the backend holding buffers on {@code device}}
     * @throws BackendError when no loaded backend has that device
     */
    public static Backend of(Device device) {
        if (device.platform().equals("cpu")) return cpu();
        throw new BackendError(device.platform(), "no backend for device " + device + " is loaded");
    }
}
