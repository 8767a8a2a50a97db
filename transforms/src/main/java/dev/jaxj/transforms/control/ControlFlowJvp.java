package dev.jaxj.transforms.control;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
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
import dev.jaxj.transforms.jvp.Jvp;
import dev.jaxj.transforms.jvp.JvpRules;
import dev.jaxj.transforms.jvp.SymbolicResult;
import dev.jaxj.transforms.jvp.Tangent;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * Forward mode of loops and branches: the same primitive over the JVP of its programs, each
 * value travelling beside its tangent — but only the tangents that are not symbolic zeros. A
 * loop's carry has a tangent when its initial value has one or when an iteration gives it
 * one (a fixpoint), so data that is not differentiated (a scanned input sequence, a loop
 * counter) adds no work to the loop. The new programs are traced once per rule application.
 */
public final class ControlFlowJvp {
    private ControlFlowJvp() {}

    /** {@return the outputs of {@code p} at {@code x} and their tangents along {@code t}} */
    public static Option<SymbolicResult> jvp(ControlFlow p, Seq<Array> x, Seq<Tangent> t) {
        return Option.some(switch (p) {
            case Cond c -> cond(c, x, t);
            case Scan s -> scan(s, x, t);
            case While w -> whileLoop(w, x, t);
            case Remat r -> call(r.body(), x, t, b -> new Remat(b, r.policy()));
            case Pjit j -> call(j.body(), x, t, b -> new Pjit(b, "jvp(" + j.functionName() + ")"));
            case CustomJvpCall c -> values(CustomCalls.jvp(c, x, t.map(Tangent::instantiate)));
            case CustomVjpCall c -> values(CustomCalls.jvp(c, x, t.map(Tangent::instantiate)));
        });
    }

    private static SymbolicResult values(JvpRules.Result r) {
        return new SymbolicResult(r.primals(), r.tangents().map(Tangent::of));
    }

    private static Seq<Boolean> nonzero(Seq<Tangent> t) {
        return t.map(v -> !v.isZero());
    }

    private static Seq<Boolean> or(Seq<Boolean> a, Seq<Boolean> b) {
        return a.zipWith(b, (x, y) -> x || y);
    }

    /**
     * The JVP of {@code j} as a program. Inputs and outputs are cut into consecutive groups;
     * each group is followed by the tangents of its members that are nonzero ({@code nzIn}
     * for inputs; for outputs, those whose tangent comes out nonzero or is forced).
     *
     * @param program the program
     * @param nzOut   per output of {@code j}, whether the program returns its tangent
     */
    private record JvpProgram(Programs.Closed program, Seq<Boolean> nzOut) {}

    private static JvpProgram jvpProgram(Jaxpr j, Seq<Integer> groups, Seq<Boolean> nzIn, Seq<Integer> outGroups, Seq<Boolean> forceOut) {
        Seq<ShapedArray> avals = j.inAvals();
        Seq<ShapedArray> in = grouped(avals, avals.map(ShapedArray::strong), groups, nzIn);
        Object[] nz = new Object[1];
        Programs.Closed c = Programs.trace(args -> {
            Seq<Array> primals = Vector.empty();
            Vector<Tangent> tangents = Vector.empty();
            int at = 0, member = 0;
            for (int g : groups) {
                Seq<Array> ps = args.slice(at, at + g);
                primals = primals.appendAll(ps);
                at += g;
                for (int i = 0; i < g; i++, member++) {
                    tangents = tangents.append(nzIn.get(member) ? Tangent.of(args.get(at++)) : Tangent.zero(ps.get(i)));
                }
            }
            SymbolicResult r = Jvp.jvpSymbolic(a -> Programs.eval(j, a), primals, tangents);
            Seq<Boolean> nzOut = or(nonzero(r.tangents()), forceOut);
            nz[0] = nzOut;
            return grouped(r.primals(), r.tangents().map(Tangent::instantiate), outGroups, nzOut);
        }, in);
        @SuppressWarnings("unchecked") Seq<Boolean> nzOut = (Seq<Boolean>) nz[0];
        return new JvpProgram(c, nzOut);
    }

    /** Per group: its primals, then the tangents of its members marked in {@code keep}. */
    private static <T> Seq<T> grouped(Seq<T> primals, Seq<T> tangents, Seq<Integer> groups, Seq<Boolean> keep) {
        Vector<T> out = Vector.empty();
        int at = 0;
        for (int g : groups) {
            out = out.appendAll(primals.slice(at, at + g));
            for (int i = at; i < at + g; i++) if (keep.get(i)) out = out.append(tangents.get(i));
            at += g;
        }
        return out;
    }

    /** Splits outputs laid out by {@link #grouped} back into primals and tangents (zeros where not kept). */
    private static SymbolicResult ungrouped(Seq<Array> out, Seq<Integer> groups, Seq<Boolean> keep) {
        Vector<Array> primals = Vector.empty();
        Vector<Tangent> tangents = Vector.empty();
        int at = 0, member = 0;
        for (int g : groups) {
            Seq<Array> ps = out.slice(at, at + g);
            primals = primals.appendAll(ps);
            at += g;
            for (int i = 0; i < g; i++, member++) tangents = tangents.append(keep.get(member) ? Tangent.of(out.get(at++)) : Tangent.zero(ps.get(i)));
        }
        return new SymbolicResult(primals, tangents);
    }

    private static SymbolicResult cond(Cond c, Seq<Array> x, Seq<Tangent> t) {
        int n = x.size() - 1;
        int outs = c.branches().head().outs().size();
        Seq<Boolean> nzIn = nonzero(t.tail());
        Seq<Boolean> none = Vector.fill(outs, () -> false);
        // A result has a tangent when any branch gives it one; then every branch returns it.
        Seq<Boolean> nzOut = none;
        for (Jaxpr b : c.branches()) nzOut = or(nzOut, jvpProgram(b, Vector.of(n), nzIn, Vector.of(outs), none).nzOut());
        Seq<Boolean> force = nzOut;
        Seq<Programs.Closed> branches = c.branches().map(b -> jvpProgram(b, Vector.of(n), nzIn, Vector.of(outs), force).program());
        Programs.Joined joined = Programs.join(branches);
        Seq<Array> operands = grouped(x.tail(), t.tail().map(Tangent::instantiate), Vector.of(n), nzIn);
        Seq<Array> r = Bind.bind(new Cond(joined.jaxprs()), joined.consts().prepend(x.head()).appendAll(operands));
        return ungrouped(r, Vector.of(outs), force);
    }

    private static SymbolicResult scan(Scan s, Seq<Array> x, Seq<Tangent> t) {
        int nc = s.numConsts(), nk = s.numCarry();
        Seq<Integer> groups = Vector.of(nc, nk, s.numXs());
        Seq<Boolean> nz = nonzero(t);
        Seq<Boolean> carryNz = nz.slice(nc, nc + nk);
        JvpProgram body;
        while (true) {
            Seq<Boolean> in = nz.take(nc).appendAll(carryNz).appendAll(nz.drop(nc + nk));
            body = jvpProgram(s.body(), groups, in, Vector.of(nk, s.numYs()), carryNz.appendAll(Vector.fill(s.numYs(), () -> false)));
            Seq<Boolean> next = or(carryNz, body.nzOut().take(nk));
            if (next.equals(carryNz)) break;
            carryNz = next;
        }
        Seq<Boolean> nzIn = nz.take(nc).appendAll(carryNz).appendAll(nz.drop(nc + nk));
        Programs.Closed p = body.program();
        int constTangents = nz.take(nc).count(b -> b), carryTangents = carryNz.count(b -> b);
        Scan jvp = new Scan(p.jaxpr(), s.length(), s.reverse(), p.numConsts() + nc + constTangents, nk + carryTangents, s.unroll());
        Seq<Array> r = Bind.bind(jvp, p.consts().appendAll(grouped(x, t.map(Tangent::instantiate), groups, nzIn)));
        return ungrouped(r, Vector.of(nk, s.numYs()), body.nzOut());
    }

    private static SymbolicResult whileLoop(While w, Seq<Array> x, Seq<Tangent> t) {
        int k = w.numCarry(), ncc = w.condConsts(), nbc = w.bodyConsts();
        Seq<Integer> groups = Vector.of(nbc, k);
        Seq<Boolean> nz = nonzero(t.drop(ncc));
        Seq<Boolean> carryNz = nz.drop(nbc);
        JvpProgram body;
        while (true) {
            body = jvpProgram(w.body(), groups, nz.take(nbc).appendAll(carryNz), Vector.of(k), carryNz);
            Seq<Boolean> next = or(carryNz, body.nzOut());
            if (next.equals(carryNz)) break;
            carryNz = next;
        }
        Seq<Boolean> nzIn = nz.take(nbc).appendAll(carryNz);
        Programs.Closed p = body.program();
        int carryTangents = carryNz.count(b -> b);
        // The predicate reads the primal carry only; the carry's tangents ride along unread.
        Seq<Boolean> finalCarryNz = carryNz;
        Seq<ShapedArray> tangentAvals = Vector.range(0, k).filter(finalCarryNz::get).map(i -> w.body().outAvals().get(i).strong());
        Jaxpr cond = Programs.withUnusedInputs(w.cond(), ncc + k, tangentAvals);
        While jvp = new While(cond, p.jaxpr(), ncc, p.numConsts() + nbc + nz.take(nbc).count(b -> b), w.maxSteps());
        Seq<Array> rest = grouped(x.drop(ncc), t.drop(ncc).map(Tangent::instantiate), groups, nzIn);
        Seq<Array> r = Bind.bind(jvp, x.take(ncc).appendAll(p.consts()).appendAll(rest));
        return ungrouped(r, Vector.of(k), carryNz);
    }

    /**
     * The JVP of a call is a call of the JVP: a checkpointed function stays checkpointed (so the
     * policy still applies when reverse mode splits it), a jitted call stays one call.
     */
    private static SymbolicResult call(Jaxpr body, Seq<Array> x, Seq<Tangent> t, Function<Jaxpr, ControlFlow> rebuild) {
        int outs = body.outs().size();
        Seq<Boolean> nzIn = nonzero(t);
        JvpProgram jvp = jvpProgram(body, Vector.of(x.size()), nzIn, Vector.of(outs), Vector.fill(outs, () -> false));
        Seq<Array> operands = grouped(x, t.map(Tangent::instantiate), Vector.of(x.size()), nzIn);
        Seq<Array> out = Bind.bind(rebuild.apply(jvp.program().jaxpr()), jvp.program().consts().appendAll(operands));
        return ungrouped(out, Vector.of(outs), jvp.nzOut());
    }
}
