package dev.jaxj.errors;

import dev.jaxj.ir.SourceInfo;

/** Operand shapes do not fit the operation: mismatched, out-of-range or negative dimensions. */
public final class ShapeError extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public ShapeError(String op, String detail) { super(op, detail); }

    /** With an explicit source line (for example one recorded on an equation) and cause. */
    public ShapeError(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }
}
