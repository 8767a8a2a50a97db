package dev.jaxj.errors;

import dev.jaxj.ir.SourceInfo;

/** A traced value was used where a concrete Java value is needed, e.g. in an {@code if}; use {@code Lax.select}, {@code Jnp.where} or a static argument ({@code Jax.jitStatic}). */
public final class ConcretizationError extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public ConcretizationError(String op, String detail) { super(op, detail); }

    /** With an explicit source line (for example one recorded on an equation) and cause. */
    public ConcretizationError(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }
}
