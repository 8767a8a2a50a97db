package dev.jaxj.errors;

import dev.jaxj.ir.SourceInfo;

/** A device or backend failed to run an operation (foreign call failure, missing driver). */
public final class BackendError extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public BackendError(String op, String detail) { super(op, detail); }

    /** With an explicit source line (for example one recorded on an equation) and cause. */
    public BackendError(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }
}
