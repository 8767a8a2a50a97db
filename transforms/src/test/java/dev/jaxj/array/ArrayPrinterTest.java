package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected strings are NumPy 1.24's repr of the same values (with "Array(" as JAX prints it). */
class ArrayPrinterTest {
    @Test
    void shouldPrintMatricesAlignedLikeNumpy() {
        Array x = Array.fromHost(ShapedArray.of(DType.F32, 2, 3), HostData.own(new float[] {1, 2, 3, 4, 5, 6}));
        assertEquals("Array([[1., 2., 3.],\n       [4., 5., 6.]], dtype=float32)", x.toString());
    }

    @Test
    void shouldPrintScalarsIntsAndBools() {
        assertEquals("Array(0.5, dtype=float32, weak_type=True)", Array.scalar(0.5).toString());
        assertEquals("Array([ -1, 200], dtype=int32)",
                Array.fromHost(ShapedArray.of(DType.I32, 2), HostData.own(DType.I32, new int[] {-1, 200})).toString());
        assertEquals("Array([ True, False], dtype=bool)",
                Array.fromHost(ShapedArray.of(DType.BOOL, 2), HostData.own(new boolean[] {true, false})).toString());
    }

    @Test
    void shouldPrintEmptyArraysWithTheirShape() {
        assertEquals("Array([], dtype=float32)", Array.fromHost(ShapedArray.of(DType.F32, 0), HostData.own(new float[0])).toString());
        assertEquals("Array([], dtype=float32, shape=(2, 0))",
                Array.fromHost(ShapedArray.of(DType.F32, Shape.of(2, 0)), HostData.own(new float[0])).toString());
    }

    @Test
    void shouldSwitchToScientificForWideRanges() {
        Array x = Array.fromHost(ShapedArray.of(DType.F64, 2), HostData.own(new double[] {1e-5, 1.0}));
        assertEquals("Array([1.e-05, 1.e+00], dtype=float64)", x.toString());
    }
}
