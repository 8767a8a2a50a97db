package dev.jaxj.dtypes;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Complex numbers ordered lexicographically by (real, imaginary) parts, as JAX's
 * {@code lax.max}/{@code lax.min}, their reductions, {@code argmax}/{@code argmin} and
 * {@code jnp.less} and its kin do, against orderings worked out by hand: ties on the real part
 * broken by the imaginary part, whole ties going to the first index, NaN winning argmax and
 * argmin at its first place and making a reduction NaN, and {@code jnp.clip} still refusing.
 */
class ComplexOrderingTest {
    private static final double NAN = Double.NaN;

    /** {@code [[1+2i, 3-1i, 3+0i], [-1+5i, -1+5i, 2-7i]]} */
    private static final Array A = c128(new double[] {1, 3, 3, -1, -1, 2}, new double[] {2, -1, 0, 5, 5, -7}, 2, 3);

    private static Array c128(double[] re, double[] im, int... shape) {
        return Lax.complex(Jnp.array(re, DType.F64, shape), Jnp.array(im, DType.F64, shape));
    }

    private static double[] both(Function<Array, Array> f, Array x) {
        double[] eager = f.apply(x).toComplexArray();
        assertArrayEquals(eager, Jax.jit(f).apply(x).toComplexArray(), 0, "jit differs from eager");
        return eager;
    }

    private static long[] bothIndices(Function<Array, Array> f, Array x) {
        long[] eager = f.apply(x).toLongArray();
        assertArrayEquals(eager, Jax.jit(f).apply(x).toLongArray(), "jit differs from eager");
        return eager;
    }

    @Test
    void shouldReduceToTheLexicographicExtremes() {
        assertArrayEquals(new double[] {3, 0}, both(a -> Jnp.max(a), A), 0);
        assertArrayEquals(new double[] {-1, 5}, both(a -> Jnp.min(a), A), 0);
        assertArrayEquals(new double[] {3, 0, 2, -7}, both(a -> Jnp.max(a, 1), A), 0);
        assertArrayEquals(new double[] {1, 2, -1, 5}, both(a -> Jnp.min(a, 1), A), 0);
        assertArrayEquals(new double[] {1, 2, 3, -1, 3, 0}, both(a -> Jnp.max(a, 0), A), 0);
        assertArrayEquals(new double[] {-1, 5, -1, 5, 2, -7}, both(a -> Jnp.min(a, 0), A), 0);
        // Same real part 4 throughout: the imaginary parts decide, -inf and inf included.
        Array sameRe = c128(new double[] {4, 4, 4}, new double[] {Double.NEGATIVE_INFINITY, 7, Double.POSITIVE_INFINITY}, 3);
        assertArrayEquals(new double[] {4, Double.POSITIVE_INFINITY}, both(a -> Jnp.max(a), sameRe), 0);
        assertArrayEquals(new double[] {4, Double.NEGATIVE_INFINITY}, both(a -> Jnp.min(a), sameRe), 0);
    }

    @Test
    void shouldMakeAReductionNanWhereAnyPartIsNan() {
        Array b = c128(new double[] {1, 7, 5, 2}, new double[] {0, 0, 0, NAN}, 4);
        assertArrayEquals(new double[] {NAN, NAN}, both(a -> Jnp.max(a), b), 0);
        assertArrayEquals(new double[] {NAN, NAN}, both(a -> Jnp.min(a), b), 0);
    }

    @Test
    void shouldReduceNothingToJaxsIdentities() {
        Array empty = c128(new double[0], new double[0], 0);
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, 0}, Lax.reduceMax(empty, Vector.of(0)).toComplexArray(), 0);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0}, Lax.reduceMin(empty, Vector.of(0)).toComplexArray(), 0);
    }

    @Test
    void shouldFindTheFirstExtremeIndex() {
        assertArrayEquals(new long[] {2}, bothIndices(a -> Jnp.argmax(a), A));
        assertArrayEquals(new long[] {3}, bothIndices(a -> Jnp.argmin(a), A));
        assertArrayEquals(new long[] {2, 2}, bothIndices(a -> Jnp.argmax(a, 1), A));
        assertArrayEquals(new long[] {0, 0}, bothIndices(a -> Jnp.argmin(a, 1), A));
        assertArrayEquals(new long[] {0, 0, 0}, bothIndices(a -> Jnp.argmax(a, 0), A));
        assertArrayEquals(new long[] {1, 1, 1}, bothIndices(a -> Jnp.argmin(a, 0), A));
        // The first element with a NaN part wins both.
        Array b = c128(new double[] {1, 9, NAN, 5, -3}, new double[] {0, NAN, 0, 0, 0}, 5);
        assertArrayEquals(new long[] {1}, bothIndices(a -> Jnp.argmax(a), b));
        assertArrayEquals(new long[] {1}, bothIndices(a -> Jnp.argmin(a), b));
    }

    @Test
    void shouldCarryTheExtremeSoFar() {
        Array x = c128(new double[] {2, 2, 3, 1, 1}, new double[] {1, 0, -1, 9, 9}, 5);
        assertArrayEquals(new double[] {2, 1, 2, 0, 2, 0, 1, 9, 1, 9}, both(a -> Lax.cummin(a, 0, false), x), 0);
        assertArrayEquals(new double[] {2, 1, 2, 1, 3, -1, 3, -1, 3, -1}, both(a -> Lax.cummax(a, 0, false), x), 0);
        assertArrayEquals(new double[] {3, -1, 3, -1, 3, -1, 1, 9, 1, 9}, both(a -> Lax.cummax(a, 0, true), x), 0);
        assertArrayEquals(new double[] {1, 2, 3, -1, 3, 0, -1, 5, -1, 5, 2, -7}, both(a -> Lax.cummax(a, 1, false), A), 0);
        assertArrayEquals(new double[] {1, 2, 3, -1, 3, 0, 1, 2, 3, -1, 3, 0}, both(a -> Lax.cummax(a, 0, false), A), 0);
        // The first element with a NaN part goes on from where it stands, in the direction of the scan.
        Array b = c128(new double[] {1, 0, 1, NAN, 3}, new double[] {0, 5, 2, 4, 0}, 5);
        assertArrayEquals(new double[] {1, 0, 1, 0, 1, 2, NAN, 4, NAN, 4}, both(a -> Lax.cummax(a, 0, false), b), 0);
        assertArrayEquals(new double[] {NAN, 4, NAN, 4, NAN, 4, NAN, 4, 3, 0}, both(a -> Lax.cummax(a, 0, true), b), 0);
    }

    @Test
    void shouldTakeElementwiseExtremesAfterPromotion() {
        Array z = c128(new double[] {1, 2, 3}, new double[] {5, 1, -1}, 3);
        // 2.0 promotes to 2+0i: greater real part, then greater imaginary part, then z itself.
        assertArrayEquals(new double[] {2, 0, 2, 1, 3, -1}, both(a -> Jnp.maximum(a, 2.0), z), 0);
        assertArrayEquals(new double[] {1, 5, 2, 0, 2, 0}, both(a -> Jnp.minimum(a, 2.0), z), 0);
    }

    @Test
    void shouldIgnoreAnOperandWithANanPartInFmaxAndFmin() {
        Array x = c128(new double[] {NAN, 1, 2}, new double[] {0, 0, 1}, 3), y = c128(new double[] {3, 1, 2}, new double[] {0, NAN, 5}, 3);
        assertArrayEquals(new double[] {3, 0, 1, 0, 2, 5}, Jnp.fmax(x, y).toComplexArray(), 0);
        assertArrayEquals(new double[] {3, 0, 1, 0, 2, 1}, Jnp.fmin(x, y).toComplexArray(), 0);
    }

    @Test
    void shouldCompareLexicographicallyInJnpButNotInLax() {
        Array x = c128(new double[] {1, 1, 2, NAN}, new double[] {2, 2, 0, 0}, 4);
        Array y = c128(new double[] {1, 1, 1, 0}, new double[] {3, 2, 9, 0}, 4);
        assertArrayEquals(new boolean[] {true, false, false, false}, Jnp.less(x, y).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, false, false}, Jnp.lessEqual(x, y).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, true, false}, Jnp.greater(x, y).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, true, false}, Jnp.greaterEqual(x, y).toBooleanArray());
        assertThrows(DTypeError.class, () -> Lax.lt(x, y));
    }

    @Test
    void shouldRefuseToClipComplexNumbersAsJnpClipDoes() {
        DTypeError e = assertThrows(DTypeError.class, () -> Jnp.clip(A, 0.0, 1.0));
        assertTrue(e.getMessage().startsWith("clip: ") && e.getMessage().contains("c128[2,3]"), e.getMessage());
    }

    @Test
    void shouldPassTheTangentOfThePickedOperand() {
        Array x = c128(new double[] {3, 1, 2}, new double[] {0, 0, 2}, 3), y = c128(new double[] {2, 1, 2}, new double[] {5, 1, 2}, 3);
        Array tx = c128(new double[] {1, 1, 1}, new double[] {1, 1, 1}, 3), ty = c128(new double[] {2, 2, 2}, new double[] {0, 0, 0}, 3);
        // x wins, then y wins on the imaginary part, then a whole tie shares the tangents evenly, as JAX's balanced rule.
        double[] alongX = Jax.jvp((Array a) -> Lax.max(a, y), x, tx).tangent().toComplexArray();
        double[] alongY = Jax.jvp((Array b) -> Lax.max(x, b), y, ty).tangent().toComplexArray();
        assertArrayEquals(new double[] {1, 1, 0, 0, 0.5, 0.5}, alongX, 0);
        assertArrayEquals(new double[] {0, 0, 2, 0, 1, 0}, alongY, 0);
        assertEquals(DType.C128, Lax.max(x, y).dtype());
    }
}
