package dev.jaxj.transforms.control;

import dev.jaxj.array.Array;
import dev.jaxj.core.TraceStack;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.transforms.partial.PartialEvalTrace;
import dev.jaxj.transforms.partial.PeTracer;
import dev.jaxj.transforms.partial.Staged;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program split by partial evaluation into the part computable from its known inputs and
 * the part that needs the unknown ones (JAX's {@code partial_eval_jaxpr}). The known part also
 * returns the residuals: the known values the unknown part reads.
 *
 * @param known           inputs {@code captured ++ known inputs} (in their original order);
 *                        outputs {@code known outputs ++ residuals}
 * @param unknown         inputs {@code residuals ++ unknown inputs}; outputs the unknown outputs
 * @param outUnknown      per output of the original program, whether it is unknown
 * @param residualSources per residual, the original input it is (a known input read unchanged
 *                        by the unknown part), if it is one
 */
record JaxprSplit(Programs.Closed known, Jaxpr unknown, Seq<Boolean> outUnknown, Seq<Option<Integer>> residualSources) {

    int numResiduals() { return residualSources.size(); }

    int numKnownOuts() { return outUnknown.count(u -> !u); }

    Seq<ShapedArray> residualAvals() { return unknown.inAvals().take(numResiduals()); }

    /**
     * Splits {@code j} for the inputs marked unknown; outputs marked {@code instantiate} are
     * unknown even when they could be known (a loop carry that is unknown on another iteration).
     */
    static JaxprSplit of(Jaxpr j, Seq<Boolean> unknownIn, Seq<Boolean> instantiate) {
        Seq<ShapedArray> knownAvals = j.inAvals().zipWith(unknownIn, (a, u) -> u ? null : a).filter(a -> a != null);
        Object[] result = new Object[3];
        Programs.Closed known = Programs.trace(knownIns -> TraceStack.with(PartialEvalTrace::new, pe -> {
            List<PeTracer> unknownArgs = new ArrayList<>();
            List<Array> args = new ArrayList<>();
            Map<Array, Integer> sourceOf = new IdentityHashMap<>();
            int k = 0;
            for (int i = 0; i < unknownIn.size(); i++) {
                if (unknownIn.get(i)) {
                    PeTracer t = pe.newArg(j.inVars().get(i).aval());
                    unknownArgs.add(t);
                    args.add(t);
                } else {
                    Array x = knownIns.get(k++);
                    sourceOf.putIfAbsent(x, i);
                    args.add(pe.lift(x));
                }
            }
            Seq<Array> outs = Programs.eval(j, Vector.ofAll(args));
            List<Boolean> outUnknown = new ArrayList<>();
            List<Array> knownOuts = new ArrayList<>();
            List<PeTracer> unknownOuts = new ArrayList<>();
            for (int i = 0; i < outs.size(); i++) {
                Array o = outs.get(i);
                boolean mine = o instanceof PeTracer t && t.trace() == pe;
                boolean unknown = mine && ((PeTracer) o).known().isEmpty() || instantiate.get(i);
                outUnknown.add(unknown);
                if (unknown) unknownOuts.add(pe.instantiate(o));
                else knownOuts.add(mine ? ((PeTracer) o).known().get() : o);
            }
            Staged staged = Staged.fromTracers(Vector.ofAll(unknownArgs), Vector.ofAll(unknownOuts));
            result[0] = staged;
            result[1] = Vector.ofAll(outUnknown);
            result[2] = staged.consts().map(r -> Option.of(sourceOf.get(r)));
            return Vector.ofAll(knownOuts).appendAll(staged.consts());
        }), knownAvals);
        Staged staged = (Staged) result[0];
        Jaxpr u = staged.jaxpr();
        Jaxpr unknown = new Jaxpr(Vector.empty(), u.constVars().appendAll(u.inVars()), u.eqns(), u.outs());
        @SuppressWarnings("unchecked") Seq<Boolean> outUnknown = (Seq<Boolean>) result[1];
        @SuppressWarnings("unchecked") Seq<Option<Integer>> sources = (Seq<Option<Integer>>) result[2];
        return new JaxprSplit(known, unknown, outUnknown, sources);
    }
}
