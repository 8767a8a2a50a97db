package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;

import static dev.jaxj.array.Ref.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link At}: expected arrays are the operand's flat data edited by a plain loop written here.
 */
class AtTest {

    private static float[] iotaData(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return v;
    }

    @Test
    void shouldSetASliceAndLeaveTheOperandUnchanged() {
        Array x = iota(5);
        Array y = x.at(Index.slice(1, 3)).set(9.0);
        assertValues(y, new int[] {5}, new float[] {0, 9, 9, 3, 4});
        assertValues(x, new int[] {5}, iotaData(5));
    }

    @Test
    void shouldSetThroughNegativeAndStridedSlices() {
        assertValues(iota(5).at(Index.step(-2)).set(floats(new float[] {10, 20, 30}, 3)), new int[] {5}, new float[] {30, 1, 20, 3, 10});
        assertValues(iota(6).at(Index.slice(1, 6, 2)).add(100.0), new int[] {6}, new float[] {0, 101, 2, 103, 4, 105});
        assertValues(iota(4).at(Index.slice(7, 9)).set(1.0), new int[] {4}, iotaData(4));
    }

    @Test
    void shouldBroadcastUpdatesToTheIndexedShape() {
        int[] s = {3, 4};
        Array row = floats(new float[] {-1, -2}, 2);
        Array out = iota(s).at(Index.all(), ints1(0, 2)).set(row);
        float[] expected = iotaData(12);
        for (int r = 0; r < 3; r++) {
            expected[flat(s, r, 0)] = -1;
            expected[flat(s, r, 2)] = -2;
        }
        assertValues(out, s, expected);
        Array col = floats(new float[] {7, 8, 9}, 3, 1);
        float[] e2 = iotaData(12);
        for (int r = 0; r < 3; r++) for (int c = 1; c < 4; c++) e2[flat(s, r, c)] = 7 + r;
        assertValues(iota(s).at(Index.all(), Index.from(1)).set(col), s, e2);
    }

    @Test
    void shouldAccumulateDuplicateIndices() {
        Array zeros = floats(new float[5], 5);
        assertValues(zeros.at(ints1(0, 0, 4, 0)).add(1.0), new int[] {5}, new float[] {3, 0, 0, 0, 1});
        assertValues(iota(3).at(ints1(1, 1)).add(floats(new float[] {10, 20}, 2)), new int[] {3}, new float[] {0, 31, 2});
        assertValues(iota(4).at(ints1(3, 3, 2)).mul(2.0), new int[] {4}, new float[] {0, 1, 4, 12});
        assertValues(iota(4).at(ints1(2, 2)).min(floats(new float[] {5, -1}, 2)), new int[] {4}, new float[] {0, 1, -1, 3});
        assertValues(iota(4).at(ints1(1, 1, 0)).max(floats(new float[] {5, 7, -3}, 3)), new int[] {4}, new float[] {0, 7, 2, 3});
    }

    @Test
    void shouldKeepOneOfTheUpdatesForDuplicateSets() {
        float v = iota(3).at(ints1(1, 1)).set(floats(new float[] {10, 20}, 2)).toFloatArray()[1];
        assertTrue(v == 10 || v == 20, "got " + v);
    }

    @Test
    void shouldDropOutOfBoundsUpdatesByDefault() {
        // 7 is past the end; -9 wraps to -4, still out of bounds; -1 is the last element.
        Array out = iota(5).at(ints1(1, 7, -9, -1)).set(floats(new float[] {10, 20, 30, 40}, 4));
        assertValues(out, new int[] {5}, new float[] {0, 10, 2, 3, 40});
        assertValues(iota(5).at(ints1(5)).add(1.0), new int[] {5}, iotaData(5));
    }

    @Test
    void shouldClampWhenAskedTo() {
        assertValues(iota(5).at(ints1(7)).withMode(GatherScatterMode.CLIP).set(-1.0), new int[] {5}, new float[] {0, 1, 2, 3, -1});
        assertValues(iota(5).at(ints1(7, -9)).get(), new int[] {2}, new float[] {4, 0});
    }

    @Test
    void shouldUpdateWithSeparatedIndexArrays() {
        int[] s = {3, 4, 5};
        // x[[0, 2], :, 1] has shape (2, 4): the advanced axis goes first.
        Array y = floats(new float[] {-1, -2, -3, -4, -5, -6, -7, -8}, 2, 4);
        Array out = iota(s).at(ints1(0, 2), Index.all(), 1).set(y);
        float[] expected = iotaData(60);
        int[] rows = {0, 2};
        for (int k = 0; k < 2; k++) for (int b = 0; b < 4; b++) expected[flat(s, rows[k], b, 1)] = -(k * 4 + b + 1);
        assertValues(out, s, expected);
    }

    @Test
    void shouldUpdateWithNewAxesAndEllipsis() {
        assertValues(iota(3).at(Index.NEW_AXIS, Index.slice(0, 2)).set(floats(new float[] {8, 9}, 1, 2)),
                new int[] {3}, new float[] {8, 9, 2});
        int[] s = {2, 3};
        float[] plusOne = iotaData(6);
        for (int i = 0; i < 6; i++) plusOne[i] += 1;
        assertValues(iota(s).at(Index.ELLIPSIS).add(1.0), s, plusOne);
        assertValues(iota(s).at().mul(0.0), s, new float[6]);
        assertValues(Array.scalar(2.0, DType.F32).at().set(5.0), new int[] {}, new float[] {5});
    }

    @Test
    void shouldUpdateElementsPickedByIntegersAndMasks() {
        int[] s = {3, 4};
        float[] expected = iotaData(12);
        expected[flat(s, 2, 1)] = 50;
        assertValues(iota(s).at(-1, 1).set(50.0), s, expected);
        Array x = iota(s);
        float[] doubled = iotaData(12);
        for (int i = 0; i < 12; i++) if (i > 6) doubled[i] *= 2;
        assertValues(x.at(x.gt(6.5)).mul(2.0), s, doubled);
    }

    @Test
    void shouldCastUpdatesToTheOperandDtype() {
        Array ints = Array.fromHost(ShapedArray.of(DType.I32, 3), HostData.own(DType.I32, new int[] {1, 2, 3}));
        assertArrayEquals(new int[] {1, 9, 3}, ints.at(1).set(9.7).toIntArray());
        Array out = iota(3).at(Index.all()).add(ints);
        assertEquals(DType.F32, out.dtype());
        assertValues(out, new int[] {3}, new float[] {1, 3, 5});
        Array flags = Array.fromHost(ShapedArray.of(DType.BOOL, 2), HostData.own(new boolean[] {false, false}));
        assertArrayEquals(new boolean[] {false, true}, flags.at(1).set(1.0).toBooleanArray());
        Array doubles = Array.fromHost(ShapedArray.of(DType.F64, 2), HostData.own(new double[] {0, 0}));
        assertArrayEquals(new double[] {0, 0.1}, doubles.at(1).set(0.1).toDoubleArray());
    }

    @Test
    void shouldScatterTracedIndicesAndUpdates() {
        Array out = EagerTrace.run(a -> a.get(0).at(a.get(1)).add(a.get(2)), iota(4), ints1(-1, 0, -1), floats(new float[] {1, 2, 3}, 3));
        assertValues(out, new int[] {4}, new float[] {2, 1, 2, 7});
    }

    @Test
    void shouldRejectUpdatesThatDoNotBroadcast() {
        var e = assertThrows(ShapeError.class, () -> iota(5).at(Index.slice(0, 2)).set(iota(3)));
        assertEquals("at.set", e.op());
        assertTrue(e.detail().contains("(2,)") && e.detail().contains("f32[3]"), e.detail());
        assertThrows(ShapeError.class, () -> iota(2, 2).at(0).add(iota(1, 2)));
    }

    @Test
    void shouldRejectArithmeticUpdatesOfBools() {
        Array flags = Array.fromHost(ShapedArray.of(DType.BOOL, 2), HostData.own(new boolean[] {false, true}));
        assertThrows(DTypeError.class, () -> flags.at(0).add(1.0));
    }

    @Test
    void shouldRejectBadIndicesAsGetDoes() {
        assertThrows(ShapeError.class, () -> iota(3).at(3).set(1.0));
        assertThrows(ShapeError.class, () -> iota(3).at(0, 0).set(1.0));
        assertThrows(DTypeError.class, () -> iota(3).at(iota(1)).set(1.0));
    }
}
