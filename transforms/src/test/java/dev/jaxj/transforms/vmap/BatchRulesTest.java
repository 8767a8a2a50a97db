package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.PadConfig;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Function;

import static dev.jaxj.transforms.vmap.Stacking.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Batching rules of elementwise, reduction, scan and shape primitives against a loop over the examples. */
class BatchRulesTest {
    private final Random r = new Random(7);

    private static Function<Seq<Array>, Seq<Array>> one(Function<Seq<Array>, Array> f) {
        return xs -> Vector.of(f.apply(xs));
    }

    /** {@return the batch axis {@code f}'s output has inside {@code vmap}, with the given operand batched along {@code axis}} */
    private static int batchDimOf(Function<Array, Array> f, Array x, int axis) {
        int[] dim = {-2};
        Vmap.vmap(xs -> {
            Array out = f.apply(xs.head());
            dim[0] = ((BatchTracer) out).batchDim();
            return Vector.of(out);
        }, Vector.of(at(axis)), Vmap.OutAxes.all(at(0)), io.vavr.control.Option.none()).apply(Vector.of(x));
        return dim[0];
    }

    @Test
    void shouldMeetBinaryOperandsAtOneBatchAxis() {
        check(one(xs -> Lax.mul(xs.get(0), xs.get(1))), Vector.of(f32(r, 3, 4), f32(r, 4, 3)), Vector.of(at(0), at(1)), 0);
        check(one(xs -> Lax.sub(xs.get(0), xs.get(1))), Vector.of(f32(r, 2, 5, 3), f32(r, 2, 3)), Vector.of(at(1), UNMAPPED), -1);
        check(one(xs -> Lax.atan2(xs.get(0), xs.get(1))), Vector.of(f32(r, 3), f32(r, 4, 3)), Vector.of(UNMAPPED, at(-2)), 0);
    }

    @Test
    void shouldKeepTheBatchAxisOfUnaryOperands() {
        check(one(xs -> Lax.sin(xs.head())), Vector.of(f32(r, 2, 3, 4)), Vector.of(at(2)), 1);
        assertEquals(2, batchDimOf(Lax::exp, f32(r, 2, 3, 4), 2));
        check(one(xs -> Lax.convertElementType(xs.head(), DType.I32)), Vector.of(f32(r, 4, 2)), Vector.of(at(1)), 0);
    }

    @Test
    void shouldBroadcastScalarSelectorsAndBoundsOnlyWhenMapped() {
        Array x = f32(r, 5);
        Array which = Lax.gt(x, Lax.broadcastInDim(Array.scalar(0, DType.F32), x.shape(), Vector.empty()));
        check(one(xs -> Lax.select(xs.get(0), xs.get(1), xs.get(2))), Vector.of(which, f32(r, 3, 5), f32(r, 3)),
                Vector.of(at(0), at(1), UNMAPPED), 0);
        Array scalarWhich = Lax.gt(Array.scalar(1, DType.F32), Array.scalar(0, DType.F32));
        check(one(xs -> Lax.select(xs.get(0), xs.get(1), xs.get(2))), Vector.of(scalarWhich, f32(r, 3, 5), f32(r, 5, 3)),
                Vector.of(UNMAPPED, at(1), at(0)), 1);
        check(one(xs -> Lax.clamp(xs.get(0), xs.get(1), xs.get(2))), Vector.of(f32(r, 4), f32(r, 4, 3), Array.scalar(1.5, DType.F32)),
                Vector.of(at(0), at(0), UNMAPPED), 0);
    }

    @Test
    void shouldShiftReducedAxesAroundTheBatchAxis() {
        check(one(xs -> Lax.reduceSum(xs.head(), 0, 2)), Vector.of(f32(r, 3, 2, 4, 5)), Vector.of(at(1)), 0);
        assertEquals(0, batchDimOf(x -> Lax.reduceMax(x, Vector.of(0, 2)), f32(r, 3, 2, 4, 5), 1));
        check(one(xs -> Lax.reduceProd(xs.head(), Vector.of(1))), Vector.of(f32(r, 3, 2, 4)), Vector.of(at(2)), 0);
        check(one(xs -> Lax.argmax(xs.head(), 1, DType.I32)), Vector.of(f32(r, 3, 4, 2)), Vector.of(at(0)), 0);
        check(one(xs -> Lax.argmin(xs.head(), 0, DType.I64)), Vector.of(f32(r, 3, 4, 2)), Vector.of(at(2)), 0);
        check(one(xs -> Lax.cumsum(xs.head(), 0, true)), Vector.of(f32(r, 3, 4)), Vector.of(at(1)), 1);
        assertEquals(1, batchDimOf(x -> Lax.cummax(x, 0, false), f32(r, 3, 4), 1));
    }

    @Test
    void shouldSortOperandsTogetherAlongTheShiftedDimension() {
        Function<Seq<Array>, Seq<Array>> f = xs -> Lax.sort(xs, 0, true, 1);
        check(f, Vector.of(f32(r, 4, 3), f32(r, 3, 4)), Vector.of(at(1), at(0)), 0);
        check(f, Vector.of(f32(r, 4, 3), f32(r, 4)), Vector.of(at(1), UNMAPPED), 1);
    }

    @Test
    void shouldPlaceTheBatchAxisOfBroadcastsWithoutMovingIt() {
        Function<Array, Array> f = x -> Lax.broadcastInDim(x, Shape.of(2, 3, 4), Vector.of(0, 2));
        check(one(xs -> f.apply(xs.head())), Vector.of(f32(r, 2, 5, 1)), Vector.of(at(1)), 0);
        assertEquals(2, batchDimOf(f, f32(r, 2, 5, 1), 1));
        check(one(xs -> f.apply(xs.head())), Vector.of(f32(r, 2, 1, 5)), Vector.of(at(2)), 2);
        check(one(xs -> Lax.broadcastInDim(xs.head(), Shape.of(3, 2), Vector.empty())), Vector.of(f32(r, 4)), Vector.of(at(0)), 1);
    }

    @Test
    void shouldReshapeTransposeSqueezeAndExpand() {
        check(one(xs -> Lax.reshape(xs.head(), Shape.of(6, 2))), Vector.of(f32(r, 3, 5, 4)), Vector.of(at(1)), 0);
        check(one(xs -> Lax.transpose(xs.head(), Vector.of(2, 0, 1))), Vector.of(f32(r, 2, 3, 5, 4)), Vector.of(at(2)), 1);
        check(one(xs -> Lax.squeeze(xs.head(), Vector.of(0, 2))), Vector.of(f32(r, 1, 3, 4, 1)), Vector.of(at(1)), 0);
        check(one(xs -> Lax.expandDims(xs.head(), Vector.of(0, 2))), Vector.of(f32(r, 3, 5)), Vector.of(at(1)), 0);
        assertEquals(1, batchDimOf(x -> Lax.expandDims(x, Vector.of(0, 2)), f32(r, 3, 5), 0));
        check(one(xs -> Lax.expandDims(xs.head(), Vector.of(2))), Vector.of(f32(r, 3, 4, 5)), Vector.of(at(1)), -1);
    }

    @Test
    void shouldSliceReverseConcatenateAndPad() {
        check(one(xs -> Lax.slice(xs.head(), Vector.of(1, 0), Vector.of(4, 3), Vector.of(2, 1))), Vector.of(f32(r, 5, 2, 3)), Vector.of(at(1)), 0);
        check(one(xs -> Lax.rev(xs.head(), Vector.of(0, 1))), Vector.of(f32(r, 3, 4, 2)), Vector.of(at(1)), 0);
        check(one(xs -> Lax.concatenate(xs, 1)), Vector.of(f32(r, 2, 3, 4), f32(r, 2, 5), f32(r, 4, 2, 1)),
                Vector.of(at(2), UNMAPPED, at(0)), 0);
        Vector<PadConfig> config = Vector.of(new PadConfig(1, -1, 1), new PadConfig(0, 2, 0));
        check(one(xs -> Lax.pad(xs.get(0), xs.get(1), config)), Vector.of(f32(r, 3, 4, 2), Array.scalar(9, DType.F32)),
                Vector.of(at(1), UNMAPPED), 0);
        check(one(xs -> Lax.pad(xs.get(0), xs.get(1), config)), Vector.of(f32(r, 3, 4, 2), f32(r, 4)), Vector.of(at(1), at(0)), 1);
        check(one(xs -> Lax.pad(xs.get(0), xs.get(1), config)), Vector.of(f32(r, 3, 2), f32(r, 4)), Vector.of(UNMAPPED, at(0)), 0);
    }

    @Test
    void shouldRunPrimitivesOfUnmappedOperandsOnce() {
        check(xs -> Vector.of(Lax.add(xs.get(0), Lax.convertElementType(Lax.iota(DType.I32, Shape.of(3), 0), DType.F32))),
                Vector.of(f32(r, 4, 3)), Vector.of(at(0)), 0);
        check(xs -> Vector.of(Lax.mul(xs.get(0), Lax.exp(xs.get(1)))), Vector.of(f32(r, 2, 3), f32(r, 3)), Vector.of(at(0), UNMAPPED), 0);
    }

    @Test
    void shouldHandleOneAndZeroExamples() {
        check(one(xs -> Lax.reduceSum(Lax.mul(xs.get(0), xs.get(1)), 0)), Vector.of(f32(r, 1, 3), f32(r, 3)), Vector.of(at(0), UNMAPPED), 0);
        Seq<Array> out = check(one(xs -> Lax.reduceSum(Lax.mul(xs.get(0), xs.get(1)), 0)), Vector.of(f32(r, 3, 0), f32(r, 3)),
                Vector.of(at(1), UNMAPPED), 0);
        assertEquals(Shape.of(0), out.head().shape());
    }
}
