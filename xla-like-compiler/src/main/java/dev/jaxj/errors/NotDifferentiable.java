package dev.jaxj.errors;

import dev.jaxj.ir.SourceInfo;

/** A transform asked for a derivative that does not exist: an integer input, a non-scalar {@code grad} output. */
public final class NotDifferentiable extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public NotDifferentiable(String op, String detail) { super(op, detail); }

    /** With an explicit source line (for example one recorded on an equation) and cause. */
    public NotDifferentiable(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }
}
