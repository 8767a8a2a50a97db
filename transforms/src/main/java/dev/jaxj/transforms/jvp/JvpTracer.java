package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.array.Tracer;
import dev.jaxj.core.Trace;
import dev.jaxj.ir.ShapedArray;

/** A primal value paired with its tangent (directional derivative). */
public final class JvpTracer extends Tracer {
    private final JvpTrace trace;
    private final Array primal;
    private final Array tangent;

    JvpTracer(JvpTrace trace, Array primal, Array tangent) {
        this.trace = trace;
        this.primal = primal;
        this.tangent = tangent;
    }

    @Override public Trace trace() { return trace; }

    @Override public ShapedArray aval() { return primal.aval(); }

    public Array primal() { return primal; }

    public Array tangent() { return tangent; }
}
