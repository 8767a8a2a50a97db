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

class CommonSubexpressionEliminationTest {
    private static final Pass CSE = new CommonSubexpressionElimination();

    @Test
    void shouldReuseTheFirstOfTwoEqualEquations() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> {
            Var s1 = b.add(new Sin(), b.in(0)).head();
            Var s2 = b.add(new Sin(), b.in(0)).head();
            return b.add(new Add(), s1, s2);
        });
        assertEquals("""
                { lambda ; a:f32[3]. let
                    b:f32[3] = sin a
                    c:f32[3] = add b b
                  in (c) }""", run(CSE, j).toString());
    }

    @Test
    void shouldMergeChainsInOneRun() {
        Jaxpr j = Jaxpr.build(Vector.of(F3, F3), b -> {
            Var m1 = b.add(new Mul(), b.in(0), b.in(1)).head();
            Var e1 = b.add(new Exp(), m1).head();
            Var m2 = b.add(new Mul(), b.in(0), b.in(1)).head();
            Var e2 = b.add(new Exp(), m2).head();
            return Vector.of(e1, e2);
        });
        assertEquals("""
                { lambda ; a:f32[3] b:f32[3]. let
                    c:f32[3] = mul a b
                    d:f32[3] = exp c
                  in (d, d) }""", run(CSE, j).toString());
    }

    @Test
    void shouldTellOperandOrderAndParamsApart() {
        Jaxpr j = Jaxpr.build(Vector.of(F23), b -> {
            Var t1 = b.add(new ReduceSum(Vector.of(0)), b.in(0)).head();
            Var t2 = b.add(new ReduceSum(Vector.of(1)), b.in(0)).head();
            Var s1 = b.add(new Sub(), b.in(0), b.in(0)).head();
            Var s2 = b.add(new Sub(), s1, b.in(0)).head();
            Var s3 = b.add(new Sub(), b.in(0), s1).head();
            return Vector.of(t1, t2, s2, s3);
        });
        assertSame(j, CSE.apply(j));
    }

    @Test
    void shouldCompareLiteralsByValueAndAval() {
        Jaxpr j = Jaxpr.build(Vector.of(F32), b -> {
            Var a = b.add(new Add(), b.in(0), f32(1.0)).head();
            Var c = b.add(new Add(), b.in(0), f32(1.0)).head();
            Var weak = b.add(new Add(), b.in(0), new dev.jaxj.ir.Lit(1.0, new ShapedArray(F32.shape(), DType.F32, true))).head();
            Var negZero = b.add(new Add(), b.in(0), f32(-0.0)).head();
            Var zero = b.add(new Add(), b.in(0), f32(0.0)).head();
            return Vector.of(a, c, weak, negZero, zero);
        });
        assertEquals("""
                { lambda ; a:f32[]. let
                    b:f32[] = add a 1.0:f32[]
                    c:f32[] = add a 1.0:f32[]
                    d:f32[] = add a -0.0:f32[]
                    e:f32[] = add a 0.0:f32[]
                  in (b, b, c, d, e) }""", run(CSE, j).toString());
    }

    @Test
    void shouldMergeEqualMultiOutputEquations() {
        ShapedArray f = ShapedArray.of(DType.F32, 4);
        Jaxpr j = Jaxpr.build(Vector.of(f, f), b -> {
            var s1 = b.addAll(new Sort(0, true, 1), b.in(0), b.in(1));
            var s2 = b.addAll(new Sort(0, true, 1), b.in(0), b.in(1));
            return Vector.of(s1.get(1), s2.get(0));
        });
        assertEquals("""
                { lambda ; a:f32[4] b:f32[4]. let
                    c:f32[4] d:f32[4] = sort[dimension=0 is_stable=true num_keys=1] a b
                  in (d, c) }""", run(CSE, j).toString());
    }

    @Test
    void shouldMergeEquationsWithoutOperands() {
        Jaxpr j = Jaxpr.build(Vector.empty(), b -> {
            Var i1 = b.add(new Iota(DType.I32, dev.jaxj.ir.Shape.of(3), 0)).head();
            Var i2 = b.add(new Iota(DType.I32, dev.jaxj.ir.Shape.of(3), 0)).head();
            return b.add(new Add(), i1, i2);
        });
        assertEquals("""
                { lambda ; . let
                    a:i32[3] = iota[dtype=int32 shape=(3,) dimension=0]
                    b:i32[3] = add a a
                  in (b) }""", run(CSE, j).toString());
    }
}
