package dev.jaxj.random;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * u8 and u16 random bits by JAX's definitions, applied to the u32 streams that the known-answer
 * tests pin to JAX: the partitionable generator keeps the low bits of each 32-bit field; the
 * original one reads the words of a ceil(width * n / 32)-word stream as little-endian fields.
 */
class NarrowBitsTest {

    @Test
    void partitionableNarrowBitsAreTheLowBitsOfTheWideOnes() {
        Key key = Random.key(42, ThreefryMode.PARTITIONABLE);
        long[] wide = Random.bits(key, Shape.of(3, 5), DType.U32).toLongArray();
        for (DType d : new DType[] {DType.U8, DType.U16}) {
            Array narrow = Random.bits(key, Shape.of(3, 5), d);
            assertEquals(d, narrow.dtype());
            long mask = d == DType.U8 ? 0xFF : 0xFFFF;
            long[] expected = new long[wide.length];
            for (int i = 0; i < wide.length; i++) expected[i] = wide[i] & mask;
            assertArrayEquals(expected, narrow.toLongArray(), d.toString());
        }
    }

    @Test
    void originalNarrowBitsAreTheFieldsOfTheWordStream() {
        Key key = Random.key(7, ThreefryMode.LEGACY);
        for (int width : new int[] {8, 16}) {
            DType d = width == 8 ? DType.U8 : DType.U16;
            int n = 11, words = Math.ceilDiv(width * n, 32), per = 32 / width;
            long[] stream = Random.bits(key, Shape.of(words), DType.U32).toLongArray();
            long[] expected = new long[n];
            for (int i = 0; i < n; i++) expected[i] = (stream[i / per] >>> (width * (i % per))) & ((1L << width) - 1);
            assertArrayEquals(expected, Random.bits(key, Shape.of(n), d).toLongArray(), "u" + width);
        }
    }
}
