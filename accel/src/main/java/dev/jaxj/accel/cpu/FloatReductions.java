package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HeapArrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * f32 reductions over the middle axis of an {@code [outer, n, inner]} view, on the
 * {@code float[]} directly.
 *
 * <p>Rows ({@code inner == 1}) run four independent vector accumulators, so the adds pipeline, and fold
 * each block of {@value #BLOCK} elements into a {@code double}: long rows keep ~1e-7 relative
 * accuracy. Columns accumulate each lane in a {@code double[]}: exact for max and min, more
 * accurate for sums and products, and HotSpot vectorises it (a float scratch array could alias
 * the input as far as the JIT knows, which blocks vectorisation).
 */
final class FloatReductions {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 1024;

    private FloatReductions() {}

    static float[] reduce(Monoid op, float[] x, int outer, int n, int inner) {
        float[] out = HeapArrays.floats(outer * inner);
        if (inner == 1) rows(op, x, outer, n, out);
        else columns(op, x, LaneTiles.of(outer, n, inner), out);
        return out;
    }

    private static void rows(Monoid op, float[] x, int rows, int n, float[] out) {
        int workers = Parallel.workers();
        long work = (long) rows * n;
        if (rows >= 2 * workers || work < 2L * Parallel.DEFAULT_GRAIN) {
            int grain = Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1, n));
            Parallel.forRange(rows, grain, (lo, hi) -> {
                for (int r = lo; r < hi; r++) out[r] = (float) range(op, x, r * n, n);
            });
            return;
        }
        // A few long rows: every worker folds a piece of a row, then the pieces are combined.
        int pieces = Math.min(2 * workers, Math.max(1, n / BLOCK));
        double[] partial = HeapArrays.doubles(rows * pieces);
        Parallel.forRange(rows * pieces, 1, (lo, hi) -> {
            for (int t = lo; t < hi; t++) {
                int r = t / pieces, q = t % pieces;
                int from = (int) ((long) n * q / pieces), to = (int) ((long) n * (q + 1) / pieces);
                partial[t] = range(op, x, r * n + from, to - from);
            }
        });
        var combine = op.doubleOp();
        for (int r = 0; r < rows; r++) {
            double acc = op.floatIdentity();
            for (int q = 0; q < pieces; q++) acc = combine.applyAsDouble(acc, partial[r * pieces + q]);
            out[r] = (float) acc;
        }
    }

    /** {@return the fold of {@code x[from, from + len)}, in double} */
    private static double range(Monoid op, float[] x, int from, int len) {
        return switch (op) {
            case SUM -> {
                double total = 0;
                for (int i = from, end = from + len; i < end; i += BLOCK) total += sumBlock(x, i, Math.min(BLOCK, end - i));
                yield total;
            }
            case PROD -> {
                float p0 = 1, p1 = 1, p2 = 1, p3 = 1;
                int i = from, end = from + len;
                for (; i + 4 <= end; i += 4) {
                    p0 *= x[i];
                    p1 *= x[i + 1];
                    p2 *= x[i + 2];
                    p3 *= x[i + 3];
                }
                for (; i < end; i++) p0 *= x[i];
                yield (double) (p0 * p1) * (double) (p2 * p3);
            }
            case MAX -> {
                float m0 = Float.NEGATIVE_INFINITY, m1 = m0, m2 = m0, m3 = m0;
                int i = from, end = from + len;
                for (; i + 4 <= end; i += 4) {
                    m0 = Math.max(m0, x[i]);
                    m1 = Math.max(m1, x[i + 1]);
                    m2 = Math.max(m2, x[i + 2]);
                    m3 = Math.max(m3, x[i + 3]);
                }
                for (; i < end; i++) m0 = Math.max(m0, x[i]);
                yield Math.max(Math.max(m0, m1), Math.max(m2, m3));
            }
            case MIN -> {
                float m0 = Float.POSITIVE_INFINITY, m1 = m0, m2 = m0, m3 = m0;
                int i = from, end = from + len;
                for (; i + 4 <= end; i += 4) {
                    m0 = Math.min(m0, x[i]);
                    m1 = Math.min(m1, x[i + 1]);
                    m2 = Math.min(m2, x[i + 2]);
                    m3 = Math.min(m3, x[i + 3]);
                }
                for (; i < end; i++) m0 = Math.min(m0, x[i]);
                yield Math.min(Math.min(m0, m1), Math.min(m2, m3));
            }
            case AND, OR -> throw new IllegalStateException(op + " is not defined on f32");
        };
    }

    /**
     * Four vector accumulators over at most {@value #BLOCK} elements: fast, and short enough to
     * stay accurate (each lane adds at most {@code BLOCK / (4 * lanes)} elements). Scalar
     * accumulators, which HotSpot does not vectorise, ran at a quarter of the speed.
     */
    private static float sumBlock(float[] x, int from, int len) {
        var z = FloatVector.zero(S);
        FloatVector s0 = z, s1 = z, s2 = z, s3 = z;
        int i = from, end = from + len;
        for (; i + 4 * L <= end; i += 4 * L) {
            s0 = s0.add(FloatVector.fromArray(S, x, i));
            s1 = s1.add(FloatVector.fromArray(S, x, i + L));
            s2 = s2.add(FloatVector.fromArray(S, x, i + 2 * L));
            s3 = s3.add(FloatVector.fromArray(S, x, i + 3 * L));
        }
        for (; i + L <= end; i += L) s0 = s0.add(FloatVector.fromArray(S, x, i));
        float total = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < end; i++) total += x[i];
        return total;
    }

    private static void columns(Monoid op, float[] x, LaneTiles v, float[] out) {
        double identity = op.floatIdentity();
        v.run((lo, hi) -> {
            double[] acc = new double[v.width()];
            for (int t = lo; t < hi; t++) {
                int o = v.o(t), j0 = v.j0(t), w = v.j1(t) - j0;
                java.util.Arrays.fill(acc, 0, w, identity);
                for (int r = 0; r < v.n(); r++) fold(op, x, v.at(o, r, j0), acc, w);
                int dst = o * v.inner() + j0;
                for (int j = 0; j < w; j++) out[dst + j] = (float) acc[j];
            }
        });
    }

    /** {@code acc[j] = op(acc[j], x[base + j])} for {@code j < w}. */
    static void fold(Monoid op, float[] x, int base, double[] acc, int w) {
        switch (op) {
            case SUM -> { for (int j = 0; j < w; j++) acc[j] += x[base + j]; }
            case PROD -> { for (int j = 0; j < w; j++) acc[j] *= x[base + j]; }
            case MAX -> { for (int j = 0; j < w; j++) acc[j] = Math.max(acc[j], x[base + j]); }
            case MIN -> { for (int j = 0; j < w; j++) acc[j] = Math.min(acc[j], x[base + j]); }
            case AND, OR -> throw new IllegalStateException(op + " is not defined on f32");
        }
    }
}
