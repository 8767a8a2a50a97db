package dev.jaxj.array;

import dev.jaxj.core.Trace;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.accel.cpu.HostBuffer;

/**
 * An array that stands in for a value during a transform: it records or transforms the
 * operations applied to it instead of computing them.
 *
 * <p>Each transform defines its own tracer; {@link #trace()} says which transform owns it.
 * Asking a tracer for concrete data raises {@link ConcretizationError}.
 */
public abstract non-sealed class Tracer extends Array {
    /** {@return the trace this tracer belongs to} */
    public abstract Trace trace();

    @Override
    protected HostBuffer host(String op) {
        throw new ConcretizationError(op, "needs a concrete value, got a traced " + aval() + " inside " + trace().describe()
                + "; data-dependent Java control flow cannot be traced: compute both branches and pick with Lax.select or Jnp.where,"
                + " or pass the value as the static argument of Jax.jitStatic");
    }
}
