package dev.jaxj.array;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Device;
import dev.jaxj.errors.BackendError;
import dev.jaxj.errors.ConcretizationError;
import io.vavr.collection.Seq;

/**
 * Where an operation runs, by JAX's rule: on the device of its committed operands (arrays
 * placed with {@code devicePut}, and results computed from them), which must all agree;
 * without any, on the default device. Uncommitted operands elsewhere are copied over.
 */
public final class Placement {
    private Placement() {}

    /**
     * {@return the backend an operation on {@code operands} runs on}
     * @throws BackendError naming {@code op} and the devices when committed operands disagree
     */
    public static Backend of(String op, Seq<? extends Array> operands) {
        Device committed = null;
        for (Array a : operands) {
            if (a instanceof ConcreteArray c && c.committed()) {
                if (committed == null) committed = where(c, op);
                else if (!committed.equals(where(c, op))) {
                    throw new BackendError(op, "needs its committed operands on one device, got arrays on " + committed + " and " + where(c, op)
                            + "; move one with Jax.devicePut(x, device)");
                }
            }
        }
        return committed == null ? Backends.defaultBackend() : Backends.of(committed);
    }

    /** {@return whether any operand is committed to its device}, which makes the results committed */
    static boolean anyCommitted(Seq<? extends Array> operands) {
        return operands.exists(a -> a instanceof ConcreteArray c && c.committed());
    }

    /** {@return {@code a} on {@code backend}'s device}: itself when it is there, else a copy (a transfer through the host) */
    static ConcreteArray onto(ConcreteArray a, Backend backend, String op) {
        if (where(a, op).equals(backend.device())) return a;
        Backend from = Backends.of(where(a, op));
        return new ConcreteArray(a.aval(), backend.upload(from.download(a.buffer(op))), a.committed());
    }

    /**
     * {@return {@code x} placed on {@code device} and committed to it} (JAX's
     * {@code jax.device_put}): the same array when it is committed there already, else a copy
     * @throws ConcretizationError for a tracer, which has no device
     * @throws BackendError when there is no such device here
     */
    public static Array put(Array x, Device device) {
        if (!(x instanceof ConcreteArray c)) throw new ConcretizationError("device_put", "needs a concrete array, got a tracer of " + x.aval());
        Backend to = Backends.of(device);
        if (c.committed() && where(c, "device_put").equals(device)) return c;
        ConcreteArray moved = onto(c, to, "device_put");
        var put = new ConcreteArray(moved.aval(), moved.buffer("device_put"), true);
        if (moved == c) {
            // Both arrays hold one buffer now: donating either must not overwrite the other's data.
            c.markShared();
            put.markShared();
        }
        return put;
    }

    /**
     * {@return the device holding {@code x}'s data}
     * @throws ConcretizationError for a tracer
     */
    public static Device device(Array x) {
        if (!(x instanceof ConcreteArray c)) throw new ConcretizationError("device", "needs a concrete array, got a tracer of " + x.aval());
        return where(c, "device");
    }

    /** The device of {@code c}'s buffer; a deleted array raises naming {@code op}. */
    private static Device where(ConcreteArray c, String op) {
        return c.buffer(op).device();
    }
}
