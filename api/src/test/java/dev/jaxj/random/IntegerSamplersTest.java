package dev.jaxj.random;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * randint against JAX's published values ([T] tests/random_test.py {@code testPRNGValues} and
 * {@code _RANDOM_VALUES_CASES}, legacy mode) and against {@link JaxReference} ([R]).
 */
class IntegerSamplersTest {

    static Key key(long seed, ThreefryMode mode) { return new Key(Threefry.seed(seed), mode); }

    @Test
    void shouldDrawJaxsPublishedIntegersInLegacyMode() {
        // [T] testPRNGValues: random.randint(PRNGKey(0), (3, 3), 0, 8) as int32, and as int64 under x64.
        Key k = key(0, LEGACY);
        assertArrayEquals(new int[] {2, 1, 3, 6, 1, 5, 6, 3, 4}, IntegerSamplers.randint(k, Shape.of(3, 3), 0, 8, DType.I32).toIntArray());
        Array wide = IntegerSamplers.randint(k, Shape.of(3, 3), 0, 8, DType.I64);
        assertEquals(DType.I64, wide.dtype());
        assertArrayEquals(new long[] {7, 2, 6, 2, 1, 0, 6, 7, 7}, wide.toLongArray());
        // [T] _RANDOM_VALUES_CASES "randint": shape (5,), minval 0, maxval 10, int32.
        Key vk = key(ThreefryTest.adler("randint"), LEGACY);
        assertArrayEquals(new int[] {0, 5, 7, 7, 5}, IntegerSamplers.randint(vk, Shape.of(5), 0, 10, DType.I32).toIntArray());
    }

    @Property(tries = 25)
    void shouldMatchTheReferenceInBothModes(@ForAll int seed, @ForAll int lo, @ForAll @IntRange(min = 1, max = 1 << 30) int width) {
        // [R] any i32 range, including spans that wrap past 2^31 and are not powers of two.
        int hi = (int) Math.min(Integer.MAX_VALUE, (long) lo + width);
        for (ThreefryMode mode : ThreefryMode.values()) {
            int[] expected = JaxReference.randint(JaxReference.key(Integer.toUnsignedLong(seed)), 7, mode == PARTITIONABLE, lo, hi);
            assertArrayEquals(expected, IntegerSamplers.randint(key(Integer.toUnsignedLong(seed), mode), Shape.of(7), lo, hi, DType.I32).toIntArray(), mode.name());
        }
    }

    @Test
    void shouldReturnMinvalWhenTheRangeIsEmpty() {
        // JAX issue #222: maxval <= minval gives minval.
        assertArrayEquals(new int[] {5, 5, 5}, IntegerSamplers.randint(key(1, PARTITIONABLE), Shape.of(3), 5, 5, DType.I32).toIntArray());
        assertArrayEquals(new int[] {5, 5, 5}, IntegerSamplers.randint(key(1, LEGACY), Shape.of(3), 5, -2, DType.I32).toIntArray());
    }

    @Test
    void shouldCoverTheWholeDtypeWhenMaxvalExceedsIt() {
        // A maxval above the i32 maximum is clipped and makes 2^31 - 1 reachable (span 2^32 wraps to
        // 0 and the remainders then keep all bits): the result is the raw low word plus minval.
        Key k = key(4, PARTITIONABLE);
        int[] all = IntegerSamplers.randint(k, Shape.of(6), Integer.MIN_VALUE, 1L << 40, DType.I32).toIntArray();
        Key lowKey = new Key(Threefry.split(k, Shape.of(2)), PARTITIONABLE).get(1);
        long[] low = Threefry.randomBits(lowKey, 32, Shape.of(6)).toLongArray();
        for (int i = 0; i < 6; i++) assertEquals((int) (Integer.MIN_VALUE + low[i]), all[i], "element " + i);
        // Bounds below the dtype are clipped too.
        int[] small = IntegerSamplers.randint(k, Shape.of(50), -(1L << 40), Integer.MIN_VALUE + 3L, DType.I32).toIntArray();
        for (int v : small) assertTrue(v >= Integer.MIN_VALUE && v < Integer.MIN_VALUE + 3, "value " + v);
    }

    @Test
    void shouldDrawUnsignedAndWideIntegersInRange() {
        for (ThreefryMode mode : ThreefryMode.values()) {
            long[] u = IntegerSamplers.randint(key(8, mode), Shape.of(200), 3_000_000_000L, 4_000_000_000L, DType.U32).toLongArray();
            for (long v : u) assertTrue(v >= 3_000_000_000L && v < 4_000_000_000L, "u32 " + v);
            long lo = -(1L << 62), hi = 1L << 61;
            long[] w = IntegerSamplers.randint(key(8, mode), Shape.of(200), lo, hi, DType.I64).toLongArray();
            for (long v : w) assertTrue(v >= lo && v < hi, "i64 " + v);
            long[] full = IntegerSamplers.randint(key(8, mode), Shape.of(200), Long.MIN_VALUE, Long.MAX_VALUE, DType.I64).toLongArray();
            assertTrue(java.util.Arrays.stream(full).anyMatch(v -> v < 0) && java.util.Arrays.stream(full).anyMatch(v -> v > 0), "spans the sign");
        }
    }

    @Test
    void shouldBroadcastArrayBounds() {
        Array lo = Jnp.array(new int[] {0, 100}), hi = Jnp.array(new int[] {2, 103});
        int[] r = IntegerSamplers.randint(key(2, LEGACY), Shape.of(50, 2), lo, hi, DType.I32).toIntArray();
        for (int i = 0; i < r.length; i++) {
            int a = i % 2 == 0 ? 0 : 100, b = i % 2 == 0 ? 2 : 103;
            assertTrue(r[i] >= a && r[i] < b, "element " + i + " = " + r[i]);
        }
        assertThrows(ShapeError.class, () -> IntegerSamplers.randint(key(2, LEGACY), Shape.of(3), lo, hi, DType.I32));
        assertThrows(DTypeError.class, () -> IntegerSamplers.randint(key(2, LEGACY), Shape.of(3), 0, 1, DType.F32));
    }

    @Test
    void shouldDrawEmptyShapes() {
        assertEquals(Shape.of(0), IntegerSamplers.randint(key(2, LEGACY), Shape.of(0), 0, 5, DType.I32).shape());
        assertEquals(Shape.SCALAR, IntegerSamplers.randint(key(2, PARTITIONABLE), Shape.SCALAR, 0, 5, DType.I64).shape());
    }
}
