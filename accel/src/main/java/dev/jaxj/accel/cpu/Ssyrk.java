package dev.jaxj.accel.cpu;

import static dev.jaxj.accel.cpu.SgemmKernel.MR;
import static dev.jaxj.accel.cpu.SgemmKernel.NR;

/**
 * The f32 symmetric rank-k update of a lower triangle, {@code C -= X X^T} (BLAS's
 * {@code ssyrk}), on {@link SgemmKernel}: the trailing update of a blocked Cholesky, where its
 * time goes. Unlike a product through {@link Sgemm}, it
 * <ul>
 *   <li>visits only the register blocks that reach the lower triangle, half the work;
 *   <li>accumulates into {@code C} where it lies (any row stride), with no product to allocate
 *       and subtract afterwards: {@code -X} is what is packed;
 *   <li>forks once, splitting the rows where the triangle's area halves rather than in equal
 *       halves, since row {@code i} costs {@code i}.
 * </ul>
 * Blocks on the diagonal also write a few elements above it; the Cholesky zeroes that triangle
 * at the end.
 */
final class Ssyrk {
    /** Below this many multiply-adds the update runs on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 20;

    private Ssyrk() {}

    /**
     * {@code c[ci + i * ldc + j] -= sum_p x[p, i] x[p, j]} for {@code 0 <= j <= i < m}, with
     * {@code X^T} given row-major as {@code xt [k, m]} (doubles, rounded to f32 here).
     */
    static void subtractLower(double[] xt, int k, int m, float[] c, int ci, int ldc) {
        if (m == 0 || k == 0) return;
        int rowPanels = Math.ceilDiv(m, MR), colPanels = Math.ceilDiv(m, NR);
        float[] ap = new float[rowPanels * MR * k], bp = new float[colPanels * NR * k];
        // Both packings read X^T row by row; the panels interleave MR (A) or NR (B) of its columns.
        for (int p = 0; p < k; p++) {
            int row = p * m;
            for (int i = 0; i < m; i++) {
                float x = (float) xt[row + i];
                ap[i / MR * MR * k + p * MR + i % MR] = -x;
                bp[i / NR * NR * k + p * NR + i % NR] = x;
            }
        }
        int chunks = (long) m * m * k / 2 < PARALLEL_WORK ? 1 : Math.min(Parallel.workers(), rowPanels);
        Parallel.forRange(chunks, 1, (lo, hi) -> {
            float[] edge = new float[MR * NR];
            for (int chunk = lo; chunk < hi; chunk++) {
                int first = cut(rowPanels, chunk, chunks), last = cut(rowPanels, chunk + 1, chunks);
                update(k, m, ap, bp, c, ci, ldc, first, last, edge);
            }
        });
    }

    /** {@return the first row panel of chunk {@code chunk}}: chunks of equal triangle area */
    private static int cut(int rowPanels, int chunk, int chunks) {
        return (int) Math.round(rowPanels * Math.sqrt((double) chunk / chunks));
    }

    /** Row panels {@code [first, last)}: each B panel (in L1) against the A panels of this range that reach it. */
    private static void update(int k, int m, float[] ap, float[] bp, float[] c, int ci, int ldc, int first, int last, float[] edge) {
        if (first >= last) return;
        int lastRow = Math.min(m, last * MR) - 1, colPanels = lastRow / NR + 1;
        for (int jp = 0; jp < colPanels; jp++) {
            int j0 = jp * NR, cols = Math.min(NR, m - j0);
            // The first row panel whose last row reaches column j0.
            int from = Math.max(first, j0 / MR);
            for (int ip = from; ip < last; ip++) {
                int i0 = ip * MR;
                SgemmKernel.block(k, ap, ip * MR * k, bp, jp * NR * k, c, ci + i0 * ldc + j0, ldc, true,
                        Math.min(MR, m - i0), cols, edge);
            }
        }
    }
}
