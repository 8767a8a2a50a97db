package dev.jaxj.compiler.pass;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static dev.jaxj.compiler.pass.Programs.*;
import static org.junit.jupiter.api.Assertions.*;

class PassesTest {
    private static final ShapedArray F32_23 = ShapedArray.of(DType.F32, 2, 3);

    /** What a traced layer often looks like before cleanup: identities, a repeated subterm, dead code. */
    private static Jaxpr layer() {
        return withConsts(Jaxpr.build(Vector.of(F32_23, F32_23, F32_23), b -> {
            Var wt = b.add(new Transpose(Vector.of(1, 0)), b.in(1)).head();
            Var w = b.add(new Transpose(Vector.of(1, 0)), wt).head();
            Var scale = b.add(new Mul(), f32(2.0), f32(0.5)).head();
            Var ones = b.add(new BroadcastInDim(Shape.of(2, 3), Vector.empty()), scale).head();
            Var h1 = b.add(new Mul(), b.in(2), w).head();
            Var h2 = b.add(new Mul(), b.in(2), b.add(new Mul(), w, ones).head()).head();
            Var sum = b.add(new Add(), h1, h2).head();
            b.add(new Exp(), sum);
            Var flat = b.add(new Reshape(Shape.of(6)), sum).head();
            Var r = b.add(new Reshape(Shape.of(3, 2)), flat).head();
            return Vector.of(b.add(new ReduceSum(Vector.of(0)), r).head(), b.add(new Sub(), scale, f32(1.0)).head());
        }), 2);
    }

    @Test
    void shouldSimplifyATypicalProgramToItsEssence() {
        Jaxpr out = run(Passes.standard(), layer());
        assertEquals("""
                { lambda a:f32[2,3] ; b:f32[2,3]. let
                    c:f32[2,3] = mul b a
                    d:f32[2,3] = add c c
                    e:f32[3,2] = reshape[new_sizes=(3, 2)] d
                    f:f32[2] = reduce_sum[axes=(0,)] e
                  in (f, 0.0:f32[]) }""", out.toString());
        assertEquals(Vector.of(1), Closed.keptConstIndices(layer(), out));
    }

    @Test
    void shouldReachAFixpoint() {
        Jaxpr once = Passes.standard().apply(layer());
        assertSame(once, Passes.standard().apply(once));
        for (Pass p : Vector.of(new AlgebraicSimplifier(), new ConstantFolding(), new CommonSubexpressionElimination(), new DeadCodeElimination())) {
            assertSame(once, p.apply(once), p + " still changes the standard pipeline's result");
        }
    }

    @Test
    void shouldBeNamed() {
        assertEquals("standard", Passes.standard().toString());
        assertEquals("standard(evaluator, 8)", Passes.standard(ReferenceInterpreter.EVALUATOR, 8).toString());
        assertThrows(IllegalArgumentException.class, () -> Passes.standard(ReferenceInterpreter.EVALUATOR, 0));
    }
}
