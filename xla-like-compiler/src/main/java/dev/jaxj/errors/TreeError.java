package dev.jaxj.errors;

import dev.jaxj.ir.SourceInfo;

/** A pytree did not have the expected structure, or a node type is not registered. */
public final class TreeError extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public TreeError(String op, String detail) { super(op, detail); }

    /** With an explicit source line (for example one recorded on an equation) and cause. */
    public TreeError(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }
}
