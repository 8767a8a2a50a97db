package dev.jaxj.compiler.pass;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TransposeFoldingTest {
    private static final Pass FOLD_DCE = new TransposeFolding().andThen(new DeadCodeElimination());
    private static final ShapedArray A = ShapedArray.of(DType.F32, 4, 2), B = ShapedArray.of(DType.F32, 4, 3);

    /** aᵀ·b, contracting the leading axes: the weight gradient of a linear layer */
    private static DotGeneral contractLeading() {
        return new DotGeneral(new DotDimensionNumbers(Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty()), Option.none());
    }

    @Test
    void shouldSwapTheOperandsOfAProductWhoseTransposeIsAllThatIsRead() {
        Jaxpr j = Jaxpr.build(Vector.of(A, B), b -> {
            Var c = b.add(contractLeading(), b.in(0), b.in(1)).head();
            return b.add(new Transpose(Vector.of(1, 0)), c);
        });
        assertEquals("""
                { lambda ; a:f32[4,2] b:f32[4,3]. let
                    c:f32[3,2] = dot_general[dimension_numbers=DotDimensionNumbers(lhs_contracting=(0,), rhs_contracting=(0,), lhs_batch=(), rhs_batch=()) preferred_element_type=None] b a
                  in (c) }""", FOLD_DCE.apply(j.typecheck()).typecheck().toString());
    }

    @Test
    void shouldLeaveAProductThatIsAlsoReadDirectly() {
        Jaxpr j = Jaxpr.build(Vector.of(A, B), b -> {
            Var c = b.add(contractLeading(), b.in(0), b.in(1)).head();
            return Vector.of(c, b.add(new Transpose(Vector.of(1, 0)), c).head());
        });
        assertSame(j, new TransposeFolding().apply(j));
    }

    @Test
    void shouldRemoveStopGradientForExecution() {
        Jaxpr j = Jaxpr.build(Vector.of(A), b -> b.add(new Sin(), b.add(new StopGradient(), b.in(0)).head()));
        assertEquals("""
                { lambda ; a:f32[4,2]. let
                    b:f32[4,2] = sin a
                  in (b) }""", Passes.forExecution().apply(j.typecheck()).toString());
    }
}
