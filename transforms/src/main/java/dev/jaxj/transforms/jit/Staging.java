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
 * Tracing a function to a program: the staging trace is the dynamic trace, so every operation
 * is recorded, also on constants (which enter the program as constant variables, or as
 * literals when they are scalars) — the compiler, not the tracer, decides what to fold.
 */
public final class Staging {
    private Staging() {}

    /** {@return the program {@code f} computes on inputs of the given avals} */
    public static Staged trace(Function<Seq<Array>, Seq<Array>> f, Seq<ShapedArray> inAvals) {
        return TraceStack.withDynamic(PartialEvalTrace::staging, pe -> {
            Seq<PeTracer> ins = inAvals.map(pe::newArgKeepingWeakType);
            Seq<Array> outs = f.apply(Seq.narrow(ins));
            return Staged.fromTracers(ins, outs.map(pe::instantiate));
        });
    }
}
