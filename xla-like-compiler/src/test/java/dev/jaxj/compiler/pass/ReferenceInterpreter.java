package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A naive interpreter over double[] data for the few primitives the random programs use, written
 * independently of the passes: the oracle that says a pass kept a program's results.
 */
final class ReferenceInterpreter {
    /** An array value: a shape and its row-major elements. */
    record Val(Shape shape, double[] data) {
        static Val scalar(double v) { return new Val(Shape.SCALAR, new double[] {v}); }

        @Override
        public String toString() { return shape + Arrays.toString(data); }
    }

    /** Evaluates equations with this interpreter, for {@link ConstantFolding#withEvaluator}. */
    static final Evaluator<Val> EVALUATOR = new Evaluator<>() {
        @Override
        public Seq<Val> eval(Eqn eqn, Seq<Val> operands) {
            return Vector.of(apply(eqn.prim(), operands, eqn.out().head().aval()));
        }

        @Override
        public Val literal(Lit lit) { return Val.scalar(lit.doubleValue()); }

        @Override
        public Option<Lit> toLiteral(Val value, ShapedArray aval) { return Option.of(new Lit(value.data()[0], aval)); }
    };

    private ReferenceInterpreter() {}

    /** {@return the outputs of {@code j} for the given constants and inputs} */
    static Seq<Val> run(Jaxpr j, Seq<Val> consts, Seq<Val> args) {
        Map<Var, Val> env = new HashMap<>();
        for (int i = 0; i < consts.size(); i++) env.put(j.constVars().get(i), consts.get(i));
        for (int i = 0; i < args.size(); i++) env.put(j.inVars().get(i), args.get(i));
        for (Eqn e : j.eqns()) {
            env.put(e.out().head(), apply(e.prim(), e.in().map(a -> read(env, a)), e.out().head().aval()));
        }
        return j.outs().map(a -> read(env, a));
    }

    private static Val read(Map<Var, Val> env, Atom a) {
        return switch (a) {
            case Var v -> env.get(v);
            case Lit l -> Val.scalar(l.doubleValue());
        };
    }

    static Val apply(Primitive p, Seq<Val> in, ShapedArray out) {
        Shape s = out.shape();
        double[] r = new double[s.size()];
        // Only the primitives the random programs use; anything else is a bug in the test.
        switch (p) {
            case Add _ -> { for (int i = 0; i < r.length; i++) r[i] = in.get(0).data[i] + in.get(1).data[i]; }
            case Sub _ -> { for (int i = 0; i < r.length; i++) r[i] = in.get(0).data[i] - in.get(1).data[i]; }
            case Mul _ -> { for (int i = 0; i < r.length; i++) r[i] = in.get(0).data[i] * in.get(1).data[i]; }
            case Neg _ -> { for (int i = 0; i < r.length; i++) r[i] = -in.get(0).data[i]; }
            case Reshape _, Squeeze _, ExpandDims _ -> r = in.head().data.clone();
            case Transpose t -> {
                Val x = in.head();
                for (int i = 0; i < r.length; i++) {
                    int[] o = unravel(i, s);
                    int[] src = new int[o.length];
                    for (int k = 0; k < o.length; k++) src[t.permutation().get(k)] = o[k];
                    r[i] = x.data[ravel(src, x.shape)];
                }
            }
            case BroadcastInDim b -> {
                Val x = in.head();
                for (int i = 0; i < r.length; i++) {
                    int[] o = unravel(i, s);
                    int[] src = new int[x.shape.rank()];
                    for (int k = 0; k < src.length; k++) src[k] = x.shape.dim(k) == 1 ? 0 : o[b.broadcastDimensions().get(k)];
                    r[i] = x.data[ravel(src, x.shape)];
                }
            }
            case ReduceSum red -> {
                Val x = in.head();
                for (int i = 0; i < x.data.length; i++) {
                    int[] src = unravel(i, x.shape);
                    int[] dst = new int[s.rank()];
                    for (int k = 0, d = 0; k < src.length; k++) if (!red.axes().contains(k)) dst[d++] = src[k];
                    r[ravel(dst, s)] += x.data[i];
                }
            }
            case Rev rev -> {
                Val x = in.head();
                for (int i = 0; i < r.length; i++) {
                    int[] o = unravel(i, s);
                    for (int a : rev.dimensions()) o[a] = s.dim(a) - 1 - o[a];
                    r[i] = x.data[ravel(o, s)];
                }
            }
            default -> throw new UnsupportedOperationException("the reference interpreter has no " + p.name());
        }
        return new Val(s, r);
    }

    private static int[] unravel(int flat, Shape s) {
        int[] idx = new int[s.rank()];
        for (int k = s.rank() - 1; k >= 0; k--) {
            idx[k] = flat % s.dim(k);
            flat /= s.dim(k);
        }
        return idx;
    }

    private static int ravel(int[] idx, Shape s) {
        int flat = 0;
        for (int k = 0; k < idx.length; k++) flat = flat * s.dim(k) + idx[k];
        return flat;
    }
}
