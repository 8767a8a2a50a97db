package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.ControlFlow;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Runs a pass inside the programs of control-flow equations ({@code cond} branches, a
 * {@code scan} body, a {@code while} loop's cond and body), innermost first. A pass keeps its
 * argument's inputs and output avals, and these programs are closed (no constants), so a
 * rewritten program fits its primitive exactly as the original did.
 * {@snippet :
 * Pass everywhere = SubPrograms.deep(new DeadCodeElimination());   // bodies, then the program
 * }
 */
public final class SubPrograms {
    private SubPrograms() {}

    /** {@return {@code pass} applied to every nested program, then to the program itself} */
    public static Pass deep(Pass pass) {
        return new NamedPass(pass.toString(), new Pass() {
            @Override
            public Jaxpr apply(Jaxpr j) {
                return pass.apply(mapPrograms(j, this));
            }
        });
    }

    /**
     * {@return {@code pass} applied to the programs of the control-flow equations only}, for a
     * pass that goes deeper itself (a {@link #deep} one); the program's own equations are left alone
     */
    public static Pass inside(Pass pass) {
        return new NamedPass("inside(" + pass + ")", j -> mapPrograms(j, pass));
    }

    /** {@return {@code j} with {@code pass} applied to the programs of its control-flow equations; {@code j} itself when none changes} */
    static Jaxpr mapPrograms(Jaxpr j, Pass pass) {
        boolean changed = false;
        Vector<Eqn> eqns = Vector.empty();
        for (Eqn e : j.eqns()) {
            Eqn rewritten = e;
            if (e.prim() instanceof ControlFlow cf) {
                Seq<Jaxpr> before = cf.jaxprs();
                Seq<Jaxpr> after = before.map(pass::apply);
                if (!after.equals(before)) rewritten = new Eqn(cf.withJaxprs(after), e.in(), e.out(), e.where());
            }
            changed |= rewritten != e;
            eqns = eqns.append(rewritten);
        }
        return changed ? new Jaxpr(j.constVars(), j.inVars(), eqns, j.outs()) : j;
    }
}
