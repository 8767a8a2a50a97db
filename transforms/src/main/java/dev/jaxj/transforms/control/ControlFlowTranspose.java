package dev.jaxj.transforms.control;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.errors.NotDifferentiable;
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
import dev.jaxj.transforms.transpose.BackwardPass;
import dev.jaxj.transforms.transpose.LinearArg;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Reverse mode of loops and branches, applied to the linear (tangent) half that partial
 * evaluation staged: a {@code cond} transposes branch by branch, selected by the same index; a
 * {@code scan} becomes a scan in the opposite direction whose carry accumulates the
 * cotangents of the linear constants, reading the stacked residuals step by step.
 */
public final class ControlFlowTranspose {
    private ControlFlowTranspose() {}

    /**
     * {@return one cotangent per operand: defined for the linear ones} for the cotangents of the
     * outputs, an absent one being zero
     */
    public static Seq<Option<Array>> transpose(ControlFlow p, Seq<Option<Array>> outCts, Seq<LinearArg> args) {
        Seq<ShapedArray> outAvals = p.abstractEval(args.map(LinearArg::aval));
        Seq<Array> cts = outCts.zipWith(outAvals, (c, a) -> c.getOrElse(() -> Tangents.zeros(a.strong())));
        return switch (p) {
            case Cond c -> cond(c, cts, args);
            case Scan s -> scan(s, outCts, args);
            // Transposing the body evaluates its non-linear part first: that is the recomputation.
            case Remat r -> call(r.body(), cts, args);
            case Pjit j -> call(j.body(), cts, args);
            case CustomJvpCall c -> throw new IllegalStateException(c.name() + " is not linear: forward mode replaces it by its rule before transposition");
            case CustomVjpCall c -> throw new IllegalStateException(c.name() + " is not linear: forward mode replaces it by its rule before transposition");
            case While w -> throw new NotDifferentiable(w.name(), "a while loop is not transposable; reverse mode goes through"
                    + " Lax.whileLoop(cond, body, init, maxSteps), which partial evaluation turns into a scan");
        };
    }

    /**
     * The transpose of a program linear in some of its inputs, as a function of the known inputs
     * then the output cotangents, returning the cotangents of the linear inputs. The program is
     * first split by partial evaluation, known inputs known and linear ones not: its non-linear
     * part runs forward now (for a {@code remat}, that is the recomputation; for a loop or a
     * call still holding a forward computation, its primal half), and only the linear rest is
     * transposed.
     */
    static Seq<Array> transposeProgram(Jaxpr j, Seq<Boolean> linear, Seq<Array> known, Seq<Array> outCts) {
        JaxprSplit split = JaxprSplit.of(j, linear, j.outs().map(o -> false));
        Programs.Closed forward = split.known();
        Seq<Array> residuals = Programs.eval(forward.jaxpr(), forward.consts().appendAll(known)).drop(split.numKnownOuts());
        Jaxpr u = split.unknown();
        int nr = split.numResiduals();
        Jaxpr view = new Jaxpr(u.inVars().take(nr), u.inVars().drop(nr), u.eqns(), u.outs());
        Seq<Array> cts = outCts.zipWith(split.outUnknown(), (c, unknown) -> unknown ? c : null).filter(c -> c != null);
        return BackwardPass.transpose(view, residuals, cts);
    }

    private static Seq<Option<Array>> cond(Cond c, Seq<Array> cts, Seq<LinearArg> args) {
        if (args.head().isLinear()) throw new IllegalStateException("cond: the branch index cannot be linear");
        Seq<LinearArg> ops = args.tail();
        Seq<Boolean> linear = ops.map(LinearArg::isLinear);
        Seq<Array> known = ops.filter(a -> !a.isLinear()).map(LinearArg::value);
        Seq<ShapedArray> ctAvals = c.branches().head().outAvals().map(ShapedArray::strong);
        Seq<ShapedArray> inAvals = known.map(Array::aval).appendAll(ctAvals);
        Seq<Programs.Closed> branches = c.branches().map(b -> Programs.trace(
                in -> transposeProgram(b, linear, in.take(known.size()), in.drop(known.size())), inAvals));
        Programs.Joined joined = Programs.join(branches);
        Seq<Array> out = Bind.bind(new Cond(joined.jaxprs()), joined.consts().prepend(args.head().value()).appendAll(known).appendAll(cts));
        return Vector.<Option<Array>>of(Option.none()).appendAll(spread(linear, out));
    }

    /** A call transposes inline: the body's forward part runs now (for a remat, the recomputation), its linear part is transposed. */
    private static Seq<Option<Array>> call(Jaxpr body, Seq<Array> cts, Seq<LinearArg> args) {
        Seq<Boolean> linear = args.map(LinearArg::isLinear);
        return spread(linear, transposeProgram(body, linear, args.filter(a -> !a.isLinear()).map(LinearArg::value), cts));
    }

    /** Cotangents for the linear positions, in order; nothing for the others. */
    private static Seq<Option<Array>> spread(Seq<Boolean> linear, Seq<Array> cts) {
        Vector<Option<Array>> out = Vector.empty();
        int k = 0;
        for (boolean l : linear) out = out.append(l ? Option.some(cts.get(k++)) : Option.none());
        return out;
    }

    private static Seq<Option<Array>> scan(Scan s, Seq<Option<Array>> outCts, Seq<LinearArg> args) {
        int nc = s.numConsts(), nk = s.numCarry();
        Seq<LinearArg> consts = args.take(nc), carry = args.slice(nc, nc + nk), xs = args.drop(nc + nk);
        // A carry is linear in the body even where its initial value is a known constant (a zero tangent).
        Seq<Boolean> linear = args.zipWithIndex().map(a -> a._1.isLinear() || a._2 >= nc && a._2 < nc + nk);
        Seq<Array> resConsts = consts.filter(a -> !a.isLinear()).map(LinearArg::value);
        Seq<ShapedArray> linConstAvals = consts.filter(LinearArg::isLinear).map(a -> a.aval().strong());
        Seq<Array> resXs = xs.filter(a -> !a.isLinear()).map(LinearArg::value);
        int nLinC = linConstAvals.size(), nResC = resConsts.size(), nResX = resXs.size();
        Seq<ShapedArray> carryAvals = s.body().outAvals().take(nk).map(ShapedArray::strong);
        Seq<ShapedArray> yAvals = s.body().outAvals().drop(nk).map(ShapedArray::strong);
        // The carry's cotangent is a loop value (zeros when absent); a y without one is zero in every step.
        Seq<Array> ctCarry0 = outCts.take(nk).zipWith(carryAvals, (c, a) -> c.getOrElse(() -> Tangents.zeros(a)));
        Seq<Boolean> hasCtY = outCts.drop(nk).map(Option::isDefined);
        Seq<Array> ctYs = outCts.drop(nk).filter(Option::isDefined).map(Option::get);
        Seq<ShapedArray> ctYAvals = yAvals.zipWith(hasCtY, (a, h) -> h ? a : null).filter(a -> a != null);
        Seq<ShapedArray> inAvals = resConsts.map(Array::aval).appendAll(linConstAvals).appendAll(carryAvals)
                .appendAll(Programs.unstacked(resXs.map(Array::aval))).appendAll(ctYAvals);
        Programs.Closed body = Programs.trace(in -> {
            Seq<Array> res = in.take(nResC);
            Seq<Array> acc = in.slice(nResC, nResC + nLinC);
            Seq<Array> ctCarry = in.slice(nResC + nLinC, nResC + nLinC + nk);
            Seq<Array> resX = in.slice(nResC + nLinC + nk, nResC + nLinC + nk + nResX);
            Seq<Array> given = in.drop(nResC + nLinC + nk + nResX);
            Vector<Array> ctY = Vector.empty();
            for (int j = 0, k = 0; j < yAvals.size(); j++) ctY = ctY.append(hasCtY.get(j) ? given.get(k++) : Tangents.zeros(yAvals.get(j)));
            Seq<Array> ctIn = transposeProgram(s.body(), linear, res.appendAll(resX), ctCarry.appendAll(ctY));
            Seq<Array> ctConsts = ctIn.take(nLinC);
            return acc.zipWith(ctConsts, Lax::add).appendAll(ctIn.drop(nLinC));
        }, inAvals);
        Scan t = new Scan(body.jaxpr(), s.length(), !s.reverse(), body.numConsts() + nResC, nLinC + nk, s.unroll());
        Seq<Array> operands = body.consts().appendAll(resConsts).appendAll(linConstAvals.map(Tangents::zeros))
                .appendAll(ctCarry0).appendAll(resXs).appendAll(ctYs);
        Seq<Array> out = Bind.bind(t, operands);
        // out: linear-constant cotangents, initial-carry cotangents, stacked cotangents of the linear xs.
        return spread(linear, out).zipWith(args, (ct, a) -> a.isLinear() ? ct : Option.<Array>none());
    }
}
