package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shape manipulation, joining, splitting and padding, checked element by element against index arithmetic. */
class JnpManipulationTest {

    /** {@return {@code 0..n-1} of the given dtype and shape} */
    static Array iota(DType d, int... dims) {
        Shape s = Shape.of(dims);
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = i;
        return arr(d, s, v);
    }

    @Test
    void shouldReshapeInferringOneDimension() {
        Array x = iota(DType.F32, 2, 6);
        assertArray(Jnp.reshape(x, 3, -1), DType.F32, Shape.of(3, 4), x.toDoubleArray());
        assertArray(Jnp.ravel(Jnp.reshape(x, -1, 2, 3)), DType.F32, Shape.of(12), x.toDoubleArray());
        assertError(ShapeError.class, "reshape", () -> Jnp.reshape(x, 5, -1), "f32[2,6]");
        assertError(ArgumentError.class, "reshape", () -> Jnp.reshape(x, -1, -1));
        assertArray(Jnp.reshape(Jnp.scalar(4f), 1, 1), DType.F32, Shape.of(1, 1), 4);
    }

    @Test
    void shouldTransposeWithNegativeAxes() {
        Array x = iota(DType.I32, 2, 3, 4);
        Array t = Jnp.transpose(x, -1, 0, 1);                  // (4, 2, 3): t[k,i,j] = x[i,j,k]
        double[] e = new double[24];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) e[flat(Shape.of(4, 2, 3), k, i, j)] = i * 12 + j * 4 + k;
        assertArray(t, DType.I32, Shape.of(4, 2, 3), e);
        assertEquals(Shape.of(4, 3, 2), Jnp.transpose(x).shape());
        assertError(ArgumentError.class, "transpose", () -> Jnp.transpose(x, 0, 1), "i32[2,3,4]");
        assertError(ArgumentError.class, "transpose", () -> Jnp.transpose(x, 0, 1, -3), "repeated");
        assertError(ShapeError.class, "transpose", () -> Jnp.transpose(x, 0, 1, 3), "axis 3", "i32[2,3,4]");
    }

    @Test
    void shouldSwapAndMoveAxes() {
        Array x = iota(DType.F32, 2, 3, 4);
        assertEquals(Shape.of(4, 3, 2), Jnp.swapaxes(x, 0, -1).shape());
        assertArray(Jnp.swapaxes(x, 0, -1), DType.F32, Shape.of(4, 3, 2), Jnp.transpose(x, 2, 1, 0).toDoubleArray());
        assertArray(Jnp.moveaxis(x, 0, -1), DType.F32, Shape.of(3, 4, 2), Jnp.transpose(x, 1, 2, 0).toDoubleArray());
        assertArray(Jnp.moveaxis(x, -1, 0), DType.F32, Shape.of(4, 2, 3), Jnp.transpose(x, 2, 0, 1).toDoubleArray());
        assertEquals(Shape.of(4, 3, 2), Jnp.moveaxis(x, new int[] {0, 2}, new int[] {2, 0}).shape());
        assertEquals(Shape.of(3, 2, 4), Jnp.moveaxis(x, new int[] {0, 1}, new int[] {1, 0}).shape());
        assertError(ArgumentError.class, "moveaxis", () -> Jnp.moveaxis(x, new int[] {0}, new int[] {1, 2}), "f32[2,3,4]");
    }

    @Test
    void shouldExpandAndSqueezeAxes() {
        Array x = iota(DType.F32, 2, 3);
        assertEquals(Shape.of(1, 2, 3), Jnp.expandDims(x, 0).shape());
        assertEquals(Shape.of(2, 3, 1), Jnp.expandDims(x, -1).shape());
        assertEquals(Shape.of(1, 2, 1, 3), Jnp.expandDims(x, 0, 2).shape());
        assertEquals(Shape.of(2, 1, 3, 1), Jnp.expandDims(x, -1, 1).shape());
        Array y = Jnp.reshape(x, 1, 2, 1, 3);
        assertEquals(Shape.of(2, 3), Jnp.squeeze(y).shape());
        assertEquals(Shape.of(2, 1, 3), Jnp.squeeze(y, 0).shape());
        assertArray(Jnp.squeeze(y, -2), DType.F32, Shape.of(1, 2, 3), x.toDoubleArray());
        assertError(ShapeError.class, "squeeze", () -> Jnp.squeeze(y, 1), "f32[1,2,1,3]");
        assertError(ShapeError.class, "expand_dims", () -> Jnp.expandDims(x, 4), "f32[2,3]");
    }

    @Test
    void shouldBroadcastToShapesAndEachOther() {
        Array x = f32(1, 2, 3);
        assertArray(Jnp.broadcastTo(x, 2, 3), DType.F32, Shape.of(2, 3), 1, 2, 3, 1, 2, 3);
        assertError(ShapeError.class, "broadcast_to", () -> Jnp.broadcastTo(x, 2, 4), "f32[3]");
        Seq<Array> b = Jnp.broadcastArrays(arr(DType.I32, Shape.of(2, 1), 1, 2), x);
        assertArray(b.get(0), DType.I32, Shape.of(2, 3), 1, 1, 1, 2, 2, 2);
        assertArray(b.get(1), DType.F32, Shape.of(2, 3), 1, 2, 3, 1, 2, 3);
        assertError(ShapeError.class, "broadcast_arrays", () -> Jnp.broadcastArrays(x, f32(1, 2)), "f32[3]", "f32[2]");
    }

    @Test
    void shouldMakeArraysAtLeastNd() {
        Array s = Jnp.scalar(1f), v = f32(1, 2), m = iota(DType.F32, 2, 3);
        assertEquals(Shape.of(1), Jnp.atleast1d(s).shape());
        assertEquals(Shape.of(1, 2), Jnp.atleast2d(v).shape());
        assertEquals(Shape.of(1, 1), Jnp.atleast2d(s).shape());
        assertEquals(Shape.of(1, 2, 1), Jnp.atleast3d(v).shape());
        assertEquals(Shape.of(2, 3, 1), Jnp.atleast3d(m).shape());
        assertEquals(Shape.of(2, 3), Jnp.atleast1d(m).shape());
    }

    @Test
    void shouldConcatenateWithPromotionAndNegativeAxis() {
        Array a = arr(DType.I32, Shape.of(2, 2), 1, 2, 3, 4), b = arr(DType.F32, Shape.of(2, 1), 5.5, 6.5);
        assertArray(Jnp.concatenate(Vector.of(a, b), -1), DType.F32, Shape.of(2, 3), 1, 2, 5.5, 3, 4, 6.5);
        assertArray(Jnp.concatenate(f32(1), f32(), f32(2, 3)), DType.F32, Shape.of(3), 1, 2, 3);
        assertError(ShapeError.class, "concatenate", () -> Jnp.concatenate(Vector.of(a, b), 0), "i32[2,2]", "f32[2,1]");
        assertError(ShapeError.class, "concatenate", () -> Jnp.concatenate(Jnp.scalar(1f), Jnp.scalar(2f)), "f32[]");
        assertError(ArgumentError.class, "concatenate", () -> Jnp.concatenate(Vector.empty(), 0));
    }

    @Test
    void shouldStackAlongANewAxis() {
        Array a = f32(1, 2, 3), b = f32(4, 5, 6);
        assertArray(Jnp.stack(a, b), DType.F32, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertArray(Jnp.stack(Vector.of(a, b), 1), DType.F32, Shape.of(3, 2), 1, 4, 2, 5, 3, 6);
        assertArray(Jnp.stack(Vector.of(a, b), -1), DType.F32, Shape.of(3, 2), 1, 4, 2, 5, 3, 6);
        assertArray(Jnp.stack(Jnp.scalar(1f), Jnp.scalar(2f)), DType.F32, Shape.of(2), 1, 2);
        assertError(ShapeError.class, "stack", () -> Jnp.stack(a, f32(1, 2)), "f32[3]", "f32[2]");
        assertArray(Jnp.hstack(a, b), DType.F32, Shape.of(6), 1, 2, 3, 4, 5, 6);
        assertArray(Jnp.vstack(a, b), DType.F32, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        Array m = arr(DType.F32, Shape.of(2, 1), 7, 8);
        assertArray(Jnp.hstack(m, m), DType.F32, Shape.of(2, 2), 7, 7, 8, 8);
    }

    @Test
    void shouldSplitIntoEqualSectionsOrAtIndices() {
        Array x = iota(DType.I32, 6, 2);
        Seq<Array> parts = Jnp.split(x, 3);
        assertEquals(3, parts.size());
        assertArray(parts.get(1), DType.I32, Shape.of(2, 2), 4, 5, 6, 7);
        Seq<Array> cols = Jnp.split(x, 2, -1);
        assertArray(cols.get(1), DType.I32, Shape.of(6, 1), 1, 3, 5, 7, 9, 11);
        assertError(ArgumentError.class, "split", () -> Jnp.split(x, 4), "equal division", "i32[6,2]");
        Seq<Array> at = Jnp.split(iota(DType.F32, 7), new int[] {2, 5, 9}, 0);
        assertEquals(4, at.size());
        assertArray(at.get(0), DType.F32, Shape.of(2), 0, 1);
        assertArray(at.get(1), DType.F32, Shape.of(3), 2, 3, 4);
        assertArray(at.get(2), DType.F32, Shape.of(2), 5, 6);
        assertArray(at.get(3), DType.F32, Shape.of(0));
        Seq<Array> uneven = Jnp.arraySplit(iota(DType.F32, 7), 3, 0);
        assertEquals(Vector.of(3, 2, 2), uneven.map(Array::size));
        assertArray(uneven.get(2), DType.F32, Shape.of(2), 5, 6);
    }

    @Test
    void shouldFlipAxes() {
        Array x = iota(DType.F32, 2, 3);
        assertArray(Jnp.flip(x, 1), DType.F32, Shape.of(2, 3), 2, 1, 0, 5, 4, 3);
        assertArray(Jnp.flip(x, -2), DType.F32, Shape.of(2, 3), 3, 4, 5, 0, 1, 2);
        assertArray(Jnp.flip(x), DType.F32, Shape.of(2, 3), 5, 4, 3, 2, 1, 0);
    }

    @Test
    void shouldRollWithWrapAround() {
        assertArray(Jnp.roll(f32(1, 2, 3, 4, 5), 2, 0), DType.F32, Shape.of(5), 4, 5, 1, 2, 3);
        assertArray(Jnp.roll(f32(1, 2, 3, 4, 5), -1, -1), DType.F32, Shape.of(5), 2, 3, 4, 5, 1);
        assertArray(Jnp.roll(f32(1, 2, 3), 7, 0), DType.F32, Shape.of(3), 3, 1, 2);
        Array x = iota(DType.I32, 2, 3);
        assertArray(Jnp.roll(x, 1), DType.I32, Shape.of(2, 3), 5, 0, 1, 2, 3, 4);
        assertArray(Jnp.roll(x, new int[] {1, 1}, new int[] {0, 1}), DType.I32, Shape.of(2, 3), 5, 3, 4, 2, 0, 1);
        assertArray(Jnp.roll(Jnp.zeros(0), 3, 0), DType.F32, Shape.of(0));
    }

    @Test
    void shouldTileWholeArrays() {
        assertArray(Jnp.tile(f32(1, 2), 2), DType.F32, Shape.of(4), 1, 2, 1, 2);
        assertArray(Jnp.tile(f32(1, 2), 2, 2), DType.F32, Shape.of(2, 4), 1, 2, 1, 2, 1, 2, 1, 2);
        Array m = arr(DType.I32, Shape.of(2, 2), 1, 2, 3, 4);
        assertArray(Jnp.tile(m, 2), DType.I32, Shape.of(2, 4), 1, 2, 1, 2, 3, 4, 3, 4);
        assertArray(Jnp.tile(m, 2, 1), DType.I32, Shape.of(4, 2), 1, 2, 3, 4, 1, 2, 3, 4);
        assertArray(Jnp.tile(m, 0), DType.I32, Shape.of(2, 0));
        assertError(ArgumentError.class, "tile", () -> Jnp.tile(m, -1), "i32[2,2]");
    }

    @Test
    void shouldRepeatElements() {
        Array m = arr(DType.F32, Shape.of(2, 2), 1, 2, 3, 4);
        assertArray(Jnp.repeat(m, 2), DType.F32, Shape.of(8), 1, 1, 2, 2, 3, 3, 4, 4);
        assertArray(Jnp.repeat(m, 2, 0), DType.F32, Shape.of(4, 2), 1, 2, 1, 2, 3, 4, 3, 4);
        assertArray(Jnp.repeat(m, 3, -1), DType.F32, Shape.of(2, 6), 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4);
        assertArray(Jnp.repeat(m, new int[] {1, 2}, 0), DType.F32, Shape.of(3, 2), 1, 2, 3, 4, 3, 4);
        assertArray(Jnp.repeat(m, new int[] {0, 0}, 1), DType.F32, Shape.of(2, 0));
        assertArray(Jnp.repeat(m, 0, 1), DType.F32, Shape.of(2, 0));
        assertError(ArgumentError.class, "repeat", () -> Jnp.repeat(m, new int[] {1, 2, 3}, 0), "f32[2,2]");
    }

    @Test
    void shouldPadWithAConstant() {
        Array m = arr(DType.I32, Shape.of(2, 2), 1, 2, 3, 4);
        assertArray(Jnp.pad(m, new int[][] {{1, 0}, {0, 2}}, 9), DType.I32, Shape.of(3, 4),
                9, 9, 9, 9, 1, 2, 9, 9, 3, 4, 9, 9);
        assertArray(Jnp.pad(f32(1), 2), DType.F32, Shape.of(5), 0, 0, 1, 0, 0);
        assertArray(Jnp.pad(f32(1, 2), new int[][] {{1, 2}}), DType.F32, Shape.of(5), 0, 1, 2, 0, 0);
        assertBools(Jnp.pad(bools(true), new int[][] {{1, 0}}), Shape.of(2), false, true);
        assertError(ArgumentError.class, "pad", () -> Jnp.pad(m, new int[][] {{-1, 0}, {0, 0}}), "i32[2,2]");
        assertError(ArgumentError.class, "pad", () -> Jnp.pad(m, new int[][] {{1, 0}, {0, 0}, {0, 0}}), "i32[2,2]");
    }

    @Test
    void shouldPadInEdgeReflectSymmetricAndWrapModes() {
        Array x = f32(1, 2, 3);
        int[][] w = {{5, 4}};
        // NumPy's np.pad([1, 2, 3], (5, 4), mode) for each mode.
        assertArray(Jnp.pad(x, w, Jnp.PadMode.EDGE), DType.F32, Shape.of(12), 1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3);
        assertArray(Jnp.pad(x, w, Jnp.PadMode.REFLECT), DType.F32, Shape.of(12), 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3);
        assertArray(Jnp.pad(x, w, Jnp.PadMode.SYMMETRIC), DType.F32, Shape.of(12), 2, 3, 3, 2, 1, 1, 2, 3, 3, 2, 1, 1);
        assertArray(Jnp.pad(x, w, Jnp.PadMode.WRAP), DType.F32, Shape.of(12), 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1);
        assertArray(Jnp.pad(f32(7), new int[][] {{2, 3}}, Jnp.PadMode.REFLECT), DType.F32, Shape.of(6), 7, 7, 7, 7, 7, 7);
        Array m = arr(DType.I32, Shape.of(2, 2), 1, 2, 3, 4);
        assertArray(Jnp.pad(m, new int[][] {{1, 1}, {0, 1}}, Jnp.PadMode.REFLECT), DType.I32, Shape.of(4, 3),
                3, 4, 3, 1, 2, 1, 3, 4, 3, 1, 2, 1);
        assertError(ShapeError.class, "pad", () -> Jnp.pad(Jnp.zeros(0), new int[][] {{1, 1}}, Jnp.PadMode.EDGE), "f32[0]");
    }

    @Test
    void shouldKeepLowerAndUpperTriangles() {
        Array m = Jnp.add(iota(DType.F32, 3, 4), 1);
        double[] lo = new double[12], up = new double[12], lo1 = new double[12];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                double v = i * 4 + j + 1;
                lo[i * 4 + j] = j <= i ? v : 0;
                up[i * 4 + j] = j >= i ? v : 0;
                lo1[i * 4 + j] = j <= i - 1 ? v : 0;
            }
        }
        assertArray(Jnp.tril(m), DType.F32, Shape.of(3, 4), lo);
        assertArray(Jnp.triu(m), DType.F32, Shape.of(3, 4), up);
        assertArray(Jnp.tril(m, -1), DType.F32, Shape.of(3, 4), lo1);
        Array batch = Jnp.stack(m, m);
        assertArray(Jnp.triu(batch), DType.F32, Shape.of(2, 3, 4), concat(up, up));
        assertError(ShapeError.class, "tril", () -> Jnp.tril(f32(1, 2)), "f32[2]");
    }

    static double[] concat(double[] a, double[] b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void shouldExtractDiagonalsWithOffsets() {
        Array m = iota(DType.I32, 3, 4);
        assertArray(Jnp.diagonal(m), DType.I32, Shape.of(3), 0, 5, 10);
        assertArray(Jnp.diagonal(m, 1, 0, 1), DType.I32, Shape.of(3), 1, 6, 11);
        assertArray(Jnp.diagonal(m, 2, 0, 1), DType.I32, Shape.of(2), 2, 7);
        assertArray(Jnp.diagonal(m, -1, 0, 1), DType.I32, Shape.of(2), 4, 9);
        assertArray(Jnp.diagonal(m, 5, 0, 1), DType.I32, Shape.of(0));
        assertArray(Jnp.diagonal(m, 0, 1, 0), DType.I32, Shape.of(3), 0, 5, 10);
        Array t = iota(DType.F32, 2, 3, 3);               // diagonal over axes 1, 2 for each batch
        assertArray(Jnp.diagonal(t, 0, -2, -1), DType.F32, Shape.of(2, 3), 0, 4, 8, 9, 13, 17);
        assertArray(Jnp.trace(t, 0, 1, 2), DType.F32, Shape.of(2), 12, 39);
        assertArray(Jnp.trace(m), DType.I32, Shape.SCALAR, 15);
        assertError(ArgumentError.class, "diagonal", () -> Jnp.diagonal(m, 0, 1, -1), "i32[3,4]");
    }

    @Test
    void shouldBuildDiagonalMatrices() {
        assertArray(Jnp.diag(f32(1, 2)), DType.F32, Shape.of(2, 2), 1, 0, 0, 2);
        assertArray(Jnp.diag(f32(1, 2), 1), DType.F32, Shape.of(3, 3), 0, 1, 0, 0, 0, 2, 0, 0, 0);
        assertArray(Jnp.diag(i32(1, 2), -1), DType.I32, Shape.of(3, 3), 0, 0, 0, 1, 0, 0, 0, 2, 0);
        assertArray(Jnp.diag(f32(), 1), DType.F32, Shape.of(1, 1), 0);
        assertArray(Jnp.diag(iota(DType.F32, 2, 2)), DType.F32, Shape.of(2), 0, 3);
        assertError(ShapeError.class, "diag", () -> Jnp.diag(Jnp.zeros(2, 2, 2)), "f32[2,2,2]");
    }

    @Test
    void shouldBuildMeshgrids() {
        Array x = f32(1, 2, 3), y = f32(10, 20);
        Seq<Array> xy = Jnp.meshgrid(x, y);
        assertArray(xy.get(0), DType.F32, Shape.of(2, 3), 1, 2, 3, 1, 2, 3);
        assertArray(xy.get(1), DType.F32, Shape.of(2, 3), 10, 10, 10, 20, 20, 20);
        Seq<Array> ij = Jnp.meshgrid(Jnp.Indexing.IJ, x, y);
        assertArray(ij.get(0), DType.F32, Shape.of(3, 2), 1, 1, 2, 2, 3, 3);
        assertArray(ij.get(1), DType.F32, Shape.of(3, 2), 10, 20, 10, 20, 10, 20);
    }

    @Test
    void shouldSortWithNansLastAndStableArgsort() {
        double nan = Double.NaN;
        assertArray(Jnp.sort(f32(3, nan, -1, 2)), DType.F32, Shape.of(4), -1, 2, 3, nan);
        assertArray(Jnp.sort(f32(3, nan, -1, 2), 0, true), DType.F32, Shape.of(4), nan, 3, 2, -1);
        Array m = arr(DType.I32, Shape.of(2, 3), 3, 1, 2, 0, 5, -4);
        assertArray(Jnp.sort(m), DType.I32, Shape.of(2, 3), 1, 2, 3, -4, 0, 5);
        assertArray(Jnp.sort(m, 0), DType.I32, Shape.of(2, 3), 0, 1, -4, 3, 5, 2);
        Array ties = f32(2, 1, 2, 1, 3);
        assertArray(Jnp.argsort(ties), DType.I32, Shape.of(5), 1, 3, 0, 2, 4);
        assertArray(Jnp.argsort(ties, -1, true, true), DType.I32, Shape.of(5), 4, 0, 2, 1, 3);
        assertArray(Jnp.argsort(m, 0), DType.I32, Shape.of(2, 3), 1, 0, 1, 0, 1, 0);
        assertArray(Jnp.argsort(Jnp.zeros(0)), DType.I32, Shape.of(0));
        assertError(ShapeError.class, "sort", () -> Jnp.sort(Jnp.scalar(1f)), "f32[]");
    }
}
