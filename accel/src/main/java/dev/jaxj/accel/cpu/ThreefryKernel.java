package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.ir.DType;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Threefry-2x32 with 20 rounds (Salmon et al., "Parallel Random Numbers: As Easy as 1, 2, 3",
 * SC'11), the block cipher behind JAX's default PRNG. Each index {@code i} encrypts the counter
 * pair {@code (x0[i], x1[i])} under the key {@code (key0[i], key1[i])}; the four operands are
 * u32 buffers of one size (JAX broadcasts keys before binding, and so do we).
 *
 * <p>u32 values live in {@code int[]}: addition, xor and rotation are the same bit operations
 * on signed ints, so the loop needs no unsigned conversions.
 */
final class ThreefryKernel {
    private ThreefryKernel() {}

    /** Skein's key-schedule parity constant, which makes the third key word independent of the other two. */
    private static final int PARITY = 0x1BD11BDA;

    /** Rotation amounts of rounds 1-4 and 5-8 for two 32-bit words (the schedule repeats every 8 rounds). */
    private static final int R0 = 13, R1 = 15, R2 = 26, R3 = 6, R4 = 17, R5 = 29, R6 = 16, R7 = 24;

    static Seq<HostData> threefry2x32(HostData k0, HostData k1, HostData x0, HostData x1) {
        int[] key0 = k0.i32(), key1 = k1.i32(), in0 = x0.i32(), in1 = x1.i32();
        int n = in0.length;
        int[] out0 = HeapArrays.ints(n), out1 = HeapArrays.ints(n);
        // One block costs about 100 integer operations, so smaller ranges than usual pay for a hand-off.
        Parallel.forRange(n, Parallel.DEFAULT_GRAIN / 8, (lo, hi) -> encrypt(key0, key1, in0, in1, out0, out1, lo, hi));
        return Vector.of(HostData.own(DType.U32, out0), HostData.own(DType.U32, out1));
    }

    private static void encrypt(int[] key0, int[] key1, int[] in0, int[] in1, int[] out0, int[] out1, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            int ks0 = key0[i], ks1 = key1[i], ks2 = ks0 ^ ks1 ^ PARITY;
            int a = in0[i] + ks0, b = in1[i] + ks1;
            // Five groups of four rounds, each followed by a key injection that adds its group number.
            a += b; b = Integer.rotateLeft(b, R0) ^ a;
            a += b; b = Integer.rotateLeft(b, R1) ^ a;
            a += b; b = Integer.rotateLeft(b, R2) ^ a;
            a += b; b = Integer.rotateLeft(b, R3) ^ a;
            a += ks1; b += ks2 + 1;
            a += b; b = Integer.rotateLeft(b, R4) ^ a;
            a += b; b = Integer.rotateLeft(b, R5) ^ a;
            a += b; b = Integer.rotateLeft(b, R6) ^ a;
            a += b; b = Integer.rotateLeft(b, R7) ^ a;
            a += ks2; b += ks0 + 2;
            a += b; b = Integer.rotateLeft(b, R0) ^ a;
            a += b; b = Integer.rotateLeft(b, R1) ^ a;
            a += b; b = Integer.rotateLeft(b, R2) ^ a;
            a += b; b = Integer.rotateLeft(b, R3) ^ a;
            a += ks0; b += ks1 + 3;
            a += b; b = Integer.rotateLeft(b, R4) ^ a;
            a += b; b = Integer.rotateLeft(b, R5) ^ a;
            a += b; b = Integer.rotateLeft(b, R6) ^ a;
            a += b; b = Integer.rotateLeft(b, R7) ^ a;
            a += ks1; b += ks2 + 4;
            a += b; b = Integer.rotateLeft(b, R0) ^ a;
            a += b; b = Integer.rotateLeft(b, R1) ^ a;
            a += b; b = Integer.rotateLeft(b, R2) ^ a;
            a += b; b = Integer.rotateLeft(b, R3) ^ a;
            a += ks2; b += ks0 + 5;
            out0[i] = a;
            out1[i] = b;
        }
    }
}
