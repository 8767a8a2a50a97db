package dev.jaxj.errors;

import dev.jaxj.ir.SourceInfo;

/** An operand's element type is not accepted by the operation. */
public final class DTypeError extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public DTypeError(String op, String detail) { super(op, detail); }

    /** With an explicit source line (for example one recorded on an equation) and cause. */
    public DTypeError(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }
}
