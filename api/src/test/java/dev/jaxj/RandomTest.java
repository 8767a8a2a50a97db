package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.random.Key;
import dev.jaxj.random.ThreefryMode;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The facade: key creation and the mode flag, the raw key-data view, and that every call
 * reaches its sampler with JAX's defaults. Values are JAX's published ones (sources as cited).
 */
class RandomTest {

    /** Runs {@code body} with the mode property set to {@code value} (null clears it), restoring it after. */
    static <T> T withFlag(String value, Supplier<T> body) {
        String old = System.getProperty(ThreefryMode.PROPERTY);
        try {
            if (value == null) System.clearProperty(ThreefryMode.PROPERTY);
            else System.setProperty(ThreefryMode.PROPERTY, value);
            return body.get();
        } finally {
            if (old == null) System.clearProperty(ThreefryMode.PROPERTY);
            else System.setProperty(ThreefryMode.PROPERTY, old);
        }
    }

    @Test
    void shouldDefaultToThePartitionableModeLikeJax05() {
        Key k = withFlag(null, () -> Random.key(0));
        assertEquals(ThreefryMode.PARTITIONABLE, k.mode());
        // jax.random module docs (JAX >= 0.5), "PRNG keys": random.uniform(random.key(0)) -> 0.947667.
        assertEquals(0.947667f, Random.uniform(k).floatValue(), 0f);
    }

    @Test
    void shouldReadTheFlagWhenAKeyIsCreatedAndKeepTheModeWithTheKey() {
        Key legacy = withFlag("false", () -> Random.key(0));
        assertEquals(ThreefryMode.LEGACY, legacy.mode());
        // Derived keys keep their parent's mode whatever the flag says later: streams never mix.
        Key child = withFlag("true", () -> Random.split(legacy).get(1));
        assertEquals(ThreefryMode.LEGACY, child.mode());
        assertEquals(ThreefryMode.LEGACY, Random.foldIn(legacy, 3).mode());
        // JAX 0.4.x jax.random docs, "PRNG keys": uniform(key(0)) -> 0.41845703, uniform(split(key)[1]) -> 0.10536897.
        assertEquals(0.41845703125f, Random.uniform(legacy).floatValue(), 0f);
        assertEquals(0.10536897f, Random.uniform(child).floatValue(), 5e-9f);   // printed to 8 decimals
        assertThrows(ArgumentError.class, () -> withFlag("maybe", () -> Random.key(0)));
    }

    @Test
    void shouldExposeAndWrapRawKeyData() {
        // JAX tests/random_test.py testPRNGValues: split(PRNGKey(0), 4) (legacy).
        Array raw = Random.prngKey(0);
        assertArrayEquals(new long[] {0, 0}, raw.toLongArray());
        Key keys = Random.split(Random.wrapKeyData(raw, ThreefryMode.LEGACY), 4);
        assertEquals(Shape.of(4), keys.shape());
        assertArrayEquals(new long[] {2285895361L, 1501764800L, 1518642379L, 4090693311L, 433833334L, 4221794875L, 839183663L, 3740430601L},
                Random.keyData(keys).toLongArray());
        assertEquals(4, keys.unstack().size());
        assertArrayEquals(new long[] {839183663L, 3740430601L}, keys.get(3).data().toLongArray());
        assertEquals(ThreefryMode.PARTITIONABLE, withFlag("true", () -> Random.wrapKeyData(raw)).mode());
        assertThrows(ShapeError.class, () -> Random.wrapKeyData(Jnp.zeros(Shape.of(3), DType.U32)));
        assertThrows(DTypeError.class, () -> Random.wrapKeyData(Jnp.zeros(Shape.of(2), DType.I32)));
        assertThrows(ShapeError.class, () -> keys.get(4));
    }

    @Test
    void shouldSeedFromIntsLongsAndArrays() {
        // JAX test_prng_seeds_and_keys: an int32 -1 gives [0, 2^32-1]; an int64 -1 (x64) gives [2^32-1, 2^32-1].
        assertArrayEquals(new long[] {0, 4294967295L}, Random.keyData(Random.key(-1)).toLongArray());
        assertArrayEquals(new long[] {4294967295L, 4294967295L}, Random.keyData(Random.key(-1L)).toLongArray());
        assertArrayEquals(new long[] {0, 7}, Random.keyData(Random.key(Array.scalar(7, DType.I32))).toLongArray());
        assertEquals(ThreefryMode.LEGACY, Random.key(5, ThreefryMode.LEGACY).mode());
    }

    @Test
    void shouldFoldInNegativeIntsAsTheirU32Bits() {
        Key k = Random.key(0, ThreefryMode.LEGACY);
        assertArrayEquals(Random.keyData(Random.foldIn(k, Array.scalar(4294967295L, DType.U32))).toLongArray(),
                Random.keyData(Random.foldIn(k, -1)).toLongArray());
        // JAX testPRNGValues: fold_in(PRNGKey(0), 4).
        assertArrayEquals(new long[] {2285895361L, 433833334L}, Random.keyData(Random.foldIn(k, 4)).toLongArray());
    }

    @Test
    void shouldGiveEachSamplerJaxsDefaultsAndShapes() {
        Key k = Random.key(1, ThreefryMode.PARTITIONABLE);
        assertEquals(DType.U32, Random.bits(k, 3).dtype());
        assertEquals(DType.I64, Random.bits(k, Shape.of(3), DType.I64).dtype());
        assertThrows(DTypeError.class, () -> Random.bits(k, Shape.of(3), DType.I32));
        assertEquals(DType.F32, Random.normal(k, 2, 2).dtype());
        assertEquals(Shape.SCALAR, Random.uniform(k).shape());
        assertEquals(DType.I32, Random.randint(k, Shape.of(4), 0, 3).dtype());
        assertEquals(DType.BOOL, Random.bernoulli(k, 0.5, 4).dtype());
        assertEquals(Shape.of(3), Random.bernoulli(k, Jnp.array(new float[] {.1f, .5f, .9f})).shape());
        assertEquals(Shape.of(5), Random.gumbel(k, 5).shape());
        assertEquals(Shape.of(5), Random.exponential(k, 5).shape());
        assertEquals(Shape.of(5), Random.laplace(k, 5).shape());
        assertEquals(Shape.of(5), Random.logistic(k, 5).shape());
        assertEquals(Shape.of(5), Random.truncatedNormal(k, -1, 1, 5).shape());
        assertEquals(Shape.of(2), Random.categorical(k, Jnp.array(new float[][] {{0, 1}, {1, 0}})).shape());
        assertEquals(Shape.of(10), Random.permutation(k, 10).shape());
        assertEquals(Shape.of(2, 3), Random.choice(k, 10, Shape.of(2, 3)).shape());
        assertEquals(Shape.of(3), Random.multivariateNormal(k, Jnp.zeros(3), Jnp.eye(3)).shape());
        assertFalse(Random.permutation(k, Jnp.arange(6)).shape().equals(Shape.SCALAR));
        assertEquals(Shape.of(4, 2), Random.choice(k, Jnp.arange(8).reshape(4, 2), Shape.of(4), false, Option.none(), 0).shape());
    }

    @Test
    void shouldGiveTheSameNumbersUnderJit() {
        // JAX testRngUniform/testNormal/testRngRandint compare compiled and uncompiled samples.
        for (ThreefryMode mode : ThreefryMode.values()) {
            Key k = Random.key(3, mode);
            Function<Key, Array> draw = key -> {
                Key ks = Random.split(key);
                return Random.uniform(ks.get(0), 5).add(Random.normal(ks.get(1), 5))
                        .add(Random.randint(Random.foldIn(key, 7), Shape.of(5), 0, 10).astype(DType.F32));
            };
            assertArrayEquals(draw.apply(k).toFloatArray(), Jax.jit(draw).apply(k).toFloatArray(), 0f, mode.name());
            Function<Key, Array> keys = key -> Random.keyData(Random.split(key, 3));
            assertArrayEquals(keys.apply(k).toLongArray(), Jax.jit(keys).apply(k).toLongArray(), mode.name());
        }
    }
}
