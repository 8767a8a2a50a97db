package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class FusionTest {
    private static final ShapedArray F3 = ShapedArray.of(DType.F32, 3);

    @Test
    void shouldFuseAnElementwiseChainIntoOneLoop() {
        // tanh(a*b + c) * 0.5 + a, the W3 expression
        Jaxpr j = Jaxpr.build(Vector.of(F3, F3, F3), b -> {
            Var ab = b.add(new Mul(), b.in(0), b.in(1)).head();
            Var s = b.add(new Add(), ab, b.in(2)).head();
            Var t = b.add(new Tanh(), s).head();
            Var half = b.add(new BroadcastInDim(Shape.of(3), Vector.empty()), new Lit(0.5, ShapedArray.of(DType.F32))).head();
            Var m = b.add(new Mul(), t, half).head();
            return b.add(new Add(), m, b.in(0));
        });
        KernelProgram k = Fusion.lower(j.typecheck());
        assertEquals("""
                fused_0 over (3,): in (a, b, c)
                  0 = load a [1]
                  1 = load b [1]
                  2 = mul 0 1
                  3 = load c [1]
                  4 = add 2 3
                  5 = tanh 4
                  6 = const 0.5:f32
                  7 = mul 5 6
                  8 = add 7 0
                  store 8 -> d
                out (d)""", k.toString());
        assertEquals(1, k.fusedLoops());
    }

    @Test
    void shouldFuseARowSoftmaxIntoOneLoopOfThreeSweeps() {
        // softmax over rows: x - max(x) broadcast back, exp, sum, divide
        ShapedArray x = ShapedArray.of(DType.F32, 2, 4);
        Jaxpr j = Jaxpr.build(Vector.of(x), b -> {
            Var m = b.add(new ReduceMax(Vector.of(1)), b.in(0)).head();
            Var mb = b.add(new BroadcastInDim(Shape.of(2, 4), Vector.of(0)), m).head();
            Var e = b.add(new Exp(), b.add(new Sub(), b.in(0), mb).head()).head();
            Var s = b.add(new ReduceSum(Vector.of(1)), e).head();
            Var sb = b.add(new BroadcastInDim(Shape.of(2, 4), Vector.of(0)), s).head();
            return b.add(new Div(), e, sb);
        });
        KernelProgram k = Fusion.lower(j.typecheck());
        assertEquals("""
                fused_0 over (2, 4) rows of last 1: in (a)
                  0 = load a [4, 1]
                  1 = reduce_max 0
                  2 = sub 0 1
                  3 = exp 2
                  4 = reduce_sum 3
                  5 = div 3 4
                  store 5 -> b
                out (b)""", k.toString());
        Step.FusedLoop loop = (Step.FusedLoop) k.steps().head();
        assertEquals(3, loop.passes());
        assertFalse(loop.mayOverwriteInput(0), "a later sweep reads the input again");
    }

    @Test
    void shouldStoreAReductionThatIsAlsoReturned() {
        // (max over rows, x - max): the max leaves the loop as one value per row
        ShapedArray x = ShapedArray.of(DType.F32, 2, 4);
        Jaxpr j = Jaxpr.build(Vector.of(x), b -> {
            Var m = b.add(new ReduceMax(Vector.of(1)), b.in(0)).head();
            Var mb = b.add(new BroadcastInDim(Shape.of(2, 4), Vector.of(0)), m).head();
            return Vector.of(m, b.add(new Sub(), b.in(0), mb).head());
        });
        assertEquals("""
                fused_0 over (2, 4) rows of last 1: in (a)
                  0 = load a [4, 1]
                  1 = reduce_max 0
                  2 = sub 0 1
                  store 1 -> b
                  store 2 -> c
                out (b, c)""", Fusion.lower(j.typecheck()).toString());
    }

    @Test
    void shouldStartANewLoopWhenAReductionIsReadAcrossRows() {
        // s = sum over rows of x (shape [2]); y = x + s broadcast along axis 1 of a [4, 2] transpose-like domain: not a row read
        ShapedArray x = ShapedArray.of(DType.F32, 2, 2);
        Jaxpr j = Jaxpr.build(Vector.of(x), b -> {
            Var s = b.add(new ReduceSum(Vector.of(1)), b.in(0)).head();
            Var sb = b.add(new BroadcastInDim(Shape.of(2, 2), Vector.of(1)), s).head();
            return b.add(new Add(), b.in(0), sb);
        });
        KernelProgram k = Fusion.lower(j.typecheck());
        // the lone reduction of the input is the library's kernel; the add is a loop of its own
        assertEquals(1, k.fusedLoops(), k.toString());
        assertTrue(k.toString().startsWith("b = reduce_sum a\nfused_0 over (2, 2)"), k.toString());
    }

    @Test
    void shouldKeepContractionsAsLibraryCalls() {
        ShapedArray a = ShapedArray.of(DType.F32, 2, 3), w = ShapedArray.of(DType.F32, 3, 4);
        Jaxpr j = Jaxpr.build(Vector.of(a, w), b -> {
            Var y = b.add(new DotGeneral(new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty()), Option.none()),
                    b.in(0), b.in(1)).head();
            return b.add(new Tanh(), y);
        });
        KernelProgram k = Fusion.lower(j.typecheck());
        assertTrue(k.toString().startsWith("c = dot_general a b\nfused_0 over (2, 4): in (c)"), k.toString());
    }

    @Test
    void shouldStoreValuesUsedOutsideTheLoop() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> {
            Var s = b.add(new Sin(), b.in(0)).head();
            Var c = b.add(new Cos(), s).head();
            return Vector.of(s, c);
        });
        String text = Fusion.lower(j.typecheck()).toString();
        assertTrue(text.contains("store 1 -> b") && text.contains("store 2 -> c"), text);
    }

    @Test
    void shouldNotFuseAcrossADependencyOnALibraryCall() {
        // y = sin(x); z = sort(y); w = y + z: the add cannot join the sin's loop, which must run before the sort.
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> {
            Var y = b.add(new Sin(), b.in(0)).head();
            Var z = b.add(new Sort(0, true, 1), y).head();
            return b.add(new Add(), y, z);
        });
        KernelProgram k = Fusion.lower(j.typecheck());
        assertEquals(2, k.fusedLoops(), k.toString());
        String text = k.toString();
        assertTrue(text.indexOf("fused_0") < text.indexOf("sort") && text.indexOf("sort") < text.indexOf("fused_1"), text);
    }
}
