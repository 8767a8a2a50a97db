package dev.jaxj.ir;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Primitive.*;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ir.DType.*;
import static org.junit.jupiter.api.Assertions.*;

/** Shape and dtype rules, checked against shapes worked out by hand from XLA's definitions. */
class PrimitiveTest {
    private static ShapedArray f32(int... dims) { return ShapedArray.of(F32, dims); }

    private static ShapedArray out(Primitive p, ShapedArray... in) {
        Seq<ShapedArray> r = p.abstractEval(Vector.of(in));
        assertEquals(1, r.size());
        return r.head();
    }

    @Test
    void shouldNameEveryPrimitiveInJaxSnakeCase() {
        assertEquals("broadcast_in_dim", new BroadcastInDim(Shape.of(2), Vector.of(0)).name());
        assertEquals("dot_general", new DotGeneral(new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty()), Option.none()).name());
        assertEquals("erf_inv", new ErfInv().name());
        assertEquals("log1p", new Log1p().name());
        assertEquals("select_n", new SelectN().name());
        assertEquals("shift_right_logical", new ShiftRightLogical().name());
        assertEquals("conv_general_dilated", new ConvGeneralDilated(Vector.of(1), Vector.of(new Padding(0, 0)), Vector.of(1), Vector.of(1),
                ConvDimensionNumbers.channelsFirst(1), 1, 1, Option.none()).name());
    }

    @Test
    void shouldKeepWeakTypeOnlyWhenAllOperandsAreWeak() {
        ShapedArray weak = new ShapedArray(Shape.SCALAR, F32, true);
        assertTrue(out(new Add(), weak, weak).weakType());
        assertFalse(out(new Add(), weak, f32()).weakType());
        assertEquals(BOOL, out(new Lt(), weak, weak).dtype());
    }

    @Test
    void shouldRejectMismatchedBinaryOperandsNamingTheAvals() {
        ShapeError e = assertThrows(ShapeError.class, () -> out(new Add(), f32(3), f32(4)));
        assertTrue(e.getMessage().startsWith("add: requires operands of equal shapes, got f32[3], f32[4]"), e.getMessage());
        DTypeError d = assertThrows(DTypeError.class, () -> out(new Mul(), f32(3), ShapedArray.of(I32, 3)));
        assertTrue(d.getMessage().contains("f32[3], i32[3]"), d.getMessage());
        assertTrue(d.getMessage().endsWith("\nSee https://jaxj.dev/docs/errors#DTypeError (docs/errors.md, section DTypeError)"), d.getMessage());
    }

    @Test
    void shouldRestrictDtypesByFamily() {
        assertThrows(DTypeError.class, () -> out(new Sin(), ShapedArray.of(I32, 2)));
        assertThrows(DTypeError.class, () -> out(new And(), f32(2), f32(2)));
        assertThrows(DTypeError.class, () -> out(new ShiftLeft(), ShapedArray.of(BOOL, 2), ShapedArray.of(BOOL, 2)));
        assertEquals(BOOL, out(new IsFinite(), f32(2)).dtype());
        assertEquals(U32, out(new BitcastConvertType(U32), f32(2)).dtype());
        assertThrows(DTypeError.class, () -> out(new BitcastConvertType(I32), ShapedArray.of(F64, 2)));
    }

    @Test
    void shouldBroadcastInDimOnlySizeOneOrEqualAxes() {
        assertEquals(f32(2, 3), out(new BroadcastInDim(Shape.of(2, 3), Vector.of(1)), f32(3)));
        assertEquals(f32(2, 3), out(new BroadcastInDim(Shape.of(2, 3), Vector.of(0, 1)), f32(1, 3)));
        ShapeError e = assertThrows(ShapeError.class, () -> out(new BroadcastInDim(Shape.of(2, 3), Vector.of(1)), f32(4)));
        assertTrue(e.getMessage().contains("f32[4]"), e.getMessage());
        assertThrows(ShapeError.class, () -> out(new BroadcastInDim(Shape.of(2, 3), Vector.of(1, 0)), f32(3, 2)));
    }

    @Test
    void shouldComputeStructuralShapes() {
        assertEquals(f32(4, 3), out(new Reshape(Shape.of(4, 3)), f32(2, 6)));
        assertThrows(ShapeError.class, () -> out(new Reshape(Shape.of(5)), f32(2, 3)));
        assertEquals(f32(4, 2, 3), out(new Transpose(Vector.of(2, 0, 1)), f32(2, 3, 4)));
        assertEquals(f32(3), out(new Squeeze(Vector.of(0, 2)), f32(1, 3, 1)));
        assertThrows(ShapeError.class, () -> out(new Squeeze(Vector.of(0)), f32(2)));
        assertEquals(f32(1, 3, 1), out(new ExpandDims(Vector.of(0, 2)), f32(3)));
        // ceil((7 - 1) / 2) = 3 elements: 1, 3, 5
        assertEquals(f32(3), out(new Slice(Vector.of(1), Vector.of(7), Vector.of(2)), f32(8)));
        assertEquals(f32(5, 2), out(new Concatenate(0), f32(2, 2), f32(3, 2)));
        // 3 elements with interior 1 -> 5, plus lo 2 and hi -1 -> 6
        assertEquals(f32(6), out(new Pad(Vector.of(new PadConfig(2, -1, 1))), f32(3), f32()));
        assertEquals(ShapedArray.of(I32, 2, 3), out(new Iota(I32, Shape.of(2, 3), 1)));
    }

    @Test
    void shouldComputeDotGeneralShapeAsBatchThenFreeAxes() {
        var dn = new DotDimensionNumbers(Vector.of(2), Vector.of(1), Vector.of(0), Vector.of(0));
        assertEquals(f32(5, 3, 7), out(new DotGeneral(dn, Option.none()), f32(5, 3, 4), f32(5, 4, 7)));
        ShapeError e = assertThrows(ShapeError.class, () -> out(new DotGeneral(new DotDimensionNumbers(Vector.of(1), Vector.of(0),
                Vector.empty(), Vector.empty()), Option.none()), f32(3, 4), f32(5, 2)));
        assertTrue(e.getMessage().contains("contracting dimensions must have equal sizes"), e.getMessage());
        assertTrue(e.getMessage().contains("lhs f32[3,4] and rhs f32[5,2]"), e.getMessage());
    }

    @Test
    void shouldComputeConvOutputWithStridesPaddingAndDilation() {
        // in 32, pad 1+1 -> 34, kernel 3 -> 32 outputs at stride 1
        var conv = new ConvGeneralDilated(Vector.of(1, 1), Vector.of(new Padding(1, 1), new Padding(1, 1)), Vector.of(1, 1),
                Vector.of(1, 1), ConvDimensionNumbers.channelsFirst(2), 1, 1, Option.none());
        assertEquals(f32(32, 16, 32, 32), out(conv, f32(32, 3, 32, 32), f32(16, 3, 3, 3)));
        // in 10, no pad, kernel 3 dilated by 2 -> 5 wide, stride 2 -> floor((10 - 5) / 2) + 1 = 3
        var dil = new ConvGeneralDilated(Vector.of(2), Vector.of(new Padding(0, 0)), Vector.of(1), Vector.of(2),
                ConvDimensionNumbers.channelsFirst(1), 1, 1, Option.none());
        assertEquals(f32(1, 4, 3), out(dil, f32(1, 2, 10), f32(4, 2, 3)));
        assertThrows(ShapeError.class, () -> out(conv, f32(32, 4, 32, 32), f32(16, 3, 3, 3)));
    }

    @Test
    void shouldComputeGatherShapeForRowSelection() {
        // x[idx] for x: f32[5,3], idx: i32[4] -> f32[4,3]
        var dn = new GatherDimensionNumbers(Vector.of(1), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
        var g = new Gather(dn, Vector.of(1, 3), GatherScatterMode.CLIP);
        assertEquals(f32(4, 3), g.abstractEval(Vector.of(f32(5, 3), ShapedArray.of(I32, 4, 1))).head());
        assertThrows(ShapeError.class, () -> g.abstractEval(Vector.of(f32(5, 3), ShapedArray.of(I32, 4, 2))));
        assertThrows(DTypeError.class, () -> g.abstractEval(Vector.of(f32(5, 3), f32(4, 1))));
    }

    @Test
    void shouldReduceAwayAxesAndValidateThem() {
        assertEquals(f32(3), out(new ReduceSum(Vector.of(0, 2)), f32(2, 3, 4)));
        assertEquals(ShapedArray.of(I32, 2), out(new Argmax(1, I32), f32(2, 3)));
        assertThrows(ShapeError.class, () -> out(new ReduceMax(Vector.of(3)), f32(2, 3)));
        assertThrows(ArgumentError.class, () -> new ReduceSum(Vector.of(1, 1)));
        assertThrows(ArgumentError.class, () -> new ReduceSum(Vector.of(-1)));
        assertThrows(ShapeError.class, () -> out(new Argmin(0, I32), f32(0, 3)));
    }

    @Test
    void shouldComputeReduceWindowShapeForPooling() {
        var w = new WindowConfig(Vector.of(1, 1, 2, 2), Vector.of(1, 1, 2, 2), Vector.fill(4, new Padding(0, 0)),
                Vector.fill(4, 1), Vector.fill(4, 1));
        assertEquals(f32(8, 3, 16, 16), out(new ReduceWindowMax(w), f32(8, 3, 32, 32)));
    }

    @Test
    void shouldSortSeveralOperandsOfOneShape() {
        Seq<ShapedArray> r = new Sort(0, true, 1).abstractEval(Vector.of(f32(5), ShapedArray.of(I32, 5)));
        assertEquals(Vector.of(f32(5), ShapedArray.of(I32, 5)), r);
        assertThrows(ShapeError.class, () -> new Sort(0, true, 1).abstractEval(Vector.of(f32(5), ShapedArray.of(I32, 4))));
    }

    @Test
    void shouldRejectWrongOperandCounts() {
        JaxjException e = assertThrows(ArgumentError.class, () -> new Sin().abstractEval(Vector.of(f32(), f32())));
        assertTrue(e.getMessage().startsWith("sin: takes 1 operand, got 2"), e.getMessage());
    }
}
