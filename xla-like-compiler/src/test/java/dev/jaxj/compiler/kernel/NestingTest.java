package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Control flow lowers to loop and branch steps holding kernel programs of their own. */
class NestingTest {
    private static final ShapedArray F32 = ShapedArray.of(DType.F32);
    private static final ShapedArray V = ShapedArray.of(DType.F32, 8);

    /** scan over xs:f32[n,8] with carry c:f32[8]: c' = tanh(c * w + x), y = c' * 2. */
    private static Jaxpr rnn(int n) {
        Jaxpr body = Jaxpr.build(Vector.of(V, V, V), b -> {
            Var m = b.add(new Mul(), b.in(1), b.in(0)).head();
            Var a = b.add(new Add(), m, b.in(2)).head();
            Var c = b.add(new Tanh(), a).head();
            Var two = b.add(new BroadcastInDim(V.shape(), Vector.empty()), new Lit(2.0, F32)).head();
            return Vector.of(c, b.add(new Mul(), c, two).head());
        });
        return Jaxpr.build(Vector.of(V, V, ShapedArray.of(DType.F32, n, 8)), b ->
                b.addAll(new Scan(body, n, false, 1, 1, 1), b.in(0), b.in(1), b.in(2))).typecheck();
    }

    @Test
    void shouldLowerAScanToALoopStepWhoseBodyIsAFusedKernelProgram() {
        KernelProgram k = Fusion.lower(rnn(16));
        assertEquals("""
                d e = scan[length=16] a b c
                  body:
                    fused_0 over (8,): in (b, a, c)
                      0 = load b [1]
                      1 = load a [1]
                      2 = mul 0 1
                      3 = load c [1]
                      4 = add 2 3
                      5 = tanh 4
                      6 = const 2.0:f32
                      7 = mul 5 6
                      store 5 -> d
                      store 7 -> e
                    out (d, e)
                out (d, e)""", k.toString());
        Step.Loop loop = (Step.Loop) k.steps().single();
        BufferPlan body = loop.programs().single();
        assertEquals(Vector.of(1, 2), body.donated(), "the carry and the slice are the body's to overwrite");
        // The new carry goes where the slice was, the row of ys where the old carry was: no fresh buffer per iteration.
        assertEquals("donated (b, c)\nfused_0: out d reuses c\nfused_0: out e reuses b", body.toString());
    }

    @Test
    void shouldWriteTheNewCarryOverTheDonatedOldOne() {
        // c' = tanh(c) + 1 reads its carry densely once: the loop may write c' where c was.
        Jaxpr body = Jaxpr.build(Vector.of(V), b -> {
            Var t = b.add(new Tanh(), b.in(0)).head();
            Var one = b.add(new BroadcastInDim(V.shape(), Vector.empty()), new Lit(1.0, F32)).head();
            return b.add(new Add(), t, one);
        });
        Jaxpr j = Jaxpr.build(Vector.of(V), b -> b.addAll(new Scan(body, 100, false, 0, 1, 1), b.in(0))).typecheck();
        BufferPlan bodyPlan = ((Step.Loop) Fusion.lower(j).steps().single()).programs().single();
        assertEquals("donated (a)\nfused_0: out b reuses a", bodyPlan.toString());
        assertEquals(1, bodyPlan.reuses());
    }

    @Test
    void shouldLowerLoopsNestedInLoopsAndBranchesOnce() {
        // while (i < 3) { i += 1; v = cond(k, scan(v)) } : a scan inside a branch inside a loop body.
        Jaxpr cond = Jaxpr.build(Vector.of(F32, V), b -> b.add(new Lt(), b.in(0), new Lit(3.0, F32)));
        Jaxpr inner = rnn(4);
        Jaxpr useScan = Jaxpr.build(Vector.of(V, V, ShapedArray.of(DType.F32, 4, 8)), b -> Vector.of(b.addAll(inner.eqns().single().prim(), b.in(0), b.in(1), b.in(2)).head()));
        Jaxpr keep = Jaxpr.build(Vector.of(V, V, ShapedArray.of(DType.F32, 4, 8)), b -> Vector.of(b.in(1)));
        Jaxpr body = Jaxpr.build(Vector.of(ShapedArray.of(DType.I32), V, ShapedArray.of(DType.F32, 4, 8), F32, V), b -> {
            Var i = b.add(new Add(), b.in(3), new Lit(1.0, F32)).head();
            Var v = b.add(new Cond(Vector.of(useScan, keep)), b.in(0), b.in(1), b.in(4), b.in(2)).head();
            return Vector.of(i, v);
        });
        Jaxpr j = Jaxpr.build(Vector.of(ShapedArray.of(DType.I32), V, ShapedArray.of(DType.F32, 4, 8), F32, V), b ->
                b.addAll(new While(cond, body, 0, 3, While.UNBOUNDED), b.in(0), b.in(1), b.in(2), b.in(3), b.in(4))).typecheck();
        KernelProgram k = Fusion.lower(j);
        Step.Loop w = (Step.Loop) k.steps().single();
        assertEquals(2, w.programs().size());
        assertEquals(Vector.of(3, 4), w.programs().get(1).donated(), "the body's carry (i, v)");
        Step.Branch branch = (Step.Branch) w.programs().get(1).program().steps().filter(s -> s instanceof Step.Nested).single();
        assertTrue(branch.programs().forAll(p -> p.donated().isEmpty()), "a branch's operands are the caller's");
        Step.Loop scan = (Step.Loop) branch.programs().get(0).program().steps().single();
        assertEquals(((Step.Loop) Fusion.lower(rnn(4)).steps().single()).programs(), scan.programs(), "the nested scan lowers as it does alone");
        assertEquals("""
                f g = while a b c d e
                  cond:
                    fused_0 over (): in (a)
                      0 = load a []
                      1 = const 3.0:f32
                      2 = lt 0 1
                      store 2 -> c
                    out (c)
                  body:
                    fused_0 over (): in (d)
                      0 = load d []
                      1 = const 1.0:f32
                      2 = add 0 1
                      store 2 -> f
                    g = cond a b e c
                      branch 0:
                        d e = scan[length=4] a b c
                          body:
                            fused_0 over (8,): in (b, a, c)
                              0 = load b [1]
                              1 = load a [1]
                              2 = mul 0 1
                              3 = load c [1]
                              4 = add 2 3
                              5 = tanh 4
                              6 = const 2.0:f32
                              7 = mul 5 6
                              store 5 -> d
                              store 7 -> e
                            out (d, e)
                        out (d)
                      branch 1:
                        out (b)
                    out (f, g)
                out (f, g)""", k.toString());
    }

    @Test
    void loweredSizeDoesNotDependOnTheTripCount() {
        int small = Fusion.lower(rnn(2)).size();
        assertEquals(1 + 1 + 8, small, "the loop step, the fused body loop and its 8 nodes");
        assertEquals(small, Fusion.lower(rnn(100_000)).size());
    }
}
