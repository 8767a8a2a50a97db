package dev.jaxj.ir;

import dev.jaxj.errors.JaxprTypeError;
import dev.jaxj.ir.Primitive.*;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class JaxprTest {
    private static final ShapedArray F3 = ShapedArray.of(DType.F32, 3);

    @Test
    void shouldPrintCanonicalText() {
        Jaxpr j = Jaxpr.build(Vector.of(F3, ShapedArray.of(DType.F32)), b -> {
            Var s = b.add(new Sin(), b.in(0)).head();
            Var c = b.add(new BroadcastInDim(Shape.of(3), Vector.empty()), b.in(1)).head();
            Var m = b.add(new Mul(), s, c).head();
            return b.add(new ReduceSum(Vector.of(0)), m);
        });
        assertEquals("""
                { lambda ; a:f32[3] b:f32[]. let
                    c:f32[3] = sin a
                    d:f32[3] = broadcast_in_dim[shape=(3,) broadcast_dimensions=()] b
                    e:f32[3] = mul c d
                    f:f32[] = reduce_sum[axes=(0,)] e
                  in (f) }""", j.toString());
        assertSame(j, j.typecheck());
    }

    @Test
    void shouldPrintLiteralsWithTheirAval() {
        Jaxpr j = Jaxpr.build(Vector.of(ShapedArray.of(DType.F32)), b ->
                b.add(new Add(), b.in(0), new Lit(2.0, ShapedArray.of(DType.F32))));
        assertTrue(j.toString().contains("b:f32[] = add a 2.0:f32[]"), j.toString());
    }

    @Test
    void shouldNameVariablesPastZAsJaxDoes() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> {
            Var v = b.in(0);
            for (int i = 0; i < 27; i++) v = b.add(new Neg(), v).head();
            return Vector.of(v);
        });
        assertTrue(j.toString().contains("ba:f32[3] = neg z"), j.toString());
    }

    @Test
    void shouldRejectUnboundVariables() {
        Var free = new Var(99, F3);
        Var in = new Var(0, F3);
        Var out = new Var(1, F3);
        Jaxpr bad = new Jaxpr(Vector.empty(), Vector.of(in), Vector.of(new Eqn(new Add(), Vector.of(in, free), Vector.of(out), SourceInfo.UNKNOWN)), Vector.of(out));
        JaxprTypeError e = assertThrows(JaxprTypeError.class, bad::typecheck);
        assertTrue(e.getMessage().contains("unbound variable"), e.getMessage());
    }

    @Test
    void shouldRejectOutputsThatDisagreeWithTheRule() {
        Var in = new Var(0, F3);
        Var out = new Var(1, ShapedArray.of(DType.F32, 4));
        Jaxpr bad = new Jaxpr(Vector.empty(), Vector.of(in), Vector.of(new Eqn(new Sin(), Vector.of(in), Vector.of(out), SourceInfo.UNKNOWN)), Vector.of(out));
        JaxprTypeError e = assertThrows(JaxprTypeError.class, bad::typecheck);
        assertTrue(e.getMessage().contains("declares outputs f32[4] but its rule gives f32[3]"), e.getMessage());
    }

    @Test
    void shouldRejectDoubleAssignment() {
        Var in = new Var(0, F3);
        Jaxpr bad = new Jaxpr(Vector.empty(), Vector.of(in), Vector.of(new Eqn(new Sin(), Vector.of(in), Vector.of(in), SourceInfo.UNKNOWN)), Vector.of(in));
        assertThrows(JaxprTypeError.class, bad::typecheck);
    }

    @Test
    void shouldRecordTheUserLineOnEachEquation() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> b.add(new Sin(), b.in(0)));
        SourceInfo where = j.eqns().head().where();
        assertEquals(JaxprTest.class.getName(), where.className());
        assertTrue(where.line() > 0);
    }
}
