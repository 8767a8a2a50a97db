package dev.jaxj.array;

import dev.jaxj.core.Trace;
import dev.jaxj.core.TraceStack;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.Function;

/**
 * A test trace that computes every primitive eagerly but hands out tracers, so tests can
 * check that code meant for traced values only uses primitives (and that code which needs
 * concrete values says so).
 */
final class EagerTrace extends Trace {
    private EagerTrace(int level) { super(level); }

    /** {@return {@code f} applied to tracers of {@code args}, with the result's value unwrapped} */
    static Array run(Function<Seq<Array>, Array> f, Array... args) {
        return TraceStack.with(EagerTrace::new, t -> {
            Array out = f.apply(Vector.of(args).map(t::lift));
            return out instanceof Box b ? b.value : out;
        });
    }

    @Override
    public Tracer lift(Array x) { return new Box(this, x); }

    @Override
    public Seq<Array> process(Primitive p, Seq<Tracer> in) {
        return Bind.bind(p, in.map(t -> ((Box) t).value)).map(v -> new Box(this, v));
    }

    private static final class Box extends Tracer {
        private final EagerTrace trace;
        private final Array value;

        Box(EagerTrace trace, Array value) {
            this.trace = trace;
            this.value = value;
        }

        @Override public ShapedArray aval() { return value.aval(); }

        @Override public Trace trace() { return trace; }
    }
}
