package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Atom;
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
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces calls whose only purpose is differentiation — {@code custom_jvp_call},
 * {@code custom_vjp_call} (by their function), {@code remat} and {@code pjit} (by their bodies) — with the
 * equations they call, so that a program about to run fuses through them (a {@code relu}
 * with its custom JVP fuses with the ops around it). Loop and branch bodies are inlined into
 * too. For a program about to run, not to be differentiated again.
 * {@snippet lang=text :
 * b:f32[3] = custom_jvp_call[fun={ lambda ; a. let b = max a 0.0 in (b) } ...] a
 *   ==>  b:f32[3] = max a 0.0
 * }
 */
public record CallInlining() implements Pass {
    @Override
    public Jaxpr apply(Jaxpr program) {
        if (!program.eqns().exists(e -> e.prim() instanceof ControlFlow)) return program;
        int[] next = {program.maxVarId() + 1};
        Map<Var, Atom> renamed = new HashMap<>();
        List<Eqn> out = new ArrayList<>();
        boolean changed = false;
        for (Eqn e : program.eqns()) {
            Seq<Atom> in = e.in().map(a -> resolve(renamed, a));
            Option<Jaxpr> callee = callee(e);
            if (callee.isDefined()) {
                changed = true;
                Jaxpr body = apply(callee.get());
                Map<Var, Atom> env = new HashMap<>();
                for (int i = 0; i < in.size(); i++) env.put(body.inVars().get(i), in.get(i));
                for (Eqn b : body.eqns()) {
                    Seq<Var> outs = b.out().map(v -> new Var(next[0]++, v.aval()));
                    for (int i = 0; i < outs.size(); i++) env.put(b.out().get(i), outs.get(i));
                    out.add(new Eqn(b.prim(), b.in().map(a -> resolve(env, a)), outs, b.where()));
                }
                for (int i = 0; i < e.out().size(); i++) renamed.put(e.out().get(i), resolve(env, body.outs().get(i)));
            } else if (e.prim() instanceof ControlFlow c) {
                Seq<Jaxpr> bodies = c.jaxprs().map(this::apply);
                boolean inner = !bodies.equals(c.jaxprs());
                changed |= inner || !in.equals(e.in());
                out.add(new Eqn(inner ? c.withJaxprs(bodies) : c, in, e.out(), e.where()));
            } else {
                changed |= !in.equals(e.in());
                out.add(new Eqn(e.prim(), in, e.out(), e.where()));
            }
        }
        if (!changed) return program;
        return new Jaxpr(program.constVars(), program.inVars(), Vector.ofAll(out), program.outs().map(a -> resolve(renamed, a)));
    }

    private static Option<Jaxpr> callee(Eqn e) {
        if (!(e.prim() instanceof ControlFlow c)) return Option.none();
        return switch (c) {
            case CustomJvpCall j -> Option.some(j.fun());
            case CustomVjpCall v -> Option.some(v.fun());
            case Remat r -> Option.some(r.body());
            case Pjit j -> Option.some(j.body());
            case Cond _, Scan _, While _ -> Option.none();
        };
    }

    private static Atom resolve(Map<Var, Atom> env, Atom a) {
        return a instanceof Var v && env.containsKey(v) ? env.get(v) : a;
    }

    @Override
    public String toString() {
        return "call_inlining";
    }
}
