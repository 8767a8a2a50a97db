package dev.jaxj.compiler.pass;

import dev.jaxj.ir.Atom;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Primitive.DotGeneral;
import dev.jaxj.ir.Primitive.Transpose;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.HashMap;
import java.util.Map;

/**
 * Folds a transpose that swaps the two operands' free axes of a {@code dot_general} into the
 * product itself, by swapping the operands:
 * {@snippet lang=text :
 * c:f32[512,784] = dot_general[contract ((0,), (0,))] a b     ; a:f32[128,512], b:f32[128,784]
 * d:f32[784,512] = transpose[permutation=(1, 0)] c
 *   ==>  d:f32[784,512] = dot_general[contract ((0,), (0,))] b a
 * }
 * Reverse mode produces this shape for every weight gradient; the GEMM then writes the
 * transposed layout directly instead of a copy pass. Only products without batch axes, read
 * by nothing but the transpose, are folded (otherwise the product would be computed twice).
 */
public record TransposeFolding() implements Pass {
    @Override
    public Jaxpr apply(Jaxpr program) {
        Map<Var, Integer> uses = new HashMap<>();
        for (Eqn e : program.eqns()) for (Atom a : e.in()) if (a instanceof Var v) uses.merge(v, 1, Integer::sum);
        for (Atom a : program.outs()) if (a instanceof Var v) uses.merge(v, 1, Integer::sum);
        var rw = new Rewriter(program);
        for (Eqn e : program.eqns()) {
            if (!(e.prim() instanceof Transpose t && fold(rw, e, t, uses))) rw.keep(e);
        }
        return rw.finish();
    }

    private static boolean fold(Rewriter rw, Eqn e, Transpose t, Map<Var, Integer> uses) {
        Atom x = rw.operands(e).head();
        if (!(x instanceof Var v) || uses.getOrDefault(v, 0) != 1) return false;
        return rw.definition(x).exists(d -> d.prim() instanceof DotGeneral dot && dot.dimensionNumbers().lhsBatch().isEmpty()
                && swapsFreeAxes(t.permutation(), free(d.in().get(0), dot.dimensionNumbers().lhsContracting()))
                && rw.redefine(e, swapped(dot), Vector.of(d.in().get(1), d.in().get(0))));
    }

    private static int free(Atom operand, Seq<Integer> contracting) {
        return operand.aval().rank() - contracting.size();
    }

    /** {@return whether {@code perm} moves the last {@code n - lhsFree} axes in front of the first {@code lhsFree}, each block in order} */
    private static boolean swapsFreeAxes(Seq<Integer> perm, int lhsFree) {
        int n = perm.size(), rhsFree = n - lhsFree;
        for (int i = 0; i < n; i++) {
            int expected = i < rhsFree ? lhsFree + i : i - rhsFree;
            if (perm.get(i) != expected) return false;
        }
        return lhsFree > 0 && rhsFree > 0;
    }

    private static DotGeneral swapped(DotGeneral dot) {
        DotDimensionNumbers d = dot.dimensionNumbers();
        return new DotGeneral(new DotDimensionNumbers(d.rhsContracting(), d.lhsContracting(), d.rhsBatch(), d.lhsBatch()), dot.preferredElementType());
    }

    @Override
    public String toString() {
        return "transpose_folding";
    }
}
