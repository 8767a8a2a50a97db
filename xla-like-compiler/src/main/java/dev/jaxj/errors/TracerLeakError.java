package dev.jaxj.errors;

import dev.jaxj.ir.SourceInfo;

/** A tracer was used after the transform that created it had finished. */
public final class TracerLeakError extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public TracerLeakError(String op, String detail) { super(op, detail); }

    /** With an explicit source line (for example one recorded on an equation) and cause. */
    public TracerLeakError(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }
}
