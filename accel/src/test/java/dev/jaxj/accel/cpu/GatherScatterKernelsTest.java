package dev.jaxj.accel.cpu;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static dev.jaxj.accel.cpu.KernelHarness.run;
import static dev.jaxj.accel.cpu.GatherScatterReference.*;
import static dev.jaxj.accel.cpu.NdReference.*;
import static dev.jaxj.ir.Primitive.GatherScatterMode.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Gather and scatter against {@link GatherScatterReference}, a per-element transcription of XLA's
 * pseudo-code, on random dimension numbers in every mode, plus closed-form cases as JAX users write them.
 */
class GatherScatterKernelsTest {
    /** The types kernels compute in (the compiler lowers every other one to these before a kernel runs). */
    @Provide
    Arbitrary<DType> computeTypes() { return Arbitraries.of(DType.computeTypes()); }


    // ---------------------------------------------------------------------------------------- properties

    @Property(tries = 400)
    void shouldGatherAsXlaSpecifies(@ForAll("computeTypes") DType t, @ForAll long seed) {
        var r = new Random(seed);
        Config c = Config.random(r);
        Operand x = random(t, c.operand(), r), idx = c.indices(r);
        Result res = run(c.gather(), x, idx);
        assertArrayEquals(c.out(), res.aval().shape().toArray(), c.toString());
        assertSameElements(GatherScatterReference.gather(c, x, idx), res.data(), "gather " + t + " " + c + " indices " + idx.aval());
    }

    @Property(tries = 400)
    void shouldScatterAsXlaSpecifies(@ForAll("computeTypes") DType t, @ForAll long seed) {
        var r = new Random(seed);
        Config c = Config.random(r);
        ScatterFamily p = scatterOf(r.nextInt(5), c.scatterNumbers(), c.mode());
        Operand x = random(t, c.operand(), r), idx = c.indices(r), upd = random(t, c.out(), r);
        HostData before = x.data().copy();
        Result res = run(p, x, idx, upd);
        assertSameElements(GatherScatterReference.scatter(c, p, x, idx, upd), res.data(), p.name() + " " + t + " " + c);
        assertSameElements(before, x.data(), "operand left unchanged");
    }

    // ---------------------------------------------------------------------------------------- gather, closed forms

    /** {@code x[idx]} on the rows of a matrix. */
    private static Gather takeRows(int cols, GatherScatterMode mode) {
        return new Gather(new GatherDimensionNumbers(v(1), v(0), v(0), v(), v()), v(1, cols), mode);
    }

    @Test
    void shouldSelectRowsLikeTake() {
        Operand x = Operand.f32(Shape.of(3, 2), 0, 1, 10, 11, 20, 21);
        Result r = run(takeRows(2, PROMISE_IN_BOUNDS), x, Operand.i32(Shape.of(4, 1), 2, 0, 2, 1));
        assertArrayEquals(new float[] {20, 21, 0, 1, 20, 21, 10, 11}, r.data().f32());
        assertArrayEquals(new int[] {4, 2}, r.aval().shape().toArray());
    }

    @Test
    void shouldClampOutOfBoundsRowsInClipMode() {
        Operand x = Operand.i64(Shape.of(3, 2), 0, 1, 10, 11, 20, 21);
        Result r = run(takeRows(2, CLIP), x, Operand.i64(Shape.of(3, 1), 7, -1, Long.MIN_VALUE));
        assertArrayEquals(new long[] {20, 21, 0, 1, 0, 1}, r.data().i64());
    }

    @Test
    void shouldFillOutOfBoundsRowsWithEachDtypesFillValue() {
        Operand idx = Operand.u32(Shape.of(3, 1), 1, 3, -1);      // -1 is 2^32 - 1 as u32
        assertArrayEquals(new float[] {2, 3, Float.NaN, Float.NaN, Float.NaN, Float.NaN},
                run(takeRows(2, FILL_OR_DROP), Operand.f32(Shape.of(3, 2), 0, 1, 2, 3, 4, 5), idx).data().f32());
        assertArrayEquals(new double[] {2, 3, Double.NaN, Double.NaN, Double.NaN, Double.NaN},
                run(takeRows(2, FILL_OR_DROP), Operand.f64(Shape.of(3, 2), 0, 1, 2, 3, 4, 5), idx).data().f64());
        int m = Integer.MIN_VALUE;
        assertArrayEquals(new int[] {2, 3, m, m, m, m}, run(takeRows(2, FILL_OR_DROP), Operand.i32(Shape.of(3, 2), 0, 1, 2, 3, 4, 5), idx).data().i32());
        assertArrayEquals(new int[] {2, 3, -1, -1, -1, -1}, run(takeRows(2, FILL_OR_DROP), Operand.u32(Shape.of(3, 2), 0, 1, 2, 3, 4, 5), idx).data().i32());
        long lm = Long.MIN_VALUE;
        assertArrayEquals(new long[] {2, 3, lm, lm, lm, lm}, run(takeRows(2, FILL_OR_DROP), Operand.i64(Shape.of(3, 2), 0, 1, 2, 3, 4, 5), idx).data().i64());
        assertArrayEquals(new boolean[] {false, true, true, true, true, true},
                run(takeRows(2, FILL_OR_DROP), Operand.bool(Shape.of(3, 2), false, false, false, true, false, false), idx).data().bool());
    }

    @Test
    void shouldFillWholeWindowWhenItOverrunsTheEnd() {
        // A window of 2 starting at 2 of 3 overruns: FILL_OR_DROP fills it all, CLIP moves it back to 1.
        var dn = new GatherDimensionNumbers(v(1), v(), v(0), v(), v());
        Operand x = Operand.i32(Shape.of(3), 5, 6, 7), idx = Operand.i32(Shape.of(2, 1), 0, 2);
        int m = Integer.MIN_VALUE;
        assertArrayEquals(new int[] {5, 6, m, m}, run(new Gather(dn, v(2), FILL_OR_DROP), x, idx).data().i32());
        assertArrayEquals(new int[] {5, 6, 6, 7}, run(new Gather(dn, v(2), CLIP), x, idx).data().i32());
    }

    @Test
    void shouldGatherAlongAxisWithBatchingDims() {
        // take_along_axis(x, [[2, 0], [1, 1]], axis=1): row i takes its own columns.
        var dn = new GatherDimensionNumbers(v(), v(1), v(1), v(0), v(0));
        Operand x = Operand.f64(Shape.of(2, 3), 0, 1, 2, 10, 11, 12);
        Result r = run(new Gather(dn, v(1, 1), PROMISE_IN_BOUNDS), x, Operand.i32(Shape.of(2, 2, 1), 2, 0, 1, 1));
        assertArrayEquals(new double[] {2, 0, 11, 11}, r.data().f64());
    }

    @Test
    void shouldGatherFromScalarsAndIntoEmptyResults() {
        var dn = new GatherDimensionNumbers(v(), v(), v(), v(), v());
        Result r = run(new Gather(dn, v(), CLIP), Operand.bool(Shape.SCALAR, true), Operand.i32(Shape.of(3, 0)));
        assertArrayEquals(new boolean[] {true, true, true}, r.data().bool());
        Result empty = run(takeRows(2, FILL_OR_DROP), Operand.f32(Shape.of(3, 2), 0, 1, 2, 3, 4, 5), Operand.i32(Shape.of(0, 1)));
        assertArrayEquals(new int[] {0, 2}, empty.aval().shape().toArray());
    }

    @Test
    void shouldGatherManyRowsOnThePool() {
        int rows = 50, cols = 40, n = 5000;
        Operand x = random(DType.F32, new int[] {rows, cols}, new Random(11));
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = (i * 7) % rows;
        Result r = run(takeRows(cols, CLIP), x, Operand.i32(Shape.of(n, 1), idx));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols; j++) assertEquals(x.data().f32()[idx[i] * cols + j], r.data().f32()[i * cols + j]);
        }
    }

    // ---------------------------------------------------------------------------------------- scatter, closed forms

    /** {@code x.at[idx]} on the elements of a vector. */
    private static final ScatterDimensionNumbers ELEMENTS = new ScatterDimensionNumbers(v(), v(0), v(0), v(), v());

    @Test
    void shouldAccumulateDuplicateIndicesInScatterAdd() {
        Result r = run(new ScatterAdd(ELEMENTS, FILL_OR_DROP), Operand.f32(Shape.of(5), 0, 0, 0, 0, 0),
                Operand.i32(Shape.of(4, 1), 1, 3, 1, 1), Operand.f32(Shape.of(4), 1, 2, 3, 4));
        assertArrayEquals(new float[] {0, 8, 0, 2, 0}, r.data().f32());
    }

    @Test
    void shouldLetTheLastDuplicateWinInScatter() {
        Result r = run(new Scatter(ELEMENTS, FILL_OR_DROP), Operand.i64(Shape.of(3), 0, 0, 0),
                Operand.i32(Shape.of(3, 1), 2, 2, 0), Operand.i64(Shape.of(3), 5, 6, 7));
        assertArrayEquals(new long[] {7, 0, 6}, r.data().i64());
    }

    @Test
    void shouldDropOutOfBoundsUpdatesOrClampThem() {
        Operand x = Operand.i32(Shape.of(4), 0, 0, 0, 0), idx = Operand.i64(Shape.of(3, 1), 9, -1, 2), u = Operand.i32(Shape.of(3), 1, 2, 4);
        assertArrayEquals(new int[] {0, 0, 4, 0}, run(new ScatterAdd(ELEMENTS, FILL_OR_DROP), x, idx, u).data().i32());
        assertArrayEquals(new int[] {2, 0, 4, 1}, run(new ScatterAdd(ELEMENTS, CLIP), x, idx, u).data().i32());
        assertArrayEquals(new int[] {2, 0, 4, 1}, run(new ScatterAdd(ELEMENTS, PROMISE_IN_BOUNDS), x, idx, u).data().i32());
    }

    @Test
    void shouldDropWholeWindowsThatOverrun() {
        // Windows of 2 into 4 elements: start 3 overruns, so it is dropped whole (FILL_OR_DROP) or moved to 2 (CLIP).
        var dn = new ScatterDimensionNumbers(v(1), v(), v(0), v(), v());
        Operand x = Operand.f64(Shape.of(4), 0, 0, 0, 0), idx = Operand.i32(Shape.of(2, 1), 0, 3), u = Operand.f64(Shape.of(2, 2), 1, 2, 3, 4);
        assertArrayEquals(new double[] {1, 2, 0, 0}, run(new Scatter(dn, FILL_OR_DROP), x, idx, u).data().f64());
        assertArrayEquals(new double[] {1, 2, 3, 4}, run(new Scatter(dn, CLIP), x, idx, u).data().f64());
    }

    @Test
    void shouldPropagateNaNThroughScatterMinAndMax() {
        Operand x = Operand.f32(Shape.of(3), 1, 2, Float.NaN), idx = Operand.i32(Shape.of(3, 1), 0, 1, 2);
        Operand u = Operand.f32(Shape.of(3), Float.NaN, 1, 5);
        assertArrayEquals(new float[] {Float.NaN, 1, Float.NaN}, run(new ScatterMin(ELEMENTS, CLIP), x, idx, u).data().f32());
        assertArrayEquals(new float[] {Float.NaN, 2, Float.NaN}, run(new ScatterMax(ELEMENTS, CLIP), x, idx, u).data().f32());
        Operand d = Operand.f64(Shape.of(2), 1, Double.NaN), di = Operand.i32(Shape.of(2, 1), 0, 1), du = Operand.f64(Shape.of(2), Double.NaN, 0);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN}, run(new ScatterMax(ELEMENTS, CLIP), d, di, du).data().f64());
    }

    @Test
    void shouldWrapIntegersAndCompareU32Unsigned() {
        Operand idx = Operand.i32(Shape.of(2, 1), 0, 1);
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 6},
                run(new ScatterAdd(ELEMENTS, CLIP), Operand.i32(Shape.of(2), Integer.MAX_VALUE, 3), idx, Operand.i32(Shape.of(2), 1, 3)).data().i32());
        assertArrayEquals(new int[] {0, 1 << 31},
                run(new ScatterMul(ELEMENTS, CLIP), Operand.u32(Shape.of(2), 1 << 16, 1 << 30), idx, Operand.u32(Shape.of(2), 1 << 16, 2)).data().i32());
        assertArrayEquals(new int[] {-1, 1},
                run(new ScatterMax(ELEMENTS, CLIP), Operand.u32(Shape.of(2), 1, 1), idx, Operand.u32(Shape.of(2), -1, 0)).data().i32());
        assertArrayEquals(new int[] {1, 0},
                run(new ScatterMin(ELEMENTS, CLIP), Operand.u32(Shape.of(2), 1, 1), idx, Operand.u32(Shape.of(2), -1, 0)).data().i32());
        assertArrayEquals(new long[] {Long.MIN_VALUE, -2},
                run(new ScatterAdd(ELEMENTS, CLIP), Operand.i64(Shape.of(2), Long.MAX_VALUE, -1), idx, Operand.i64(Shape.of(2), 1, -1)).data().i64());
    }

    @Test
    void shouldUseOrAndAndForBoolScatters() {
        Operand x = Operand.bool(Shape.of(3), false, true, true), idx = Operand.i32(Shape.of(3, 1), 0, 1, 2);
        Operand u = Operand.bool(Shape.of(3), true, false, true);
        assertArrayEquals(new boolean[] {true, true, true}, run(new ScatterAdd(ELEMENTS, CLIP), x, idx, u).data().bool());
        assertArrayEquals(new boolean[] {false, false, true}, run(new ScatterMul(ELEMENTS, CLIP), x, idx, u).data().bool());
        assertArrayEquals(new boolean[] {false, false, true}, run(new ScatterMin(ELEMENTS, CLIP), x, idx, u).data().bool());
        assertArrayEquals(new boolean[] {true, true, true}, run(new ScatterMax(ELEMENTS, CLIP), x, idx, u).data().bool());
    }

    @Test
    void shouldAddRowsAtBatchedColumnsLikeTakeAlongAxisTranspose() {
        // The transpose of take_along_axis: x.at[i, idx[i, j]].add(u[i, j]) with a batching dim.
        var dn = new ScatterDimensionNumbers(v(), v(1), v(1), v(0), v(0));
        Result r = run(new ScatterAdd(dn, FILL_OR_DROP), Operand.i32(Shape.of(2, 3), 0, 0, 0, 0, 0, 0),
                Operand.i32(Shape.of(2, 2, 1), 2, 2, 0, 1), Operand.i32(Shape.of(2, 2), 1, 2, 3, 4));
        assertArrayEquals(new int[] {0, 0, 3, 3, 4, 0}, r.data().i32());
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F64", "I32", "I64", "U32", "BOOL"})  // the types kernels compute in
    void shouldScatterIntoScalarsAndIgnoreEmptyUpdates(DType t) {
        var dn = new ScatterDimensionNumbers(v(), v(), v(), v(), v());
        Operand x = random(t, new int[0], new Random(1)), u = random(t, new int[] {1}, new Random(2));
        Result r = run(new Scatter(dn, CLIP), x, Operand.i32(Shape.of(1, 0)), u);
        assertSameElements(u.data(), r.data(), "scalar scatter");
        Operand v = random(t, new int[] {4}, new Random(3));
        Result none = run(new ScatterAdd(ELEMENTS, CLIP), v, Operand.i32(Shape.of(0, 1)), random(t, new int[] {0}, new Random(4)));
        assertSameElements(v.data(), none.data(), "no updates");
    }

    @Test
    void shouldDropEveryUpdateIntoAnEmptyOperand() {
        Result r = run(new ScatterAdd(ELEMENTS, CLIP), Operand.f32(Shape.of(0)), Operand.i32(Shape.of(2, 1), 0, 1), Operand.f32(Shape.of(2), 1, 2));
        assertEquals(0, r.data().size());
    }
}
