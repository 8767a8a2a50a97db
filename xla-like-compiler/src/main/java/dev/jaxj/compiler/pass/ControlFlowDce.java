package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.Cond;
import dev.jaxj.ir.Primitive.ControlFlow;
import dev.jaxj.ir.Primitive.CustomJvpCall;
import dev.jaxj.ir.Primitive.CustomVjpCall;
import dev.jaxj.ir.Primitive.Pjit;
import dev.jaxj.ir.Primitive.Remat;
import dev.jaxj.ir.Primitive.Scan;
import dev.jaxj.ir.Primitive.While;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@link DeadCodeElimination}'s rules for control flow, as JAX's {@code _scan_dce_rule} and its
 * cond and while counterparts: drop the results nobody reads, then the operands the programs
 * no longer read. A loop-carried value stays while the caller, a later iteration of a kept
 * value or (for {@code while}) the loop's condition reads it — a fixpoint, since keeping one
 * carry can make the body read another.
 * {@snippet lang=text :
 * c:f32[] ys:f32[8] = scan[num_carry=1 …] w c0 xs    ; only c is read
 *   ==>  c:f32[] = scan[num_carry=1 …] w c0 xs       ; the body's y and what computes it go too
 * }
 */
final class ControlFlowDce {
    private ControlFlowDce() {}

    /** A program restricted to some outputs, and which of its inputs it still reads. */
    private record Pruned(Jaxpr jaxpr, boolean[] usedIns) {}

    /** {@return {@code e} without the results {@code live} rejects and the operands its programs no longer read; {@code e} when nothing goes} */
    static Eqn prune(Eqn e, ControlFlow cf, Predicate<Var> live) {
        boolean[] usedOuts = new boolean[e.out().size()];
        for (int i = 0; i < usedOuts.length; i++) usedOuts[i] = live.test(e.out().get(i));
        return switch (cf) {
            case Cond c -> cond(e, c, usedOuts);
            case Scan s -> scan(e, s, usedOuts);
            case While w -> whileLoop(e, w, usedOuts);
            case Remat r -> {
                Pruned body = prune(r.body(), usedOuts);
                yield rebuild(e, new Remat(dropInputs(body.jaxpr, body.usedIns), r.policy()), body.usedIns, usedOuts);
            }
            case Pjit j -> {
                Pruned body = prune(j.body(), usedOuts);
                yield rebuild(e, new Pjit(dropInputs(body.jaxpr, body.usedIns), j.functionName()), body.usedIns, usedOuts);
            }
            // Their rules are traced for all of the function's outputs and operands: kept whole.
            case CustomJvpCall _, CustomVjpCall _ -> e;
        };
    }

    private static Eqn cond(Eqn e, Cond c, boolean[] usedOuts) {
        Seq<Pruned> branches = c.branches().map(b -> prune(b, usedOuts));
        boolean[] usedIns = new boolean[c.branches().head().inVars().size()];
        for (Pruned p : branches) for (int i = 0; i < usedIns.length; i++) usedIns[i] |= p.usedIns[i];
        Cond pruned = new Cond(branches.map(p -> dropInputs(p.jaxpr, usedIns)));
        boolean[] keepOperands = concat(new boolean[] {true}, usedIns);
        return rebuild(e, pruned, keepOperands, usedOuts);
    }

    private static Eqn scan(Eqn e, Scan s, boolean[] usedOuts) {
        int consts = s.numConsts(), carry = s.numCarry();
        boolean[] outs = usedOuts.clone();
        Pruned body = prune(s.body(), outs);
        // A carry the body reads must come out of the previous iteration, so its output is kept too.
        while (markReadCarries(outs, body.usedIns, consts, carry)) body = prune(s.body(), outs);
        boolean[] keepIns = body.usedIns.clone();
        for (int i = 0; i < carry; i++) keepIns[consts + i] = outs[i];
        Scan pruned = new Scan(dropInputs(body.jaxpr, keepIns), s.length(), s.reverse(), count(keepIns, 0, consts), count(outs, 0, carry), s.unroll());
        return rebuild(e, pruned, keepIns, outs);
    }

    private static Eqn whileLoop(Eqn e, While w, boolean[] usedOuts) {
        int carry = w.numCarry();
        Pruned cond = prune(w.cond(), new boolean[] {true});
        boolean[] outs = usedOuts.clone();
        // The condition decides the trip count, so every carry it reads is needed.
        markReadCarries(outs, cond.usedIns, w.condConsts(), carry);
        Pruned body = prune(w.body(), outs);
        while (markReadCarries(outs, body.usedIns, w.bodyConsts(), carry)) body = prune(w.body(), outs);
        boolean[] condIns = cond.usedIns.clone();
        for (int i = 0; i < carry; i++) condIns[w.condConsts() + i] = outs[i];
        boolean[] bodyIns = body.usedIns.clone();
        for (int i = 0; i < carry; i++) bodyIns[w.bodyConsts() + i] = outs[i];
        While pruned = new While(dropInputs(cond.jaxpr, condIns), dropInputs(body.jaxpr, bodyIns),
                count(condIns, 0, w.condConsts()), count(bodyIns, 0, w.bodyConsts()), w.maxSteps());
        boolean[] keepOperands = concat(Arrays.copyOf(condIns, w.condConsts()), bodyIns);
        return rebuild(e, pruned, keepOperands, outs);
    }

    /** Marks carry {@code i} (output {@code i}) as used where the program reads input {@code first + i}; {@return whether a mark was added} */
    private static boolean markReadCarries(boolean[] outs, boolean[] usedIns, int first, int carry) {
        boolean added = false;
        for (int i = 0; i < carry; i++) {
            if (usedIns[first + i] && !outs[i]) {
                outs[i] = true;
                added = true;
            }
        }
        return added;
    }

    /** {@return {@code j} returning only the outputs {@code keep} selects, without the equations that then die} */
    private static Pruned prune(Jaxpr j, boolean[] keep) {
        Seq<Atom> outs = Vector.range(0, keep.length).filter(i -> keep[i]).map(j.outs()::get);
        Jaxpr pruned = new DeadCodeElimination().apply(new Jaxpr(j.constVars(), j.inVars(), j.eqns(), outs));
        Set<Var> read = new HashSet<>();
        for (Eqn e : pruned.eqns()) for (Atom a : e.in()) if (a instanceof Var v) read.add(v);
        for (Atom a : pruned.outs()) if (a instanceof Var v) read.add(v);
        boolean[] usedIns = new boolean[j.inVars().size()];
        for (int i = 0; i < usedIns.length; i++) usedIns[i] = read.contains(j.inVars().get(i));
        return new Pruned(pruned, usedIns);
    }

    /** {@return {@code j} without the inputs {@code keep} rejects (which it must not read)} */
    private static Jaxpr dropInputs(Jaxpr j, boolean[] keep) {
        Seq<Var> ins = Vector.range(0, keep.length).filter(i -> keep[i]).map(j.inVars()::get);
        return new Jaxpr(j.constVars(), ins, j.eqns(), j.outs());
    }

    private static Eqn rebuild(Eqn e, ControlFlow prim, boolean[] keepOperands, boolean[] keepOuts) {
        if (prim.equals(e.prim())) return e;
        Seq<Atom> in = Vector.range(0, keepOperands.length).filter(i -> keepOperands[i]).map(e.in()::get);
        Seq<Var> out = Vector.range(0, keepOuts.length).filter(i -> keepOuts[i]).map(e.out()::get);
        return new Eqn(prim, in, out, e.where());
    }

    private static int count(boolean[] xs, int from, int n) {
        int c = 0;
        for (int i = from; i < from + n; i++) if (xs[i]) c++;
        return c;
    }

    private static boolean[] concat(boolean[] a, boolean[] b) {
        boolean[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
