package dev.jaxj.transforms.partial;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.Tracer;
import dev.jaxj.core.Trace;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.SourceInfo;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import dev.jaxj.core.CustomRules;
import dev.jaxj.transforms.control.ControlFlowPartialEval;
import dev.jaxj.transforms.control.CustomCalls;
import io.vavr.control.Option;

/**
 * Partial evaluation: operations on known values run now; operations touching an unknown
 * value are recorded. Linearization runs a JVP under this trace with the tangents unknown,
 * which splits the primal computation (done now) from the linear tangent program (staged).
 */
public final class PartialEvalTrace extends Trace {
    private final boolean stageAll;

    public PartialEvalTrace(int level) {
        this(level, false);
    }

    private PartialEvalTrace(int level, boolean stageAll) {
        super(level);
        this.stageAll = stageAll;
    }

    /** {@return a trace that records every operation, also on known values} (jit's staging trace) */
    public static PartialEvalTrace staging(int level) {
        return new PartialEvalTrace(level, true);
    }

    /** {@return a new unknown input of the staged program} (strongly typed, as tangents are) */
    public PeTracer newArg(ShapedArray aval) {
        return newArgKeepingWeakType(aval.strong());
    }

    /** {@return a new unknown input with exactly this aval, weak type included (jit keys on it)} */
    public PeTracer newArgKeepingWeakType(ShapedArray aval) {
        return new PeTracer(this, aval, Option.none(), new Recipe.Input());
    }

    @Override
    public Tracer lift(Array x) {
        return stageAll ? new PeTracer(this, x.aval(), Option.none(), new Recipe.Const(x)) : new PeTracer(this, x.aval(), Option.some(x), null);
    }

    /** A known tracer becomes a constant of the staged program when staged code uses it. */
    PeTracer instantiate(PeTracer t) {
        return t.known().isEmpty() ? t : new PeTracer(this, t.aval(), Option.none(), new Recipe.Const(t.known().get()));
    }

    /** {@return {@code x} as an unknown tracer of this trace (a constant when it is known)} */
    public PeTracer instantiate(Array x) {
        PeTracer t = x instanceof PeTracer p && p.trace() == this ? p : (PeTracer) lift(x);
        return instantiate(t);
    }

    @Override
    public Seq<Array> process(Primitive p, Seq<Tracer> in) {
        Seq<PeTracer> tracers = in.map(t -> (PeTracer) t);
        if (!stageAll && tracers.forAll(t -> t.known().isDefined())) {
            return Bind.bind(p, tracers.map(t -> t.known().get()));
        }
        if (!stageAll && p instanceof Primitive.ControlFlow c && tracers.exists(t -> t.known().isDefined())) {
            return ControlFlowPartialEval.partialEval(this, c, tracers);
        }
        return stage(p, tracers);
    }

    /** {@return the outputs of {@code p}, recorded for the staged program (known operands become its constants)} */
    public Seq<Array> stage(Primitive p, Seq<? extends Array> in) {
        Seq<PeTracer> staged = Vector.ofAll(in).map(this::instantiate);
        Seq<ShapedArray> outAvals = p.abstractEval(staged.map(PeTracer::aval));
        var recipe = new Recipe.EqnRecipe(p, staged, outAvals, SourceInfo.capture());
        recipe.out = outAvals.map(a -> new PeTracer(this, a, Option.none(), recipe));
        return Seq.narrow(recipe.out);
    }

    /** Staging keeps a user-defined JVP rule with the function, as a primitive carrying both programs. */
    @Override
    public Seq<Array> processCustomJvp(CustomRules.Jvp rule, Seq<Tracer> in) {
        return stageAll ? CustomCalls.stageJvp(this, rule, in) : super.processCustomJvp(rule, in);
    }

    /** Staging keeps a user-defined VJP with the function, as a primitive carrying its three programs. */
    @Override
    public Seq<Array> processCustomVjp(CustomRules.Vjp rule, Seq<Tracer> in) {
        return stageAll ? CustomCalls.stageVjp(this, rule, in) : super.processCustomVjp(rule, in);
    }

    @Override
    public String describe() {
        return "partial_eval (level " + level() + ")";
    }
}
