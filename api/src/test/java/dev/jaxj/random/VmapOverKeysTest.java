package dev.jaxj.random;

import dev.jaxj.Jax;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Sampling under vmap over a batch of keys gives, bit for bit, what a loop over the keys gives, in both Threefry modes. */
class VmapOverKeysTest {
    private static void check(ThreefryMode mode) {
        Key keys = Random.split(Random.key(42, mode), 5);
        Function<Key, Array> draw = k -> Random.normal(k, 3, 2).add(Random.uniform(Random.foldIn(k, 7), 3, 2));
        Array batched = Jax.vmap(draw).apply(keys);
        for (int i = 0; i < 5; i++) {
            float[] one = draw.apply(keys.get(i)).toFloatArray();
            float[] row = new float[one.length];
            System.arraycopy(batched.toFloatArray(), i * one.length, row, 0, one.length);
            assertArrayEquals(one, row, 0f, "key " + i + " in " + mode);
        }
        Function<Key, Key> splitEach = k -> Random.split(k, 3);
        Key splitBatched = Jax.vmap(splitEach).apply(keys);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(splitEach.apply(keys.get(i)).data().toLongArray(), splitBatched.get(i).data().toLongArray(), "split of key " + i);
        }
    }

    @Test
    void shouldMatchTheLoopInPartitionableMode() {
        check(ThreefryMode.PARTITIONABLE);
    }

    @Test
    void shouldMatchTheLoopInLegacyMode() {
        check(ThreefryMode.LEGACY);
    }
}
