package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Shape;

import java.util.Arrays;

/**
 * How a fused loop reads an input: element {@code idx} of the loop's domain reads the input's
 * flat element {@code offset + sum(idx[d] * strides[d])}. Every data movement that keeps each
 * element where one affine formula puts it is such a map, so a chain of them composes into one:
 * a broadcast gives zero strides, a transpose permutes the strides, a slice scales them and
 * moves the offset to its start, a rev negates a stride and starts at the axis's last element,
 * and a reshape of a row-major input keeps the flat index.
 * {@snippet :
 * // x: f32[3,4]; rev(x, axis 1) read over the domain (3,4): x[i, 3 - j]
 * IndexMap m = IndexMap.affine(3, new int[] {4, -1});   // element 3 + 4i - j
 * }
 */
public final class IndexMap {
    private final int offset;
    private final int[] strides;

    private IndexMap(int offset, int[] strides) {
        this.offset = offset;
        this.strides = strides;
    }

    /** {@return the map reading a row-major array of the domain's own shape} */
    public static IndexMap dense(Shape domain) {
        return new IndexMap(0, domain.strides());
    }

    /** {@return the map with the given stride per domain axis, from element 0} */
    public static IndexMap of(int... strides) {
        return new IndexMap(0, strides.clone());
    }

    /** {@return the map from element {@code offset} with the given stride per domain axis (strides may be negative or 0)} */
    public static IndexMap affine(int offset, int[] strides) {
        return new IndexMap(offset, strides.clone());
    }

    /** {@return the input element read at the domain's origin} */
    public int offset() { return offset; }

    /** {@return the input stride of each domain axis (0 where the input is broadcast)} */
    public int[] strides() { return strides.clone(); }

    public int stride(int axis) { return strides[axis]; }

    public int rank() { return strides.length; }

    /** {@return the flat input element read at domain point {@code idx}} */
    public int at(int[] idx) {
        int e = offset;
        for (int d = 0; d < strides.length; d++) e += idx[d] * strides[d];
        return e;
    }

    /** {@return whether this map reads the input in the domain's own row-major order, from its first element} */
    public boolean isDense(Shape domain) {
        return offset == 0 && Arrays.equals(strides, domain.strides());
    }

    /**
     * {@return whether this map walks the domain's points in row-major order through consecutive
     * input elements}, from any offset: the domain's own strides on every axis longer than 1
     * (a size-1 axis is never stepped along)
     */
    public boolean isRowMajor(Shape domain) {
        int[] dense = domain.strides();
        for (int d = 0; d < strides.length; d++) if (domain.dim(d) > 1 && strides[d] != dense[d]) return false;
        return true;
    }

    /** {@return whether every element reads the same input element} */
    public boolean isScalar() {
        return Arrays.stream(strides).allMatch(s -> s == 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexMap m && offset == m.offset && Arrays.equals(strides, m.strides);
    }

    @Override
    public int hashCode() { return 31 * offset + Arrays.hashCode(strides); }

    /** {@return the strides, e.g. {@code [4, -1]}, then the offset where it is not 0: {@code [4, -1]+3}} */
    @Override
    public String toString() {
        return Arrays.toString(strides) + (offset == 0 ? "" : "+" + offset);
    }
}
