package dev.jaxj.ir;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * An immutable array shape: a tuple of non-negative dimension sizes, row-major.
 *
 * <p>Rank 0 is a scalar; a zero in any dimension makes the array empty.
 * {@snippet :
 * Shape s = Shape.of(3, 4);
 * s.rank();   // 2
 * s.size();   // 12
 * s;          // (3, 4)
 * }
 */
public final class Shape {
    /** The rank-0 shape of a scalar. */
    public static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final long size;

    private Shape(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d < 0) throw new IllegalArgumentException("shape dimensions must be >= 0, got " + Arrays.toString(dims));
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape has more than 2^31-1 elements: " + Arrays.toString(dims));
        this.dims = dims;
        this.size = n;
    }

    /** {@return the shape with these dimension sizes} */
    public static Shape of(int... dims) {
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /** {@return the shape of the given sizes} */
    public static Shape of(Iterable<Integer> dims) {
        var list = new java.util.ArrayList<Integer>();
        dims.forEach(list::add);
        return of(list.stream().mapToInt(Integer::intValue).toArray());
    }

    public int rank() { return dims.length; }

    /** {@return the size of dimension {@code axis}; negative axes count from the end} */
    public int dim(int axis) { return dims[axis < 0 ? axis + dims.length : axis]; }

    /** {@return the number of elements (1 for a scalar)} */
    public int size() { return (int) size; }

    /** {@return a copy of the dimension sizes} */
    public int[] toArray() { return dims.clone(); }

    /** {@return the dimension sizes as an immutable sequence} */
    public io.vavr.collection.Vector<Integer> toSeq() {
        return io.vavr.collection.Vector.ofAll(dims);
    }

    /** {@return the row-major strides, in elements} */
    public int[] strides() {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /** {@return this shape with the given dimension replaced} */
    public Shape with(int axis, int size) {
        int[] d = dims.clone();
        d[axis] = size;
        return new Shape(d);
    }

    /** {@return this shape with the given axes removed} */
    public Shape without(int... axes) {
        boolean[] drop = new boolean[dims.length];
        for (int a : axes) drop[a] = true;
        return new Shape(IntStream.range(0, dims.length).filter(i -> !drop[i]).map(i -> dims[i]).toArray());
    }

    /** {@return this shape with {@code size} inserted at position {@code axis}} */
    public Shape insert(int axis, int size) {
        int[] d = new int[dims.length + 1];
        System.arraycopy(dims, 0, d, 0, axis);
        d[axis] = size;
        System.arraycopy(dims, axis, d, axis + 1, dims.length - axis);
        return new Shape(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(dims); }

    /** {@return the dims joined by commas, without brackets, e.g. {@code 3,4}} */
    public String dimsText() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return dims.length == 1 ? "(" + dims[0] + ",)"
                : Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
