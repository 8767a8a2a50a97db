package dev.jaxj.accel.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The f32 micro-kernel: one {@value #MR} x {@link #NR} block of {@code C} from an A panel
 * ({@value #MR} rows, column after column) and a B panel ({@link #NR} columns, three vectors,
 * row after row), both packed by {@link SgemmPacking} with zeros past the matrix edges.
 *
 * <p>Each step {@code p} loads the three B vectors of row {@code p} once and multiplies them
 * with each of the three A values, broadcast: nine independent fused multiply-adds into nine
 * accumulators held in registers, enough to cover the FMA latency on both pipes. Why 3 x 3
 * vectors and not BLIS's 6 x 2: with the two B vectors and the broadcasts C2 keeps in flight,
 * twelve accumulators need more than the 16 AVX2 registers, and the one C2 spills turns into a
 * store-to-load chain that halves the kernel's speed (about 48 against 100 GFLOP/s per core,
 * measured on a Zen 4 with {@code -XX:UseAVX=2}); 3 x 3 needs 13, and with AVX-512's 32
 * registers it is as fast as 6 x 2.
 * C is read and written once per call, not once per step.
 */
final class SgemmKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final int MR = 3, NR = 3 * L;

    private SgemmKernel() {}

    /**
     * {@code C[i, j] (+)= sum_p A[i, p] * B[p, j]} for the {@code rows x cols} corner of the
     * block at {@code c[ci]} (row stride {@code ldc}); {@code accumulate} adds to C, else
     * overwrites it. {@code edge} ({@value #MR} x {@link #NR} floats) is scratch for partial blocks.
     */
    static void block(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc,
                      boolean accumulate, int rows, int cols, float[] edge) {
        var z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z, c20 = z, c21 = z, c22 = z;
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
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
        boolean full = rows == MR && cols == NR;
        float[] out = full ? c : edge;
        int o = full ? ci : 0, ld = full ? ldc : NR;
        boolean add = full && accumulate;
        store(out, o, add, c00, c01, c02);
        store(out, o + ld, add, c10, c11, c12);
        store(out, o + 2 * ld, add, c20, c21, c22);
        if (!full) mergeEdge(edge, c, ci, ldc, accumulate, rows, cols);
    }

    private static void store(float[] c, int ci, boolean add, FloatVector x0, FloatVector x1, FloatVector x2) {
        if (add) {
            x0 = x0.add(FloatVector.fromArray(S, c, ci));
            x1 = x1.add(FloatVector.fromArray(S, c, ci + L));
            x2 = x2.add(FloatVector.fromArray(S, c, ci + 2 * L));
        }
        x0.intoArray(c, ci);
        x1.intoArray(c, ci + L);
        x2.intoArray(c, ci + 2 * L);
    }

    private static void mergeEdge(float[] edge, float[] c, int ci, int ldc, boolean accumulate, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int row = ci + r * ldc;
            for (int j = 0; j < cols; j++) c[row + j] = accumulate ? c[row + j] + edge[r * NR + j] : edge[r * NR + j];
        }
    }
}
