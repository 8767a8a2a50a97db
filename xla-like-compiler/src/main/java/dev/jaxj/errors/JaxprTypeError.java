package dev.jaxj.errors;

import dev.jaxj.ir.SourceInfo;

/** A {@code Jaxpr} is ill-typed: an unbound variable, a double assignment, or avals that disagree with a primitive's rule. */
public final class JaxprTypeError extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public JaxprTypeError(String op, String detail) { super(op, detail); }

    /** With an explicit source line (for example one recorded on an equation) and cause. */
    public JaxprTypeError(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }
}
