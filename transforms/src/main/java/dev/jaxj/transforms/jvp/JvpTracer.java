package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.array.Tracer;
import dev.jaxj.core.Trace;
import dev.jaxj.ir.ShapedArray;

/** A primal value paired with its tangent (directional derivative), which may be a symbolic zero. */
public final class JvpTracer extends Tracer {
    private final JvpTrace trace;
    private final Array primal;
    private final Tangent tangent;

    JvpTracer(JvpTrace trace, Array primal, Tangent tangent) {
        this.trace = trace;
        this.primal = primal;
        this.tangent = tangent;
    }

    @Override public Trace trace() { return trace; }

    @Override public ShapedArray aval() { return primal.aval(); }

    public Array primal() { return primal; }

    /** {@return the tangent, a symbolic zero included} */
    public Tangent symbolicTangent() { return tangent; }

    /** {@return the tangent as an array} (a symbolic zero is materialized) */
    public Array tangent() { return tangent.instantiate(); }
}
