package dev.jaxj.transforms.control;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.Cond;
import dev.jaxj.ir.Primitive.ControlFlow;
import dev.jaxj.ir.Primitive.CustomJvpCall;
import dev.jaxj.ir.Primitive.CustomVjpCall;
import dev.jaxj.ir.Primitive.Remat;
import dev.jaxj.ir.Primitive.Scan;
import dev.jaxj.ir.Primitive.While;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.transforms.jvp.Jvp;
import dev.jaxj.transforms.jvp.JvpRules;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Forward mode of loops and branches: the same primitive over the JVP of its programs, each
 * carried or scanned value travelling beside its tangent. The new programs are traced once
 * per rule application, never per iteration.
 */
public final class ControlFlowJvp {
    private ControlFlowJvp() {}

    /** {@return the outputs of {@code p} at {@code x} and their tangents along {@code t}} */
    public static JvpRules.Result jvp(ControlFlow p, Seq<Array> x, Seq<Array> t) {
        return switch (p) {
            case Cond c -> cond(c, x, t);
            case Scan s -> scan(s, x, t);
            case While w -> whileLoop(w, x, t);
            case Remat r -> remat(r, x, t);
            case CustomJvpCall c -> CustomCalls.jvp(c, x, t);
            case CustomVjpCall c -> CustomCalls.jvp(c, x, t);
        };
    }

    /** A program on {@code primals ++ tangents} returning {@code outPrimals ++ outTangents}, regrouped by {@code layout}. */
    private static Programs.Closed jvpProgram(Jaxpr j, Seq<Integer> groups, Seq<Integer> outGroups) {
        Seq<ShapedArray> avals = j.inAvals();
        Seq<ShapedArray> doubled = interleave(avals, avals.map(ShapedArray::strong), groups);
        return Programs.trace(in -> {
            Seq<Seq<Array>> split = deinterleave(in, groups);
            JvpRules.Result r = Jvp.jvp(args -> Programs.eval(j, args), split.get(0), split.get(1));
            return interleave(r.primals(), r.tangents(), outGroups);
        }, doubled);
    }

    /**
     * {@code primals} and {@code tangents} cut into consecutive groups of the given sizes and
     * interleaved group by group: {@code p0 t0 p1 t1 …}.
     */
    static <T> Seq<T> interleave(Seq<T> primals, Seq<T> tangents, Seq<Integer> groups) {
        Vector<T> out = Vector.empty();
        int at = 0;
        for (int g : groups) {
            out = out.appendAll(primals.slice(at, at + g)).appendAll(tangents.slice(at, at + g));
            at += g;
        }
        return out;
    }

    /** The inverse of {@link #interleave}: (primals, tangents). */
    static <T> Seq<Seq<T>> deinterleave(Seq<T> in, Seq<Integer> groups) {
        Vector<T> p = Vector.empty(), t = Vector.empty();
        int at = 0;
        for (int g : groups) {
            p = p.appendAll(in.slice(at, at + g));
            t = t.appendAll(in.slice(at + g, at + 2 * g));
            at += 2 * g;
        }
        return Vector.of(p, t);
    }

    private static JvpRules.Result cond(Cond c, Seq<Array> x, Seq<Array> t) {
        int n = x.size() - 1;
        int outs = c.branches().head().outs().size();
        Seq<Programs.Closed> branches = c.branches().map(b -> jvpProgram(b, Vector.of(n), Vector.of(outs)));
        Programs.Joined joined = Programs.join(branches);
        Seq<Array> r = Bind.bind(new Cond(joined.jaxprs()), joined.consts().prepend(x.head()).appendAll(x.tail()).appendAll(t.tail()));
        return new JvpRules.Result(r.take(outs), r.drop(outs));
    }

    private static JvpRules.Result scan(Scan s, Seq<Array> x, Seq<Array> t) {
        Seq<Integer> groups = Vector.of(s.numConsts(), s.numCarry(), s.numXs());
        Programs.Closed body = jvpProgram(s.body(), groups, Vector.of(s.numCarry(), s.numYs()));
        Scan jvp = new Scan(body.jaxpr(), s.length(), s.reverse(), body.numConsts() + 2 * s.numConsts(), 2 * s.numCarry(), s.unroll());
        Seq<Array> r = Bind.bind(jvp, body.consts().appendAll(interleave(x, t, groups)));
        Seq<Seq<Array>> split = deinterleave(r, Vector.of(s.numCarry(), s.numYs()));
        return new JvpRules.Result(split.get(0), split.get(1));
    }

    private static JvpRules.Result whileLoop(While w, Seq<Array> x, Seq<Array> t) {
        int k = w.numCarry();
        Seq<Integer> groups = Vector.of(w.bodyConsts(), k);
        Programs.Closed body = jvpProgram(w.body(), groups, Vector.of(k));
        // The predicate reads the primal carry only; the tangent carry rides along unread.
        Jaxpr cond = Programs.withUnusedInputs(w.cond(), w.condConsts() + k, w.body().outAvals().map(ShapedArray::strong));
        While jvp = new While(cond, body.jaxpr(), w.condConsts(), body.numConsts() + 2 * w.bodyConsts(), w.maxSteps());
        Seq<Array> condConsts = x.take(w.condConsts());
        Seq<Array> rest = x.drop(w.condConsts());
        Seq<Array> r = Bind.bind(jvp, condConsts.appendAll(body.consts()).appendAll(interleave(rest, t.drop(w.condConsts()), groups)));
        return new JvpRules.Result(r.take(k), r.drop(k));
    }

    /** The JVP of a checkpointed function is checkpointed too, so the policy still applies when reverse mode splits it. */
    private static JvpRules.Result remat(Remat r, Seq<Array> x, Seq<Array> t) {
        int outs = r.body().outs().size();
        Programs.Closed body = jvpProgram(r.body(), Vector.of(x.size()), Vector.of(outs));
        Seq<Array> out = Bind.bind(new Remat(body.jaxpr(), r.policy()), body.consts().appendAll(x).appendAll(t));
        return new JvpRules.Result(out.take(outs), out.drop(outs));
    }
}
