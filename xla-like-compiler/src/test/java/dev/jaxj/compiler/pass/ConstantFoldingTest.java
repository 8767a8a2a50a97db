package dev.jaxj.compiler.pass;

import dev.jaxj.compiler.pass.ReferenceInterpreter.Val;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jaxj.compiler.pass.Programs.*;
import static org.junit.jupiter.api.Assertions.*;

class ConstantFoldingTest {
    private static final Pass FOLD = new ConstantFolding();

    /** {@return the single output of {@code prim} on literal operands, after folding} */
    private static Atom folded(Primitive prim, Lit... in) {
        Jaxpr j = Jaxpr.build(Vector.empty(), b -> b.add(prim, in));
        return run(FOLD, j).outs().head();
    }

    @Test
    void shouldFoldChainsOfLiteralArithmeticIntoTheirUse() {
        Jaxpr j = Jaxpr.build(Vector.of(F32), b -> {
            Var five = b.add(new Add(), f32(2.0), f32(3.0)).head();
            Var minusFive = b.add(new Neg(), five).head();
            return b.add(new Mul(), b.in(0), minusFive);
        });
        assertEquals("""
                { lambda ; a:f32[]. let
                    b:f32[] = mul a -5.0:f32[]
                  in (b) }""", run(FOLD, j).toString());
    }

    @Test
    void shouldRoundFloat32Results() {
        // 2^24 + 1 is not a float: f32 rounds the sum back to 2^24, f64 keeps it.
        assertEquals(f32(16777216.0), folded(new Add(), f32(16777216.0), f32(1.0)));
        assertEquals(lit(16777217.0, DType.F64), folded(new Add(), lit(16777216.0, DType.F64), lit(1.0, DType.F64)));
        // 0.1 as a float is 0.100000001490116119384765625.
        assertEquals(f32(0.100000001490116119384765625), folded(new Mul(), f32(0.1), f32(1.0)));
        assertEquals(f32(Double.POSITIVE_INFINITY), folded(new Div(), f32(1.0), f32(0.0)));
        assertEquals(f32(3.4028234663852886E38), folded(new Max(), f32(3.4028234663852886E38), f32(-1.0)));
    }

    @Test
    void shouldWrapIntegers() {
        assertEquals(lit(-2147483648L, DType.I32), folded(new Add(), lit(2147483647L, DType.I32), lit(1L, DType.I32)));
        assertEquals(lit(-2147483648L, DType.I32), folded(new Neg(), lit(-2147483648L, DType.I32)));
        assertEquals(lit(Long.MIN_VALUE, DType.I64), folded(new Add(), lit(Long.MAX_VALUE, DType.I64), lit(1L, DType.I64)));
        assertEquals(lit(0L, DType.I32), folded(new Mul(), lit(65536L, DType.I32), lit(65536L, DType.I32)));
    }

    @Test
    void shouldDivideIntegersTowardZeroAndLeaveDivisionByZero() {
        assertEquals(lit(-3L, DType.I32), folded(new Div(), lit(-7L, DType.I32), lit(2L, DType.I32)));
        assertEquals(lit(-1L, DType.I64), folded(new Rem(), lit(-7L, DType.I64), lit(2L, DType.I64)));
        Jaxpr byZero = Jaxpr.build(Vector.empty(), b -> b.add(new Div(), lit(1L, DType.I32), lit(0L, DType.I32)));
        assertSame(byZero, FOLD.apply(byZero));
    }

    @Test
    void shouldPropagateNaNThroughMaxAndLeaveSignedZerosAlone() {
        Atom nan = folded(new Max(), f32(Double.NaN), f32(1.0));
        assertTrue(Double.isNaN(((Lit) nan).doubleValue()), nan.toString());
        Jaxpr zeros = Jaxpr.build(Vector.empty(), b -> b.add(new Min(), f32(0.0), f32(-0.0)));
        assertSame(zeros, FOLD.apply(zeros));
        assertEquals(f32(-1.0), folded(new Min(), f32(0.0), f32(-1.0)));
    }

    @Test
    void shouldCompareAsIeee754() {
        Lit t = lit(true, DType.BOOL), f = lit(false, DType.BOOL);
        assertEquals(f, folded(new Lt(), f32(Double.NaN), f32(1.0)));
        assertEquals(f, folded(new Eq(), f32(Double.NaN), f32(Double.NaN)));
        assertEquals(t, folded(new Ne(), f32(Double.NaN), f32(Double.NaN)));
        assertEquals(t, folded(new Eq(), f32(0.0), f32(-0.0)));
        assertEquals(t, folded(new Ge(), lit(3L, DType.I64), lit(3L, DType.I64)));
        assertEquals(f, folded(new Gt(), lit(-1L, DType.I32), lit(2L, DType.I32)));
        assertEquals(t, folded(new Ne(), t, f));
        // 0.1 and 0.1f are different numbers in f64 but one number once both are f32.
        assertEquals(t, folded(new Eq(), f32(0.1), f32(0.100000001490116119384765625)));
    }

    @Test
    void shouldConvertWithTruncationSaturationAndRounding() {
        assertEquals(lit(2L, DType.I32), folded(new ConvertElementType(DType.I32, false), f32(2.7)));
        assertEquals(lit(-2L, DType.I64), folded(new ConvertElementType(DType.I64, false), lit(-2.7, DType.F64)));
        assertEquals(lit(0L, DType.I32), folded(new ConvertElementType(DType.I32, false), f32(Double.NaN)));
        assertEquals(lit(2147483647L, DType.I32), folded(new ConvertElementType(DType.I32, false), lit(1e10, DType.F64)));
        assertEquals(lit(-2147483648L, DType.I32), folded(new ConvertElementType(DType.I32, false), lit(-1e10, DType.F64)));
        assertEquals(lit(-1294967296L, DType.I32), folded(new ConvertElementType(DType.I32, false), lit(3000000000L, DType.I64)));
        assertEquals(f32(16777216.0), folded(new ConvertElementType(DType.F32, false), lit(16777217L, DType.I64)));
        assertEquals(f32(0.100000001490116119384765625), folded(new ConvertElementType(DType.F32, false), lit(0.1, DType.F64)));
        assertEquals(lit(1.0, DType.F64), folded(new ConvertElementType(DType.F64, false), lit(true, DType.BOOL)));
        assertEquals(lit(true, DType.BOOL), folded(new ConvertElementType(DType.BOOL, false), f32(Double.NaN)));
        assertEquals(lit(false, DType.BOOL), folded(new ConvertElementType(DType.BOOL, false), lit(0L, DType.I32)));
    }

    @Test
    void shouldGiveTheFoldedLiteralTheBindersAvalIncludingWeakType() {
        var weak = new ShapedArray(Shape.SCALAR, DType.F32, true);
        Atom both = folded(new Add(), new Lit(1.0, weak), new Lit(2.0, weak));
        assertEquals(new Lit(3.0, weak), both);
        Atom mixed = folded(new Add(), new Lit(1.0, weak), f32(2.0));
        assertEquals(f32(3.0), mixed);
        assertEquals(new Lit(1.0, weak), folded(new ConvertElementType(DType.F32, true), lit(1L, DType.I32)));
    }

    @Test
    void shouldLeaveWhatItCannotComputeExactly() {
        ShapedArray u = ShapedArray.of(DType.U32);
        Jaxpr j = Jaxpr.build(Vector.of(F32), b -> Vector.of(
                b.add(new Add(), lit(1L, u.dtype()), lit(2L, u.dtype())).head(),
                b.add(new Sin(), f32(1.0)).head(),
                b.add(new Add(), b.in(0), f32(1.0)).head(),
                b.add(new Iota(DType.I32, Shape.of(1), 0)).head()));
        assertSame(j, FOLD.apply(j));
    }

    @Test
    void shouldFoldSmallConstantsThroughAnEvaluator() {
        ShapedArray f2 = ShapedArray.of(DType.F64, 2);
        ShapedArray f100 = ShapedArray.of(DType.F64, 100);
        Jaxpr j = withConsts(Jaxpr.build(Vector.of(f2, f100, f2), b -> {
            Var c = b.add(new Neg(), b.in(0)).head();
            Var s = b.add(new ReduceSum(Vector.of(0)), c).head();
            Var big = b.add(new Neg(), b.in(1)).head();
            Var m = b.add(new Mul(), c, b.in(2)).head();
            return Vector.of(b.add(new Add(), m, b.add(new BroadcastInDim(Shape.of(2), Vector.empty()), s).head()).head(), big);
        }), 2);
        var consts = Vector.of(new Val(Shape.of(2), new double[] {1, 2}), new Val(Shape.of(100), new double[100]));
        Closed<Val> out = ConstantFolding.withEvaluator(ReferenceInterpreter.EVALUATOR, 10).apply(new Closed<>(j, consts));
        out.jaxpr().typecheck();
        // neg of the 2-element constant and the broadcast of its (literal) sum fold; neg of the 100-element one does not.
        assertEquals("""
                { lambda a:f64[2] b:f64[100] c:f64[2] d:f64[2] ; e:f64[2]. let
                    f:f64[100] = neg b
                    g:f64[2] = mul c e
                    h:f64[2] = add g d
                  in (h, f) }""", out.jaxpr().toString());
        assertEquals(4, out.consts().size());
        assertSame(consts.get(1), out.consts().get(1));
        assertArrayEquals(new double[] {-1, -2}, out.consts().get(2).data());
        assertArrayEquals(new double[] {-3, -3}, out.consts().get(3).data());

        Closed<Val> optimised = Passes.standard(ReferenceInterpreter.EVALUATOR, 10).apply(new Closed<>(j, consts));
        assertEquals("""
                { lambda a:f64[100] b:f64[2] c:f64[2] ; d:f64[2]. let
                    e:f64[100] = neg a
                    f:f64[2] = mul b d
                    g:f64[2] = add f c
                  in (g, e) }""", optimised.jaxpr().typecheck().toString());
        assertSame(consts.get(1), optimised.consts().get(0));
        assertArrayEquals(new double[] {-3, -3}, optimised.consts().get(2).data());
    }

    @Test
    void shouldNeverFoldCustomVjpLinear() {
        var prim = new CustomVjpLinear(new Object(), 0, Vector.of(F32));
        List<Primitive> seen = new ArrayList<>();
        Evaluator<Double> spy = new Evaluator<>() {
            @Override public Seq<Double> eval(Eqn eqn, Seq<Double> operands) { seen.add(eqn.prim()); return Vector.of(0.0); }
            @Override public Double literal(Lit lit) { return lit.doubleValue(); }
        };
        Jaxpr j = Jaxpr.build(Vector.empty(), b -> b.add(prim, f32(1.0)));
        assertSame(j, ConstantFolding.withEvaluator(spy, 10).apply(new Closed<>(j, Vector.empty())).jaxpr());
        assertTrue(seen.isEmpty());
        assertEquals(Option.none(), spy.toLiteral(1.0, F32));
    }
}
