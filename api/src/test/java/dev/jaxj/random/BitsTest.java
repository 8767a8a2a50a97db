package dev.jaxj.random;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The unsigned 64-bit helpers against the JDK's unsigned arithmetic. */
class BitsTest {

    @Provide
    Arbitrary<Long> words() {
        // Edge values (0, 1, 2^63 +- 1, 2^64 - 1) as well as random ones.
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(0L, 1L, 2L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, -2L));
    }

    @Property(tries = 300)
    void remainderShouldMatchLongRemainderUnsigned(@ForAll("words") long x, @ForAll("words") long s) {
        long expected = s == 0 ? x : Long.remainderUnsigned(x, s);   // XLA: x rem 0 = x
        long got = Bits.remU64(Jnp.array(new long[] {x}), Jnp.array(new long[] {s})).toLongArray()[0];
        assertEquals(expected, got, () -> Long.toUnsignedString(x) + " mod " + Long.toUnsignedString(s));
    }

    @Property(tries = 100)
    void unsignedLessShouldMatchCompareUnsigned(@ForAll("words") long a, @ForAll("words") long b) {
        boolean got = Bits.unsignedLess(Jnp.array(new long[] {a}), Jnp.array(new long[] {b})).toBooleanArray()[0];
        assertEquals(Long.compareUnsigned(a, b) < 0, got);
    }

    @Test
    void shouldBuildExactConstantsAndSlices() {
        assertEquals(0xFFFF_FFFFL, Bits.u32(-1).longValue());
        assertEquals(Long.MIN_VALUE, Bits.i64(Long.MIN_VALUE).longValue());
        assertEquals(16777216f, Bits.real(16777217, dev.jaxj.ir.DType.F32).floatValue(), 0f);   // 2^24 + 1 rounds once, to even
        Array m = Jnp.arange(12).reshape(3, 4);
        assertArrayEquals(new int[] {2, 6, 10}, Bits.lastAxisAt(m, 2).toIntArray());
        assertArrayEquals(new int[] {4, 5, 6, 7}, Bits.slice(m, 0, 1, 2).toIntArray());
    }
}
