package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Replaces equations whose operands are all literals by the literal they compute.
 *
 * <p>This module has no kernels, so on its own it folds only what {@link LiteralArithmetic}
 * computes exactly: add, sub, mul, div, rem, max, min, neg, comparisons and
 * convert_element_type of scalar literals of dtypes f32, f64, i32, i64 (bool for comparisons
 * and conversions), with a kernel's rounding and wrapping. With an {@link Evaluator} from the
 * caller, {@link #withEvaluator} folds any equation whose operands are literals or small
 * constants.
 * {@snippet lang=text :
 * b:f32[] = add 2.0:f32[] 3.0:f32[]; c:f32[] = mul a b   ==>   c:f32[] = mul a 5.0:f32[]
 * }
 */
public record ConstantFolding() implements Pass {
    @Override
    public Jaxpr apply(Jaxpr program) {
        var rw = new Rewriter(program);
        for (Eqn e : program.eqns()) {
            if (!foldLiterals(rw, e)) rw.keep(e);
        }
        return rw.finish();
    }

    /**
     * Folds {@code e} when its operands are all literals and {@link LiteralArithmetic} knows it.
     *
     * @return whether it was folded (its output is then replaced by a literal)
     */
    static boolean foldLiterals(Rewriter rw, Eqn e) {
        Seq<Atom> in = rw.operands(e);
        if (in.isEmpty() || e.out().size() != 1 || !in.forAll(a -> a instanceof Lit)) return false;
        Var out = e.out().head();
        Option<Lit> folded = LiteralArithmetic.fold(e.prim(), in.map(a -> (Lit) a), out.aval());
        return folded.isDefined() && rw.replace(out, folded.get());
    }

    /**
     * {@return constant folding through the caller's kernels} Besides what {@link
     * ConstantFolding} folds, an equation whose operands are literals or constants of at most
     * {@code maxElements} elements, and whose outputs are that small too, is run by {@code
     * evaluator}: each output becomes a literal when {@link Evaluator#toLiteral} reads it, else
     * a new constant (the output variable turns into a constant variable, appended to the
     * program's, with the computed value). Equations without operands ({@code iota}) fold the
     * same way; {@code custom_vjp_linear}, which no backend runs, never folds, nor does control
     * flow, whose cost has no bound.
     *
     * @throws IllegalArgumentException when {@code maxElements < 1}
     */
    public static <T> ClosedPass<T> withEvaluator(Evaluator<T> evaluator, int maxElements) {
        return new EvaluatorFolding<>(evaluator, maxElements);
    }

    @Override
    public String toString() {
        return "constant_folding";
    }
}
