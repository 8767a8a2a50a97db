package dev.jaxj;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions and data for the NumPy-surface tests: dtype, shape and values checked together. */
public final class ArrayAssertions {
    private ArrayAssertions() {}

    /** The value tolerance of a dtype (DESIGN.md §3.8): relative and absolute, exact for integers and bool. */
    public static double tol(DType d) {
        return switch (d) {
            case F32, C64 -> 1e-6;
            case F64, C128 -> 1e-15;
            case BF16 -> 1e-2;
            case F16 -> 1e-3;
            case I32, I64, U32, BOOL, I8, I16, U8, U16, U64 -> 0;
        };
    }

    /** {@return an array of {@code dtype} and {@code shape} holding {@code values} converted} */
    public static Array arr(DType dtype, Shape shape, double... values) {
        assertEquals(shape.size(), values.length, "test data does not fit the shape");
        // Built directly on a host buffer, so that test data does not depend on the code under test.
        HostData b = HostData.allocate(dtype, values.length);
        for (int i = 0; i < values.length; i++) b.setDouble(i, values[i]);
        return Array.fromHost(ShapedArray.of(dtype, shape), b);
    }

    public static Array f32(double... v) { return arr(DType.F32, Shape.of(v.length), v); }

    public static Array f64(double... v) { return arr(DType.F64, Shape.of(v.length), v); }

    public static Array i32(double... v) { return arr(DType.I32, Shape.of(v.length), v); }

    public static Array bools(boolean... v) { return Array.fromHost(ShapedArray.of(DType.BOOL, v.length), HostData.own(v.clone())); }

    /** {@return {@code n} uniform values in {@code [lo, hi)}, reproducible from {@code seed}} */
    public static double[] uniform(long seed, int n, double lo, double hi) {
        var r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * r.nextDouble();
        return v;
    }

    /** {@return a random array of {@code dtype}; integer dtypes get whole numbers in [lo, hi)} */
    public static Array random(long seed, DType dtype, Shape shape, double lo, double hi) {
        double[] v = uniform(seed, shape.size(), lo, hi);
        if (!dtype.isFloating()) for (int i = 0; i < v.length; i++) v[i] = Math.floor(v[i]);
        return arr(dtype, shape, v);
    }

    /** Checks dtype, shape and values within {@link #tol} of the dtype. */
    public static void assertArray(Array actual, DType dtype, Shape shape, double... expected) {
        assertNear(actual, dtype, shape, tol(dtype), expected);
    }

    /** Checks dtype, shape and values: {@code |a - e| <= tol * max(1, |e|)}; NaN matches NaN, infinities match exactly. */
    public static void assertNear(Array actual, DType dtype, Shape shape, double tol, double... expected) {
        assertEquals(dtype, actual.dtype(), () -> "dtype of " + actual.aval());
        assertEquals(shape, actual.shape(), () -> "shape of " + actual.aval());
        assertClose(actual.toDoubleArray(), expected, tol);
    }

    /** Checks values only, as {@link #assertNear} does. */
    public static void assertClose(double[] actual, double[] expected, double tol) {
        assertEquals(expected.length, actual.length, "element count");
        for (int i = 0; i < expected.length; i++) {
            double a = actual[i], e = expected[i];
            boolean ok = Double.isNaN(e) ? Double.isNaN(a)
                    : Double.isInfinite(e) ? a == e
                    : Math.abs(a - e) <= tol * Math.max(1, Math.abs(e));
            if (!ok) {
                fail("element " + i + ": expected " + e + " but was " + a + " (tol " + tol + ")\n expected "
                        + Arrays.toString(expected) + "\n actual   " + Arrays.toString(actual));
            }
        }
    }

    /** Checks a bool array's shape and values. */
    public static void assertBools(Array actual, Shape shape, boolean... expected) {
        assertEquals(DType.BOOL, actual.dtype(), () -> "dtype of " + actual.aval());
        assertEquals(shape, actual.shape(), () -> "shape of " + actual.aval());
        assertEquals(Arrays.toString(expected), Arrays.toString(actual.toBooleanArray()));
    }

    /** Asserts that {@code body} throws {@code type} whose op is {@code op} and whose message contains each fragment. */
    public static <T extends JaxjException> T assertError(Class<T> type, String op, Executable body, String... fragments) {
        T e = assertThrows(type, body);
        assertEquals(op, e.op(), () -> "op of: " + e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), () -> "'" + f + "' missing from: " + e.getMessage());
        return e;
    }

    /** {@return the row-major index of {@code idx} in {@code shape}} */
    public static int flat(Shape shape, int... idx) {
        int[] s = shape.strides();
        int k = 0;
        for (int i = 0; i < idx.length; i++) k += idx[i] * s[i];
        return k;
    }
}
