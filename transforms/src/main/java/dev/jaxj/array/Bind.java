package dev.jaxj.array;

import dev.jaxj.accel.Executable;
import dev.jaxj.core.CustomRules;
import dev.jaxj.core.DebugNans;
import dev.jaxj.core.Trace;
import dev.jaxj.core.TraceStack;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * {@code bind} applies a primitive to arrays: the one place where every transform intercepts
 * computation. Without tracers among the operands the primitive runs eagerly on the backend;
 * otherwise the highest-level trace among them processes it, lifting lower-level operands.
 */
public final class Bind {
    private Bind() {}

    /** {@return the outputs of {@code p} applied to {@code args}} */
    public static Seq<Array> bind(Primitive p, Seq<? extends Array> args) {
        Trace top = topTrace(p.name(), args);
        return top == null ? eval(p, args) : top.process(p, raise(top, args));
    }

    /** Applies a function with a custom JVP rule: the top trace decides whether the rule applies. */
    public static Seq<Array> bindCustomJvp(CustomRules.Jvp rule, Seq<? extends Array> args) {
        Trace top = topTrace("custom_jvp_call", args);
        return top == null ? rule.fun().apply(Seq.narrow(args)) : top.processCustomJvp(rule, raise(top, args));
    }

    /** Applies a function with a custom VJP rule: the top trace decides whether the rule applies. */
    public static Seq<Array> bindCustomVjp(CustomRules.Vjp rule, Seq<? extends Array> args) {
        Trace top = topTrace("custom_vjp_call", args);
        return top == null ? rule.fun().apply(Seq.narrow(args)) : top.processCustomVjp(rule, raise(top, args));
    }

    /** The highest-level trace among the operands and the dynamic trace, after checking that no operand has leaked. */
    private static Trace topTrace(String op, Seq<? extends Array> args) {
        Trace top = null;
        for (Array a : args) {
            if (a instanceof Tracer t && (top == null || t.trace().level() > top.level())) top = t.trace();
        }
        TraceStack stack = TraceStack.current();
        if (stack.dynamic().isDefined() && (top == null || stack.dynamic().get().level() > top.level())) top = stack.dynamic().get();
        if (top == null) return null;
        for (Array a : args) {
            if (a instanceof Tracer t && t.isLeaked()) throw t.leaked(op);
        }
        return top;
    }

    private static Seq<Tracer> raise(Trace trace, Seq<? extends Array> args) {
        return Vector.ofAll(args).map(a -> a instanceof Tracer t && t.trace() == trace ? t : trace.lift(a));
    }

    /** {@return the single output of {@code p} applied to {@code args}} */
    public static Array bind1(Primitive p, Array... args) {
        return bind(p, Vector.of(args)).head();
    }

    /**
     * Eager evaluation: run the shape rule, then the primitive's one-equation program on the
     * backend (compiled once per primitive and avals). A result that is an operand's own buffer
     * (a reshape on the CPU) marks both arrays as sharing it, so that donating either to a
     * jitted call never overwrites the other.
     */
    static Seq<Array> eval(Primitive p, Seq<? extends Array> args) {
        Vector<ShapedArray> inAvals = Vector.ofAll(args).map(Array::aval);
        p.abstractEval(inAvals);
        Seq<Array> operands = Vector.ofAll(args);
        Executable exe = EagerPrograms.of(p, inAvals, Placement.of(p.name(), operands));
        Seq<Array> results = Executor.run(p.name(), exe, Vector.empty(), operands, false);
        if (DebugNans.enabled()) NanCheck.check(p, operands, results);
        return results;
    }
}
