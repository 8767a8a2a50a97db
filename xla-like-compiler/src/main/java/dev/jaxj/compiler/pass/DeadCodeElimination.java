package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.ControlFlow;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes equations none of whose outputs is used, and constants nothing reads.
 *
 * <p>Every primitive is pure, so an unused result can go; an equation with several outputs
 * stays while any of them is used. Inputs stay even when unused, since they are the
 * program's signature. A control-flow equation also loses the results nobody reads and the
 * operands its programs then no longer read ({@link ControlFlowDce}). Dropped constants leave {@code constVars} a subsequence of the
 * original's: see {@link Closed#restrictTo} for their values.
 * {@snippet lang=text :
 * { lambda ; a:f32[3]. let b:f32[3] = sin a; c:f32[3] = cos a in (b) }
 *   ==> { lambda ; a:f32[3]. let b:f32[3] = sin a in (b) }
 * }
 */
public record DeadCodeElimination() implements Pass {
    @Override
    public Jaxpr apply(Jaxpr program) {
        Set<Var> live = new HashSet<>();
        for (Atom a : program.outs()) markUsed(live, a);
        List<Eqn> kept = new ArrayList<>();
        boolean changed = false;
        for (Eqn e : program.eqns().reverse()) {
            if (e.out().exists(live::contains)) {
                Eqn k = e.prim() instanceof ControlFlow cf ? ControlFlowDce.prune(e, cf, live::contains) : e;
                changed |= k != e;
                kept.add(k);
                for (Atom a : k.in()) markUsed(live, a);
            }
        }
        if (!changed && kept.size() == program.eqns().size() && program.constVars().forAll(live::contains)) return program;
        Collections.reverse(kept);
        return new Jaxpr(program.constVars().filter(live::contains), program.inVars(), Vector.ofAll(kept), program.outs());
    }

    private static void markUsed(Set<Var> live, Atom a) {
        if (a instanceof Var v) live.add(v);
    }

    @Override
    public String toString() {
        return "dce";
    }
}
