package dev.jaxj.errors;

import dev.jaxj.ir.SourceInfo;

/**
 * A loop or branch broke its typing contract: a loop body returned a carry of another
 * structure or aval than it was given, or two branches returned different ones. The message
 * names the primitive, the leaf's key path, and the expected and actual avals.
 */
public final class ControlFlowTypeError extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public ControlFlowTypeError(String op, String detail) { super(op, detail); }

    /** With an explicit source line and cause. */
    public ControlFlowTypeError(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }
}
