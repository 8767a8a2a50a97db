package dev.jaxj.errors;

import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.SourceInfo;

/**
 * An array was used after it was donated to a jitted function ({@code donateArgnums}): the
 * call deleted it, and the compiled program may have written an output into its buffer.
 */
public final class DeletedArrayError extends JaxjException {
    /** @param op the operation; @param detail the requirement and what was given */
    public DeletedArrayError(String op, String detail) { super(op, detail); }

    /** With an explicit source line and cause. */
    public DeletedArrayError(String op, String detail, SourceInfo where, Throwable cause) { super(op, detail, where, cause); }

    /** {@return the error for {@code op} reading a deleted array of {@code aval}} */
    public static DeletedArrayError of(String op, ShapedArray aval) {
        return new DeletedArrayError(op, "needs an array that has not been deleted, got " + aval
                + " that was donated to a jitted function (donateArgnums) and deleted by that call;"
                + " pass a copy (Lax.copy(x)) to keep using it, or do not donate it");
    }
}
