package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a program equation by equation for a forward pass: a pass reads each equation with
 * its operands already substituted ({@link #operands}), then keeps it, replaces its outputs by
 * other atoms, or redefines them with another primitive.
 *
 * <p>Replacing a variable needs the replacement's aval to equal the variable's exactly, weak
 * type included: the binders of later equations and the program's output avals then stay
 * what their rules give, without retyping anything downstream. A rewrite whose avals would
 * differ is simply not made. Mutable, and local to one run of one pass.
 */
final class Rewriter {
    private final Jaxpr source;
    private final Map<Var, Atom> substitution = new HashMap<>();
    private final Map<Var, Eqn> definitions = new HashMap<>();
    private final List<Eqn> eqns = new ArrayList<>();

    Rewriter(Jaxpr source) {
        this.source = source;
    }

    /** {@return the atom that now stands for {@code a}} */
    Atom resolve(Atom a) {
        return a instanceof Var v ? substitution.getOrDefault(v, v) : a;
    }

    /** {@return {@code e}'s operands after earlier replacements} */
    Seq<Atom> operands(Eqn e) {
        return e.in().map(this::resolve);
    }

    /** {@return the equation of the rebuilt program that defines {@code a}, if any} */
    Option<Eqn> definition(Atom a) {
        return a instanceof Var v ? Option.of(definitions.get(v)) : Option.none();
    }

    /** Emits {@code e} with its operands substituted. */
    void keep(Eqn e) {
        emit(new Eqn(e.prim(), operands(e), e.out(), e.where()));
    }

    /**
     * Redefines {@code e}'s outputs as {@code prim in…}, when that primitive's rule gives
     * exactly their avals.
     *
     * @return whether the equation was emitted; when not, nothing happened
     */
    boolean redefine(Eqn e, Primitive prim, Seq<Atom> in) {
        Seq<ShapedArray> avals = prim.abstractEval(in.map(Atom::aval));
        if (!avals.equals(e.out().map(Var::aval))) return false;
        emit(new Eqn(prim, in, e.out(), e.where()));
        return true;
    }

    /**
     * Makes later uses of {@code v} read {@code by} instead, when their avals are equal.
     *
     * @return whether the replacement was made
     */
    boolean replace(Var v, Atom by) {
        if (!by.aval().equals(v.aval())) return false;
        substitution.put(v, by);
        return true;
    }

    private void emit(Eqn e) {
        eqns.add(e);
        for (Var v : e.out()) definitions.put(v, e);
    }

    /** {@return the rebuilt program with the given constant variables; the source when nothing changed} */
    Jaxpr finish(Seq<Var> constVars) {
        var rebuilt = new Jaxpr(constVars, source.inVars(), Vector.ofAll(eqns), source.outs().map(this::resolve));
        return rebuilt.equals(source) ? source : rebuilt;
    }

    /** {@return the rebuilt program, with the source's constant variables} */
    Jaxpr finish() {
        return finish(source.constVars());
    }
}
