package dev.jaxj.accel.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import static dev.jaxj.accel.cpu.SgemmKernel.MR;
import static dev.jaxj.accel.cpu.SgemmKernel.NR;
import static dev.jaxj.accel.cpu.SgemmKernel.S;

/**
 * Copies blocks of the operands into the order {@link SgemmKernel} reads them, so that its
 * loads are contiguous whatever the operands' layout:
 * {@snippet lang=text :
 * A panel: MR rows x kc,  stored p-major: A[i0, p], A[i0+1, p], ..., A[i0+MR-1, p], A[i0, p+1], ...
 * B panel: kc x NR cols,  stored p-major: B[p, j0], B[p, j0+1], ..., B[p, j0+NR-1], B[p+1, j0], ...
 * }
 * Rows and columns past the matrix edge are packed as zeros, so the kernel never needs a
 * partial-width load. Either operand may be stored transposed ({@code A} as {@code [k, m]},
 * {@code B} as {@code [n, k]}); packing is where that costs nothing extra.
 */
final class SgemmPacking {
    /** The narrowest vector that holds an A step of {@link SgemmKernel#MR} floats. */
    private static final VectorSpecies<Float> STEP = MR <= 4 ? FloatVector.SPECIES_128 : MR <= 8 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_512;

    private SgemmPacking() {}

    /**
     * Packs rows {@code [i0, i1)} and depth {@code [p0, p0 + kc)} of the {@code [m, k]} matrix
     * {@code A} at {@code a[base]} into panels of {@value SgemmKernel#MR} rows at {@code ap[0]}.
     */
    static void packA(float[] a, int base, int m, int k, boolean transposed, int i0, int i1, int p0, int kc, float[] ap) {
        for (int ip = i0, off = 0; ip < i1; ip += MR, off += MR * kc) {
            int rows = Math.min(MR, i1 - ip);
            if (transposed) {
                packTransposedA(a, base + p0 * m + ip, m, rows, kc, ap, off);
            } else {
                for (int r = 0; r < MR; r++) {
                    int src = base + (ip + r) * k + p0, dst = off + r;
                    if (r < rows) {
                        for (int p = 0; p < kc; p++) ap[dst + p * MR] = a[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) ap[dst + p * MR] = 0f;
                    }
                }
            }
        }
    }

    /**
     * One panel of a transposed A: step {@code p} is the {@code rows} floats at
     * {@code a[src + p * m]}, zero-padded to {@link SgemmKernel#MR}. A full panel moves each step
     * as one {@link #STEP}-lane vector: its lanes past MR spill into the next step's slot, which
     * that step then overwrites, so only the last step (whose spill would leave the panel) and
     * partial panels go float by float.
     */
    private static void packTransposedA(float[] a, int src, int m, int rows, int kc, float[] ap, int off) {
        int p = 0;
        if (rows == MR) {
            for (; p < kc - 1 && src + p * m + STEP.length() <= a.length; p++) {
                FloatVector.fromArray(STEP, a, src + p * m).intoArray(ap, off + p * MR);
            }
        }
        for (; p < kc; p++) {
            for (int r = 0; r < MR; r++) ap[off + p * MR + r] = r < rows ? a[src + p * m + r] : 0f;
        }
    }

    /**
     * Packs columns {@code [j0, j0 + NR)} (zeros past {@code n}) and depth {@code [p0, p0 + kc)}
     * of the {@code [k, n]} matrix {@code B} at {@code b[base]} into one panel at {@code bp[off]}.
     */
    static void packB(float[] b, int base, int k, int n, boolean transposed, int j0, int p0, int kc, float[] bp, int off) {
        int cols = Math.min(NR, n - j0);
        if (transposed) {
            // B[p, j] = b[base + j * k + p]: read each column's run of kc values.
            for (int j = 0; j < NR; j++) {
                int src = base + (j0 + j) * k + p0, dst = off + j;
                if (j < cols) {
                    for (int p = 0; p < kc; p++) bp[dst + p * NR] = b[src + p];
                } else {
                    for (int p = 0; p < kc; p++) bp[dst + p * NR] = 0f;
                }
            }
        } else if (cols == NR) {
            for (int p = 0; p < kc; p++) {
                int src = base + (p0 + p) * n + j0, dst = off + p * NR;
                for (int v = 0; v < NR; v += S.length()) FloatVector.fromArray(S, b, src + v).intoArray(bp, dst + v);
            }
        } else {
            for (int p = 0; p < kc; p++) {
                int src = base + (p0 + p) * n + j0, dst = off + p * NR;
                for (int j = 0; j < NR; j++) bp[dst + j] = j < cols ? b[src + j] : 0f;
            }
        }
    }
}
