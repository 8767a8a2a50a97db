package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class BufferPlanTest {
    private static final ShapedArray M = ShapedArray.of(DType.F32, 2, 2);
    private static final DotGeneral MATMUL = new DotGeneral(new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty()), Option.none());

    private static KernelProgram lower(Jaxpr j) {
        return Fusion.lower(j.typecheck());
    }

    @Test
    void shouldWriteALoopOverTheLibraryResultItConsumesLast() {
        // tanh(a) @ w, then exp(.) + 1, then @ w, then sin: each loop overwrites the product it reads last.
        Jaxpr j = Jaxpr.build(Vector.of(M, M), b -> {
            Var t = b.add(new Tanh(), b.in(0)).head();
            Var m = b.add(MATMUL, t, b.in(1)).head();
            Var e = b.add(new Exp(), m).head();
            Var m2 = b.add(MATMUL, e, b.in(1)).head();
            return b.add(new Sin(), m2);
        });
        BufferPlan plan = BufferPlan.of(lower(j));
        assertEquals("""
                fused_0: out c fresh
                fused_1: out e reuses d
                fused_2: out g reuses f""", plan.toString(), plan.program().toString());
        assertEquals(2, plan.reuses());
    }

    @Test
    void shouldReuseADeadTemporaryOfTheSameSizeAndDtypeOnly() {
        // s = sin(a) dies at the sort; the loop after it writes cos in place of the sorted values,
        // its f64 result in a fresh buffer (nothing dead is f64), and exp in s's buffer.
        Jaxpr j = Jaxpr.build(Vector.of(M), b -> {
            Var s = b.add(new Sin(), b.in(0)).head();
            Var sorted = b.add(new Sort(1, true, 1), s).head();
            Var c = b.add(new Cos(), sorted).head();
            Var wide = b.add(new ConvertElementType(DType.F64, false), c).head();
            return Vector.of(c, wide, b.add(new Exp(), c).head());
        });
        BufferPlan plan = BufferPlan.of(lower(j));
        assertEquals("""
                fused_0: out b fresh
                fused_1: out d reuses c
                fused_1: out e fresh
                fused_1: out f reuses b""", plan.toString(), plan.program().toString());
    }

    @Test
    void shouldOverwriteOnlyDonatedInputs() {
        Jaxpr j = Jaxpr.build(Vector.of(M, M), b -> b.add(new Add(), b.add(new Mul(), b.in(0), b.in(0)).head(), b.in(1)));
        KernelProgram k = lower(j);
        assertEquals("fused_0: out c fresh", BufferPlan.of(k).toString());
        assertEquals("""
                donated (b)
                fused_0: out c reuses b""", BufferPlan.of(k, Vector.of(1)).toString());
        assertEquals("""
                donated (a, b)
                fused_0: out c reuses b""", BufferPlan.of(k, Vector.of(0, 1)).toString(), "one output takes one buffer");
    }

    @Test
    void shouldNeverOverwriteAProgramOutputOrAnInputItReturns() {
        // sin(a) is returned and read by the second loop; a is donated and returned too.
        Jaxpr j = Jaxpr.build(Vector.of(M), b -> {
            Var s = b.add(new Sin(), b.in(0)).head();
            Var sorted = b.add(new Sort(1, true, 1), s).head();
            return Vector.of(s, b.add(new Exp(), sorted).head(), b.in(0));
        });
        BufferPlan plan = BufferPlan.of(lower(j), Vector.of(0));
        assertEquals("""
                donated (a)
                fused_0: out b fresh
                fused_1: out d reuses c""", plan.toString(), plan.program().toString());
    }

    @Test
    void shouldKeepAReshapedValueAliveWhileItsAliasIsUsed() {
        // t = exp(a) is read last by the reshape, but r = reshape(t) shares its buffer and is read by the second product.
        ShapedArray v4 = ShapedArray.of(DType.F32, 4);
        Jaxpr j = Jaxpr.build(Vector.of(v4), b -> {
            Var t = b.add(new Exp(), b.in(0)).head();
            Var r = b.add(new Reshape(Shape.of(2, 2)), t).head();
            Var m = b.add(MATMUL, r, r).head();
            Var w = b.add(new Exp(), m).head();
            Var n = b.add(MATMUL, w, r).head();
            return b.add(new Add(), n, m);
        });
        BufferPlan plan = BufferPlan.of(lower(j));
        assertEquals("""
                fused_0: out b fresh
                reshape: c aliases b
                fused_1: out e fresh
                fused_2: out g reuses d""", plan.toString(), plan.program().toString());
    }

    @Test
    void shouldNotOverwriteAnInputTheLoopReadsOutOfOrderOrStoresUnchanged() {
        Jaxpr j = Jaxpr.build(Vector.of(M), b -> b.add(new Neg(), b.in(0)));
        Var a = j.inVars().head(), out = j.eqns().head().out().head();
        Shape d = Shape.of(2, 2);
        var transposed = new Step.FusedLoop("fused_0", Vector.of(a), d, 0,
                Vector.of(new Node.Load(0, IndexMap.of(1, 2), M), new Node.Apply(new Neg(), Vector.of(0), M)),
                Vector.of(new Step.Store(1, out)));
        assertEquals("donated (a)\nfused_0: out b fresh", BufferPlan.of(new KernelProgram(j, Vector.of(transposed)), Vector.of(0)).toString());
        var copied = new Step.FusedLoop("fused_0", Vector.of(a), d, 0, Vector.of(new Node.Load(0, IndexMap.dense(d), M)),
                Vector.of(new Step.Store(0, out)));
        assertEquals("donated (a)\nfused_0: out b fresh", BufferPlan.of(new KernelProgram(j, Vector.of(copied)), Vector.of(0)).toString());
        var dense = new Step.FusedLoop("fused_0", Vector.of(a), d, 0,
                Vector.of(new Node.Load(0, IndexMap.dense(d), M), new Node.Apply(new Neg(), Vector.of(0), M)),
                Vector.of(new Step.Store(1, out)));
        assertEquals("donated (a)\nfused_0: out b reuses a", BufferPlan.of(new KernelProgram(j, Vector.of(dense)), Vector.of(0)).toString());
    }

    @Test
    void shouldNotLetAReductionWriteOverItsOwnInput() {
        ShapedArray col = ShapedArray.of(DType.F32, 2, 1);
        Jaxpr j = Jaxpr.build(Vector.of(col), b -> b.add(new ReduceSum(Vector.of(1)), b.add(new Exp(), b.in(0)).head()));
        BufferPlan plan = BufferPlan.of(lower(j), Vector.of(0));
        assertEquals(0, plan.reuses(), plan + "\n" + plan.program());
    }

    @Test
    void shouldPlanLoopsWithoutInputs() {
        // iota(2,2) + a: the iota is a loop of no inputs; the sum may write over it, a dead result.
        Jaxpr j = Jaxpr.build(Vector.of(M), b -> b.add(new Add(), b.add(new Iota(DType.F32, Shape.of(2, 2), 1)).head(), b.in(0)));
        assertEquals("fused_0: out b fresh\nfused_1: out c reuses b", BufferPlan.of(lower(j)).toString());
    }

    @Test
    void shouldPlanLoopsThatShareABroadcastConstantWithoutStoringIt() {
        // Every loop uses the broadcast constant b = 2; each makes its own, so none stores it.
        ShapedArray v4 = ShapedArray.of(DType.F32, 4);
        Jaxpr j = Jaxpr.build(Vector.of(v4), b -> {
            Var two = b.add(new BroadcastInDim(Shape.of(4), Vector.empty()), new dev.jaxj.ir.Lit(2.0, ShapedArray.of(DType.F32))).head();
            Var s = b.add(new Mul(), b.in(0), two).head();
            Var t = b.add(new Sort(0, true, 1), s).head();
            Var u = b.add(new Mul(), t, two).head();
            Var w = b.add(new Sort(0, true, 1), u).head();
            return b.add(new Add(), w, two);
        });
        BufferPlan plan = BufferPlan.of(lower(j));
        String program = plan.program().toString();
        assertEquals(3, program.split("store ", -1).length - 1, "one store per loop, none of the constant:\n" + program);
        Seq<Integer> slots = plan.targets().flatMap(t -> t).flatMap(t -> switch (t) {
            case BufferPlan.Target.Fresh f -> Vector.of(f.slot());
            case BufferPlan.Target.Reuse r -> Vector.of(r.slot());
            case BufferPlan.Target.Library l -> Vector.of(l.slot());
            case BufferPlan.Target.Alias _ -> Vector.<Integer>empty();
        });
        assertEquals(slots.size(), slots.distinct().size() + plan.reuses(), plan + "\n" + program);
        // Each sort's result dies in the loop that reads it densely, which writes over it in place.
        assertEquals("""
                fused_0: out b fresh
                fused_1: out d reuses c
                fused_2: out f reuses e""", plan.toString(), program);
    }

    @Test
    void shouldRejectADonatedPositionThatIsNoInput() {
        Jaxpr j = Jaxpr.build(Vector.of(M), b -> b.add(new Neg(), b.in(0)));
        assertThrows(IllegalArgumentException.class, () -> BufferPlan.of(lower(j), Vector.of(1)));
    }
}
