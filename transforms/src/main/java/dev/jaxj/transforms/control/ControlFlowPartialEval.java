package dev.jaxj.transforms.control;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.Cond;
import dev.jaxj.ir.Primitive.ControlFlow;
import dev.jaxj.ir.Primitive.CustomJvpCall;
import dev.jaxj.ir.Primitive.CustomVjpCall;
import dev.jaxj.ir.Primitive.Pjit;
import dev.jaxj.ir.Primitive.Remat;
import dev.jaxj.ir.Primitive.Scan;
import dev.jaxj.ir.Primitive.While;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.jvp.Tangents;
import dev.jaxj.transforms.partial.PartialEvalTrace;
import dev.jaxj.transforms.partial.PeTracer;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * Partial evaluation of loops and branches with some operands known: the known half runs now
 * as a loop or branch of its own, the unknown half is staged, and the residuals pass between
 * them. This is what splits the primal loop from its tangent loop when reverse mode
 * linearizes. A scan's carries are unknown when any iteration makes them so (a fixpoint); its
 * residuals are stacked per iteration, except those that are known constants or scanned
 * operands read unchanged, which pass straight through.
 */
public final class ControlFlowPartialEval {
    private ControlFlowPartialEval() {}

    /** {@return the outputs of {@code p}} with some operands known and some not */
    public static Seq<Array> partialEval(PartialEvalTrace pe, ControlFlow p, Seq<PeTracer> in) {
        return switch (p) {
            case Cond c -> cond(pe, c, in);
            case Scan s -> scan(pe, s, in);
            case While w -> whileLoop(pe, w, in);
            case Remat r -> RematPartialEval.partialEval(pe, r, in);
            case Pjit j -> pjit(pe, j, in);
            // Linearization applies their rules before partial evaluation sees them; elsewhere they are staged whole.
            case CustomJvpCall c -> pe.stage(c, in);
            case CustomVjpCall c -> pe.stage(c, in);
        };
    }

    private static Seq<Boolean> unknowns(Seq<PeTracer> in) {
        return in.map(t -> t.known().isEmpty());
    }

    private static Seq<Array> knownValues(Seq<PeTracer> in) {
        return in.filter(t -> t.known().isDefined()).map(t -> t.known().get());
    }

    private static Seq<Boolean> or(Seq<Boolean> a, Seq<Boolean> b) {
        return a.zipWith(b, (x, y) -> x || y);
    }

    // scan ----------------------------------------------------------------------------------

    private static Seq<Array> scan(PartialEvalTrace pe, Scan s, Seq<PeTracer> in) {
        int nc = s.numConsts(), nk = s.numCarry();
        Seq<Boolean> uk = unknowns(in);
        Seq<Boolean> carryUk = uk.slice(nc, nc + nk);
        JaxprSplit fixpoint;
        while (true) {
            Seq<Boolean> instantiate = carryUk.appendAll(Vector.fill(s.numYs(), () -> false));
            fixpoint = JaxprSplit.of(s.body(), uk.take(nc).appendAll(carryUk).appendAll(uk.drop(nc + nk)), instantiate);
            Seq<Boolean> next = or(carryUk, fixpoint.outUnknown().take(nk));
            if (next.equals(carryUk)) break;
            carryUk = next;
        }
        JaxprSplit split = fixpoint;
        Seq<Boolean> unknownIn = uk.take(nc).appendAll(carryUk).appendAll(uk.drop(nc + nk));
        // Residuals that are known constants or scanned operands pass through; the others are stacked.
        List<Integer> passConst = new ArrayList<>(), passXs = new ArrayList<>(), stacked = new ArrayList<>();
        for (int r = 0; r < split.numResiduals(); r++) {
            Option<Integer> src = split.residualSources().get(r);
            if (src.exists(i -> i < nc)) passConst.add(r);
            else if (src.exists(i -> i >= nc + nk)) passXs.add(r);
            else stacked.add(r);
        }
        // The known scan: its body returns known carries, known ys and the stacked residuals.
        Programs.Closed known = split.known();
        int nKnownOuts = split.numKnownOuts();
        Seq<Integer> keep = Vector.range(0, nKnownOuts).appendAll(Vector.ofAll(stacked).map(r -> nKnownOuts + r));
        Jaxpr knownBody = Programs.selectOutputs(known.jaxpr(), keep);
        int knownConsts = uk.take(nc).count(u -> !u), knownCarry = carryUk.count(u -> !u);
        Scan knownScan = new Scan(knownBody, s.length(), s.reverse(), known.numConsts() + knownConsts, knownCarry, s.unroll());
        Seq<Array> knownOperands = known.consts().appendAll(in.zipWith(unknownIn, (t, u) -> u ? null : t.known().get()).filter(x -> x != null));
        Seq<Array> knownOut = Bind.bind(knownScan, knownOperands);
        Seq<Array> knownCarryOut = knownOut.take(knownCarry);
        Seq<Array> knownYs = knownOut.slice(knownCarry, nKnownOuts);
        Seq<Array> stackedRes = knownOut.drop(nKnownOuts);
        // The unknown scan: consts (passed residuals, unknown consts), carry, xs (residuals, unknown xs).
        int nRes = split.numResiduals();
        Seq<Integer> ukConstIdx = Vector.range(0, nc).filter(uk::get);
        Seq<Integer> ukCarryIdx = Vector.range(nc, nc + nk).filter(unknownIn::get);
        Seq<Integer> ukXsIdx = Vector.range(nc + nk, in.size()).filter(uk::get);
        // Positions of the unknown program's inputs: residuals first, then the unknown inputs in order.
        Seq<Integer> ukPos = Vector.range(0, in.size()).filter(unknownIn::get);
        java.util.function.Function<Integer, Integer> posOf = i -> nRes + ukPos.indexOf(i);
        Vector<Integer> order = Vector.ofAll(passConst).appendAll(ukConstIdx.map(posOf)).appendAll(ukCarryIdx.map(posOf))
                .appendAll(stacked).appendAll(passXs).appendAll(ukXsIdx.map(posOf));
        Jaxpr unknownBody = Programs.permuteInputs(split.unknown(), order);
        Scan unknownScan = new Scan(unknownBody, s.length(), s.reverse(), passConst.size() + ukConstIdx.size(), ukCarryIdx.size(), s.unroll());
        Seq<Array> operands = Vector.<Array>empty()
                .appendAll(Vector.ofAll(passConst).map(r -> in.get(split.residualSources().get(r).get())))
                .appendAll(ukConstIdx.map(in::get))
                .appendAll(ukCarryIdx.map(in::get))
                .appendAll(stackedRes)
                .appendAll(Vector.ofAll(passXs).map(r -> in.get(split.residualSources().get(r).get())))
                .appendAll(ukXsIdx.map(in::get));
        Seq<Array> unknownOut = pe.stage(unknownScan, operands);
        return merge(pe, split.outUnknown(), knownCarryOut.appendAll(knownYs), unknownOut);
    }

    /** The outputs in order, each from the known or the unknown half. */
    private static Seq<Array> merge(PartialEvalTrace pe, Seq<Boolean> outUnknown, Seq<Array> known, Seq<Array> unknown) {
        Vector<Array> out = Vector.empty();
        int k = 0, u = 0;
        for (boolean isUnknown : outUnknown) out = out.append(isUnknown ? unknown.get(u++) : pe.lift(known.get(k++)));
        return out;
    }

    // cond ----------------------------------------------------------------------------------

    private static Seq<Array> cond(PartialEvalTrace pe, Cond c, Seq<PeTracer> in) {
        if (in.head().known().isEmpty()) return pe.stage(c, in);
        Seq<PeTracer> ops = in.tail();
        Seq<Boolean> uk = unknowns(ops);
        int nOut = c.branches().head().outs().size();
        Seq<Boolean> outUk = Vector.fill(nOut, () -> false);
        for (Jaxpr b : c.branches()) outUk = or(outUk, JaxprSplit.of(b, uk, Vector.fill(nOut, () -> false)).outUnknown());
        Seq<Boolean> instantiate = outUk;
        Seq<JaxprSplit> splits = c.branches().map(b -> JaxprSplit.of(b, uk, instantiate));
        // Every known branch returns the residuals of all branches, zeros for the others'.
        Seq<Seq<ShapedArray>> resAvals = splits.map(JaxprSplit::residualAvals);
        int nKnownOuts = outUk.count(u -> !u);
        Programs.Joined knownJoined = Programs.join(splits.map(JaxprSplit::known));
        Seq<ShapedArray> knownInAvals = knownJoined.jaxprs().head().inAvals();
        Seq<Programs.Closed> padded = Vector.range(0, splits.size()).map(i -> Programs.trace(args -> {
            Seq<Array> outs = Programs.eval(knownJoined.jaxprs().get(i), args);
            Vector<Array> r = Vector.ofAll(outs.take(nKnownOuts));
            for (int b = 0; b < splits.size(); b++) {
                r = b == i ? r.appendAll(outs.drop(nKnownOuts)) : r.appendAll(resAvals.get(b).map(Tangents::zeros));
            }
            return r;
        }, knownInAvals));
        Programs.Joined knownBranches = Programs.join(padded);
        Seq<Array> knownOperands = knownBranches.consts().appendAll(knownJoined.consts()).appendAll(knownValues(ops))
                .prepend(in.head().known().get());
        Seq<Array> knownOut = Bind.bind(new Cond(knownBranches.jaxprs()), knownOperands);
        // Every unknown branch takes the residuals of all branches and reads its own.
        Seq<ShapedArray> allRes = resAvals.flatMap(r -> r);
        Vector<Jaxpr> unknownBranches = Vector.empty();
        int before = 0;
        for (int i = 0; i < splits.size(); i++) {
            int own = resAvals.get(i).size();
            Jaxpr j = Programs.withUnusedInputs(splits.get(i).unknown(), 0, allRes.take(before));
            j = Programs.withUnusedInputs(j, before + own, allRes.drop(before + own));
            unknownBranches = unknownBranches.append(j);
            before += own;
        }
        Seq<Array> unknownOperands = knownOut.drop(nKnownOuts).appendAll(ops.filter(t -> t.known().isEmpty())).prepend(in.head());
        Seq<Array> unknownOut = pe.stage(new Cond(unknownBranches), unknownOperands);
        return merge(pe, outUk, knownOut.take(nKnownOuts), unknownOut);
    }

    // while ---------------------------------------------------------------------------------

    /**
     * A bounded loop becomes a scan over its bound whose step runs the body while the predicate
     * holds and keeps the carry after, so that its unknown half can be transposed; an
     * unbounded loop has no such form.
     */
    private static Seq<Array> whileLoop(PartialEvalTrace pe, While w, Seq<PeTracer> in) {
        if (!w.bounded()) {
            throw new NotDifferentiable("while", "reverse-mode differentiation of a while loop needs a bound on its trip count;"
                    + " use Lax.whileLoop(cond, body, init, maxSteps), or Lax.foriLoop with static bounds");
        }
        int ncc = w.condConsts(), nbc = w.bodyConsts(), nk = w.numCarry();
        Seq<ShapedArray> bodyInAvals = w.body().inAvals();
        Jaxpr keep = Programs.trace(args -> args.drop(nbc), bodyInAvals).jaxpr();
        Seq<ShapedArray> avals = w.cond().inAvals().take(ncc).appendAll(bodyInAvals);
        Programs.Closed step = Programs.trace(args -> {
            Seq<Array> carry = args.drop(ncc + nbc);
            Array pred = Programs.eval(w.cond(), args.take(ncc).appendAll(carry)).head();
            Array index = Lax.convertElementType(pred, DType.I32);
            return Bind.bind(new Cond(Vector.of(keep, w.body())), args.drop(ncc).prepend(index));
        }, avals);
        Scan scan = new Scan(step.jaxpr(), w.maxSteps(), false, step.numConsts() + ncc + nbc, nk, 1);
        Seq<PeTracer> operands = step.consts().map(pe::lift).map(PeTracer.class::cast).appendAll(in);
        return scan(pe, scan, operands);
    }

    // pjit ----------------------------------------------------------------------------------

    /** A jitted call splits into a known call run now and an unknown call staged, residuals between them. */
    private static Seq<Array> pjit(PartialEvalTrace pe, Pjit j, Seq<PeTracer> in) {
        JaxprSplit split = JaxprSplit.of(j.body(), unknowns(in), j.body().outs().map(o -> false));
        Programs.Closed known = split.known();
        Seq<Array> knownOut = Bind.bind(new Pjit(known.jaxpr(), j.functionName()), known.consts().appendAll(knownValues(in)));
        int nKnownOuts = split.numKnownOuts();
        Seq<Array> unknownOut = pe.stage(new Pjit(split.unknown(), j.functionName()),
                knownOut.drop(nKnownOuts).appendAll(in.filter(t -> t.known().isEmpty())));
        return merge(pe, split.outUnknown(), knownOut.take(nKnownOuts), unknownOut);
    }
}
