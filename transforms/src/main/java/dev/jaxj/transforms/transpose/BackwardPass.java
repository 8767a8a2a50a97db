package dev.jaxj.transforms.transpose;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.NanCheck;
import dev.jaxj.core.JaxprInterpreter;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Var;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.control.ControlFlowTranspose;
import dev.jaxj.transforms.jvp.Tangents;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the transpose of a program that is linear in its inputs: cotangents flow from the
 * outputs back through each equation's transpose rule, summing where a value was used twice.
 */
public final class BackwardPass {
    private BackwardPass() {}

    /**
     * {@return the cotangents of {@code jaxpr}'s inputs} for the given cotangents of its outputs.
     * Constants are non-linear; the inputs are the linear unknowns.
     */
    public static Seq<Array> transpose(Jaxpr jaxpr, Seq<Array> consts, Seq<Array> outCts) {
        Map<Var, Array> known = new HashMap<>();
        for (int i = 0; i < consts.size(); i++) known.put(jaxpr.constVars().get(i), consts.get(i));
        Set<Var> linear = new HashSet<>(jaxpr.inVars().toJavaList());
        // Equations on constants alone are evaluated forward; the rest are linear.
        Vector<Eqn> linearEqns = Vector.empty();
        for (Eqn e : jaxpr.eqns()) {
            if (e.in().exists(a -> a instanceof Var v && linear.contains(v))) {
                linear.addAll(e.out().toJavaList());
                linearEqns = linearEqns.append(e);
            } else {
                Seq<Array> outs = NanCheck.at(e.where(), "in the backward pass", () -> Bind.bind(e.prim(), e.in().map(a -> JaxprInterpreter.read(known, a))));
                for (int i = 0; i < outs.size(); i++) known.put(e.out().get(i), outs.get(i));
            }
        }
        Map<Var, Array> cts = new HashMap<>();
        for (int i = 0; i < jaxpr.outs().size(); i++) {
            if (jaxpr.outs().get(i) instanceof Var v && linear.contains(v)) accumulate(cts, v, outCts.get(i));
        }
        for (Eqn e : linearEqns.reverse()) {
            Seq<Option<Array>> outCt = e.out().map(v -> Option.of(cts.remove(v)));
            if (outCt.forAll(Option::isEmpty)) continue;
            Seq<Array> ctsOut = e.out().zipWith(outCt, (v, c) -> c.getOrElse(() -> Tangents.zeros(v.aval())));
            Seq<LinearArg> args = e.in().map(a -> arg(a, linear, known));
            // Loops and branches take absent cotangents as they are: a scan's unused ys cost no stacked zeros.
            Seq<Option<Array>> ctsIn = NanCheck.at(e.where(), "in the backward pass", () -> e.prim() instanceof Primitive.ControlFlow c
                    ? ControlFlowTranspose.transpose(c, outCt, args)
                    : TransposeRules.transpose(e.prim(), ctsOut, args));
            for (int i = 0; i < e.in().size(); i++) {
                if (e.in().get(i) instanceof Var v && linear.contains(v) && ctsIn.get(i).isDefined()) accumulate(cts, v, ctsIn.get(i).get());
            }
        }
        return jaxpr.inVars().map(v -> cts.containsKey(v) ? cts.get(v) : Tangents.zeros(v.aval()));
    }

    private static LinearArg arg(Atom a, Set<Var> linear, Map<Var, Array> known) {
        return switch (a) {
            case Var v -> linear.contains(v) ? new LinearArg.Undefined(v.aval()) : new LinearArg.Known(known.get(v));
            case Lit l -> new LinearArg.Known(JaxprInterpreter.literal(l));
        };
    }

    private static void accumulate(Map<Var, Array> cts, Var v, Array ct) {
        Array fitted = ct.dtype() == v.aval().dtype() ? ct : Lax.convertElementType(ct, v.aval().dtype());
        cts.merge(v, fitted, Lax::add);
    }
}
