package dev.jaxj.ir;

import dev.jaxj.errors.ShapeError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Collectors;

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
        ShapeError e = assertThrows(ShapeError.class, () -> Shape.of(2, -1));
        assertTrue(e.getMessage().startsWith("shape: dimensions must be non-negative, got shape [2,-1]"), e.getMessage());
        assertTrue(e.getMessage().contains("ShapeTest.java:"), e.getMessage());
    }

    /**
     * Each int dims array makes a shape exactly when no dim is negative and the exact product
     * (BigInteger, the independent reference) is at most 2^31-1; then size() is that product.
     * 65536^4 = 2^64 is the case that once wrapped around to 0.
     */
    @Property(tries = 2000)
    void shouldHoldExactlyTheProductOfItsDimsOrRefuse(@ForAll("dims") int[] dims) {
        BigInteger product = Arrays.stream(dims).mapToObj(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
        boolean negative = Arrays.stream(dims).anyMatch(d -> d < 0);
        if (negative || product.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            ShapeError e = assertThrows(ShapeError.class, () -> Shape.of(dims));
            assertTrue(e.getMessage().contains(negative ? "dimensions must be non-negative" : "at most 2^31-1 elements"), e.getMessage());
            assertTrue(e.getMessage().contains(Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(","))), e.getMessage());
        } else {
            assertEquals(product.intValueExact(), Shape.of(dims).size());
        }
    }

    /** The same with sizes computed in long, up to and past Long.MAX_VALUE's square root. */
    @Property(tries = 2000)
    void shouldCheckLongDimsWithoutOverflow(@ForAll("longDims") long[] dims) {
        BigInteger product = Arrays.stream(dims).mapToObj(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
        boolean negative = Arrays.stream(dims).anyMatch(d -> d < 0);
        boolean tooLong = Arrays.stream(dims).anyMatch(d -> d > Integer.MAX_VALUE);
        if (negative || tooLong || product.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            ShapeError e = assertThrows(ShapeError.class, () -> Shape.of(DType.F64, dims));
            assertTrue(e.getMessage().contains("f64[" + Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(",")) + "]"), e.getMessage());
        } else {
            assertEquals(product.intValueExact(), Shape.of(DType.F64, dims).size());
        }
    }

    @Test
    void shouldCheckEditedShapesToo() {
        assertThrows(ShapeError.class, () -> Shape.of(65536, 16384).with(1, 32768));   // 2^31 elements
        assertThrows(ShapeError.class, () -> Shape.of(65536, 16384).insert(0, 2));
        assertThrows(ShapeError.class, () -> Shape.of(2, 3).with(0, -1));
        assertEquals(2_147_483_646, Shape.of(1, 7).with(0, 306_783_378).size());
    }

    @Provide
    Arbitrary<int[]> dims() {
        Arbitrary<Integer> dim = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 5)),
                Tuple.of(3, Arbitraries.integers().between(6, 70_000)),
                Tuple.of(3, Arbitraries.of(46340, 46341, 65535, 65536, 1 << 30, Integer.MAX_VALUE)),
                Tuple.of(1, Arbitraries.integers().between(Integer.MAX_VALUE - 2, Integer.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(-1, -2, Integer.MIN_VALUE)));
        return dim.array(int[].class).ofMinSize(0).ofMaxSize(6);
    }

    @Provide
    Arbitrary<long[]> longDims() {
        Arbitrary<Long> dim = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(0, 5)),
                Tuple.of(3, Arbitraries.longs().between(6, 100_000)),
                Tuple.of(2, Arbitraries.of(3_037_000_499L, 3_037_000_500L, 1L << 31, 1L << 32, Long.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(-1L, Long.MIN_VALUE)));
        return dim.array(long[].class).ofMinSize(0).ofMaxSize(5);
    }

    @Test
    void shouldPrintAvalsAsJaxDoes() {
        assertEquals("f32[3,4]", ShapedArray.of(DType.F32, 3, 4).toString());
        assertEquals("i32[]", ShapedArray.of(DType.I32).toString());
        assertEquals("bool[0]", ShapedArray.of(DType.BOOL, 0).toString());
    }
}
