package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.jaxj.array.Ref.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link Array#get}: every expected value is computed here from the positions NumPy selects,
 * written out by hand (and checked against NumPy once), over arrays whose elements equal their
 * flat position.
 */
class IndexingTest {

    static Stream<Arguments> slices() {
        return Stream.of(
                arguments(Index.all(), new int[] {0, 1, 2, 3, 4, 5, 6}),
                arguments(Index.slice(2, 5), new int[] {2, 3, 4}),
                arguments(Index.from(3), new int[] {3, 4, 5, 6}),
                arguments(Index.to(-2), new int[] {0, 1, 2, 3, 4}),
                arguments(Index.slice(1, 6, 2), new int[] {1, 3, 5}),
                arguments(Index.step(-1), new int[] {6, 5, 4, 3, 2, 1, 0}),
                arguments(Index.step(-3), new int[] {6, 3, 0}),
                arguments(Index.slice(5, 1, -2), new int[] {5, 3}),
                arguments(Index.from(-2).by(-1), new int[] {5, 4, 3, 2, 1, 0}),
                arguments(Index.to(2).by(-1), new int[] {6, 5, 4, 3}),
                arguments(Index.slice(-100, 100), new int[] {0, 1, 2, 3, 4, 5, 6}),
                arguments(Index.slice(100, -100, -1), new int[] {6, 5, 4, 3, 2, 1, 0}),
                arguments(Index.slice(-1, -8, -1), new int[] {6, 5, 4, 3, 2, 1, 0}),
                arguments(Index.slice(10, 0, -3), new int[] {6, 3}),
                arguments(Index.from(-10).by(2), new int[] {0, 2, 4, 6}),
                arguments(Index.slice(-3, -1), new int[] {4, 5}),
                arguments(Index.slice(-8, 3), new int[] {0, 1, 2}),
                arguments(Index.slice(0, 7, 10), new int[] {0}),
                arguments(Index.slice(5, 2), new int[] {}),
                arguments(Index.slice(10, 20), new int[] {}),
                arguments(Index.slice(3, 3), new int[] {}),
                arguments(Index.slice(2, 5, -1), new int[] {}));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("slices")
    void shouldSelectThePositionsNumPySelectsForEverySliceForm(Index.Slice s, int[] positions) {
        Array out = iota(7).get(s);
        float[] expected = new float[positions.length];
        for (int i = 0; i < positions.length; i++) expected[i] = positions[i];
        assertValues(out, new int[] {positions.length}, expected);
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("slices")
    void shouldSelectTheSamePositionsThroughTheGatherPath(Index.Slice s, int[] positions) {
        // An integer array on another axis sends the slice through the gather lowering.
        Array out = iota(2, 7).get(ints1(1), s);
        float[] expected = new float[positions.length];
        for (int i = 0; i < positions.length; i++) expected[i] = 7 + positions[i];
        assertValues(out, new int[] {1, positions.length}, expected);
    }

    @Test
    void shouldSliceEveryAxisIndependently() {
        int[] s = {3, 4, 5};
        Array out = iota(s).get(Index.slice(0, 3, 2), Index.step(-2), Index.slice(1, 4));
        int[] a = {0, 2}, b = {3, 1}, c = {1, 2, 3};
        assertTable(out, new int[] {2, 2, 3}, o -> flat(s, a[o[0]], b[o[1]], c[o[2]]));
    }

    @Test
    void shouldDropAxesIndexedByIntegers() {
        int[] s = {3, 4, 5};
        Array x = iota(s);
        assertTable(x.get(1), new int[] {4, 5}, o -> flat(s, 1, o[0], o[1]));
        assertTable(x.get(-1, 2), new int[] {5}, o -> flat(s, 2, 2, o[0]));
        assertTable(x.get(2, Index.all(), -1), new int[] {4}, o -> flat(s, 2, o[0], 4));
        Array scalar = x.get(1, -2, 3);
        assertValues(scalar, new int[] {}, new float[] {flat(s, 1, 2, 3)});
    }

    @Test
    void shouldExpandTheEllipsisAndInsertNewAxes() {
        int[] s = {3, 4, 5};
        Array x = iota(s);
        assertTable(x.get(Index.ELLIPSIS, 1), new int[] {3, 4}, o -> flat(s, o[0], o[1], 1));
        assertTable(x.get(Index.NEW_AXIS), new int[] {1, 3, 4, 5}, o -> flat(s, o[1], o[2], o[3]));
        assertTable(x.get(0, Index.NEW_AXIS, Index.ELLIPSIS, Index.NEW_AXIS), new int[] {1, 4, 5, 1}, o -> flat(s, 0, o[1], o[2]));
        assertTable(x.get(Index.all(), Index.ELLIPSIS, Index.step(-1), Index.NEW_AXIS), new int[] {3, 4, 5, 1},
                o -> flat(s, o[0], o[1], 4 - o[2]));
        assertTable(x.get(Index.ELLIPSIS, 2, Index.all(), Index.all()), new int[] {4, 5}, o -> flat(s, 2, o[0], o[1]));
        assertValues(x.get(), s, table(s, o -> flat(s, o)));
        assertValues(x.get(Index.ELLIPSIS), s, table(s, o -> flat(s, o)));
    }

    @Test
    void shouldIndexScalars() {
        Array x = Array.scalar(3.5, DType.F32);
        assertValues(x.get(), new int[] {}, new float[] {3.5f});
        assertValues(x.get(Index.ELLIPSIS), new int[] {}, new float[] {3.5f});
        assertValues(x.get(Index.NEW_AXIS, Index.NEW_AXIS), new int[] {1, 1}, new float[] {3.5f});
    }

    @Test
    void shouldGiveZeroSizeResults() {
        assertValues(iota(3, 0, 2).get(Index.all(), Index.all(), 1), new int[] {3, 0}, new float[0]);
        assertValues(iota(3, 4).get(Index.slice(2, 2)), new int[] {0, 4}, new float[0]);
        assertValues(iota(0).get(Index.step(-1)), new int[] {0}, new float[0]);
        assertValues(iota(3, 4).get(ints(new int[0])), new int[] {0, 4}, new float[0]);
        assertValues(iota(0, 4).get(ints(new int[0]), 1), new int[] {0}, new float[0]);
    }

    @Test
    void shouldGatherWithOneIndexArray() {
        int[] s = {3, 4, 5};
        Array x = iota(s);
        int[] rows = {2, 0, 2, 2};
        assertTable(x.get(ints1(2, 0, -1, 2)), new int[] {4, 4, 5}, o -> flat(s, rows[o[0]], o[1], o[2]));
        int[][] idx = {{0, 3}, {1, 2}};
        assertTable(x.get(Index.all(), ints(new int[] {0, 3, 1, -2}, 2, 2)), new int[] {3, 2, 2, 5},
                o -> flat(s, o[0], idx[o[1]][o[2]], o[3]));
        assertTable(x.get(Index.all(), Index.all(), new int[] {4, 0}), new int[] {3, 4, 2},
                o -> flat(s, o[0], o[1], o[2] == 0 ? 4 : 0));
    }

    @Test
    void shouldReplaceAdjacentIndexedAxesInPlace() {
        int[] s = {3, 4, 5};
        Array x = iota(s);
        int[] i = {0, 3, 1}, j = {4, 0, 2};
        assertTable(x.get(Index.all(), ints1(i), ints1(j)), new int[] {3, 3}, o -> flat(s, o[0], i[o[1]], j[o[1]]));
        // An integer next to an array is part of the advanced block.
        int[] k = {0, 2};
        assertTable(x.get(Index.all(), 1, ints1(k)), new int[] {3, 2}, o -> flat(s, o[0], 1, k[o[1]]));
    }

    @Test
    void shouldBroadcastIndexArraysTogether() {
        int[] s = {3, 4, 5};
        int[] i = {2, 0}, j = {3, 1, 0};
        Array out = iota(s).get(ints(i, 2, 1), ints1(j));
        assertTable(out, new int[] {2, 3, 5}, o -> flat(s, i[o[0]], j[o[1]], o[2]));
    }

    @Test
    void shouldMoveSeparatedIndexedAxesToTheFront() {
        int[] s = {3, 4, 5};
        Array x = iota(s);
        int[] i = {0, 2}, j = {1, 4};
        assertTable(x.get(ints1(i), Index.all(), ints1(j)), new int[] {2, 4}, o -> flat(s, i[o[0]], o[1], j[o[0]]));
        // NumPy's famous case: x[1, :, [0, 2]] has shape (2, 4), not (4, 2).
        assertTable(x.get(1, Index.all(), ints1(i)), new int[] {2, 4}, o -> flat(s, 1, o[1], i[o[0]]));
        assertTable(x.get(ints1(2, 0), Index.all(), 3), new int[] {2, 4}, o -> flat(s, o[0] == 0 ? 2 : 0, o[1], 3));
        // A new axis between two arrays separates them too.
        int[] s2 = {3, 4};
        int[] k = {1, 3};
        assertTable(iota(s2).get(ints1(i), Index.NEW_AXIS, ints1(k)), new int[] {2, 1}, o -> flat(s2, i[o[0]], k[o[0]]));
    }

    @Test
    void shouldMixSlicesAndIndexArrays() {
        int[] s = {3, 4, 5};
        int[] b = {0, 3}, c = {4, 2, 0};
        Array out = iota(s).get(Index.slice(1, 3), ints1(0, -1), Index.step(-2));
        assertTable(out, new int[] {2, 2, 3}, o -> flat(s, 1 + o[0], b[o[1]], c[o[2]]));
        Array withNewAxis = iota(s).get(Index.NEW_AXIS, Index.slice(0, 2), ints1(3), Index.NEW_AXIS, Index.from(3));
        assertTable(withNewAxis, new int[] {1, 2, 1, 1, 2}, o -> flat(s, o[1], 3, 3 + o[4]));
    }

    @Test
    void shouldWrapNegativeIndicesAndClampOutOfBoundsOnes() {
        Array out = iota(5).get(ints1(-1, -5, 7, -9, 4));
        // -9 wraps to -4, which clamps to 0; 7 clamps to 4: JAX's gather default.
        assertValues(out, new int[] {5}, new float[] {4, 0, 4, 0, 4});
    }

    @Test
    void shouldTreatScalarIndexArraysAsIntegers() {
        int[] s = {3, 4};
        Array i = Array.fromHost(ShapedArray.of(DType.I32), HostData.own(DType.I32, new int[] {-2}));
        assertTable(iota(s).get(i), new int[] {4}, o -> flat(s, 1, o[0]));
        assertTable(iota(s).get(Index.all(), i), new int[] {3}, o -> flat(s, o[0], 2));
    }

    @Test
    void shouldAcceptEveryIntegerIndexDtype() {
        Array x = iota(6);
        Array i64 = Array.fromHost(ShapedArray.of(DType.I64, 2), HostData.own(new long[] {-1, 2}));
        Array u32 = Array.fromHost(ShapedArray.of(DType.U32, 2), HostData.own(DType.U32, new int[] {3, 0}));
        assertValues(x.get(i64), new int[] {2}, new float[] {5, 2});
        assertValues(x.get(u32), new int[] {2}, new float[] {3, 0});
        assertValues(iota(6, 6).get(i64, ints1(1, 1)), new int[] {2}, new float[] {31, 13});
        assertValues(x.get(Long.valueOf(-2)), new int[] {}, new float[] {4});
    }

    @Test
    void shouldIndexArraysOfEveryDtype() {
        Array ints = Array.fromHost(ShapedArray.of(DType.I64, 4), HostData.own(new long[] {10, 20, 30, 40}));
        assertArrayEquals(new long[] {40, 10}, ints.get(ints1(3, 0)).toLongArray());
        assertArrayEquals(new long[] {40, 20}, ints.get(Index.step(-2)).toLongArray());
        Array flags = Array.fromHost(ShapedArray.of(DType.BOOL, 3), HostData.own(new boolean[] {true, false, false}));
        assertArrayEquals(new boolean[] {false, true}, flags.get(ints1(2, 0)).toBooleanArray());
        Array doubles = Array.fromHost(ShapedArray.of(DType.F64, 2), HostData.own(new double[] {0.1, 0.2}));
        assertArrayEquals(new double[] {0.2}, doubles.get(ints1(1)).toDoubleArray());
    }

    @Test
    void shouldSelectWithConcreteBoolMasks() {
        int[] s = {3, 4};
        Array x = iota(s);
        assertTable(x.get(bools(true, false, true)), new int[] {2, 4}, o -> flat(s, o[0] == 0 ? 0 : 2, o[1]));
        assertTable(x.get(Index.all(), new boolean[] {false, true, false, true}), new int[] {3, 2}, o -> flat(s, o[0], 1 + 2 * o[1]));
        Array mask = x.gt(6.5);
        assertValues(x.get(mask), new int[] {5}, new float[] {7, 8, 9, 10, 11});
        assertValues(x.get(bools(false, false, false)), new int[] {0, 4}, new float[0]);
    }

    @Test
    void shouldGatherWithTracedIndices() {
        int[] s = {3, 4};
        Array out = EagerTrace.run(a -> a.get(0).get(Index.all(), a.get(1)), iota(s), ints1(-1, 0, -3));
        int[] cols = {3, 0, 1};
        assertTable(out, new int[] {3, 3}, o -> flat(s, o[0], cols[o[1]]));
    }

    @Test
    void shouldAgreeWithAtGet() {
        int[] s = {3, 4, 5};
        Array x = iota(s);
        Object[] index = {ints1(2, -1), Index.NEW_AXIS, Index.slice(3, 0, -1), 0};
        assertArrayEquals(x.get(index).toFloatArray(), x.at(index).get().toFloatArray());
        assertEquals(x.get(index).shape(), x.at(index).get().shape());
    }

    // Errors ------------------------------------------------------------------------------------

    @Test
    void shouldRejectTooManyIndices() {
        var e = assertThrows(ShapeError.class, () -> iota(3, 4).get(0, 1, 2));
        assertEquals("getitem", e.op());
        assertTrue(e.detail().contains("too many indices") && e.detail().contains("f32[3,4]"), e.detail());
        assertThrows(ShapeError.class, () -> iota(3, 4).get(new boolean[] {true, false, true}, 0, 1));
    }

    @Test
    void shouldRejectOutOfRangeStaticIntegers() {
        var e = assertThrows(ShapeError.class, () -> iota(3, 4).get(Index.all(), 4));
        assertTrue(e.detail().contains("index 4 is out of bounds for axis 1 with size 4") && e.detail().contains("f32[3,4]"), e.detail());
        assertThrows(ShapeError.class, () -> iota(3, 4).get(-4));
        assertThrows(ShapeError.class, () -> iota(0).get(0));
    }

    @Test
    void shouldRejectNonIntegerIndexArrays() {
        var e = assertThrows(DTypeError.class, () -> iota(3).get(iota(2)));
        assertTrue(e.detail().contains("integer") && e.detail().contains("f32[2]"), e.detail());
    }

    @Test
    void shouldRejectTracedBoolMasks() {
        var e = assertThrows(ConcretizationError.class,
                () -> EagerTrace.run(a -> a.get(0).get(a.get(1)), iota(3), bools(true, false, true)));
        assertTrue(e.detail().contains("bool[3]") && e.detail().contains("concrete"), e.detail());
    }

    @Test
    void shouldRejectMalformedIndexExpressions() {
        assertThrows(ArgumentError.class, () -> iota(3, 4).get(Index.ELLIPSIS, Index.ELLIPSIS));
        assertThrows(ArgumentError.class, () -> Index.slice(0, 3, 0));
        assertThrows(ArgumentError.class, () -> iota(3).get((Object) null));
        assertThrows(ArgumentError.class, () -> iota(3).get("1:2"));
        assertThrows(ArgumentError.class, () -> iota(3).get(Array.scalar(true)));
        var e = assertThrows(ShapeError.class, () -> iota(3, 4).get(ints1(0, 1), ints1(0, 1, 2)));
        assertTrue(e.detail().contains("broadcast") && e.detail().contains("(2,)") && e.detail().contains("(3,)"), e.detail());
        assertThrows(ShapeError.class, () -> iota(3, 4).get(bools(true, false)));
        assertThrows(ShapeError.class, () -> iota(0, 3).get(ints1(0)));
    }
}
