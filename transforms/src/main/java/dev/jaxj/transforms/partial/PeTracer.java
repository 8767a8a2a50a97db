package dev.jaxj.transforms.partial;

import dev.jaxj.array.Array;
import dev.jaxj.array.Tracer;
import dev.jaxj.core.Trace;
import dev.jaxj.ir.ShapedArray;
import io.vavr.control.Option;

/**
 * A value of a partial evaluation: either known now ({@code known} holds it) or unknown, in
 * which case {@code recipe} says how the staged program will compute it.
 */
public final class PeTracer extends Tracer {
    private final PartialEvalTrace trace;
    private final ShapedArray aval;
    private final Option<Array> known;
    final Recipe recipe;

    PeTracer(PartialEvalTrace trace, ShapedArray aval, Option<Array> known, Recipe recipe) {
        this.trace = trace;
        this.aval = aval;
        this.known = known;
        this.recipe = recipe;
    }

    @Override public Trace trace() { return trace; }

    @Override public ShapedArray aval() { return aval; }

    /** {@return the value, when it is known at trace time} */
    public Option<Array> known() { return known; }
}
