package dev.jaxj.array;

import dev.jaxj.core.DebugNans;
import dev.jaxj.errors.FloatingPointError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.SourceInfo;
import io.vavr.collection.Seq;

import java.util.function.Supplier;

/**
 * The checks behind {@link DebugNans}: which results hold a NaN, and the error for the
 * primitive that produced one. Every eager primitive passes through {@link Bind}, so one
 * check there covers plain code and the eager work of {@code grad}, {@code vmap} and
 * {@code jvp}, their backward passes included.
 */
public final class NanCheck {
    /** The equation being evaluated, when an interpreter of staged programs runs one. */
    private static final ScopedValue<Origin> EQUATION = ScopedValue.newInstance();

    /** The user's line of a staged equation and what evaluates it (e.g. {@code in the backward pass}). */
    private record Origin(SourceInfo where, String context) {}

    private NanCheck() {}

    /** {@return the index of the first NaN in a concrete array, or -1 when there is none (or it is not floating)} */
    public static int firstNan(Array x) {
        if (!x.dtype().isFloating() || !(x instanceof ConcreteArray c)) return -1;
        var h = c.host("debug_nans");
        for (int i = 0; i < h.size(); i++) if (Double.isNaN(h.getDouble(i))) return i;
        return -1;
    }

    /** {@return whether any of the arrays is concrete and holds a NaN} */
    public static boolean anyNan(Seq<? extends Array> xs) {
        return xs.exists(x -> firstNan(x) >= 0);
    }

    /**
     * {@return what {@code body} returns}; while NaN debugging is on, a NaN produced inside it is
     * reported at the user's line of the equation being evaluated (the forward operation, for a
     * step of a backward pass), with {@code context} saying what evaluates it (empty for plain evaluation)
     */
    public static <T> T at(SourceInfo where, String context, Supplier<T> body) {
        if (!DebugNans.enabled()) return body.get();
        return ScopedValue.where(EQUATION, new Origin(where, context)).call(body::get);
    }

    /** Raises if {@code p} turned NaN-free operands into a NaN; called by eager evaluation while debugging is on. */
    static void check(Primitive p, Seq<? extends Array> in, Seq<? extends Array> out) {
        for (Array o : out) {
            int at = firstNan(o);
            if (at < 0) continue;
            if (anyNan(in)) return;   // the NaN came in: the primitive that made it has already been reported
            Origin origin = EQUATION.isBound() ? EQUATION.get() : new Origin(null, "");
            String operands = in.isEmpty() ? "no operands" : JaxjException.avals(in.map(Array::aval));
            throw new FloatingPointError(p.name(), "invalid value (nan) encountered in " + p.name()
                    + (origin.context().isEmpty() ? "" : " " + origin.context())
                    + "; with debug_nans on, an operation on NaN-free operands must not produce NaN, got "
                    + operands + " -> " + o.aval() + " with NaN at index " + at,
                    origin.where(), null);
        }
    }
}
