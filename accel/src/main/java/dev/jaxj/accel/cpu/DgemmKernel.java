package dev.jaxj.accel.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner kernel of the f64 GEMM: a block of {@value #MR} rows by two vectors
 * of columns of the tile's accumulators stays in registers for a whole {@code k} block, each
 * step reading two vectors of {@code B} and {@value #MR} scalars of {@code A}, both from packed
 * panels in order, for {@code 2·MR} fused multiply-adds. Accumulating through memory, as a plain loop does, spends a
 * load and a store on every multiply-add and runs at a fraction of the FMA units' rate.
 */
final class DgemmKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int MR = 4;
    /** Columns per register block: two vectors. */
    static final int NR = 2 * S.length();

    private DgemmKernel() {}

    /**
     * {@code acc[ci + i·ldc + j] += Σ_kk A[i, kk] · B[kk, j]} for {@code i < MR}, {@code j < NR},
     * {@code kk < kc}, from packed panels: {@code ap[ai + kk·MR + i]} and {@code bp[bi + kk·NR + j]}.
     */
    static void block(int kc, double[] ap, int ai, double[] bp, int bi, double[] acc, int ci, int ldc) {
        int l = S.length();
        int r0 = ci, r1 = ci + ldc, r2 = ci + 2 * ldc, r3 = ci + 3 * ldc;
        DoubleVector c00 = DoubleVector.fromArray(S, acc, r0), c01 = DoubleVector.fromArray(S, acc, r0 + l);
        DoubleVector c10 = DoubleVector.fromArray(S, acc, r1), c11 = DoubleVector.fromArray(S, acc, r1 + l);
        DoubleVector c20 = DoubleVector.fromArray(S, acc, r2), c21 = DoubleVector.fromArray(S, acc, r2 + l);
        DoubleVector c30 = DoubleVector.fromArray(S, acc, r3), c31 = DoubleVector.fromArray(S, acc, r3 + l);
        for (int kk = 0; kk < kc; kk++, ai += MR, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi), b1 = DoubleVector.fromArray(S, bp, bi + l);
            DoubleVector x0 = DoubleVector.broadcast(S, ap[ai]), x1 = DoubleVector.broadcast(S, ap[ai + 1]);
            DoubleVector x2 = DoubleVector.broadcast(S, ap[ai + 2]), x3 = DoubleVector.broadcast(S, ap[ai + 3]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
        }
        c00.intoArray(acc, r0);
        c01.intoArray(acc, r0 + l);
        c10.intoArray(acc, r1);
        c11.intoArray(acc, r1 + l);
        c20.intoArray(acc, r2);
        c21.intoArray(acc, r2 + l);
        c30.intoArray(acc, r3);
        c31.intoArray(acc, r3 + l);
    }
}
