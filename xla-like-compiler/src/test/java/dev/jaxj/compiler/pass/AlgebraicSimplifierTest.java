package dev.jaxj.compiler.pass;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static dev.jaxj.compiler.pass.Programs.*;
import static org.junit.jupiter.api.Assertions.*;

class AlgebraicSimplifierTest {
    private static final Pass SIMPLIFY = new AlgebraicSimplifier();
    private static final Pass SIMPLIFY_DCE = SIMPLIFY.andThen(new DeadCodeElimination());
    private static final ShapedArray F234 = ShapedArray.of(DType.F32, 2, 3, 4);

    @Test
    void shouldRemoveAdditiveAndMultiplicativeIdentitiesOnEitherSide() {
        Jaxpr j = Jaxpr.build(Vector.of(F32), b -> {
            Var v = b.add(new Add(), b.in(0), f32(-0.0)).head();
            v = b.add(new Add(), f32(-0.0), v).head();
            v = b.add(new Sub(), v, f32(0.0)).head();
            v = b.add(new Mul(), v, f32(1.0)).head();
            v = b.add(new Mul(), f32(1.0), v).head();
            v = b.add(new Div(), v, f32(1.0)).head();
            return Vector.of(b.add(new Sin(), v).head());
        });
        assertEquals("""
                { lambda ; a:f32[]. let
                    b:f32[] = sin a
                  in (b) }""", run(SIMPLIFY, j).toString());
    }

    @Test
    void shouldSumABroadcastLiteralAsItsValueTimesTheCount() {
        // the bias gradient of sum(conv(x) + b): ones over [2,3,4] summed over axes 0 and 2 is 8 per channel
        Jaxpr j = Jaxpr.build(Vector.of(F32), b -> {
            Var ones = b.add(new BroadcastInDim(Shape.of(2, 3, 4), Vector.empty()), f32(1.0)).head();
            Var s = b.add(new ReduceSum(Vector.of(0, 2)), ones).head();
            Var m = b.add(new ReduceMax(Vector.of(0, 2)), ones).head();
            return Vector.of(s, m);
        });
        assertEquals("""
                { lambda ; a:f32[]. let
                    b:f32[3] = broadcast_in_dim[shape=(3,) broadcast_dimensions=()] 8.0:f32[]
                    c:f32[3] = broadcast_in_dim[shape=(3,) broadcast_dimensions=()] 1.0:f32[]
                  in (b, c) }""", run(SIMPLIFY_DCE, j).toString());
    }

    @Test
    void shouldSeeZerosAndOnesThroughBroadcastsOfLiterals() {
        Jaxpr j = Jaxpr.build(Vector.of(F23), b -> {
            Var zero = b.add(new BroadcastInDim(Shape.of(3), Vector.empty()), f32(-0.0)).head();
            Var zeros = b.add(new BroadcastInDim(Shape.of(2, 3), Vector.of(1)), zero).head();
            Var ones = b.add(new BroadcastInDim(Shape.of(2, 3), Vector.empty()), f32(1.0)).head();
            Var v = b.add(new Add(), zeros, b.in(0)).head();
            return b.add(new Mul(), v, ones);
        });
        assertEquals("""
                { lambda ; a:f32[2,3]. let
                  in (a) }""", run(SIMPLIFY_DCE, j).toString());
    }

    @Test
    void shouldRecogniseIntegerZerosAndNegativeZero() {
        ShapedArray i = ShapedArray.of(DType.I32);
        Jaxpr j = Jaxpr.build(Vector.of(i, F32), b -> Vector.of(
                b.add(new Sub(), b.in(0), lit(0L, DType.I32)).head(),
                b.add(new Add(), b.in(1), f32(-0.0)).head()));
        assertEquals("""
                { lambda ; a:i32[] b:f32[]. let
                  in (a, b) }""", run(SIMPLIFY, j).toString());
    }

    @Test
    void shouldKeepFloatSumsWithPositiveZeroAndDifferencesWithNegativeZero() {
        // -0.0 + 0.0 and -0.0 - (-0.0) are +0.0, not x = -0.0; integer zeros are identities either way.
        ShapedArray i = ShapedArray.of(DType.I32);
        Jaxpr j = Jaxpr.build(Vector.of(F32, i), b -> Vector.of(
                b.add(new Add(), b.in(0), f32(0.0)).head(),
                b.add(new Add(), f32(0.0), b.in(0)).head(),
                b.add(new Sub(), b.in(0), f32(-0.0)).head()));
        assertSame(j, SIMPLIFY.apply(j));
        Jaxpr ints = Jaxpr.build(Vector.of(i), b -> b.add(new Add(), lit(0L, DType.I32), b.in(0)));
        assertEquals(ints.inVars(), run(SIMPLIFY, ints).outs());
    }

    @Test
    void shouldNotRewriteTimesZeroOrMinusItself() {
        Jaxpr j = Jaxpr.build(Vector.of(F32), b -> Vector.of(
                b.add(new Mul(), b.in(0), f32(0.0)).head(),
                b.add(new Sub(), b.in(0), b.in(0)).head(),
                b.add(new Sub(), f32(0.0), b.in(0)).head(),
                b.add(new Div(), f32(1.0), b.in(0)).head(),
                b.add(new Add(), b.in(0), f32(1.0)).head()));
        assertSame(j, SIMPLIFY.apply(j));
    }

    @Test
    void shouldKeepARewriteThatWouldChangeTheWeakType() {
        var weak = new ShapedArray(Shape.SCALAR, DType.F32, true);
        Jaxpr j = Jaxpr.build(Vector.of(weak), b -> b.add(new Add(), b.in(0), f32(-0.0)));
        // x is weak but x + -0.0:f32 is strong: replacing it would change the program's output aval.
        assertSame(j, SIMPLIFY.apply(j));
        Jaxpr allWeak = Jaxpr.build(Vector.of(weak), b -> b.add(new Add(), b.in(0), new Lit(-0.0, weak)));
        assertEquals(allWeak.inVars(), run(SIMPLIFY, allWeak).outs());
    }

    @Test
    void shouldCancelDoubleNegation() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> {
            Var n1 = b.add(new Neg(), b.in(0)).head();
            Var n2 = b.add(new Neg(), n1).head();
            Var n3 = b.add(new Neg(), n2).head();
            return Vector.of(n2, n3);
        });
        assertEquals("""
                { lambda ; a:f32[3]. let
                    b:f32[3] = neg a
                    c:f32[3] = neg a
                  in (a, c) }""", run(SIMPLIFY, j).toString());
    }

    @Test
    void shouldComposeTransposesAndDropIdentities() {
        Jaxpr j = Jaxpr.build(Vector.of(F234), b -> {
            Var t1 = b.add(new Transpose(Vector.of(1, 0, 2)), b.in(0)).head();
            Var t2 = b.add(new Transpose(Vector.of(0, 2, 1)), t1).head();
            Var back = b.add(new Transpose(Vector.of(2, 0, 1)), t2).head();
            Var id = b.add(new Transpose(Vector.of(0, 1, 2)), b.in(0)).head();
            return Vector.of(t2, back, id);
        });
        assertEquals("""
                { lambda ; a:f32[2,3,4]. let
                    b:f32[3,4,2] = transpose[permutation=(1, 2, 0)] a
                  in (b, a, a) }""", run(SIMPLIFY_DCE, j).toString());
    }

    @Test
    void shouldCollapseReshapeSqueezeAndExpandDimsChains() {
        Jaxpr j = Jaxpr.build(Vector.of(F23, F3), b -> {
            Var r1 = b.add(new Reshape(Shape.of(6)), b.in(0)).head();
            Var r2 = b.add(new Reshape(Shape.of(3, 2)), r1).head();
            Var back = b.add(new Reshape(Shape.of(2, 3)), r1).head();
            Var same = b.add(new Reshape(Shape.of(3)), b.in(1)).head();
            Var e1 = b.add(new ExpandDims(Vector.of(0)), b.in(1)).head();
            Var e2 = b.add(new ExpandDims(Vector.of(2)), e1).head();
            Var sq = b.add(new Squeeze(Vector.of(0)), e2).head();
            Var single = b.add(new ExpandDims(Vector.of(1)), b.in(1)).head();
            return Vector.of(r2, back, same, sq, single);
        });
        assertEquals("""
                { lambda ; a:f32[2,3] b:f32[3]. let
                    c:f32[3,2] = reshape[new_sizes=(3, 2)] a
                    d:f32[3,1] = reshape[new_sizes=(3, 1)] b
                    e:f32[3,1] = expand_dims[dimensions=(1,)] b
                  in (c, a, b, d, e) }""", run(SIMPLIFY_DCE, j).toString());
    }

    @Test
    void shouldComposeBroadcasts() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> {
            Var b1 = b.add(new BroadcastInDim(Shape.of(2, 3), Vector.of(1)), b.in(0)).head();
            Var b2 = b.add(new BroadcastInDim(Shape.of(4, 2, 3), Vector.of(1, 2)), b1).head();
            Var same = b.add(new BroadcastInDim(Shape.of(3), Vector.of(0)), b.in(0)).head();
            return Vector.of(b2, same);
        });
        assertEquals("""
                { lambda ; a:f32[3]. let
                    b:f32[4,2,3] = broadcast_in_dim[shape=(4, 2, 3) broadcast_dimensions=(2,)] a
                  in (b, a) }""", run(SIMPLIFY_DCE, j).toString());
    }

    @Test
    void shouldComposeBroadcastsOfSizeOneAxes() {
        ShapedArray f1 = ShapedArray.of(DType.F32, 1);
        Jaxpr j = Jaxpr.build(Vector.of(f1), b -> {
            Var b1 = b.add(new BroadcastInDim(Shape.of(1, 5), Vector.of(0)), b.in(0)).head();
            return b.add(new BroadcastInDim(Shape.of(4, 5), Vector.of(0, 1)), b1);
        });
        assertEquals("""
                { lambda ; a:f32[1]. let
                    b:f32[4,5] = broadcast_in_dim[shape=(4, 5) broadcast_dimensions=(0,)] a
                  in (b) }""", run(SIMPLIFY_DCE, j).toString());
    }

    @Test
    void shouldRemoveConversionsToTheSameDtypeAndWeakTypeOnly() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> Vector.of(
                b.add(new ConvertElementType(DType.F32, false), b.in(0)).head(),
                b.add(new ConvertElementType(DType.F32, true), b.in(0)).head(),
                b.add(new ConvertElementType(DType.F64, false), b.in(0)).head()));
        assertEquals("""
                { lambda ; a:f32[3]. let
                    b:f32[3] = convert_element_type[new_dtype=float32 weak_type=true] a
                    c:f64[3] = convert_element_type[new_dtype=float64 weak_type=false] a
                  in (a, b, c) }""", run(SIMPLIFY, j).toString());
    }

    @Test
    void shouldCancelReversalsAxisByAxis() {
        ShapedArray f = ShapedArray.of(DType.F32, 2, 1, 3);
        Jaxpr j = Jaxpr.build(Vector.of(f), b -> {
            Var r1 = b.add(new Rev(Vector.of(0)), b.in(0)).head();
            Var twice = b.add(new Rev(Vector.of(0)), r1).head();
            Var other = b.add(new Rev(Vector.of(0, 2)), r1).head();
            Var unit = b.add(new Rev(Vector.of(1)), b.in(0)).head();
            return Vector.of(twice, other, unit);
        });
        assertEquals("""
                { lambda ; a:f32[2,1,3]. let
                    b:f32[2,1,3] = rev[dimensions=(2,)] a
                  in (a, b, a) }""", run(SIMPLIFY_DCE, j).toString());
    }

    @Test
    void shouldPickTheCaseOfALiteralSelector() {
        Jaxpr j = Jaxpr.build(Vector.of(F3, F3, F3, ShapedArray.of(DType.BOOL, 3)), b -> {
            Var trues = b.add(new BroadcastInDim(Shape.of(3), Vector.empty()), lit(true, DType.BOOL)).head();
            return Vector.of(
                    b.add(new SelectN(), lit(false, DType.BOOL), b.in(0), b.in(1)).head(),
                    b.add(new SelectN(), trues, b.in(0), b.in(1)).head(),
                    b.add(new SelectN(), lit(2L, DType.I32), b.in(0), b.in(1), b.in(2)).head(),
                    b.add(new SelectN(), b.in(3), b.in(2), b.in(2)).head(),
                    b.add(new SelectN(), b.in(3), b.in(0), b.in(1)).head());
        });
        assertEquals("""
                { lambda ; a:f32[3] b:f32[3] c:f32[3] d:bool[3]. let
                    e:f32[3] = select_n d a b
                  in (a, b, c, c, e) }""", run(SIMPLIFY_DCE, j).toString());
    }

    @Test
    void shouldRemoveReductionsOverNoAxes() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> Vector.of(
                b.add(new ReduceSum(Vector.empty()), b.in(0)).head(),
                b.add(new ReduceMax(Vector.empty()), b.in(0)).head(),
                b.add(new ReduceSum(Vector.of(0)), b.in(0)).head()));
        assertEquals("""
                { lambda ; a:f32[3]. let
                    b:f32[] = reduce_sum[axes=(0,)] a
                  in (a, a, b) }""", run(SIMPLIFY, j).toString());
    }

    @Test
    void shouldKeepCopyAndStopGradient() {
        Jaxpr j = Jaxpr.build(Vector.of(F3), b -> Vector.of(
                b.add(new Copy(), b.in(0)).head(),
                b.add(new StopGradient(), b.in(0)).head()));
        assertSame(j, SIMPLIFY.apply(j));
    }
}
