package dev.jaxj.transforms.vmap;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.GatherDimensionNumbers;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Primitive.ScatterDimensionNumbers;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Function;

import static dev.jaxj.transforms.vmap.Stacking.*;

/** Batching of dynamic slices, gathers and scatters, with operand, indices and updates mapped in every combination. */
class IndexingBatchRulesTest {
    private final Random r = new Random(11);

    /** Rows of a [5, 3] operand at indices [4, 1]: {@code x[idx[:, 0], :]}. */
    private static final GatherDimensionNumbers ROWS = new GatherDimensionNumbers(Vector.of(1), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
    private static final ScatterDimensionNumbers ROW_UPDATES = new ScatterDimensionNumbers(Vector.of(1), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());

    private static Array scalarIndex(int v) {
        return Array.fromHost(ShapedArray.of(DType.I32), HostData.own(DType.I32, new int[] {v}));
    }

    private static Array ints(int[] v, int... dims) {
        return Array.fromHost(ShapedArray.of(DType.I32, dims), HostData.own(DType.I32, v));
    }

    @Test
    void shouldSliceAtSharedStartsWithAZeroStartForTheBatchAxis() {
        Function<Seq<Array>, Seq<Array>> f = xs -> Vector.of(Lax.dynamicSlice(xs.get(0), xs.tail(), Vector.of(2, 2)));
        check(f, Vector.of(f32(r, 4, 3, 5), scalarIndex(1), scalarIndex(7)), Vector.of(at(1), UNMAPPED, UNMAPPED), 0);
    }

    @Test
    void shouldGatherWhenSliceStartsDifferPerExample() {
        Function<Seq<Array>, Seq<Array>> f = xs -> Vector.of(Lax.dynamicSlice(xs.get(0), xs.tail(), Vector.of(2, 3)));
        // Starts past the end are clamped, as dynamic_slice does.
        Array starts = ints(new int[] {0, 3, 1, 9}, 4);
        check(f, Vector.of(f32(r, 4, 3, 5), starts, scalarIndex(1)), Vector.of(at(0), at(0), UNMAPPED), 0);
        check(f, Vector.of(f32(r, 4, 5), starts, ints(new int[] {2, 0, 1, 1}, 4)), Vector.of(UNMAPPED, at(0), at(0)), 1);
    }

    @Test
    void shouldUpdateSlicesWithSharedOrPerExampleStarts() {
        Function<Seq<Array>, Seq<Array>> f = xs -> Vector.of(Lax.dynamicUpdateSlice(xs.get(0), xs.get(1), xs.drop(2)));
        check(f, Vector.of(f32(r, 4, 5, 3), f32(r, 2, 2), scalarIndex(3), scalarIndex(1)), Vector.of(at(1), UNMAPPED, UNMAPPED, UNMAPPED), 0);
        check(f, Vector.of(f32(r, 4, 5), f32(r, 2, 2, 3), scalarIndex(3), scalarIndex(1)), Vector.of(UNMAPPED, at(2), UNMAPPED, UNMAPPED), 1);
        Array rows = ints(new int[] {0, 4, 2}, 3), columns = ints(new int[] {-1, 1, 3}, 3);
        check(f, Vector.of(f32(r, 3, 4, 5), f32(r, 2, 3), rows, scalarIndex(2)), Vector.of(at(0), UNMAPPED, at(0), UNMAPPED), 0);
        check(f, Vector.of(f32(r, 4, 5), f32(r, 2, 3, 3), rows, columns), Vector.of(UNMAPPED, at(2), at(0), at(0)), 1);
    }

    @Test
    void shouldGatherWithOperandIndicesOrBothMapped() {
        Function<Seq<Array>, Seq<Array>> f = xs -> Vector.of(Lax.gather(xs.get(0), xs.get(1), ROWS, Vector.of(1, 3), GatherScatterMode.CLIP));
        Array idx = i32(r, 5, 4, 1);
        check(f, Vector.of(f32(r, 5, 2, 3), idx), Vector.of(at(1), UNMAPPED), 0);
        check(f, Vector.of(f32(r, 5, 3, 2), idx), Vector.of(at(2), UNMAPPED), 0);
        check(f, Vector.of(f32(r, 5, 3), i32(r, 5, 4, 2, 1)), Vector.of(UNMAPPED, at(1)), 0);
        // The batch axis of the indices cannot stay where the index vector is.
        check(f, Vector.of(f32(r, 5, 3), i32(r, 5, 4, 1, 2)), Vector.of(UNMAPPED, at(2)), 1);
        check(f, Vector.of(f32(r, 2, 5, 3), i32(r, 5, 4, 2, 1)), Vector.of(at(0), at(1)), 0);
        check(f, Vector.of(f32(r, 5, 3, 2), i32(r, 5, 4, 1, 2)), Vector.of(at(2), at(-1)), 0);
    }

    @Test
    void shouldKeepExistingBatchingDimsAndFillModes() {
        // take_along_axis of a [3, 4] operand with [3, 2, 1] indices: operand axis 0 batches indices axis 0.
        var along = new GatherDimensionNumbers(Vector.of(), Vector.of(1), Vector.of(1), Vector.of(0), Vector.of(0));
        Function<Seq<Array>, Seq<Array>> f = xs -> Vector.of(Lax.gather(xs.get(0), xs.get(1), along, Vector.of(1, 1), GatherScatterMode.FILL_OR_DROP));
        // Indices in [-1, 4] of an axis of 4: some out of bounds, which gather fills.
        Array idx = ints(new int[] {-1, 0, 3, 4, 2, 2, 1, 3, 0, 4, -1, 1}, 2, 3, 2, 1);
        check(f, Vector.of(f32(r, 3, 2, 4), idx), Vector.of(at(1), at(0)), 0);
        check(f, Vector.of(f32(r, 3, 4), idx), Vector.of(UNMAPPED, at(0)), 1);
        check(f, Vector.of(f32(r, 3, 4, 2), take(idx, 0, 0)), Vector.of(at(2), UNMAPPED), 0);
    }

    @Test
    void shouldScatterWithEveryCombinationOfMappedOperands() {
        Array idx = i32(r, 5, 4, 1), updates = f32(r, 4, 3), operand = f32(r, 5, 3);
        Function<Seq<Array>, Seq<Array>> add = xs -> Vector.of(Lax.scatterAdd(xs.get(0), xs.get(1), xs.get(2), ROW_UPDATES, GatherScatterMode.FILL_OR_DROP));
        int b = 2;
        Array operands = f32(r, 5, b, 3), idxs = i32(r, 5, 4, 1, b), updatess = f32(r, b, 4, 3);
        for (int mask = 1; mask < 8; mask++) {
            Seq<Array> args = Vector.of((mask & 1) != 0 ? operands : operand, (mask & 2) != 0 ? idxs : idx, (mask & 4) != 0 ? updatess : updates);
            Seq<Option<Integer>> axes = Vector.of((mask & 1) != 0 ? at(1) : UNMAPPED, (mask & 2) != 0 ? at(2) : UNMAPPED, (mask & 4) != 0 ? at(0) : UNMAPPED);
            check(add, args, axes, 0);
        }
    }

    @Test
    void shouldScatterEachCombinerFamilyMember() {
        // Distinct rows per example, so that overwriting scatter has no ties to break.
        Array idx = ints(new int[] {4, 0, 2, 1, 3, 0}, 2, 3, 1);
        Seq<Array> args = Vector.of(f32(r, 2, 5, 3), idx, f32(r, 3, 3, 2));
        Seq<Option<Integer>> axes = Vector.of(at(0), at(0), at(2));
        check(xs -> Vector.of(Lax.scatter(xs.get(0), xs.get(1), xs.get(2), ROW_UPDATES, GatherScatterMode.CLIP)), args, axes, 0);
        check(xs -> Vector.of(Lax.scatterMul(xs.get(0), xs.get(1), xs.get(2), ROW_UPDATES, GatherScatterMode.CLIP)), args, axes, 0);
        check(xs -> Vector.of(Lax.scatterMin(xs.get(0), xs.get(1), xs.get(2), ROW_UPDATES, GatherScatterMode.CLIP)), args, axes, 1);
        check(xs -> Vector.of(Lax.scatterMax(xs.get(0), xs.get(1), xs.get(2), ROW_UPDATES, GatherScatterMode.CLIP)), args, axes, 0);
    }
}
