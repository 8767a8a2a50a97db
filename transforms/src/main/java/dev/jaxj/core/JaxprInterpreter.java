package dev.jaxj.core;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.NanCheck;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs a {@link Jaxpr} by binding its equations one by one, so evaluation composes with every
 * active transform (a staged program differentiates and batches like the code it came from).
 */
public final class JaxprInterpreter {
    private JaxprInterpreter() {}

    /** {@return the outputs of {@code jaxpr} for the given constants and inputs} */
    public static Seq<Array> eval(Jaxpr jaxpr, Seq<? extends Array> consts, Seq<? extends Array> args) {
        if (consts.size() != jaxpr.constVars().size() || args.size() != jaxpr.inVars().size()) {
            throw new ArgumentError("eval_jaxpr", "expects " + jaxpr.constVars().size() + " constants and " + jaxpr.inVars().size()
                    + " inputs, got " + consts.size() + " and " + args.size());
        }
        Map<Var, Array> env = new HashMap<>();
        for (int i = 0; i < consts.size(); i++) env.put(jaxpr.constVars().get(i), consts.get(i));
        for (int i = 0; i < args.size(); i++) env.put(jaxpr.inVars().get(i), args.get(i));
        for (Eqn e : jaxpr.eqns()) {
            Seq<Array> outs = NanCheck.at(e.where(), "", () -> Bind.bind(e.prim(), e.in().map(a -> read(env, a))));
            for (int i = 0; i < outs.size(); i++) env.put(e.out().get(i), outs.get(i));
        }
        return jaxpr.outs().map(a -> read(env, a));
    }

    /** {@return the array an atom denotes in {@code env}} */
    public static Array read(Map<Var, Array> env, Atom a) {
        return switch (a) {
            case Var v -> env.get(v);
            case Lit l -> literal(l);
        };
    }

    /** {@return a literal as a scalar array of its aval} */
    public static Array literal(Lit l) {
        return l.aval().weakType()
                ? (l.aval().dtype().isFloating() ? Array.scalar(l.doubleValue()) : Array.scalar(l.longValue()))
                : Array.fromHost(l.aval(), HostData.filled(l.aval().dtype(), 1, l));
    }
}
