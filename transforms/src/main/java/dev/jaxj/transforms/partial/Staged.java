package dev.jaxj.transforms.partial;

import dev.jaxj.array.Array;
import dev.jaxj.array.Tracer;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Lit;
import io.vavr.control.Option;
import dev.jaxj.errors.TracerLeakError;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A staged program with the values of its constants.
 *
 * @param jaxpr  the program; its {@code constVars} are bound to {@code consts}
 * @param consts the constants' values (arrays of an outer level, or concrete)
 */
public record Staged(Jaxpr jaxpr, Seq<Array> consts) {

    /** Reads the program that computes {@code outs} from {@code ins} off the tracers' recipes. */
    public static Staged fromTracers(Seq<PeTracer> ins, Seq<PeTracer> outs) {
        var vars = new IdentityHashMap<PeTracer, Var>();
        int[] next = {0};
        java.util.function.Function<PeTracer, Var> var = t -> vars.computeIfAbsent(t, k -> new Var(next[0]++, k.aval()));
        Vector<Var> inVars = ins.map(var).toVector();
        List<Var> constVars = new ArrayList<>();
        List<Array> consts = new ArrayList<>();
        List<Eqn> eqns = new ArrayList<>();
        var emitted = new IdentityHashMap<Recipe.EqnRecipe, Boolean>();
        var literals = new IdentityHashMap<PeTracer, Lit>();
        var constOf = new IdentityHashMap<Array, Var>();
        for (PeTracer t : postOrder(outs)) {
            switch (t.recipe) {
                case Recipe.Input _ -> {
                    if (!vars.containsKey(t)) {
                        throw new TracerLeakError("staging", "an unknown value " + t.aval() + " is not among the staged program's inputs;"
                                + " a tracer from another transform leaked into this one");
                    }
                }
                case Recipe.Const c -> {
                    if (!vars.containsKey(t) && !literals.containsKey(t)) {
                        Option<Lit> lit = literal(c.value());
                        if (lit.isDefined()) {
                            literals.put(t, lit.get());
                        } else {
                            // One constant variable per distinct array, however often it is used.
                            Var shared = constOf.computeIfAbsent(c.value(), k -> {
                                Var v = var.apply(t);
                                constVars.add(v);
                                consts.add(k);
                                return v;
                            });
                            vars.put(t, shared);
                        }
                    }
                }
                case Recipe.EqnRecipe e -> {
                    if (emitted.put(e, Boolean.TRUE) == null) {
                        eqns.add(new Eqn(e.prim, e.in.map(x -> atom(x, vars, literals, var)), e.out.map(var), e.where));
                    }
                }
                case null -> throw new IllegalStateException("known tracer reached staging without instantiation");
            }
        }
        Jaxpr j = new Jaxpr(Vector.ofAll(constVars), inVars, Vector.ofAll(eqns), outs.map(x -> atom(x, vars, literals, var)));
        return new Staged(j, Vector.ofAll(consts));
    }

    private static Atom atom(PeTracer t, Map<PeTracer, Var> vars, Map<PeTracer, Lit> literals, java.util.function.Function<PeTracer, Var> var) {
        Lit l = literals.get(t);
        return l != null ? l : var.apply(t);
    }

    /** A concrete scalar constant is written into the program as a literal. */
    private static Option<Lit> literal(Array value) {
        // A complex scalar stays a constant: a literal holds one real number.
        if (value instanceof Tracer || value.ndim() != 0 || value.dtype().isComplex()) return Option.none();
        Object v = switch (value.dtype()) {
            case F32, F64, BF16, F16 -> value.doubleValue();
            case I32, I64, U32, I8, I16, U8, U16, U64 -> value.longValue();      // u64: its bits, exactly
            case BOOL -> value.booleanValue();
            case C64, C128 -> throw new IllegalStateException("complex scalars are constants");
        };
        return Option.some(new Lit(v, value.aval()));
    }

    /** Tracers in dependency order (inputs of an equation before its outputs), iteratively. */
    private static List<PeTracer> postOrder(Seq<PeTracer> outs) {
        List<PeTracer> order = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        var stack = new ArrayDeque<Object[]>();
        for (PeTracer root : outs.reverse()) stack.push(new Object[] {root, false});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            PeTracer t = (PeTracer) top[0];
            if ((Boolean) top[1]) {
                order.add(t);
                continue;
            }
            if (seen.put(t, Boolean.TRUE) != null) continue;
            stack.push(new Object[] {t, true});
            if (t.recipe instanceof Recipe.EqnRecipe e) {
                for (PeTracer p : e.in.reverse()) {
                    if (!seen.containsKey(p)) stack.push(new Object[] {p, false});
                }
            }
        }
        return order;
    }
}
