package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test arrays whose elements name their own position, and a naive reference for indexing results. */
final class Ref {
    private Ref() {}

    /** {@return an f32 array of {@code shape} holding {@code 0, 1, 2, …} in row-major order} */
    static Array iota(int... shape) {
        float[] v = new float[Shape.of(shape).size()];
        for (int i = 0; i < v.length; i++) v[i] = i;
        return Array.fromHost(ShapedArray.of(DType.F32, shape), HostData.own(v));
    }

    /** {@return an f32 array of the given values and shape} */
    static Array floats(float[] values, int... shape) {
        return Array.fromHost(ShapedArray.of(DType.F32, shape), HostData.own(values.clone()));
    }

    /** {@return an i32 array of the given values, rank 1 unless a shape is given} */
    static Array ints(int[] values, int... shape) {
        int[] s = shape.length == 0 ? new int[] {values.length} : shape;
        return Array.fromHost(ShapedArray.of(DType.I32, s), HostData.own(DType.I32, values.clone()));
    }

    /** {@return a rank-1 i32 array} */
    static Array ints1(int... values) { return ints(values); }

    /** {@return a rank-1 bool array} */
    static Array bools(boolean... values) {
        return Array.fromHost(ShapedArray.of(DType.BOOL, values.length), HostData.own(values.clone()));
    }

    /** {@return the row-major flat position of {@code coords} in {@code shape}} */
    static int flat(int[] shape, int... coords) {
        int f = 0;
        for (int k = 0; k < shape.length; k++) f = f * shape[k] + coords[k];
        return f;
    }

    /** {@return the values {@code f(coords)} for every position of {@code shape}, row-major} */
    static float[] table(int[] shape, ToDoubleFunction<int[]> f) {
        float[] out = new float[Shape.of(shape).size()];
        int[] c = new int[shape.length];
        for (int i = 0; i < out.length; i++) {
            int rest = i;
            for (int k = shape.length - 1; k >= 0; k--) {
                c[k] = rest % shape[k];
                rest /= shape[k];
            }
            out[i] = (float) f.applyAsDouble(c);
        }
        return out;
    }

    /** Asserts shape and values (exact: indexing moves data without arithmetic). */
    static void assertValues(Array actual, int[] shape, float[] expected) {
        assertEquals(Shape.of(shape), actual.shape(), "shape of " + actual.aval());
        assertArrayEquals(expected, actual.toFloatArray(), () -> "values of " + actual.aval() + ": " + Arrays.toString(actual.toFloatArray()));
    }

    /** Asserts that {@code actual} has {@code shape} and holds {@code f(coords)} at every position. */
    static void assertTable(Array actual, int[] shape, ToDoubleFunction<int[]> f) {
        assertValues(actual, shape, table(shape, f));
    }
}
