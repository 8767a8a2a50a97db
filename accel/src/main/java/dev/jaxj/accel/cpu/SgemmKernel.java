package dev.jaxj.accel.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The f32 micro-kernel: one {@link #MR} x {@link #NR} block of {@code C} from an A panel
 * ({@link #MR} rows, column after column) and a B panel ({@link #NR} columns, row after row),
 * both packed by {@link SgemmPacking} with zeros past the matrix edges.
 *
 * <p>Each step {@code p} loads the B vectors of row {@code p} once and multiplies them with
 * each A value of the column, broadcast, into accumulators held in registers: enough
 * independent fused multiply-adds to cover the FMA latency on both pipes. The block shape
 * follows the register file:
 * <ul>
 *   <li>16 vector registers (AVX2): 3 rows x 3 vectors, nine accumulators. BLIS's 6 x 2 needs
 *       twelve, which with the two B vectors and the broadcasts C2 keeps in flight is more than
 *       16; the one C2 spills becomes a store-to-load chain that halves the kernel's speed
 *       (about 48 against 100 GFLOP/s per core, measured on a Zen 4 with {@code -XX:UseAVX=2}).
 *   <li>32 vector registers (AVX-512): 12 rows x 2 vectors, 24 accumulators, the two B
 *       vectors and a broadcast: 29 registers. Against 6 x 2 it halves the B loads per FMA and
 *       the passes over each B panel: on a Zen 5 core the micro-kernel alone measured 216-242
 *       GFLOP/s against 183-233 for 6 x 2 (ten runs each, of a 255 GFLOP/s peak).
 * </ul>
 * C is read and written once per call, not once per step.
 */
final class SgemmKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** 512-bit vectors mean AVX-512 (or SVE), and so 32 vector registers. */
    private static final boolean WIDE = L >= 16;
    static final int MR = WIDE ? 12 : 3, NR = (WIDE ? 2 : 3) * L;

    private SgemmKernel() {}

    /**
     * {@code C[i, j] (+)= sum_p A[i, p] * B[p, j]} for the {@code rows x cols} corner of the
     * block at {@code c[ci]} (row stride {@code ldc}); {@code accumulate} adds to C, else
     * overwrites it. {@code edge} ({@link #MR} x {@link #NR} floats) is scratch for partial blocks.
     */
    static void block(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc,
                      boolean accumulate, int rows, int cols, float[] edge) {
        boolean full = rows == MR && cols == NR;
        if (WIDE) block12x2(kc, ap, ai, bp, bi, full ? c : edge, full ? ci : 0, full ? ldc : NR, full && accumulate);
        else block3x3(kc, ap, ai, bp, bi, full ? c : edge, full ? ci : 0, full ? ldc : NR, full && accumulate);
        if (!full) mergeEdge(edge, c, ci, ldc, accumulate, rows, cols);
    }

    private static void block3x3(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean add) {
        var z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z, c20 = z, c21 = z, c22 = z;
        for (int p = 0; p < kc; p++, ai += 3, bi += 3 * L) {
            var b0 = FloatVector.fromArray(S, bp, bi);
            var b1 = FloatVector.fromArray(S, bp, bi + L);
            var b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            var a = FloatVector.broadcast(S, ap[ai]);
            c00 = b0.fma(a, c00);
            c01 = b1.fma(a, c01);
            c02 = b2.fma(a, c02);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = b0.fma(a, c10);
            c11 = b1.fma(a, c11);
            c12 = b2.fma(a, c12);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = b0.fma(a, c20);
            c21 = b1.fma(a, c21);
            c22 = b2.fma(a, c22);
        }
        store(c, ci, add, c00, c01, c02);
        store(c, ci + ldc, add, c10, c11, c12);
        store(c, ci + 2 * ldc, add, c20, c21, c22);
    }

    private static void block12x2(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean add) {
        var z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z,
                c60 = z, c61 = z, c70 = z, c71 = z, c80 = z, c81 = z, c90 = z, c91 = z, c100 = z, c101 = z, c110 = z, c111 = z;
        for (int p = 0; p < kc; p++) {
            int a0 = ai + 12 * p, b0i = bi + 2 * L * p;
            var b0 = FloatVector.fromArray(S, bp, b0i);
            var b1 = FloatVector.fromArray(S, bp, b0i + L);
            var a = FloatVector.broadcast(S, ap[a0]);
            c00 = b0.fma(a, c00);
            c01 = b1.fma(a, c01);
            a = FloatVector.broadcast(S, ap[a0 + 1]);
            c10 = b0.fma(a, c10);
            c11 = b1.fma(a, c11);
            a = FloatVector.broadcast(S, ap[a0 + 2]);
            c20 = b0.fma(a, c20);
            c21 = b1.fma(a, c21);
            a = FloatVector.broadcast(S, ap[a0 + 3]);
            c30 = b0.fma(a, c30);
            c31 = b1.fma(a, c31);
            a = FloatVector.broadcast(S, ap[a0 + 4]);
            c40 = b0.fma(a, c40);
            c41 = b1.fma(a, c41);
            a = FloatVector.broadcast(S, ap[a0 + 5]);
            c50 = b0.fma(a, c50);
            c51 = b1.fma(a, c51);
            a = FloatVector.broadcast(S, ap[a0 + 6]);
            c60 = b0.fma(a, c60);
            c61 = b1.fma(a, c61);
            a = FloatVector.broadcast(S, ap[a0 + 7]);
            c70 = b0.fma(a, c70);
            c71 = b1.fma(a, c71);
            a = FloatVector.broadcast(S, ap[a0 + 8]);
            c80 = b0.fma(a, c80);
            c81 = b1.fma(a, c81);
            a = FloatVector.broadcast(S, ap[a0 + 9]);
            c90 = b0.fma(a, c90);
            c91 = b1.fma(a, c91);
            a = FloatVector.broadcast(S, ap[a0 + 10]);
            c100 = b0.fma(a, c100);
            c101 = b1.fma(a, c101);
            a = FloatVector.broadcast(S, ap[a0 + 11]);
            c110 = b0.fma(a, c110);
            c111 = b1.fma(a, c111);
        }
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, ci));
            c01 = c01.add(FloatVector.fromArray(S, c, ci + L));
            c10 = c10.add(FloatVector.fromArray(S, c, ci + ldc));
            c11 = c11.add(FloatVector.fromArray(S, c, ci + ldc + L));
            c20 = c20.add(FloatVector.fromArray(S, c, ci + 2 * ldc));
            c21 = c21.add(FloatVector.fromArray(S, c, ci + 2 * ldc + L));
            c30 = c30.add(FloatVector.fromArray(S, c, ci + 3 * ldc));
            c31 = c31.add(FloatVector.fromArray(S, c, ci + 3 * ldc + L));
            c40 = c40.add(FloatVector.fromArray(S, c, ci + 4 * ldc));
            c41 = c41.add(FloatVector.fromArray(S, c, ci + 4 * ldc + L));
            c50 = c50.add(FloatVector.fromArray(S, c, ci + 5 * ldc));
            c51 = c51.add(FloatVector.fromArray(S, c, ci + 5 * ldc + L));
            c60 = c60.add(FloatVector.fromArray(S, c, ci + 6 * ldc));
            c61 = c61.add(FloatVector.fromArray(S, c, ci + 6 * ldc + L));
            c70 = c70.add(FloatVector.fromArray(S, c, ci + 7 * ldc));
            c71 = c71.add(FloatVector.fromArray(S, c, ci + 7 * ldc + L));
            c80 = c80.add(FloatVector.fromArray(S, c, ci + 8 * ldc));
            c81 = c81.add(FloatVector.fromArray(S, c, ci + 8 * ldc + L));
            c90 = c90.add(FloatVector.fromArray(S, c, ci + 9 * ldc));
            c91 = c91.add(FloatVector.fromArray(S, c, ci + 9 * ldc + L));
            c100 = c100.add(FloatVector.fromArray(S, c, ci + 10 * ldc));
            c101 = c101.add(FloatVector.fromArray(S, c, ci + 10 * ldc + L));
            c110 = c110.add(FloatVector.fromArray(S, c, ci + 11 * ldc));
            c111 = c111.add(FloatVector.fromArray(S, c, ci + 11 * ldc + L));
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + L);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + L);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + L);
        c40.intoArray(c, ci + 4 * ldc);
        c41.intoArray(c, ci + 4 * ldc + L);
        c50.intoArray(c, ci + 5 * ldc);
        c51.intoArray(c, ci + 5 * ldc + L);
        c60.intoArray(c, ci + 6 * ldc);
        c61.intoArray(c, ci + 6 * ldc + L);
        c70.intoArray(c, ci + 7 * ldc);
        c71.intoArray(c, ci + 7 * ldc + L);
        c80.intoArray(c, ci + 8 * ldc);
        c81.intoArray(c, ci + 8 * ldc + L);
        c90.intoArray(c, ci + 9 * ldc);
        c91.intoArray(c, ci + 9 * ldc + L);
        c100.intoArray(c, ci + 10 * ldc);
        c101.intoArray(c, ci + 10 * ldc + L);
        c110.intoArray(c, ci + 11 * ldc);
        c111.intoArray(c, ci + 11 * ldc + L);
    }

    /** Writes (or adds to) one row of C, vector by vector (not varargs: an array would box the vectors). */
    private static void store(float[] c, int ci, boolean add, FloatVector x0, FloatVector x1, FloatVector x2) {
        store(c, ci, add, x0);
        store(c, ci + L, add, x1);
        store(c, ci + 2 * L, add, x2);
    }

    private static void store(float[] c, int ci, boolean add, FloatVector x) {
        (add ? x.add(FloatVector.fromArray(S, c, ci)) : x).intoArray(c, ci);
    }

    private static void mergeEdge(float[] edge, float[] c, int ci, int ldc, boolean accumulate, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int row = ci + r * ldc;
            for (int j = 0; j < cols; j++) c[row + j] = accumulate ? c[row + j] + edge[r * NR + j] : edge[r * NR + j];
        }
    }
}
