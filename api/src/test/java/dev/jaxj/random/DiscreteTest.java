package dev.jaxj.random;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static dev.jaxj.random.ThreefryMode.LEGACY;
import static dev.jaxj.random.ThreefryMode.PARTITIONABLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * permutation and choice: JAX's algorithm (sorts by the bits of split keys) against a
 * reference built from {@link JaxReference}'s bits, and the shape and uniqueness contracts of
 * JAX's testPermutation/testChoice.
 */
class DiscreteTest {

    static Key key(long seed, ThreefryMode mode) { return new Key(Threefry.seed(seed), mode); }

    /** JAX's _shuffle of 0..n-1 by stable sorts on reference bits: rounds = ceil(3 ln n / ln(2^32 - 1)). */
    static int[] referencePermutation(long seed, int n, boolean partitionable) {
        Integer[] x = new Integer[n];
        for (int i = 0; i < n; i++) x[i] = i;
        long[] k = JaxReference.key(seed);
        int rounds = (int) Math.ceil(3 * Math.log(Math.max(1, n)) / Math.log(4294967295.0));
        for (int r = 0; r < rounds; r++) {
            long[][] ks = JaxReference.split(k, 2, partitionable);
            k = ks[0];
            long[] sortKeys = JaxReference.bits32(ks[1], n, partitionable);
            Integer[] pos = new Integer[n];
            for (int i = 0; i < n; i++) pos[i] = i;
            Arrays.sort(pos, (a, b) -> Long.compare(sortKeys[a], sortKeys[b]));   // stable, as lax.sort_key_val
            Integer[] next = new Integer[n];
            for (int i = 0; i < n; i++) next[i] = x[pos[i]];
            x = next;
        }
        return Arrays.stream(x).mapToInt(Integer::intValue).toArray();
    }

    @ParameterizedTest
    @EnumSource(ThreefryMode.class)
    void shouldPermuteLikeJaxsSortBasedShuffle(ThreefryMode mode) {
        // [R] 100 elements take one round, 2000 take two.
        boolean p = mode == PARTITIONABLE;
        assertArrayEquals(referencePermutation(0, 100, p), Discrete.permutation(key(0, mode), 100).toIntArray());
        assertArrayEquals(referencePermutation(3, 2000, p), Discrete.permutation(key(3, mode), 2000).toIntArray());
    }

    @Test
    void shouldPermuteRowsTogetherUnlessIndependent() {
        // JAX testPermutationArray: rows of (10, 5, 2) move as a whole along axis 0.
        Array x = Jnp.arange(100).reshape(10, 5, 2);
        Key k = key(0, PARTITIONABLE);
        int[] perm = Discrete.permutation(k, 10).toIntArray();
        int[] moved = Discrete.permutation(k, x, 0, false).toIntArray();
        for (int r = 0; r < 10; r++) {
            for (int j = 0; j < 10; j++) assertEquals(perm[r] * 10 + j, moved[r * 10 + j], "row " + r);
        }
        // Along axis 1 of a (3, 4) matrix every row gets the same column permutation.
        Array m = Jnp.arange(12).reshape(3, 4);
        int[] cols = Discrete.permutation(k, 4).toIntArray();
        int[] pm = Discrete.permutation(k, m, -1, false).toIntArray();
        for (int r = 0; r < 3; r++) for (int j = 0; j < 4; j++) assertEquals(r * 4 + cols[j], pm[r * 4 + j]);
        // Independent: every row is a permutation of itself, and the rows differ in their order.
        Array wide = Jnp.arange(40).reshape(4, 10);
        int[] ind = Discrete.permutation(k, wide, 1, true).toIntArray();
        for (int r = 0; r < 4; r++) {
            int[] row = Arrays.copyOfRange(ind, 10 * r, 10 * r + 10);
            int base = 10 * r;
            int[] sorted = row.clone();
            Arrays.sort(sorted);
            for (int j = 0; j < 10; j++) assertEquals(base + j, sorted[j]);
        }
        assertFalse(Arrays.equals(minus(Arrays.copyOfRange(ind, 0, 10), 0), minus(Arrays.copyOfRange(ind, 10, 20), 10)));
    }

    @Test
    void shouldHandleTinyAndEmptyPermutations() {
        assertArrayEquals(new int[0], Discrete.permutation(key(0, LEGACY), 0).toIntArray());
        assertArrayEquals(new int[] {0}, Discrete.permutation(key(0, LEGACY), 1).toIntArray());
        assertThrows(ShapeError.class, () -> Discrete.permutation(key(0, LEGACY), Array.scalar(3, DType.I32), 0, false));
    }

    @Test
    void shouldChooseWithReplacementAsRandintIndices() {
        // JAX: choice(key, n, shape) is randint(key, shape, 0, n); from an array it takes those rows.
        Key k = key(5, LEGACY);
        int[] ind = IntegerSamplers.randint(k, Shape.of(4, 5), 0, 100, DType.I32).toIntArray();
        assertArrayEquals(ind, Discrete.choice(k, 100, Shape.of(4, 5), true, Option.none()).toIntArray());
        Array a = Jnp.arange(100).mul(3L);
        int[] picked = Discrete.choice(k, a, Shape.of(4, 5), true, Option.none(), 0).toIntArray();
        for (int i = 0; i < 20; i++) assertEquals(3 * ind[i], picked[i]);
    }

    @ParameterizedTest
    @EnumSource(ThreefryMode.class)
    void shouldChooseWithoutReplacementWithoutRepeats(ThreefryMode mode) {
        // JAX testChoice: replace=False gives distinct values; the unweighted case is a permutation prefix.
        Key k = key(6, mode);
        int[] first = Discrete.choice(k, 100, Shape.of(4, 5), false, Option.none()).toIntArray();
        assertArrayEquals(Arrays.copyOf(Discrete.permutation(k, 100).toIntArray(), 20), first);
        Array p = Jnp.arange(1, 101, 1).astype(DType.F32);
        int[] weighted = Discrete.choice(k, 100, Shape.of(20), false, Option.some(p.div(p.sum()))).toIntArray();
        assertEquals(20, Arrays.stream(weighted).distinct().count());
        // Slices along axis 1 of a (10, 5, 2) array: result (10, 3, 2), columns distinct.
        Array x = Jnp.arange(100).reshape(10, 5, 2);
        Array c = Discrete.choice(k, x, Shape.of(3), false, Option.none(), 1);
        assertEquals(Shape.of(10, 3, 2), c.shape());
        int[] v = c.toIntArray();
        assertEquals(3, Arrays.stream(new int[] {v[0], v[2], v[4]}).distinct().count());
    }

    @Test
    void shouldShapeChoicesAsJaxDoes() {
        Key k = key(7, PARTITIONABLE);
        assertEquals(Shape.SCALAR, Discrete.choice(k, 10, Shape.SCALAR, true, Option.none()).shape());
        Array x = Jnp.arange(24).reshape(2, 3, 4);
        assertEquals(Shape.of(2, 5, 6, 4), Discrete.choice(k, x, Shape.of(5, 6), true, Option.none(), 1).shape());
        Array p = Jnp.array(new float[] {.5f, .25f, .25f});
        assertEquals(Shape.of(2, 7, 4), Discrete.choice(k, x, Shape.of(7), true, Option.some(p), 1).shape());
        assertEquals(Shape.of(0), Discrete.choice(k, 0, Shape.of(0), true, Option.none()).shape());
        assertThrows(ArgumentError.class, () -> Discrete.choice(k, 3, Shape.of(4), false, Option.none()));
        assertThrows(ShapeError.class, () -> Discrete.choice(k, 4, Shape.of(2), true, Option.some(p)));
    }

    @Test
    void shouldInvertTheCumulativeWeightsForWeightedDraws() {
        // [R] index = number of cumulative weights below total * (1 - u), u from the reference's uniform.
        float[] w = {0.5f, 0f, 1.5f, 2f};
        Array p = Jnp.array(w);
        for (ThreefryMode mode : ThreefryMode.values()) {
            int[] got = Discrete.choice(key(9, mode), 4, Shape.of(30), true, Option.some(p)).toIntArray();
            float[] u = JaxReference.uniform(JaxReference.key(9), 30, mode == PARTITIONABLE, 0f, 1f);
            float[] cuml = {0.5f, 0.5f, 2f, 4f};
            for (int i = 0; i < 30; i++) {
                float r = 4f * (1f - u[i]);
                int idx = 0;
                while (idx < 4 && cuml[idx] < r) idx++;
                assertEquals(idx, got[i], mode + " draw " + i);
                assertFalse(got[i] == 1, "zero weight drawn");
            }
        }
    }

    private static int[] minus(int[] a, int d) { return Arrays.stream(a).map(v -> v - d).toArray(); }
}
