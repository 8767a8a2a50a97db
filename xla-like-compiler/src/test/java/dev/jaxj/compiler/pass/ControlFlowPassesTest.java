package dev.jaxj.compiler.pass;

import dev.jaxj.compiler.pass.ReferenceInterpreter.Val;
import dev.jaxj.errors.JaxprTypeError;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.SourceInfo;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jaxj.compiler.pass.Programs.*;
import static org.junit.jupiter.api.Assertions.*;

/** The passes inside and around control flow: programs are optimised, pruned, and never folded away. */
class ControlFlowPassesTest {
    private static final ShapedArray F5 = ShapedArray.of(DType.F32, 5);
    private static final Pass DCE = SubPrograms.deep(new DeadCodeElimination());

    /**
     * body(w; a, b, c; x) = (a + x, b*w + a, c + 1; -b, a*x): b needs a, a needs only itself,
     * c and both ys feed nothing the caller reads when it reads only b.
     */
    private static Jaxpr threeCarryBody() {
        return Jaxpr.build(Vector.of(F32, F32, F32, F32, F32), b -> {
            Var w = b.in(0), a = b.in(1), bb = b.in(2), c = b.in(3), x = b.in(4);
            Var a2 = b.add(new Add(), a, x).head();
            Var t = b.add(new Mul(), bb, w).head();
            Var b2 = b.add(new Add(), t, a).head();
            Var c2 = b.add(new Add(), c, f32(1)).head();
            Var y1 = b.add(new Neg(), bb).head();
            Var y2 = b.add(new Mul(), a, x).head();
            return Vector.of(a2, b2, c2, y1, y2);
        });
    }

    private static Jaxpr scanReading(int output) {
        return Jaxpr.build(Vector.of(F32, F32, F32, F32, F5), b -> {
            Seq<Var> outs = b.addAll(new Scan(threeCarryBody(), 5, false, 1, 3, 1), b.in(0), b.in(1), b.in(2), b.in(3), b.in(4));
            return Vector.of(outs.get(output));
        });
    }

    @Test
    void scanDceKeepsTheCarriesTheReadCarryNeedsAndDropsTheRest() {
        Jaxpr j = scanReading(1);
        Jaxpr pruned = run(DCE, j);
        Scan s = (Scan) pruned.eqns().single().prim();
        assertEquals(2, s.numCarry(), pruned.toString());
        assertEquals(1, s.numConsts());
        assertEquals(0, s.numYs());
        assertEquals(1, s.numXs());
        // w, a0, b0 and xs stay; c0 goes with the carry c.
        assertEquals(Vector.of(j.inVars().get(0), j.inVars().get(1), j.inVars().get(2), j.inVars().get(4)), pruned.eqns().single().in());
        assertEquals(3, s.body().eqns().size(), "a + x, b * w, + a: " + s.body());
        assertSameResults(j, pruned, 1.5, 0.25, -2, 7, 0.5, -1, 2, 3, 0.125);
    }

    @Test
    void scanDceDropsAConstOnlyADeadCarryReads() {
        // Reading only a: b (and the const w it reads), c and the ys all go.
        Jaxpr pruned = run(DCE, scanReading(0));
        Scan s = (Scan) pruned.eqns().single().prim();
        assertEquals(1, s.numCarry());
        assertEquals(0, s.numConsts());
        assertEquals(0, s.numYs());
        assertEquals("""
                { lambda ; a:f32[] b:f32[] c:f32[] d:f32[] e:f32[5]. let
                    f:f32[] = scan[
                      jaxpr={ lambda ; g:f32[] h:f32[]. let
                          i:f32[] = add g h
                        in (i) }
                      length=5
                      linear=(False, False)
                      num_carry=1
                      num_consts=0
                      reverse=False
                      unroll=1
                    ] b e
                  in (f) }""", pruned.toString());
        assertSameResults(scanReading(0), pruned, 1.5, 0.25, -2, 7, 0.5, -1, 2, 3, 0.125);
    }

    @Test
    void scanDceKeepsAReadStackedOutputAndWhatItNeeds() {
        // ys[0] = -b needs b, hence a; the carry c goes.
        Jaxpr j = scanReading(3);
        Jaxpr pruned = run(DCE, j);
        Scan s = (Scan) pruned.eqns().single().prim();
        assertEquals(2, s.numCarry());
        assertEquals(1, s.numYs());
        assertEquals(3, pruned.eqns().single().out().size());
        assertSameResults(j, pruned, 1.5, 0.25, -2, 7, 0.5, -1, 2, 3, 0.125);
    }

    @Test
    void scanWithNoOutputReadIsRemoved() {
        Jaxpr j = Jaxpr.build(Vector.of(F32, F32, F32, F32, F5), b -> {
            b.addAll(new Scan(threeCarryBody(), 5, false, 1, 3, 1), b.in(0), b.in(1), b.in(2), b.in(3), b.in(4));
            return Vector.of(b.in(0));
        });
        assertTrue(run(DCE, j).eqns().isEmpty());
    }

    @Test
    void condDceDropsUnreadResultsAndTheOperandsOnlyTheyRead() {
        Jaxpr br0 = Jaxpr.build(Vector.of(F32, F32), b -> Vector.of(b.add(new Neg(), b.in(0)).head(), b.add(new Mul(), b.in(1), b.in(1)).head()));
        Jaxpr br1 = Jaxpr.build(Vector.of(F32, F32), b -> Vector.of(b.in(0), b.add(new Add(), b.in(1), b.in(0)).head()));
        Jaxpr j = Jaxpr.build(Vector.of(ShapedArray.of(DType.I32), F32, F32), b -> {
            Seq<Var> outs = b.addAll(new Cond(Vector.of(br0, br1)), b.in(0), b.in(1), b.in(2));
            return Vector.of(outs.get(0));
        });
        assertEquals("""
                { lambda ; a:i32[] b:f32[] c:f32[]. let
                    d:f32[] = cond[
                      branches=(
                        { lambda ; e:f32[]. let
                            f:f32[] = neg e
                          in (f) }
                        { lambda ; g:f32[]. let
                          in (g) }
                      )
                    ] a b
                  in (d) }""", run(DCE, j).toString());
    }

    @Test
    void whileDceKeepsWhatTheConditionReadsAndDropsAnUnreadCarryWithItsConstant() {
        // carry (i, s, t), body consts (k): i' = i + 1, s' = s + i, t' = t * k; cond i < 10. Only s is read.
        Jaxpr cond = Jaxpr.build(Vector.of(F32, F32, F32), b -> b.add(new Lt(), b.in(0), f32(10)));
        Jaxpr body = Jaxpr.build(Vector.of(F32, F32, F32, F32), b -> Vector.of(
                b.add(new Add(), b.in(1), f32(1)).head(), b.add(new Add(), b.in(2), b.in(1)).head(), b.add(new Mul(), b.in(3), b.in(0)).head()));
        Jaxpr j = Jaxpr.build(Vector.of(F32, F32, F32, F32), b -> {
            Seq<Var> outs = b.addAll(new While(cond, body, 0, 1, While.UNBOUNDED), b.in(0), b.in(1), b.in(2), b.in(3));
            return Vector.of(outs.get(1));
        });
        Jaxpr pruned = run(DCE, j);
        While w = (While) pruned.eqns().single().prim();
        assertEquals(2, w.numCarry(), pruned.toString());
        assertEquals(0, w.bodyConsts());
        assertEquals(2, w.cond().inVars().size());
        assertEquals(Vector.of(j.inVars().get(1), j.inVars().get(2)), pruned.eqns().single().in());
        // i stays a result of the loop (the condition reads it); the program still returns s.
        assertEquals(Vector.of(j.eqns().single().out().get(0), j.eqns().single().out().get(1)), pruned.eqns().single().out());
        assertEquals(j.outs(), pruned.outs());
    }

    @Test
    void standardPipelineOptimisesProgramsNestedTwoDeep() {
        // scan body: y = cond(i, x) with branches (x * 1 + (2 + 3)) and (x); the carry is x * 1.0.
        Jaxpr br0 = Jaxpr.build(Vector.of(F32), b -> {
            Var m = b.add(new Mul(), b.in(0), f32(1)).head();
            Var k = b.add(new Add(), f32(2), f32(3)).head();
            return b.add(new Add(), m, k);
        });
        Jaxpr br1 = Jaxpr.build(Vector.of(F32), b -> Vector.of(b.in(0)));
        Jaxpr body = Jaxpr.build(Vector.of(ShapedArray.of(DType.I32), F32, F32), b -> {
            Var y = b.add(new Cond(Vector.of(br0, br1)), b.in(0), b.in(2)).head();
            Var c = b.add(new Mul(), b.in(1), f32(1)).head();
            return Vector.of(c, y);
        });
        Jaxpr j = Jaxpr.build(Vector.of(ShapedArray.of(DType.I32), F32, F5), b ->
                b.addAll(new Scan(body, 5, false, 1, 1, 1), b.in(0), b.in(1), b.in(2)));
        Jaxpr optimised = run(Passes.standard(), j);
        Scan s = (Scan) optimised.eqns().single().prim();
        assertEquals(1, s.body().eqns().size(), "x * 1 forwarded: " + s.body());
        assertEquals(s.body().inVars().get(1), s.body().outs().get(0));
        Cond c = (Cond) s.body().eqns().single().prim();
        assertEquals("""
                { lambda ; a:f32[]. let
                    b:f32[] = add a 5.0:f32[]
                  in (b) }""", c.branches().get(0).toString());
        assertEquals(optimised, run(Passes.forExecution(), j), "for_execution reaches the same nested programs");
    }

    @Test
    void cseWorksInsideABodyButKeepsLoopsWithDifferentBodiesApart() {
        Jaxpr body = Jaxpr.build(Vector.of(F32, F32), b -> {
            Var s1 = b.add(new Sin(), b.in(1)).head();
            Var s2 = b.add(new Sin(), b.in(1)).head();
            return Vector.of(b.add(new Add(), b.in(0), s1).head(), s2);
        });
        Jaxpr other = Jaxpr.build(Vector.of(F32, F32), b -> Vector.of(b.add(new Sub(), b.in(0), b.in(1)).head(), b.in(1)));
        Jaxpr j = Jaxpr.build(Vector.of(F32, F5), b -> {
            Var r1 = b.addAll(new Scan(body, 5, false, 0, 1, 1), b.in(0), b.in(1)).head();
            Var r2 = b.addAll(new Scan(other, 5, false, 0, 1, 1), b.in(0), b.in(1)).head();
            Var r3 = b.addAll(new Scan(body, 5, false, 0, 1, 1), b.in(0), b.in(1)).head();
            return Vector.of(r1, r2, r3);
        });
        Jaxpr optimised = run(SubPrograms.deep(new CommonSubexpressionElimination()).andThen(DCE), j);
        assertEquals(2, optimised.eqns().size(), optimised.toString());
        assertEquals(optimised.outs().get(0), optimised.outs().get(2));
        assertNotEquals(optimised.outs().get(0), optimised.outs().get(1));
        Scan first = (Scan) optimised.eqns().get(0).prim();
        assertEquals(2, first.body().eqns().size(), "one sin, one add: " + first.body());
    }

    @Test
    void foldingNeverRunsALoopAtCompileTime() {
        // A while over literals that never ends: folding it would hang the compiler.
        Jaxpr cond = Jaxpr.build(Vector.of(F32), b -> b.add(new Lt(), b.in(0), f32(10)));
        Jaxpr body = Jaxpr.build(Vector.of(F32), b -> Vector.of(b.in(0)));
        Jaxpr j = Jaxpr.build(Vector.of(F32), b -> {
            Var r = b.addAll(new While(cond, body, 0, 0, While.UNBOUNDED), f32(0)).head();
            return b.add(new Add(), r, b.in(0));
        });
        List<String> evaluated = new ArrayList<>();
        Evaluator<Val> watching = new Evaluator<>() {
            @Override
            public Seq<Val> eval(Eqn eqn, Seq<Val> operands) {
                evaluated.add(eqn.prim().name());
                return ReferenceInterpreter.EVALUATOR.eval(eqn, operands);
            }

            @Override
            public Val literal(Lit lit) { return ReferenceInterpreter.EVALUATOR.literal(lit); }

            @Override
            public Option<Lit> toLiteral(Val value, ShapedArray aval) { return ReferenceInterpreter.EVALUATOR.toLiteral(value, aval); }
        };
        Closed<Val> folded = Passes.standard(watching, 64).apply(new Closed<>(j.typecheck(), Vector.empty()));
        folded.jaxpr().typecheck();
        assertEquals(List.of(), evaluated);
        assertTrue(folded.jaxpr().eqns().exists(e -> e.prim() instanceof While), folded.jaxpr().toString());
        assertEquals(j, run(Passes.standard(), j), "nothing to fold or simplify in or around the loop");
    }

    @Test
    void typecheckLooksInsidePrograms() {
        // A body whose equation declares f32[3] for the sum of two scalars.
        Var x = new Var(0, F32), y = new Var(1, F32), bad = new Var(2, F3);
        Var out = new Var(3, F32);
        Jaxpr body = new Jaxpr(Vector.empty(), Vector.of(x, y), Vector.of(
                new Eqn(new Add(), Vector.of(x, y), Vector.of(bad), SourceInfo.UNKNOWN),
                new Eqn(new ReduceSum(Vector.of(0)), Vector.of(bad), Vector.of(out), SourceInfo.UNKNOWN)), Vector.of(out, y));
        Jaxpr j = Jaxpr.build(Vector.of(F32, F5), b -> b.addAll(new Scan(body, 5, false, 0, 1, 1), b.in(0), b.in(1)));
        var e = assertThrows(JaxprTypeError.class, j::typecheck);
        assertTrue(e.getMessage().contains("program 0 of scan") && e.getMessage().contains("add"), e.getMessage());
    }

    // A reference for scan: the body run once per row by the reference interpreter, in a Java loop.

    private static void assertSameResults(Jaxpr before, Jaxpr after, double... values) {
        Seq<Val> args = Vector.of(Val.scalar(values[0]), Val.scalar(values[1]), Val.scalar(values[2]), Val.scalar(values[3]),
                new Val(Shape.of(5), java.util.Arrays.copyOfRange(values, 4, 9)));
        Seq<Val> expected = runWithScans(before, args);
        Seq<Val> actual = runWithScans(after, args);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i).data(), actual.get(i).data(), 0.0, "output " + i);
    }

    private static Seq<Val> runWithScans(Jaxpr j, Seq<Val> args) {
        java.util.Map<Var, Val> env = new java.util.HashMap<>();
        for (int i = 0; i < args.size(); i++) env.put(j.inVars().get(i), args.get(i));
        for (Eqn e : j.eqns()) {
            Seq<Val> in = e.in().map(a -> read(env, a));
            Seq<Val> outs = e.prim() instanceof Scan s ? scan(s, in) : Vector.of(ReferenceInterpreter.apply(e.prim(), in, e.out().head().aval()));
            for (int i = 0; i < outs.size(); i++) env.put(e.out().get(i), outs.get(i));
        }
        return j.outs().map(a -> read(env, a));
    }

    private static Val read(java.util.Map<Var, Val> env, Atom a) {
        return a instanceof Var v ? env.get(v) : Val.scalar(((Lit) a).doubleValue());
    }

    private static Seq<Val> scan(Scan s, Seq<Val> in) {
        Seq<Val> consts = in.take(s.numConsts());
        Seq<Val> carry = in.slice(s.numConsts(), s.numConsts() + s.numCarry());
        Seq<Val> xs = in.drop(s.numConsts() + s.numCarry());
        double[][] ys = new double[s.numYs()][s.length()];
        for (int i = 0; i < s.length(); i++) {
            int row = i;
            Seq<Val> outs = runWithScans(s.body(), consts.appendAll(carry).appendAll(xs.map(x -> Val.scalar(x.data()[row]))));
            carry = outs.take(s.numCarry());
            for (int k = 0; k < ys.length; k++) ys[k][i] = outs.get(s.numCarry() + k).data()[0];
        }
        return carry.appendAll(Vector.of(ys).map(y -> new Val(Shape.of(s.length()), y)));
    }
}
