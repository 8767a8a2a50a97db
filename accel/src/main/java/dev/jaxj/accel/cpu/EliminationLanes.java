package dev.jaxj.accel.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The f64 vector loops of the elimination kernels (Cholesky, LU, triangular solves), on the
 * Vector API. Their panels are {@code double[]} copies in which the updated row and the row it
 * is updated from are two ranges of one array: HotSpot must assume such ranges may overlap and
 * leaves the loop scalar, which made the panels most of a factorization's time.
 */
final class EliminationLanes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private EliminationLanes() {}

    /** {@code y[yi..yi+len) -= a * x[xi..xi+len)}; the ranges may be of one array but must not overlap. */
    static void subtractScaled(double[] y, int yi, double a, double[] x, int xi, int len) {
        int i = 0, bound = S.loopBound(len);
        if (bound > 0) {
            DoubleVector av = DoubleVector.broadcast(S, -a);
            for (; i < bound; i += S.length()) {
                DoubleVector.fromArray(S, x, xi + i).fma(av, DoubleVector.fromArray(S, y, yi + i)).intoArray(y, yi + i);
            }
        }
        for (; i < len; i++) y[yi + i] -= a * x[xi + i];
    }

    /**
     * Solves {@code T X = B} in place on {@code x [ib, n]} (row-major) for the triangular
     * {@code t [ib, ib]} (row-major, lower: forward substitution; upper: backward), dividing by
     * the diagonal unless {@code unit}. Columns are taken {@value #CHUNK} vectors at a time and a
     * row's chunk is kept in registers while the rows already solved are subtracted from it, so
     * each of those rows costs one load per vector instead of a load and a store.
     */
    static void substitute(double[] t, double[] x, int ib, int n, boolean lower, boolean unit) {
        int width = CHUNK * S.length(), chunks = n / width;
        // Column chunks are independent; split them over the workers once there is enough work per hand-off.
        long chunkWork = (long) ib * ib / 2 * width;
        int grain = (int) Math.max(1, Math.min(chunks, PARALLEL_WORK / Math.max(1, chunkWork)));
        Parallel.forRange(chunks, grain, (lo, hi) -> {
            for (int c = lo; c < hi; c++) substituteChunk(t, x, ib, n, lower, unit, c * width);
        });
        for (int j = chunks * width; j < n; j++) {
            for (int s = 0; s < ib; s++) {
                int i = lower ? s : ib - 1 - s, from = lower ? 0 : i + 1, to = lower ? i : ib;
                double v = x[i * n + j];
                for (int q = from; q < to; q++) v = Math.fma(-t[i * ib + q], x[q * n + j], v);
                // Division, not a multiplication by the reciprocal: the one rounding of LAPACK's trsm.
                x[i * n + j] = unit ? v : v / t[i * ib + i];
            }
        }
    }

    private static final int CHUNK = 4;
    /** Multiply-adds below which a substitution runs on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 17;

    private static void substituteChunk(double[] t, double[] x, int ib, int n, boolean lower, boolean unit, int j) {
        int step = S.length();
        for (int s = 0; s < ib; s++) {
            int i = lower ? s : ib - 1 - s, from = lower ? 0 : i + 1, to = lower ? i : ib, row = i * n + j;
            DoubleVector a0 = DoubleVector.fromArray(S, x, row), a1 = DoubleVector.fromArray(S, x, row + step),
                    a2 = DoubleVector.fromArray(S, x, row + 2 * step), a3 = DoubleVector.fromArray(S, x, row + 3 * step);
            for (int q = from; q < to; q++) {
                DoubleVector m = DoubleVector.broadcast(S, -t[i * ib + q]);
                int r = q * n + j;
                a0 = DoubleVector.fromArray(S, x, r).fma(m, a0);
                a1 = DoubleVector.fromArray(S, x, r + step).fma(m, a1);
                a2 = DoubleVector.fromArray(S, x, r + 2 * step).fma(m, a2);
                a3 = DoubleVector.fromArray(S, x, r + 3 * step).fma(m, a3);
            }
            if (!unit) {
                double d = t[i * ib + i];
                a0 = a0.div(d);
                a1 = a1.div(d);
                a2 = a2.div(d);
                a3 = a3.div(d);
            }
            a0.intoArray(x, row);
            a1.intoArray(x, row + step);
            a2.intoArray(x, row + 2 * step);
            a3.intoArray(x, row + 3 * step);
        }
    }
}
