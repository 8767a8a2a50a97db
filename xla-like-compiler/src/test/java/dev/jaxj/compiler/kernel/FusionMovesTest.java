package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Golden loop forms of the data movement that fusion lowers to reads: slice, rev, transpose, pad, concatenate, iota. */
class FusionMovesTest {
    private static final ShapedArray M = ShapedArray.of(DType.F32, 4, 6);

    private static String lower(Jaxpr j) {
        return Fusion.lower(j.typecheck()).toString();
    }

    @Test
    void shouldReadARowSliceAndARowRevInPlace() {
        // neg(x[1:3, :]) + rev(x, 0)[1:3, :]: both reads walk rows contiguously, so both fuse
        Jaxpr j = Jaxpr.build(Vector.of(M), b -> {
            Var s = b.add(new Slice(Vector.of(1, 0), Vector.of(3, 6), Vector.of(1, 1)), b.in(0)).head();
            Var r = b.add(new Rev(Vector.of(0)), b.in(0)).head();
            Var rs = b.add(new Slice(Vector.of(1, 0), Vector.of(3, 6), Vector.of(1, 1)), r).head();
            return b.add(new Add(), b.add(new Neg(), s).head(), rs);
        });
        assertEquals("""
                fused_0 over (2, 6): in (a)
                  0 = load a [6, 1]+6
                  1 = neg 0
                  2 = load a [-6, 1]+12
                  3 = add 1 2
                  store 3 -> b
                out (b)""", lower(j));
    }

    @Test
    void shouldCopyAStridedReadBeforeFusedCode() {
        // x^T + 1 and rev(x, 1) * 2: a transposed or reversed row is copied by a loop of its own
        Jaxpr j = Jaxpr.build(Vector.of(M), b -> {
            Var t = b.add(new Transpose(Vector.of(1, 0)), b.in(0)).head();
            Var one = b.add(new BroadcastInDim(Shape.of(6, 4), Vector.empty()), new Lit(1.0, ShapedArray.of(DType.F32))).head();
            Var r = b.add(new Rev(Vector.of(1)), b.in(0)).head();
            Var two = b.add(new BroadcastInDim(Shape.of(4, 6), Vector.empty()), new Lit(2.0, ShapedArray.of(DType.F32))).head();
            return b.add(new Add(), t, one).appendAll(b.add(new Mul(), r, two));
        });
        assertEquals("""
                fused_0 over (6, 4): in (a)
                  0 = load a [1, 6]
                  store 0 -> b
                fused_1 over (4, 6): in (a)
                  0 = load a [6, -1]+5
                  store 0 -> c
                fused_2 over (6, 4): in (b)
                  0 = load b [4, 1]
                  1 = const 1.0:f32
                  2 = add 0 1
                  store 2 -> d
                fused_3 over (4, 6): in (c)
                  0 = load c [6, 1]
                  1 = const 2.0:f32
                  2 = mul 0 1
                  store 2 -> e
                out (d, e)""", lower(j));
    }

    @Test
    void shouldComposeMovesIntoOneCopy() {
        // transpose(x[::2, 1:]) as a result: one copy loop reading x through the composed map
        Jaxpr j = Jaxpr.build(Vector.of(M), b -> {
            Var s = b.add(new Slice(Vector.of(0, 1), Vector.of(4, 6), Vector.of(2, 1)), b.in(0)).head();
            return b.add(new Transpose(Vector.of(1, 0)), s);
        });
        assertEquals("""
                fused_0 over (5, 2): in (a)
                  0 = load a [1, 12]+1
                  store 0 -> b
                out (b)""", lower(j));
    }

    @Test
    void shouldPadWithABoundedLoadOverThePaddingValue() {
        // pad x: f32[3] by (lo -1, hi 2, interior 1) with p, then with the literal 0 by (1, 1, 0)
        ShapedArray v3 = ShapedArray.of(DType.F32, 3);
        Jaxpr j = Jaxpr.build(Vector.of(v3, ShapedArray.of(DType.F32)), b -> {
            Var p = b.add(new Pad(Vector.of(new PadConfig(-1, 2, 1))), b.in(0), b.in(1)).head();
            return b.add(new Pad(Vector.of(new PadConfig(1, 1, 0))), p, new Lit(0.0, ShapedArray.of(DType.F32)));
        });
        assertEquals("""
                fused_0 over (6,): in (b, a)
                  0 = load b [0]
                  1 = load a [1] where [-1:2:3] else 0
                  store 1 -> c
                fused_1 over (8,): in (c)
                  0 = const 0.0:f32
                  1 = load c [1] where [1:1:6] else 0
                  store 1 -> d
                out (d)""", lower(j));
    }

    @Test
    void shouldConcatenateWithOneBoundedLoadPerOperand() {
        // concatenate(x, rev(y), axis 1) of f32[2,2] and f32[2,3]
        Jaxpr j = Jaxpr.build(Vector.of(ShapedArray.of(DType.I32, 2, 2), ShapedArray.of(DType.I32, 2, 3)), b -> {
            Var r = b.add(new Rev(Vector.of(1)), b.in(1)).head();
            return b.add(new Concatenate(1), b.in(0), r);
        });
        assertEquals("""
                fused_0 over (2, 5): in (a, b)
                  0 = const 0.0:i32
                  1 = load a [2, 1] where [0:1:2, 0:1:2] else 0
                  2 = load b [3, -1]+2 where [0:1:2, 2:1:3] else 1
                  store 2 -> c
                out (c)""", lower(j));
    }

    @Test
    void shouldWriteAnIotaByALoopOfItsOwn() {
        Jaxpr j = Jaxpr.build(Vector.of(ShapedArray.of(DType.I32, 2, 3)), b -> {
            Var i = b.add(new Iota(DType.I32, Shape.of(2, 3), 1)).head();
            return b.add(new Mul(), i, b.in(0));
        });
        assertEquals("""
                fused_0 over (2, 3): in ()
                  0 = iota 1:i32
                  store 0 -> b
                fused_1 over (2, 3): in (b, a)
                  0 = load b [3, 1]
                  1 = load a [3, 1]
                  2 = mul 0 1
                  store 2 -> c
                out (c)""", lower(j));
    }

    @Test
    void shouldKeepALayoutPreservingMoveAReshape() {
        // reshape(broadcast(x[:, :]) to f32[4,1,6]) keeps x's layout: the result is x's own buffer
        Jaxpr j = Jaxpr.build(Vector.of(M), b -> {
            Var s = b.add(new Slice(Vector.of(0, 0), Vector.of(4, 6), Vector.of(1, 1)), b.in(0)).head();
            Var e = b.add(new BroadcastInDim(Shape.of(4, 1, 6), Vector.of(0, 2)), s).head();
            return b.add(new Reshape(Shape.of(24)), e);
        });
        assertEquals("""
                b = reshape a
                out (b)""", lower(j));
    }

    @Test
    void shouldNeverPlanABoundedLoadOverItsInput() {
        // pad(x, 0) by (1, -1): point i reads x[i - 1], so the result never takes x's buffer, even donated
        ShapedArray v3 = ShapedArray.of(DType.F32, 3);
        Jaxpr j = Jaxpr.build(Vector.of(v3), b -> b.add(new Pad(Vector.of(new PadConfig(1, -1, 0))), b.in(0), new Lit(0.0, ShapedArray.of(DType.F32))));
        KernelProgram k = Fusion.lower(j.typecheck());
        assertFalse(((Step.FusedLoop) k.steps().single()).mayOverwriteInput(0));
        assertEquals(0, BufferPlan.of(k, Vector.of(0)).reuses());
    }

    @Test
    void shouldPadALiteralScalarToItself() {
        // pad(2.0, 0.0) of a scalar pads no axis: a loop writing the constant
        Jaxpr j = Jaxpr.build(Vector.empty(), b -> b.add(new Pad(Vector.empty()), new Lit(2.0, ShapedArray.of(DType.F32)), new Lit(0.0, ShapedArray.of(DType.F32))));
        assertEquals("""
                fused_0 over (): in ()
                  0 = const 2.0:f32
                  store 0 -> a
                out (a)""", lower(j));
    }
}
