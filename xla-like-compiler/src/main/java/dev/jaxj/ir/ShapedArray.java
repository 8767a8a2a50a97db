package dev.jaxj.ir;

import static java.util.Objects.requireNonNull;

/**
 * The abstract value ("aval") of an array: its shape, dtype and whether its type is weak.
 *
 * <p>A weak type comes from a Java scalar ({@code x.add(1.0)}) and gives way to the other
 * operand's dtype in promotion, as in JAX. Prints as {@code f32[3,4]}.
 *
 * @param shape    the dimensions
 * @param dtype    the element type
 * @param weakType whether the dtype was inferred from a Java scalar
 */
public record ShapedArray(Shape shape, DType dtype, boolean weakType) {
    public ShapedArray {
        requireNonNull(shape, "shape is null");
        requireNonNull(dtype, "dtype is null");
    }

    /** {@return a strongly typed aval} */
    public static ShapedArray of(DType dtype, int... dims) {
        return new ShapedArray(Shape.of(dims), dtype, false);
    }

    /** {@return a strongly typed aval} */
    public static ShapedArray of(DType dtype, Shape shape) {
        return new ShapedArray(shape, dtype, false);
    }

    public int rank() { return shape.rank(); }

    public int size() { return shape.size(); }

    public ShapedArray withShape(Shape s) { return new ShapedArray(s, dtype, weakType); }

    public ShapedArray withDType(DType d) { return new ShapedArray(shape, d, false); }

    public ShapedArray strong() { return weakType ? new ShapedArray(shape, dtype, false) : this; }

    @Override
    public String toString() {
        return dtype.shortName() + "[" + shape.dimsText() + "]";
    }
}
