package dev.jaxj.errors;

import dev.jaxj.ir.SourceInfo;

/**
 * With NaN debugging on ({@code -Djaxj.debug_nans=true} or {@code Jax.debugNans(true)}), an
 * operation produced a NaN from operands that held none: JAX's
 * {@code FloatingPointError: invalid value (nan) encountered in mul}. The message names the
 * primitive, its operands' avals and the user's line; for a jitted function, the line of the
 * operation found by running the function again op by op.
 */
public final class FloatingPointError extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public FloatingPointError(String op, String detail) { super(op, detail); }

    /** With an explicit source line (for example one recorded on an equation) and cause. */
    public FloatingPointError(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }
}
