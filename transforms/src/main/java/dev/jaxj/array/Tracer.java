package dev.jaxj.array;

import dev.jaxj.core.Trace;
import dev.jaxj.core.TraceStack;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.TracerLeakError;
import dev.jaxj.accel.host.HostData;

/**
 * An array that stands in for a value during a transform: it records or transforms the
 * operations applied to it instead of computing them.
 *
 * <p>Each transform defines its own tracer; {@link #trace()} says which transform owns it.
 * Asking a tracer for concrete data raises {@link ConcretizationError} while its transform
 * runs, and {@link TracerLeakError} once the tracer has escaped it, as does any operation on
 * an escaped tracer.
 */
public abstract non-sealed class Tracer extends Array {
    /** {@return the trace this tracer belongs to} */
    public abstract Trace trace();

    /**
     * {@return whether this tracer escaped its transform}: the transform has finished, or it is
     * not running on the current thread (the tracer was handed to another thread)
     */
    public final boolean isLeaked() {
        return !trace().isActive() || !TraceStack.current().contains(trace());
    }

    /** @throws TracerLeakError naming {@code op} when this tracer escaped its transform (a transform's inputs are checked so) */
    public final void requireActive(String op) {
        if (isLeaked()) throw leaked(op);
    }

    /** {@return the error for {@code op} given this tracer after it escaped its transform} */
    final TracerLeakError leaked(String op) {
        return new TracerLeakError(op, "got a tracer " + aval() + " of " + trace().describe()
                + " that is no longer active; a value computed inside a transform escaped it (e.g. stored in a field)"
                + " and was used afterwards; return it from the transformed function instead");
    }

    /** Raises for {@code op}, which needs a concrete value, with the error that says why there is none. */
    final RuntimeException notConcrete(String op, String requirement) {
        if (isLeaked()) return leaked(op);
        return new ConcretizationError(op, requirement);
    }

    @Override
    HostData host(String op) {
        throw notConcrete(op, "needs a concrete value, got a traced " + aval() + " inside " + trace().describe()
                + "; data-dependent Java control flow cannot be traced: branch with Lax.cond or Lax.switchCase, loop with"
                + " Lax.whileLoop, Lax.foriLoop or Lax.scan, pick elementwise with Lax.select or Jnp.where,"
                + " or pass the value as the static argument of Jax.jitStatic");
    }
}
