package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.i32;
import static dev.jaxj.ComplexProductsTest.complexArray;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Sorting complex arrays in JAX's order, worked out by hand: lexicographic by real then
 * imaginary part, NaN last in each (so {@code 1 + nan i} sorts before {@code 2 - 3i}, where
 * NumPy would put it after every number without NaN); and {@code sort_complex}'s promotion.
 */
class ComplexSortingTest {
    private static final double NAN = Double.NaN;
    /** 2+i, 1+5i, 2-3i, nan, 1+nan i, -1, 1+5i */
    private static final double[] Z = {2, 1, 1, 5, 2, -3, NAN, 0, 1, NAN, -1, 0, 1, 5};
    private static final double[] SORTED = {-1, 0, 1, 5, 1, 5, 1, NAN, 2, -3, 2, 1, NAN, 0};

    @Test
    void sortIsLexicographicWithNansLast() {
        Array z = complexArray(DType.C128, Shape.of(7), Z);
        assertArrayEquals(SORTED, Jnp.sort(z).toComplexArray());
        assertArrayEquals(SORTED, Jax.jit((Function<Array, Array>) Jnp::sort).apply(z).toComplexArray());
        assertArrayEquals(SORTED, Jnp.sort(z.astype(DType.C64)).toComplexArray());
        // Stable: the two equal 1+5i keep their order (positions 1 and 6).
        assertArrayEquals(new double[] {5, 1, 6, 4, 2, 0, 3}, Jnp.argsort(z).toDoubleArray());
        assertArrayEquals(new double[] {3, 0, 2, 4, 1, 6, 5}, Jnp.argsort(z, 0, true, true).toDoubleArray());
    }

    @Test
    void sortAlongAnAxisAndUnderVmap() {
        // rows [3+i, 3-i, -2] and [0, 0+2i, -0.5i]
        Array z = complexArray(DType.C128, Shape.of(2, 3), 3, 1, 3, -1, -2, 0, 0, 0, 0, 2, 0, -0.5);
        double[] byRow = {-2, 0, 3, -1, 3, 1, 0, -0.5, 0, 0, 0, 2};
        assertArrayEquals(byRow, Jnp.sort(z, 1).toComplexArray());
        assertArrayEquals(byRow, Jax.vmap((Function<Array, Array>) Jnp::sort).apply(z).toComplexArray());
        assertArrayEquals(new double[] {0, 0, 0, 2, -2, 0, 3, 1, 3, -1, 0, -0.5}, Jnp.sort(z, 0).toComplexArray());
    }

    @Test
    void lexsortAndMultiOperandSortTakeComplexKeys() {
        // lexsort sorts by the last key first: here the complex key, ties broken by the real one.
        Array z = complexArray(DType.C64, Shape.of(4), 1, 1, 0, 2, 1, 1, 0, -2);
        Array tieBreak = i32(4, 3, 2, 1);
        assertArrayEquals(new double[] {3, 1, 2, 0}, Jnp.lexsort(tieBreak, z).toDoubleArray());
        // A bf16 payload rides along a complex key and keeps its dtype.
        Array payload = arr(DType.F32, Shape.of(4), 0.5, 1.5, 2.5, 3.5).astype(DType.BF16);
        Seq<Array> sorted = Lax.sort(Vector.of(z, payload), 0, true, 1);
        assertEquals(DType.BF16, sorted.get(1).dtype());
        assertArrayEquals(new double[] {3.5, 1.5, 0.5, 2.5}, sorted.get(1).toDoubleArray());
        assertArrayEquals(new double[] {0, -2, 0, 2, 1, 1, 1, 1}, sorted.get(0).toComplexArray());
    }

    @Test
    void sortComplexPromotesAndSortsTheLastAxis() {
        Array ints = arr(DType.I32, Shape.of(2, 3), 3, -1, 2, 0, 5, -7);
        Array s = Jnp.sortComplex(ints);
        assertEquals(DType.C64, s.dtype());
        assertArrayEquals(new double[] {-1, 0, 2, 0, 3, 0, -7, 0, 0, 0, 5, 0}, s.toComplexArray());
        Array f64 = arr(DType.F64, Shape.of(3), 0.25, NAN, -3);
        Array t = Jax.jit((Function<Array, Array>) Jnp::sortComplex).apply(f64);
        assertEquals(DType.C128, t.dtype());
        assertArrayEquals(new double[] {-3, 0, 0.25, 0, NAN, 0}, t.toComplexArray());
        assertEquals(DType.C64, Jnp.sortComplex(arr(DType.F32, Shape.of(1), 1).astype(DType.BF16)).dtype());
        Array z = complexArray(DType.C128, Shape.of(7), Z);
        assertArrayEquals(SORTED, Jnp.sortComplex(z).toComplexArray());
        assertThrows(dev.jaxj.errors.ShapeError.class, () -> Jnp.sortComplex(Array.scalar(1.0, DType.F32)));
    }

    @Test
    void jvpOfSortCarriesEachTangentWithItsElement() {
        // 2+i, 1+5i, 2-3i, -1 sort to -1, 1+5i, 2-3i, 2+i: positions 3, 1, 2, 0.
        Array z = complexArray(DType.C128, Shape.of(4), 2, 1, 1, 5, 2, -3, -1, 0);
        Array t = complexArray(DType.C128, Shape.of(4), 1, 0, 0, 1, 2, 2, 3, -1);
        Jax.JvpResult<Array> r = Jax.jvp((Function<Array, Array>) Jnp::sort, z, t);
        assertArrayEquals(new double[] {-1, 0, 1, 5, 2, -3, 2, 1}, r.primal().toComplexArray());
        assertArrayEquals(new double[] {3, -1, 0, 1, 2, 2, 1, 0}, r.tangent().toComplexArray());
    }
}
