package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** {@link ConstantFolding#withEvaluator}: folding through the caller's kernels, with the constants' values at hand. */
record EvaluatorFolding<T>(Evaluator<T> evaluator, int maxElements) implements ClosedPass<T> {
    EvaluatorFolding {
        requireNonNull(evaluator, "evaluator is null");
        if (maxElements < 1) throw new IllegalArgumentException("maxElements must be >= 1, got " + maxElements);
    }

    @Override
    public Closed<T> apply(Closed<T> program) {
        var source = program.jaxpr();
        var rw = new Rewriter(source);
        Map<Var, T> small = new HashMap<>();
        for (int i = 0; i < source.constVars().size(); i++) {
            Var v = source.constVars().get(i);
            if (v.aval().size() <= maxElements) small.put(v, program.consts().get(i));
        }
        Vector<Var> constVars = Vector.ofAll(source.constVars());
        Vector<T> consts = Vector.ofAll(program.consts());
        for (Eqn e : source.eqns()) {
            if (ConstantFolding.foldLiterals(rw, e)) continue;
            Seq<Atom> in = rw.operands(e);
            if (!foldable(e, in, small)) {
                rw.keep(e);
                continue;
            }
            Seq<T> values = evaluator.eval(new Eqn(e.prim(), in, e.out(), e.where()), in.map(a -> switch (a) {
                case Lit l -> evaluator.literal(l);
                case Var v -> small.get(v);
            }));
            for (int i = 0; i < e.out().size(); i++) {
                Var out = e.out().get(i);
                T value = values.get(i);
                Option<Lit> lit = out.aval().rank() == 0 ? evaluator.toLiteral(value, out.aval()) : Option.none();
                if (lit.isDefined() && rw.replace(out, lit.get())) continue;
                // The output variable itself becomes the constant, so no use needs rewriting.
                constVars = constVars.append(out);
                consts = consts.append(value);
                small.put(out, value);
            }
        }
        var folded = rw.finish(constVars);
        return folded == source ? program : new Closed<>(folded, consts);
    }

    private boolean foldable(Eqn e, Seq<Atom> in, Map<Var, T> small) {
        // A loop's cost is unbounded (a while may not even end), so control flow runs with the program, never at compile time.
        if (e.prim() instanceof Primitive.CustomVjpLinear || e.prim() instanceof Primitive.ControlFlow) return false;
        boolean known = in.forAll(a -> a instanceof Lit || a instanceof Var v && small.containsKey(v));
        return known && e.out().forAll(v -> v.aval().size() <= maxElements);
    }

    @Override
    public String toString() {
        return "constant_folding(evaluator, " + maxElements + ")";
    }
}
