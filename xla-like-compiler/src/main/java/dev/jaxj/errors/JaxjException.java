package dev.jaxj.errors;

import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.SourceInfo;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The base of every error jaxj raises on bad input.
 *
 * <p>Messages have one shape: {@code <op>: <requirement>, got <operands>}, then the user's
 * line, then a pointer to the error's section of the published error page ({@link Docs#seeError}):
 * {@snippet lang=text :
 * dot_general: contracting dimensions must have equal sizes, got lhs f32[3,4] and rhs f32[5,2]
 *   at MyModel.apply(MyModel.java:42)
 * See https://jaxj.dev/docs/errors#ShapeError (docs/errors.md, section ShapeError)
 * }
 */
public abstract sealed class JaxjException extends RuntimeException
        permits ShapeError, DTypeError, ConcretizationError, TracerLeakError, NotDifferentiable,
        BackendError, TreeError, JaxprTypeError, ArgumentError, DeletedArrayError, FloatingPointError, ControlFlowTypeError {

    private final String op;
    private final String detail;
    private final SourceInfo where;

    protected JaxjException(String op, String detail, SourceInfo where, Throwable cause) {
        super(null, cause);
        this.op = op;
        this.detail = detail;
        this.where = where == null ? SourceInfo.capture() : where;
    }

    protected JaxjException(String op, String detail) {
        this(op, detail, null, null);
    }

    /** {@return the name of the operation that rejected its input} */
    public String op() { return op; }

    /** {@return the requirement and what was given, without the location} */
    public String detail() { return detail; }

    /** {@return the user's source line} */
    public SourceInfo where() { return where; }

    @Override
    public String getMessage() {
        return op + ": " + detail + "\n  " + where + "\n" + Docs.seeError(getClass().getSimpleName());
    }

    /** {@return avals joined for a message, e.g. {@code f32[3], i32[]}} */
    public static String avals(ShapedArray... avals) {
        return Arrays.stream(avals).map(ShapedArray::toString).collect(Collectors.joining(", "));
    }

    /** {@return avals joined for a message} */
    public static String avals(Iterable<ShapedArray> avals) {
        var sb = new StringBuilder();
        for (ShapedArray a : avals) sb.append(sb.isEmpty() ? "" : ", ").append(a);
        return sb.toString();
    }
}
