package dev.jaxj.ir;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ShapeTest {
    @Test
    void shouldCountElementsIncludingScalarsAndZeroSize() {
        assertEquals(1, Shape.SCALAR.size());
        assertEquals(0, Shape.SCALAR.rank());
        assertEquals(12, Shape.of(3, 4).size());
        assertEquals(0, Shape.of(3, 0, 2).size());
    }

    @Test
    void shouldComputeRowMajorStrides() {
        assertArrayEquals(new int[] {12, 4, 1}, Shape.of(2, 3, 4).strides());
        assertArrayEquals(new int[] {}, Shape.SCALAR.strides());
    }

    @Test
    void shouldPrintLikeNumpyTuples() {
        assertEquals("()", Shape.SCALAR.toString());
        assertEquals("(3,)", Shape.of(3).toString());
        assertEquals("(3, 4)", Shape.of(3, 4).toString());
    }

    @Test
    void shouldBeImmutableValues() {
        int[] dims = {2, 3};
        Shape s = Shape.of(dims);
        dims[0] = 9;
        assertEquals(Shape.of(2, 3), s);
        assertEquals(Shape.of(2, 3).hashCode(), s.hashCode());
        s.toArray()[1] = 7;
        assertEquals(3, s.dim(1));
    }

    @Test
    void shouldEditAxes() {
        assertEquals(Shape.of(2, 4), Shape.of(2, 3, 4).without(1));
        assertEquals(Shape.of(2, 1, 3), Shape.of(2, 3).insert(1, 1));
        assertEquals(Shape.of(2, 5), Shape.of(2, 3).with(1, 5));
        assertEquals(4, Shape.of(2, 3, 4).dim(-1));
    }

    @Test
    void shouldRejectNegativeDimensions() {
        assertThrows(IllegalArgumentException.class, () -> Shape.of(2, -1));
    }

    @Test
    void shouldPrintAvalsAsJaxDoes() {
        assertEquals("f32[3,4]", ShapedArray.of(DType.F32, 3, 4).toString());
        assertEquals("i32[]", ShapedArray.of(DType.I32).toString());
        assertEquals("bool[0]", ShapedArray.of(DType.BOOL, 0).toString());
    }
}
