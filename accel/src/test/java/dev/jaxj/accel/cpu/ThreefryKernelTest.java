package dev.jaxj.accel.cpu;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Threefry2x32;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ThreefryKernelTest {

    /**
     * An independent Threefry-2x32-20 written from the paper's description: unsigned words held
     * in longs and masked, a round loop over a rotation table, key injection every four rounds.
     */
    static long[] reference(long key0, long key1, long x0, long x1) {
        final long mask = 0xFFFF_FFFFL;
        long[] ks = {key0, key1, (key0 ^ key1 ^ 0x1BD11BDAL) & mask};
        int[] rot = {13, 15, 26, 6, 17, 29, 16, 24};
        long a = (x0 + ks[0]) & mask, b = (x1 + ks[1]) & mask;
        for (int round = 0; round < 20; round++) {
            a = (a + b) & mask;
            int r = rot[round % 8];
            b = (((b << r) | (b >>> (32 - r))) & mask) ^ a;
            if (round % 4 == 3) {
                int s = round / 4 + 1;
                a = (a + ks[s % 3]) & mask;
                b = (b + ks[(s + 1) % 3] + s) & mask;
            }
        }
        return new long[] {a, b};
    }

    private static Seq<Result> run(Shape s, int[] k0, int[] k1, int[] x0, int[] x1) {
        return KernelHarness.runAll(new Threefry2x32(), Operand.u32(s, k0), Operand.u32(s, k1), Operand.u32(s, x0), Operand.u32(s, x1));
    }

    private static int[] words(Result r) { return r.data().i32(); }

    @Test
    void shouldMatchRandom123KnownAnswers() {
        // Random123 kat_vectors, "threefry2x32 20 <ctr0> <ctr1> <key0> <key1> <out0> <out1>"; also
        // JAX tests/random_test.py testThreefry2x32 (citing Random123-Boost test_threefry.cpp#L30-L32).
        int[] k0 = {0, 0xffffffff, 0x13198a2e}, k1 = {0, 0xffffffff, 0x03707344};
        int[] x0 = {0, 0xffffffff, 0x243f6a88}, x1 = {0, 0xffffffff, 0x85a308d3};
        Seq<Result> out = run(Shape.of(3), k0, k1, x0, x1);
        assertArrayEquals(new int[] {0x6b200159, 0x1cb996fc, 0xc4923a9c}, words(out.get(0)));
        assertArrayEquals(new int[] {0x99ba4efe, 0xbb002be7, 0x483df7a0}, words(out.get(1)));
    }

    @Test
    void shouldAgreeWithTheReferenceOnTheKnownAnswers() {
        // Guards the test's own reference: it must reproduce the Random123 vectors too.
        assertArrayEquals(new long[] {0x6b200159L, 0x99ba4efeL}, reference(0, 0, 0, 0));
        assertArrayEquals(new long[] {0xc4923a9cL, 0x483df7a0L}, reference(0x13198a2eL, 0x03707344L, 0x243f6a88L, 0x85a308d3L));
    }

    @Test
    void shouldHandleRankZero() {
        Seq<Result> out = run(Shape.SCALAR, new int[] {0}, new int[] {0}, new int[] {0}, new int[] {0});
        assertEquals(ShapedArray.of(DType.U32, Shape.SCALAR), out.get(0).aval());
        assertArrayEquals(new int[] {0x6b200159}, words(out.get(0)));
        assertArrayEquals(new int[] {0x99ba4efe}, words(out.get(1)));
    }

    @Test
    void shouldReturnEmptyWordsForZeroSizeShapes() {
        // JAX tests/random_test.py testThreefry2x32Empty: a (10, 0) count gives empty results.
        Shape s = Shape.of(10, 0);
        Seq<Result> out = run(s, new int[0], new int[0], new int[0], new int[0]);
        assertEquals(2, out.size());
        assertEquals(ShapedArray.of(DType.U32, s), out.get(1).aval());
        assertEquals(0, out.get(0).data().size());
    }

    @Test
    void shouldEncryptEveryIndexWithItsOwnKeyOnTheParallelPath() {
        // 3 * 2^15 blocks cross the parallel threshold; distinct keys per index catch any mix-up of chunks.
        int n = 3 << 15;
        var rnd = new SplittableRandom(7);
        int[] k0 = rnd.ints(n).toArray(), k1 = rnd.ints(n).toArray(), x0 = rnd.ints(n).toArray(), x1 = rnd.ints(n).toArray();
        Seq<Result> out = run(Shape.of(3, n / 3), k0, k1, x0, x1);
        int[] e0 = new int[n], e1 = new int[n];
        for (int i = 0; i < n; i++) {
            long[] r = reference(Integer.toUnsignedLong(k0[i]), Integer.toUnsignedLong(k1[i]), Integer.toUnsignedLong(x0[i]), Integer.toUnsignedLong(x1[i]));
            e0[i] = (int) r[0];
            e1[i] = (int) r[1];
        }
        assertArrayEquals(e0, words(out.get(0)));
        assertArrayEquals(e1, words(out.get(1)));
    }

    @Property(tries = 200)
    void shouldMatchTheReference(@ForAll int k0, @ForAll int k1, @ForAll int x0, @ForAll int x1) {
        Seq<Result> out = run(Shape.of(1), new int[] {k0}, new int[] {k1}, new int[] {x0}, new int[] {x1});
        long[] e = reference(Integer.toUnsignedLong(k0), Integer.toUnsignedLong(k1), Integer.toUnsignedLong(x0), Integer.toUnsignedLong(x1));
        assertEquals((int) e[0], words(out.get(0))[0]);
        assertEquals((int) e[1], words(out.get(1))[0]);
    }

    @Test
    void shouldLeaveItsOperandsUntouched() {
        int[] x0 = {1, 2, 3};
        run(Shape.of(3), new int[3], new int[3], x0, new int[3]);
        assertArrayEquals(new int[] {1, 2, 3}, x0);
    }

    @Test
    void shouldRejectNonU32AndMismatchedShapesInTheRule() {
        var p = new Threefry2x32();
        Operand u = Operand.u32(Shape.of(2), 0, 0);
        assertThrows(DTypeError.class, () -> KernelHarness.run(p, u, u, u, Operand.i32(Shape.of(2), 0, 0)));
        assertThrows(ShapeError.class, () -> KernelHarness.run(p, u, u, u, Operand.u32(Shape.of(1), 0)));
    }
}
