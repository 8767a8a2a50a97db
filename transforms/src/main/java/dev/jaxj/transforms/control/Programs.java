package dev.jaxj.transforms.control;

import dev.jaxj.array.Array;
import dev.jaxj.core.JaxprInterpreter;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import dev.jaxj.transforms.jit.Staging;
import dev.jaxj.transforms.partial.Staged;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.Function;

/**
 * Programs of control flow, built by tracing Java functions: a traced program is closed over
 * what it captured, those values becoming its leading inputs (closure conversion), so the
 * primitive that runs it takes them as operands and every transform sees them.
 */
public final class Programs {
    private Programs() {}

    /**
     * A closed program with the values of its leading {@code consts.size()} inputs.
     *
     * @param jaxpr  a program without constant variables: inputs are {@code consts ++ arguments}
     * @param consts what the traced function captured: concrete arrays or tracers of enclosing transforms
     */
    public record Closed(Jaxpr jaxpr, Seq<Array> consts) {
        public Closed {
            consts = Vector.ofAll(consts);
        }

        /** {@return the number of captured values} */
        public int numConsts() { return consts.size(); }
    }

    /** {@return {@code f} traced on inputs of the given avals, its captured values hoisted to leading inputs} */
    public static Closed trace(Function<Seq<Array>, Seq<Array>> f, Seq<ShapedArray> inAvals) {
        Staged staged = Staging.trace(in -> Vector.ofAll(f.apply(in)), inAvals);
        Jaxpr j = staged.jaxpr();
        return new Closed(new Jaxpr(Vector.empty(), j.constVars().appendAll(j.inVars()), j.eqns(), j.outs()), staged.consts());
    }

    /** {@return the outputs of a closed program (no constant variables) on {@code args}}, binding each equation */
    public static Seq<Array> eval(Jaxpr j, Seq<? extends Array> args) {
        return JaxprInterpreter.eval(j, Vector.empty(), args);
    }

    /** {@return {@code j} taking {@code extra} unused inputs of the given avals before input {@code at}} */
    public static Jaxpr withUnusedInputs(Jaxpr j, int at, Seq<ShapedArray> extra) {
        int next = j.maxVarId() + 1;
        Vector<Var> added = Vector.empty();
        for (ShapedArray a : extra) added = added.append(new Var(next++, a));
        Vector<Var> in = Vector.ofAll(j.inVars());
        return new Jaxpr(j.constVars(), in.take(at).appendAll(added).appendAll(in.drop(at)), j.eqns(), j.outs());
    }

    /** {@return {@code j} with its inputs reordered: input {@code i} of the result is input {@code order[i]} of {@code j}} */
    public static Jaxpr permuteInputs(Jaxpr j, Seq<Integer> order) {
        if (order.size() != j.inVars().size() || order.distinct().size() != order.size()) {
            throw new IllegalArgumentException("not a permutation of " + j.inVars().size() + " inputs: " + order);
        }
        return new Jaxpr(j.constVars(), order.map(j.inVars()::get), j.eqns(), j.outs());
    }

    /** {@return {@code j} returning only the outputs at {@code keep}, in that order} */
    public static Jaxpr selectOutputs(Jaxpr j, Seq<Integer> keep) {
        return new Jaxpr(j.constVars(), j.inVars(), j.eqns(), keep.map(j.outs()::get));
    }

    /** {@return the avals of {@code in} with the leading axis dropped}: one step's slice of scanned operands */
    public static Seq<ShapedArray> unstacked(Seq<ShapedArray> in) {
        return in.map(a -> a.withShape(a.shape().without(0)));
    }

    /** {@return the avals of {@code in} with a leading axis of {@code n}}: stacked results */
    public static Seq<ShapedArray> stacked(Seq<ShapedArray> in, int n) {
        return in.map(a -> a.withShape(a.shape().insert(0, n)));
    }

    /**
     * Branches of one {@code cond} taking every branch's captured values: all of them take
     * {@code consts} (each branch's own, in branch order) before their common arguments.
     */
    public record Joined(Seq<Jaxpr> jaxprs, Seq<Array> consts) {}

    /** {@return the branches made to take one operand list}: each ignores the others' captured values */
    public static Joined join(Seq<Closed> branches) {
        Vector<Jaxpr> out = Vector.empty();
        Vector<Array> consts = Vector.empty();
        for (Closed b : branches) consts = consts.appendAll(b.consts());
        int before = 0;
        for (Closed b : branches) {
            Seq<ShapedArray> own = b.jaxpr().inAvals().take(b.numConsts());
            Seq<ShapedArray> all = consts.map(a -> a.aval());
            Jaxpr j = withUnusedInputs(b.jaxpr(), 0, all.take(before));
            j = withUnusedInputs(j, before + own.size(), all.drop(before + own.size()));
            out = out.append(j);
            before += own.size();
        }
        return new Joined(out, consts);
    }
}
