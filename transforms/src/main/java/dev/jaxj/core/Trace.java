package dev.jaxj.core;

import dev.jaxj.array.Array;
import dev.jaxj.array.Tracer;
import dev.jaxj.ir.Primitive;
import io.vavr.collection.Seq;

/**
 * One active transform on the trace stack (Autodidax's "main trace"). Its {@link #level()}
 * orders it against the other active transforms: {@link dev.jaxj.array.Bind#bind} hands each primitive to the
 * highest-level trace among its operands, which is what keeps nested transforms (say, a jvp
 * inside a jvp) from confusing each other's perturbations.
 */
public abstract class Trace {
    private final int level;
    private volatile boolean active = true;

    protected Trace(int level) {
        this.level = level;
    }

    /** {@return the position of this trace on the stack (1 for the outermost transform)} */
    public final int level() { return level; }

    /** {@return whether the transform that owns this trace is still running} */
    public final boolean isActive() { return active; }

    final void finish() { active = false; }

    /** Wraps a value from a lower level (a concrete array or a lower trace's tracer) as a tracer of this trace. */
    public abstract Tracer lift(Array x);

    /** Applies {@code p} to operands that are all tracers of this trace. */
    public abstract Seq<Array> process(Primitive p, Seq<Tracer> in);

    /**
     * Applies a function that has a user-defined JVP rule. Most transforms just trace the
     * function; forward-mode differentiation uses the rule instead.
     */
    public Seq<Array> processCustomJvp(CustomRules.Jvp rule, Seq<Tracer> in) {
        return rule.fun().apply(Seq.narrow(in));
    }

    /**
     * Applies a function that has a user-defined VJP. Most transforms just trace the function;
     * differentiation runs the forward rule and stages the backward rule for reverse mode.
     */
    public Seq<Array> processCustomVjp(CustomRules.Vjp rule, Seq<Tracer> in) {
        return rule.fun().apply(Seq.narrow(in));
    }

    /** {@return a short description for error messages, e.g. {@code jvp (level 1)}} */
    public String describe() {
        return getClass().getSimpleName().replace("Trace", "").toLowerCase() + " (level " + level + ")";
    }
}
