package dev.jaxj.properties;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * The gradient table: one {@link OpCase} per differentiable primitive (JAX's {@code LAX_GRAD_OPS}),
 * a few primitives with a second row for another parameter regime. Adding a primitive adds a row.
 * Not in the table, because their outputs are not differentiable: comparisons, bitwise and
 * integer ops, is_finite, iota, argmax/argmin, reduce_and/or, bitcast_convert_type, threefry2x32,
 * and nextafter (a zero derivative by convention, where central differences see the identity).
 */
final class OpCases {
    private OpCases() {}

    private static final Seq<OpCase> ALL = ElementwiseCases.all().appendAll(StructuralCases.all()).appendAll(ReductionCases.all());

    static Seq<OpCase> all() { return ALL; }

    /** {@code s} with axes of size 2 appended up to rank {@code r}. */
    static Shape atLeastRank(Shape s, int r) {
        while (s.rank() < r) s = s.insert(s.rank(), 2);
        return s;
    }

    /** {@code s} of rank at least 1 whose leading axis is at least {@code min} long (to index into). */
    static Shape leadingAtLeast(Shape s, int min) {
        Shape t = atLeastRank(s, 1);
        return t.dim(0) < min ? t.with(0, min) : t;
    }

    /** Dimension {@code axis} of {@code s}, or {@code fallback} when {@code s} has fewer axes. */
    static int dim(Shape s, int axis, int fallback) {
        return axis < s.rank() ? s.dim(axis) : fallback;
    }

    /** {@return an i32 constant shaped like {@code like}, element {@code k} (row-major) being {@code value(k)}} */
    static Array i32Like(Array like, IntUnaryOperator value) {
        return i32(like.shape(), value);
    }

    /** {@return a bool constant shaped like {@code like}, element {@code k} (row-major) being {@code value(k)}} */
    static Array boolLike(Array like, IntPredicate value) {
        HostData b = HostData.allocate(DType.BOOL, like.size());
        for (int k = 0; k < like.size(); k++) b.setLong(k, value.test(k) ? 1 : 0);
        return Array.fromHost(ShapedArray.of(DType.BOOL, like.shape()), b);
    }

    static Array i32(Shape shape, IntUnaryOperator value) {
        HostData b = HostData.allocate(DType.I32, shape.size());
        for (int k = 0; k < shape.size(); k++) b.setLong(k, value.applyAsInt(k));
        return Array.fromHost(ShapedArray.of(DType.I32, shape), b);
    }

    /** {@return an i32 scalar} (a start index) */
    static Array index(int v) {
        return i32(Shape.SCALAR, k -> v);
    }

    /** {@return an i32 index array of shape {@code [n, 1]}} (one start per row, into axis 0) */
    static Array rows(int... starts) {
        return i32(Shape.of(starts.length, 1), k -> starts[k]);
    }
}
