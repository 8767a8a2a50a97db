package dev.jaxj.compiler.pass;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static dev.jaxj.compiler.pass.Programs.*;
import static org.junit.jupiter.api.Assertions.*;

class DeadCodeEliminationTest {
    private static final Pass DCE = new DeadCodeElimination();

    @Test
    void shouldDropEquationsWhoseOutputsAreUnused() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> {
            Var s = b.add(new Sin(), b.in(0)).head();
            b.add(new Cos(), b.in(0));
            Var e = b.add(new Exp(), s).head();
            b.add(new Neg(), e);
            return Vector.of(s);
        });
        assertEquals("""
                { lambda ; a:f32[3]. let
                    b:f32[3] = sin a
                  in (b) }""", run(DCE, j).toString());
    }

    @Test
    void shouldKeepEquationsThatFeedOutputsThroughOthers() {
        Jaxpr j = Jaxpr.build(Vector.of(F3, F3), b -> {
            Var s = b.add(new Sin(), b.in(0)).head();
            Var m = b.add(new Mul(), s, b.in(1)).head();
            b.add(new Cos(), m);
            return Vector.of(b.add(new Neg(), m).head());
        });
        assertEquals("""
                { lambda ; a:f32[3] b:f32[3]. let
                    c:f32[3] = sin a
                    d:f32[3] = mul c b
                    e:f32[3] = neg d
                  in (e) }""", run(DCE, j).toString());
    }

    @Test
    void shouldKeepAMultiOutputEquationWhenAnyOutputIsUsed() {
        ShapedArray u = ShapedArray.of(DType.U32, 2);
        Jaxpr j = Jaxpr.build(Vector.of(u, u, u, u), b -> {
            var words = b.addAll(new Threefry2x32(), b.in(0), b.in(1), b.in(2), b.in(3));
            return Vector.of(words.get(1));
        });
        assertEquals("""
                { lambda ; a:u32[2] b:u32[2] c:u32[2] d:u32[2]. let
                    e:u32[2] f:u32[2] = threefry2x32 a b c d
                  in (f) }""", run(DCE, j).toString());
    }

    @Test
    void shouldDropUnusedConstantsAndKeepTheOthersInOrder() {
        Jaxpr j = withConsts(Jaxpr.build(Vector.of(F3, F3, F3, F3), b -> {
            Var x = b.add(new Add(), b.in(0), b.in(3)).head();
            b.add(new Mul(), b.in(1), b.in(3));
            return Vector.of(b.add(new Sub(), x, b.in(2)).head());
        }), 3);
        Jaxpr out = run(DCE, j);
        assertEquals("""
                { lambda a:f32[3] b:f32[3] ; c:f32[3]. let
                    d:f32[3] = add a c
                    e:f32[3] = sub d b
                  in (e) }""", out.toString());
        assertEquals(Vector.of(0, 2), Closed.keptConstIndices(j, out));
    }

    @Test
    void shouldKeepUnusedInputsSinceTheyAreTheSignature() {
        Jaxpr j = Jaxpr.build(Vector.of(F3, F3), b -> Vector.of(b.in(1)));
        assertSame(j, run(DCE, j));
        assertEquals(2, j.inVars().size());
    }

    @Test
    void shouldReturnTheSameProgramWhenNothingIsDead() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> b.add(new Sin(), b.in(0)));
        assertSame(j, DCE.apply(j));
    }

    @Test
    void shouldDropEverythingWhenTheOutputIsALiteral() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> {
            b.add(new Sin(), b.in(0));
            return Vector.of(f32(1.0));
        });
        assertEquals("""
                { lambda ; a:f32[3]. let
                  in (1.0:f32[]) }""", run(DCE, j).toString());
    }
}
