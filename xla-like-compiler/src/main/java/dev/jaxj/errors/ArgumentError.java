package dev.jaxj.errors;

import dev.jaxj.ir.SourceInfo;

/** A static argument of an operation is invalid: a bad axis, permutation, index or option. */
public final class ArgumentError extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public ArgumentError(String op, String detail) { super(op, detail); }

    /** With an explicit source line (for example one recorded on an equation) and cause. */
    public ArgumentError(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }
}
