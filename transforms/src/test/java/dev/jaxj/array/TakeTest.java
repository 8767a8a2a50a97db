package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;

import static dev.jaxj.array.Ref.*;
import static org.junit.jupiter.api.Assertions.*;

/** {@link Take}: expected values come from loops over the positions written here. */
class TakeTest {

    @Test
    void shouldTakeFromTheFlattenedArray() {
        assertValues(Take.take(iota(2, 3), ints1(5, 0, -1)), new int[] {3}, new float[] {5, 0, 5});
        assertValues(Take.take(iota(2, 3), ints(new int[] {1, 4}, 2, 1)), new int[] {2, 1}, new float[] {1, 4});
    }

    @Test
    void shouldPutTheIndexAxesWhereTheTakenAxisWas() {
        int[] s = {2, 3, 4};
        int[][] idx = {{0, 2}, {2, 1}};
        Array out = Take.take(iota(s), ints(new int[] {0, 2, -1, 1}, 2, 2), 1);
        assertTable(out, new int[] {2, 2, 2, 4}, o -> flat(s, o[0], idx[o[1]][o[2]], o[3]));
        int[] cols = {3, 0, 3};
        assertTable(Take.take(iota(s), ints1(-1, 0, 3), -1), new int[] {2, 3, 3}, o -> flat(s, o[0], o[1], cols[o[2]]));
        Array scalarIndex = Array.fromHost(ShapedArray.of(DType.I32), HostData.own(DType.I32, new int[] {1}));
        assertTable(Take.take(iota(s), scalarIndex, 0), new int[] {3, 4}, o -> flat(s, 1, o[0], o[1]));
    }

    @Test
    void shouldFillOutOfBoundsPositionsByDefault() {
        Array out = Take.take(iota(2, 3), ints1(3, -4, 2, -3), 1);
        float[] v = out.toFloatArray();
        assertArrayEquals(new int[] {2, 4}, out.shape().toArray());
        for (int r = 0; r < 2; r++) {
            assertTrue(Float.isNaN(v[r * 4]) && Float.isNaN(v[r * 4 + 1]), "row " + r + ": " + java.util.Arrays.toString(v));
            assertEquals(3 * r + 2, v[r * 4 + 2]);
            assertEquals(3 * r, v[r * 4 + 3]);
        }
        Array ints = Array.fromHost(ShapedArray.of(DType.I32, 3), HostData.own(DType.I32, new int[] {7, 8, 9}));
        assertArrayEquals(new int[] {9, Integer.MIN_VALUE}, Take.take(ints, ints1(-1, 3), 0).toIntArray());
    }

    @Test
    void shouldClipOrWrapWhenAskedTo() {
        // NumPy's clip ignores signs: -1 clamps to 0.
        assertValues(Take.take(iota(4), ints1(-1, 9, 2), 0, Take.Mode.CLIP), new int[] {3}, new float[] {0, 3, 2});
        assertValues(Take.take(iota(3), ints1(-1, 7, -4, 3), 0, Take.Mode.WRAP), new int[] {4}, new float[] {2, 1, 2, 0});
        assertValues(Take.take(iota(2, 2), ints1(5), Take.Mode.WRAP), new int[] {1}, new float[] {1});
    }

    @Test
    void shouldTakeFromZeroSizeArrays() {
        assertValues(Take.take(iota(0, 3), ints(new int[0]), 0), new int[] {0, 3}, new float[0]);
        assertValues(Take.take(iota(2, 0), ints1(1), 0), new int[] {1, 0}, new float[0]);
    }

    @Test
    void shouldTakeAlongAnAxis() {
        int[] s = {2, 3};
        int[][] idx = {{0, 2}, {1, 0}};
        Array i = ints(new int[] {0, 2, 1, 0}, 2, 2);
        assertTable(Take.takeAlongAxis(iota(s), i, 1), new int[] {2, 2}, o -> flat(s, o[0], idx[o[0]][o[1]]));
        assertTable(Take.takeAlongAxis(iota(s), i, -1), new int[] {2, 2}, o -> flat(s, o[0], idx[o[0]][o[1]]));
        int[] rows = {1, 0, -1};
        assertTable(Take.takeAlongAxis(iota(s), ints(rows, 1, 3), 0), new int[] {1, 3}, o -> flat(s, rows[o[1]] < 0 ? 1 : rows[o[1]], o[1]));
    }

    @Test
    void shouldBroadcastTheOtherAxes() {
        int[] s = {2, 3};
        int[] cols = {2, 0};
        // indices of shape (1, 2) serve every row.
        assertTable(Take.takeAlongAxis(iota(s), ints(cols, 1, 2), 1), new int[] {2, 2}, o -> flat(s, o[0], cols[o[1]]));
        // an array of shape (1, 3) serves every row of indices.
        int[][] idx = {{1, 1}, {2, 0}};
        assertTable(Take.takeAlongAxis(iota(1, 3), ints(new int[] {1, 1, 2, 0}, 2, 2), 1), new int[] {2, 2},
                o -> idx[o[0]][o[1]]);
    }

    @Test
    void shouldFillClipOrWrapAlongAnAxis() {
        Array i = ints(new int[] {3, -1}, 1, 2);
        float[] filled = Take.takeAlongAxis(iota(1, 3), i, 1).toFloatArray();
        assertTrue(Float.isNaN(filled[0]), java.util.Arrays.toString(filled));
        assertEquals(2, filled[1]);
        assertValues(Take.takeAlongAxis(iota(1, 3), ints(new int[] {3, -1, -7}, 1, 3), 1, Take.Mode.CLIP), new int[] {1, 3}, new float[] {2, 2, 0});
        assertValues(Take.takeAlongAxis(iota(1, 3), ints(new int[] {3, -4}, 1, 2), 1, Take.Mode.WRAP), new int[] {1, 2}, new float[] {0, 2});
    }

    @Test
    void shouldTakeAlongZeroSizeAxes() {
        assertValues(Take.takeAlongAxis(iota(2, 0), ints(new int[0], 2, 0), 1), new int[] {2, 0}, new float[0]);
        assertValues(Take.takeAlongAxis(iota(0, 3), ints(new int[0], 0, 2), 1), new int[] {0, 2}, new float[0]);
    }

    @Test
    void shouldTakeWithTracedIndices() {
        Array out = EagerTrace.run(a -> Take.takeAlongAxis(a.get(0), a.get(1), 1), iota(2, 3), ints(new int[] {-1, 0}, 2, 1));
        assertValues(out, new int[] {2, 1}, new float[] {2, 3});
        Array taken = EagerTrace.run(a -> Take.take(a.get(0), a.get(1), 0), iota(3), ints1(-1));
        assertValues(taken, new int[] {1}, new float[] {2});
    }

    @Test
    void shouldRejectBadArguments() {
        var e = assertThrows(DTypeError.class, () -> Take.take(iota(3), iota(2), 0));
        assertTrue(e.detail().contains("integer") && e.detail().contains("f32[2]"), e.detail());
        assertThrows(ShapeError.class, () -> Take.take(iota(3), ints1(0), 1));
        assertThrows(ShapeError.class, () -> Take.take(iota(0, 2), ints1(0), 0));
        var r = assertThrows(ShapeError.class, () -> Take.takeAlongAxis(iota(2, 3), ints1(0, 1), 1));
        assertTrue(r.detail().contains("rank") && r.detail().contains("i32[2]"), r.detail());
        assertThrows(ShapeError.class, () -> Take.takeAlongAxis(iota(2, 3), ints(new int[] {0, 0, 0, 0, 0, 0}, 3, 2), 1));
        assertThrows(ShapeError.class, () -> Take.takeAlongAxis(iota(2, 0), ints(new int[] {0, 0}, 2, 1), 1));
        assertThrows(DTypeError.class, () -> Take.takeAlongAxis(iota(2, 3), iota(2, 3), 0));
    }
}
