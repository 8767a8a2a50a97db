package dev.jaxj.numpy;

import dev.jaxj.ArrayAssertions;
import dev.jaxj.ReferenceFile;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;

import java.util.Arrays;

/**
 * The cases of {@code rest_reference.txt}, written with NumPy by {@code rest_reference.py}
 * beside it: each name's values, and its shape under {@code name.shape} (rank, then sizes).
 */
final class RestReference {
    private static final ReferenceFile FILE = ReferenceFile.load(RestReference.class, "rest_reference.txt");

    private RestReference() {}

    static Shape shape(String name) {
        double[] s = FILE.get(name + ".shape");
        return Shape.of(Arrays.stream(s, 1, s.length).mapToInt(d -> (int) d).toArray());
    }

    static double[] values(String name) { return shape(name).size() == 0 ? new double[0] : FILE.get(name); }

    /** {@return the input {@code in.name} as an array of {@code dtype}} */
    static Array input(String name, DType dtype) { return ArrayAssertions.arr(dtype, shape("in." + name), values("in." + name)); }

    /** {@return the input as f64} */
    static Array input(String name) { return input(name, DType.F64); }

    /** Checks dtype, shape and values of {@code actual} against result {@code name} within {@code tol} (relative, see {@link ArrayAssertions#assertNear}). */
    static void check(String name, Array actual, DType dtype, double tol) {
        ArrayAssertions.assertNear(actual, dtype, shape(name), tol, values(name));
    }
}
