package dev.jaxj.transforms.jit;

import dev.jaxj.array.Array;
import dev.jaxj.core.TraceStack;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.transforms.partial.PartialEvalTrace;
import dev.jaxj.transforms.partial.PeTracer;
import dev.jaxj.transforms.partial.Staged;
import io.vavr.collection.Seq;

import java.util.function.Function;

/**
 * Tracing a function to a program: every input is unknown, so every operation that depends on
 * an input is recorded; computations on constants alone run once, at trace time, and enter
 * the program as constants.
 */
public final class Staging {
    private Staging() {}

    /** {@return the program {@code f} computes on inputs of the given avals} */
    public static Staged trace(Function<Seq<Array>, Seq<Array>> f, Seq<ShapedArray> inAvals) {
        return TraceStack.with(PartialEvalTrace::new, pe -> {
            Seq<PeTracer> ins = inAvals.map(pe::newArgKeepingWeakType);
            Seq<Array> outs = f.apply(Seq.narrow(ins));
            return Staged.fromTracers(ins, outs.map(pe::instantiate));
        });
    }
}
