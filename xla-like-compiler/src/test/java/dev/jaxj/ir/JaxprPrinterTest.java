package dev.jaxj.ir;

import dev.jaxj.ir.Primitive.*;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Control flow prints as JAX prints it: params by JAX's names, one per line, programs indented beneath. */
class JaxprPrinterTest {
    private static final ShapedArray F32 = ShapedArray.of(DType.F32);
    private static final ShapedArray I32 = ShapedArray.of(DType.I32);

    private static Lit f32(double v) { return new Lit(v, F32); }

    @Test
    void shouldPrintAScanNestedInAScanWithEachProgramIndentedUnderItsEquation() {
        Jaxpr inner = Jaxpr.build(Vector.of(F32, F32), b -> Vector.of(b.add(new Mul(), b.in(0), b.in(1)).head(), b.in(0)));
        Jaxpr outer = Jaxpr.build(Vector.of(F32, F32, ShapedArray.of(DType.F32, 3)), b -> {
            Var c = b.addAll(new Scan(inner, 3, true, 0, 1, 1), b.in(1), b.in(2)).head();
            return Vector.of(b.add(new Add(), c, b.in(0)).head());
        });
        Jaxpr j = Jaxpr.build(Vector.of(F32, F32, ShapedArray.of(DType.F32, 4, 3)), b ->
                b.addAll(new Scan(outer, 4, false, 1, 1, 2), b.in(0), b.in(1), b.in(2)));
        assertEquals("""
                { lambda ; a:f32[] b:f32[] c:f32[4,3]. let
                    d:f32[] = scan[
                      jaxpr={ lambda ; e:f32[] f:f32[] g:f32[3]. let
                          h:f32[] i:f32[3] = scan[
                            jaxpr={ lambda ; j:f32[] k:f32[]. let
                                l:f32[] = mul j k
                              in (l, j) }
                            length=3
                            linear=(False, False)
                            num_carry=1
                            num_consts=0
                            reverse=True
                            unroll=1
                          ] f g
                          m:f32[] = add h e
                        in (m) }
                      length=4
                      linear=(False, False, False)
                      num_carry=1
                      num_consts=1
                      reverse=False
                      unroll=2
                    ] a b c
                  in (d) }""", j.toString());
    }

    /** A u64 literal is held as i64 bits (a Long): it prints as the unsigned value it stands for. */
    @Test
    void shouldPrintAU64LiteralUnsigned() {
        ShapedArray u64 = ShapedArray.of(DType.U64);
        Jaxpr j = Jaxpr.build(Vector.of(u64), b -> b.add(new Add(), b.in(0), new Lit(-1L, u64)));
        assertEquals("""
                { lambda ; a:u64[]. let
                    b:u64[] = add a 18446744073709551615:u64[]
                  in (b) }""", j.toString());
        assertEquals("9223372036854775807:i64[]", new Lit(Long.MAX_VALUE, ShapedArray.of(DType.I64)).toString());
    }

    @Test
    void shouldPrintCondBranchesAsATupleOfPrograms() {
        Jaxpr neg = Jaxpr.build(Vector.of(F32), b -> b.add(new Neg(), b.in(0)));
        Jaxpr sin = Jaxpr.build(Vector.of(F32), b -> b.add(new Sin(), b.in(0)));
        Jaxpr j = Jaxpr.build(Vector.of(I32, F32), b -> b.addAll(new Cond(Vector.of(neg, sin)), b.in(0), b.in(1)));
        assertEquals("""
                { lambda ; a:i32[] b:f32[]. let
                    c:f32[] = cond[
                      branches=(
                        { lambda ; d:f32[]. let
                            e:f32[] = neg d
                          in (e) }
                        { lambda ; f:f32[]. let
                            g:f32[] = sin f
                          in (g) }
                      )
                    ] a b
                  in (c) }""", j.toString());
    }

    @Test
    void shouldPrintWhileWithJaxNamesAndTheBoundOnlyWhenThereIsOne() {
        Jaxpr cond = Jaxpr.build(Vector.of(F32, F32), b -> b.add(new Lt(), b.in(1), b.in(0)));
        Jaxpr body = Jaxpr.build(Vector.of(F32), b -> b.add(new Add(), b.in(0), f32(1)));
        Jaxpr j = Jaxpr.build(Vector.of(F32, F32), b -> b.addAll(new While(cond, body, 1, 0, 7), b.in(0), b.in(1)));
        String expected = """
                { lambda ; a:f32[] b:f32[]. let
                    c:f32[] = while[
                      body_jaxpr={ lambda ; d:f32[]. let
                          e:f32[] = add d 1.0:f32[]
                        in (e) }
                      body_nconsts=0
                      cond_jaxpr={ lambda ; f:f32[] g:f32[]. let
                          h:bool[] = lt g f
                        in (h) }
                      cond_nconsts=1
                      max_steps=7
                    ] a b
                  in (c) }""";
        assertEquals(expected, j.toString());
        Jaxpr unbounded = Jaxpr.build(Vector.of(F32, F32), b -> b.addAll(new While(cond, body, 1, 0, While.UNBOUNDED), b.in(0), b.in(1)));
        assertEquals(expected.replace("\n      max_steps=7", ""), unbounded.toString());
    }
}
