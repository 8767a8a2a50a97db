package dev.jaxj.transforms.control;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.Remat;
import dev.jaxj.ir.Var;
import dev.jaxj.transforms.partial.PartialEvalTrace;
import dev.jaxj.transforms.partial.PeTracer;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.HashSet;
import java.util.Set;

/**
 * Partial evaluation of a checkpointed function: the known outputs are computed now, and so
 * are the intermediate values the policy saves; the unknown outputs are staged as a
 * {@code remat} of the body that takes the saved values and the function's own operands, and
 * recomputes everything else when reverse mode transposes it. The residuals of the
 * linearized program are therefore the operands and the saved values only.
 */
final class RematPartialEval {
    private RematPartialEval() {}

    static Seq<Array> partialEval(PartialEvalTrace pe, Remat r, Seq<PeTracer> in) {
        Jaxpr body = r.body();
        Seq<Boolean> uk = in.map(t -> t.known().isEmpty());
        Set<Var> knownVars = new HashSet<>();
        for (int i = 0; i < uk.size(); i++) if (!uk.get(i)) knownVars.add(body.inVars().get(i));
        Vector<Var> saved = Vector.empty();
        Vector<Eqn> recomputed = Vector.empty();
        for (Eqn e : body.eqns()) {
            boolean known = e.in().forAll(a -> !(a instanceof Var v) || knownVars.contains(v));
            if (known) knownVars.addAll(e.out().toJavaList());
            if (known && r.policy().saveable(e)) saved = saved.appendAll(e.out());
            else recomputed = recomputed.append(e);
        }
        // The known half: the known outputs and the saved values, from the known operands. Partial
        // evaluation may know more outputs than the scan above (it looks inside nested loops and calls).
        Jaxpr withSaved = new Jaxpr(body.constVars(), body.inVars(), body.eqns(), body.outs().appendAll(saved));
        JaxprSplit split = JaxprSplit.of(withSaved, uk, Vector.fill(withSaved.outs().size(), () -> false));
        Seq<Boolean> outUnknown = split.outUnknown().take(body.outs().size());
        Programs.Closed known = split.known();
        Jaxpr knownOnly = Programs.selectOutputs(known.jaxpr(), Vector.range(0, split.numKnownOuts()));
        Seq<Array> knownArgs = in.filter(t -> t.known().isDefined()).map(t -> t.known().get());
        Seq<Array> knownOut = Programs.eval(knownOnly, known.consts().appendAll(knownArgs));
        int nKnownBodyOuts = outUnknown.count(u -> !u);
        Seq<Array> savedValues = knownOut.drop(nKnownBodyOuts);
        // The unknown half: the body without the saved equations, taking their results as inputs.
        Seq<Atom> unknownOuts = body.outs().zipWith(outUnknown, (a, u) -> u ? a : null).filter(a -> a != null);
        Jaxpr recompute = new Jaxpr(Vector.empty(), saved.appendAll(body.inVars()), recomputed, unknownOuts);
        Seq<Array> unknownOut = pe.stage(new Remat(recompute, r.policy()), savedValues.appendAll(in));
        Vector<Array> out = Vector.empty();
        int k = 0, u = 0;
        for (boolean isUnknown : outUnknown) out = out.append(isUnknown ? unknownOut.get(u++) : pe.lift(knownOut.get(k++)));
        return out;
    }
}
