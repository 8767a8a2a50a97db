package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.Cond;
import dev.jaxj.ir.Primitive.ControlFlow;
import dev.jaxj.ir.Primitive.CustomJvpCall;
import dev.jaxj.ir.Primitive.CustomVjpCall;
import dev.jaxj.ir.Primitive.Pjit;
import dev.jaxj.ir.Primitive.Remat;
import dev.jaxj.ir.Primitive.Scan;
import dev.jaxj.ir.Primitive.While;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Lowers a control-flow equation to a {@link Step.Nested}: each of its programs (already
 * optimised with the program around it) is fused and buffer-planned once, recursively, so a
 * loop's compiled form has the size of its body whatever the trip count.
 */
final class Nesting {
    private Nesting() {}

    static Step.Nested lower(Eqn e, ControlFlow cf) {
        return switch (cf) {
            case Cond c -> new Step.Branch(e, c.branches().map(b -> plan(b, Vector.empty())));
            // The runner owns every carry after the first iteration and every slice it cuts, so the body may overwrite them.
            case Scan s -> new Step.Loop(e, Vector.of(plan(s.body(), Vector.range(s.numConsts(), s.body().inVars().size()))));
            // The cond reads the carry the body then needs: only the body's carry is donated.
            case While w -> new Step.Loop(e, Vector.of(plan(w.cond(), Vector.empty()),
                    plan(w.body(), Vector.range(w.bodyConsts(), w.body().inVars().size()))));
            case Remat _, CustomJvpCall _, CustomVjpCall _, Pjit _ -> throw inlined(cf);
        };
    }

    /** {@link Fusion#lower} inlines calls before it lowers anything, so none reaches a nested step. */
    static IllegalStateException inlined(ControlFlow cf) {
        return new IllegalStateException(cf.name() + " is inlined before lowering, never lowered as a nested step");
    }

    private static BufferPlan plan(Jaxpr j, Seq<Integer> donated) {
        return BufferPlan.of(Fusion.lower(j), donated);
    }
}
