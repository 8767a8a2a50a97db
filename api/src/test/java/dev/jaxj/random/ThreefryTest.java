package dev.jaxj.random;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static dev.jaxj.random.ThreefryMode.LEGACY;
import static dev.jaxj.random.ThreefryMode.PARTITIONABLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Key creation, the hash, split, fold_in and raw bits against values JAX publishes. Sources:
 * [T] JAX tests/random_test.py (PrngTest, the version that skips legacy-only cases under
 * jax_threefry_partitionable); [G] JAX docs/notebooks/Common_Gotchas_in_JAX.ipynb, section
 * "Random Numbers" (legacy outputs); [R] {@link JaxReference}, an independent reimplementation,
 * where JAX publishes nothing for a mode.
 */
class ThreefryTest {

    static long[] words(Array a) { return a.toLongArray(); }

    static Key key(long seed, ThreefryMode mode) { return new Key(Threefry.seed(seed), mode); }

    static Key key(int seed, ThreefryMode mode) { return new Key(Threefry.seed(seed), mode); }

    @Test
    void shouldSeedLikeJaxForInt32AndInt64Seeds() {
        // [T] test_prng_seeds_and_keys: np.int32 seeds give [0, seed as u32]; np.int64 seeds (x64) give [hi, lo].
        assertArrayEquals(new long[] {0, 1}, words(Threefry.seed(1)));
        assertArrayEquals(new long[] {0, 4294967294L}, words(Threefry.seed(-2)));
        assertArrayEquals(new long[] {0, 3}, words(Threefry.seed(3L)));
        assertArrayEquals(new long[] {4294967295L, 4294967293L}, words(Threefry.seed(-3L)));
        assertArrayEquals(new long[] {4294967295L, 2147483547L}, words(Threefry.seed((long) Integer.MIN_VALUE - 101)));
        assertArrayEquals(new long[] {0, 2147483748L}, words(Threefry.seed((long) Integer.MAX_VALUE + 101)));
    }

    @Test
    void shouldSeedFromArraysAsFromJavaIntegers() {
        // [T] test_prng_seeds_and_keys, the same seeds passed as arrays (the traceable path).
        assertArrayEquals(new long[] {0, 4294967294L}, words(Threefry.seed(Array.scalar(-2, DType.I32))));
        assertArrayEquals(new long[] {0, 2}, words(Threefry.seed(Array.scalar(2, DType.U32))));
        assertArrayEquals(new long[] {4294967295L, 4294967293L}, words(Threefry.seed(Jnp.array(new long[] {-3}).reshape())));
    }

    @Test
    void shouldHashWithTheRandom123Vectors() {
        // [T] testThreefry2x32 (Random123 known answers): threefry_2x32(key, [c0, c1]) = [out0, out1].
        Array out = Threefry.hash(Bits.u32s(0x13198a2e, 0x03707344), Bits.u32s(0x243f6a88, 0x85a308d3));
        assertArrayEquals(new long[] {0xc4923a9cL, 0x483df7a0L}, words(out));
        Array ones = Bits.u32s(-1, -1);
        assertArrayEquals(new long[] {0x1cb996fcL, 0xbb002be7L}, words(Threefry.hash(ones, ones)));
    }

    @Test
    void shouldHashOddAndEmptyCountsAsJaxPadsThem() {
        // [R] an odd count is padded with one zero and the padding's output dropped.
        Array counts = Bits.u32s(5, 6, 7);
        assertArrayEquals(JaxReference.hash(new long[] {1, 2}, new long[] {5, 6, 7}), words(Threefry.hash(Bits.u32s(1, 2), counts)));
        // [T] testThreefry2x32Empty: a (10, 0) count gives an empty (10, 0) result.
        Array empty = Threefry.hash(Bits.u32s(0x13198a2e, 0x03707344), Jnp.zeros(Shape.of(10, 0), DType.U32));
        assertEquals(Shape.of(10, 0), empty.shape());
    }

    @Test
    void shouldSplitLikeLegacyJax() {
        // [T] testPRNGValues: random.split(PRNGKey(0), 4).
        long[] expected = {2285895361L, 1501764800L, 1518642379L, 4090693311L, 433833334L, 4221794875L, 839183663L, 3740430601L};
        Array keys = Threefry.split(key(0, LEGACY), Shape.of(4));
        assertEquals(Shape.of(4, 2), keys.shape());
        assertArrayEquals(expected, words(keys));
        // [G] key, subkey = random.split(PRNGKey(0)), then the same on the new key.
        assertArrayEquals(new long[] {4146024105L, 967050713L, 2718843009L, 1272950319L}, words(Threefry.split(key(0, LEGACY), Shape.of(2))));
        Key second = new Key(Bits.u32s((int) 4146024105L, 967050713), LEGACY);
        assertArrayEquals(new long[] {2384771982L, 3928867769L, 1278412471L, 2182328957L}, words(Threefry.split(second, Shape.of(2))));
    }

    @Test
    void shouldFoldInTheSameInBothModes() {
        // [T] testPRNGValues: random.fold_in(PRNGKey(0), 4) = [2285895361, 433833334]; fold_in has no mode switch in prng.py.
        for (ThreefryMode mode : ThreefryMode.values()) {
            assertArrayEquals(new long[] {2285895361L, 433833334L}, words(Threefry.foldIn(key(0, mode), Bits.u32(4))), mode.name());
        }
    }

    @Test
    void shouldSplitPartitionablyAsFoldInOfEachIndex() {
        // [T] test_threefry_split_fold_in_symmetry (partitionable only): split(key, 3)[i] == fold_in(key, i);
        // with the published fold_in(PRNGKey(0), 4) this fixes split(key(0), 5)[4].
        Array keys = Threefry.split(key(0, PARTITIONABLE), Shape.of(5));
        long[] w = words(keys);
        assertArrayEquals(new long[] {2285895361L, 433833334L}, new long[] {w[8], w[9]});
        Key k72 = key(72, PARTITIONABLE);
        long[] s = words(Threefry.split(k72, Shape.of(3)));
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(words(Threefry.foldIn(k72, Bits.u32(i))), new long[] {s[2 * i], s[2 * i + 1]}, "index " + i);
        }
    }

    @Test
    void shouldSplitIntoKeyArraysOfAnyShapeInRowMajorOrder() {
        // [R] split(key, (2, 3)) numbers keys in row-major order in both modes.
        for (ThreefryMode mode : ThreefryMode.values()) {
            long[] w = words(Threefry.split(key(7, mode), Shape.of(2, 3)));
            long[][] e = JaxReference.split(JaxReference.key(7), 6, mode == PARTITIONABLE);
            for (int i = 0; i < 6; i++) assertArrayEquals(e[i], new long[] {w[2 * i], w[2 * i + 1]}, mode + " key " + i);
        }
        assertEquals(Shape.of(0, 2), Threefry.split(key(7, LEGACY), Shape.of(0)).shape());
        assertEquals(Shape.of(2), Threefry.split(key(7, PARTITIONABLE), Shape.SCALAR).shape());
    }

    @Test
    void shouldDrawLegacyBitsLikeJax() {
        // [T] testRngRandomBits: _random_bits(PRNGKey(1701), 32, (3,)) and, under x64, 64 bits.
        Key k = key(1701, LEGACY);
        assertArrayEquals(new long[] {56197195L, 4200222568L, 961309823L}, words(Threefry.randomBits(k, 32, Shape.of(3))));
        long[] expected64 = {3982329540505020460L, Long.parseUnsignedLong("16822122385914693683"), 7882654074788531506L};
        Array b64 = Threefry.randomBits(k, 64, Shape.of(3));
        assertEquals(DType.I64, b64.dtype());
        assertArrayEquals(expected64, b64.toLongArray());
    }

    @Test
    void shouldDrawTheBitsOfJaxsValueCases() {
        // [T] _RANDOM_VALUES_CASES "bits" (legacy): key PRNGKey(zlib.adler32(b"bitsthreefry2x32")), shape (5,).
        Key k = new Key(Threefry.seed(adler("bits")), LEGACY);
        assertArrayEquals(new long[] {1978747883L, 4134381225L, 3628107870L, 689687174L, 2788938207L}, words(Threefry.randomBits(k, 32, Shape.of(5))));
        long[] u64 = {Long.parseUnsignedLong("17649965731882839947"), 1415307058040849897L, 8282622628079774249L,
                Long.parseUnsignedLong("14024425113645909402"), 2012979996110532418L};
        assertArrayEquals(u64, Threefry.randomBits(k, 64, Shape.of(5)).toLongArray());
    }

    @Property(tries = 30)
    void shouldDrawBitsLikeTheReferenceInBothModes(@ForAll int seed, @ForAll @IntRange(min = 0, max = 9) int n) {
        // [R] for shapes and seeds JAX publishes nothing about.
        for (ThreefryMode mode : ThreefryMode.values()) {
            Key k = key(seed, mode);
            boolean p = mode == PARTITIONABLE;
            assertArrayEquals(JaxReference.bits32(JaxReference.key(Integer.toUnsignedLong(seed)), n, p), words(Threefry.randomBits(k, 32, Shape.of(n))));
            assertArrayEquals(JaxReference.bits64(JaxReference.key(Integer.toUnsignedLong(seed)), n, p), Threefry.randomBits(k, 64, Shape.of(n)).toLongArray());
        }
    }

    @Test
    void shouldDrawScalarAndMatrixShapesInRowMajorOrder() {
        for (ThreefryMode mode : ThreefryMode.values()) {
            Key k = key(3, mode);
            Array m = Threefry.randomBits(k, 32, Shape.of(2, 3));
            assertEquals(Shape.of(2, 3), m.shape());
            assertArrayEquals(JaxReference.bits32(new long[] {0, 3}, 6, mode == PARTITIONABLE), words(m));
            Array s = Threefry.randomBits(k, 32, Shape.SCALAR);
            assertEquals(Shape.SCALAR, s.shape());
            assertEquals(JaxReference.bits32(new long[] {0, 3}, 1, mode == PARTITIONABLE)[0], s.longValue());
        }
    }

    @Test
    void shouldRefuseKeyArraysWhereASingleKeyIsNeeded() {
        Key keys = new Key(Threefry.split(key(0, LEGACY), Shape.of(3)), LEGACY);
        assertThrows(ShapeError.class, () -> Threefry.split(keys, Shape.of(2)));
        assertThrows(ShapeError.class, () -> Threefry.randomBits(keys, 32, Shape.of(2)));
    }

    /** The seed JAX's _RANDOM_VALUES_CASES use: zlib.adler32 of the sampler's name and "threefry2x32". */
    static long adler(String name) {
        var a = new java.util.zip.Adler32();
        a.update((name + "threefry2x32").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return a.getValue();
    }
}
