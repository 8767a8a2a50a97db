package dev.jaxj.array;

import dev.jaxj.accel.Backends;
import dev.jaxj.accel.Buffer;
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
     * Eager evaluation: run the shape rule, then the backend's kernel. A result that is an
     * operand's own buffer (a reshape on the CPU) marks both arrays as sharing it, so that
     * donating either to a jitted call never overwrites the other.
     */
    static Seq<Array> eval(Primitive p, Seq<? extends Array> args) {
        Vector<ShapedArray> inAvals = Vector.ofAll(args).map(Array::aval);
        Seq<ShapedArray> outAvals = p.abstractEval(inAvals);
        if (p instanceof Primitive.ControlFlow c) return ControlFlowRunner.run(c, args);
        Vector<ConcreteArray> operands = Vector.ofAll(args).map(a -> (ConcreteArray) a);
        Seq<Buffer> in = operands.map(a -> a.buffer(p.name()));
        Seq<Buffer> out = Backends.defaultBackend().execute(p, inAvals, in, outAvals);
        Seq<ConcreteArray> results = outAvals.zipWith(out, ConcreteArray::new);
        for (int o = 0; o < out.size(); o++) {
            for (int i = 0; i < in.size(); i++) {
                if (in.get(i) == out.get(o)) {
                    results.get(o).markShared();
                    operands.get(i).markShared();
                }
            }
        }
        if (DebugNans.enabled()) NanCheck.check(p, operands, results);
        return Seq.narrow(results);
    }
}
