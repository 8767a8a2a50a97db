package dev.jaxj.accel.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner kernel of the f64 GEMM: a block of {@value #MR} rows by two vectors
 * of columns of the tile's accumulators stays in registers for a whole {@code k} block, each
 * step reading two vectors of {@code B} and {@value #MR} scalars of {@code A} for
 * {@code 2·MR} fused multiply-adds. Accumulating through memory, as a plain loop does, spends a
 * load and a store on every multiply-add and runs at a fraction of the FMA units' rate.
 */
final class DgemmKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int MR = 4;
    /** Columns per register block: two vectors. */
    static final int NR = 2 * S.length();

    private DgemmKernel() {}

    /**
     * {@code acc[r0 + i][j0 .. j0+NR) += Σ_kk a[aRow + i·k + kk] · panel[kk][j0 ..]} for
     * {@code i < MR}, {@code kk < kc}; {@code k} is {@code A}'s row length.
     */
    static void block(double[][] acc, int r0, int j0, double[] a, int aRow, int k, double[][] panel, int kc) {
        int l = S.length();
        double[] acc0 = acc[r0], acc1 = acc[r0 + 1], acc2 = acc[r0 + 2], acc3 = acc[r0 + 3];
        DoubleVector c00 = DoubleVector.fromArray(S, acc0, j0), c01 = DoubleVector.fromArray(S, acc0, j0 + l);
        DoubleVector c10 = DoubleVector.fromArray(S, acc1, j0), c11 = DoubleVector.fromArray(S, acc1, j0 + l);
        DoubleVector c20 = DoubleVector.fromArray(S, acc2, j0), c21 = DoubleVector.fromArray(S, acc2, j0 + l);
        DoubleVector c30 = DoubleVector.fromArray(S, acc3, j0), c31 = DoubleVector.fromArray(S, acc3, j0 + l);
        int a0 = aRow, a1 = aRow + k, a2 = aRow + 2 * k, a3 = aRow + 3 * k;
        for (int kk = 0; kk < kc; kk++) {
            double[] b = panel[kk];
            DoubleVector b0 = DoubleVector.fromArray(S, b, j0), b1 = DoubleVector.fromArray(S, b, j0 + l);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + kk]), x1 = DoubleVector.broadcast(S, a[a1 + kk]);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + kk]), x3 = DoubleVector.broadcast(S, a[a3 + kk]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
        }
        c00.intoArray(acc0, j0);
        c01.intoArray(acc0, j0 + l);
        c10.intoArray(acc1, j0);
        c11.intoArray(acc1, j0 + l);
        c20.intoArray(acc2, j0);
        c21.intoArray(acc2, j0 + l);
        c30.intoArray(acc3, j0);
        c31.intoArray(acc3, j0 + l);
    }
}
