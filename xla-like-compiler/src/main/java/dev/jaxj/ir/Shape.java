package dev.jaxj.ir;

import dev.jaxj.errors.ShapeError;
import io.vavr.control.Option;

import java.util.Arrays;
import java.util.function.Supplier;
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

    /** The most elements an array may hold: buffers are Java arrays, indexed by {@code int}. */
    public static final long MAX_SIZE = Integer.MAX_VALUE;

    private final int[] dims;
    private final long size;

    private Shape(int[] dims) {
        long n = 1;
        boolean negative = false;
        for (int d : dims) {
            negative |= d < 0;
            n = Math.min(n * d, MAX_SIZE + 1);  // n <= 2^31 and d < 2^31: the product fits a long
        }
        if (negative || n > MAX_SIZE) {
            long[] wide = Arrays.stream(dims).asLongStream().toArray();
            throw refused(defect(wide).get(), describe(Option.none(), wide));
        }
        this.dims = dims;
        this.size = n;
    }

    /**
     * {@return the shape with these dimension sizes}
     *
     * @throws ShapeError for a negative dimension or more than {@link #MAX_SIZE} elements, naming
     *                    the operation the user called
     */
    public static Shape of(int... dims) {
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /**
     * {@return the shape of an array of {@code dtype} with these dimension sizes}, computed by the
     * caller in {@code long} so that no size has wrapped around before this check
     *
     * @throws ShapeError for a negative dimension or more than {@link #MAX_SIZE} elements; the
     *                    message shows the requested aval, e.g. {@code f32[1000000,1000000]}
     */
    public static Shape of(DType dtype, long... dims) {
        return checked(Option.some(dtype), dims, () -> "");
    }

    /** {@return the shape of an array of {@code dtype} with these dimension sizes} (errors show the aval, e.g. {@code f32[-1]}) */
    public static Shape of(DType dtype, int... dims) {
        return of(dtype, Arrays.stream(dims).asLongStream().toArray());
    }

    /**
     * {@return the shape of these dims}, requested for an array of {@code dtype}; a refusal's
     * message ends with {@code context} (a shape rule's operands), built only then.
     *
     * @throws ShapeError for a negative dimension or more than {@link #MAX_SIZE} elements
     */
    static Shape checked(Option<DType> dtype, long[] dims, Supplier<String> context) {
        Option<String> why = defect(dims);
        if (why.isDefined()) throw refused(why.get(), describe(dtype, dims) + context.get());
        int[] narrow = new int[dims.length];
        for (int i = 0; i < dims.length; i++) narrow[i] = (int) dims[i];
        return of(narrow);
    }

    /** {@return why {@code dims} cannot form a shape (a negative dimension, too many elements), or none} */
    public static Option<String> defect(long... dims) {
        boolean empty = false, wide = false;
        long n = 1;
        for (long d : dims) {
            if (d < 0) return Option.some("dimensions must be non-negative");
            empty |= d == 0;
            wide |= d > MAX_SIZE;
            n = Math.min(n * Math.min(d, MAX_SIZE + 1), MAX_SIZE + 1);   // factors <= 2^31: the product fits a long
        }
        return wide || (!empty && n > MAX_SIZE)
                ? Option.some("an array holds at most 2^31-1 elements and no dimension is larger")
                : Option.none();
    }

    private static String describe(Option<DType> dtype, long[] dims) {
        String text = Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(","));
        return dtype.map(d -> d.shortName() + "[" + text + "]").getOrElse("shape [" + text + "]");
    }

    private static ShapeError refused(String why, String requested) {
        return new ShapeError(SourceInfo.entryOp("shape"), why + ", got " + requested);
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
