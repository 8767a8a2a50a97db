package dev.jaxj.compiler.kernel;

import dev.jaxj.ir.Shape;

import java.util.Arrays;

/**
 * How a fused loop reads an input: element {@code idx} of the loop's domain reads the input's
 * flat element {@code sum(idx[d] * strides[d])}. Broadcasts give zero strides, and a reshape of
 * a row-major input keeps the flat index, so both compose into one affine map.
 */
public final class IndexMap {
    private final int[] strides;

    private IndexMap(int[] strides) {
        this.strides = strides;
    }

    /** {@return the map reading a row-major array of the domain's own shape} */
    public static IndexMap dense(Shape domain) {
        return new IndexMap(domain.strides());
    }

    /** {@return the map with the given stride per domain axis} */
    public static IndexMap of(int... strides) {
        return new IndexMap(strides.clone());
    }

    /** {@return the input stride of each domain axis (0 where the input is broadcast)} */
    public int[] strides() { return strides.clone(); }

    public int stride(int axis) { return strides[axis]; }

    public int rank() { return strides.length; }

    /** {@return whether this map reads the input in the domain's own row-major order} */
    public boolean isDense(Shape domain) {
        return Arrays.equals(strides, domain.strides());
    }

    /** {@return whether every element reads the same input element} */
    public boolean isScalar() {
        return Arrays.stream(strides).allMatch(s -> s == 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexMap m && Arrays.equals(strides, m.strides);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(strides); }

    @Override
    public String toString() {
        return Arrays.toString(strides);
    }
}
