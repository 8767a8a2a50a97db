package dev.jaxj.accel.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * f32 convolution with unit stride along x, vectorised along the output rows: no im2col
 * matrix, no packing. Suits few channels (the first layer, and the input gradient of a layer
 * with few input channels), where im2col + GEMM moves far more memory than it multiplies.
 *
 * <p>A chunk is up to one vector of consecutive outputs of one row. The micro-kernel holds
 * {@value #OB} output features x {@value #CB} chunks in twelve accumulators; for each kernel
 * tap (input feature, i, j) it loads the {@value #CB} input vectors the chunks read (the
 * padded row of {@link Conv2d#pad}, shifted by the tap) and multiplies each with the
 * {@value #OB} weights, broadcast. The input vectors are shared across output features and the
 * weights across chunks, so each FMA costs well under one load.
 * {@snippet lang=text :
 * out[b, o, y, x0 + l] += rhs[o, f, i, j] * padded[b, f][y*sy + i*dy][x0 + l + j*dx]    l < lanes
 * }
 * Lanes past the end of a row compute from whatever follows it in the padded buffer (which has
 * a vector of slack at its end) and are not stored. Results go through a small scratch array:
 * full-vector stores only, whatever the output layout.
 */
final class DirectConv {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Output features and chunks per micro-kernel call. */
    private static final int OB = 3, CB = 4;

    private DirectConv() {}

    /**
     * {@return whether this kernel takes {@code c}} It needs unit x stride and output rows at
     * least half a vector wide. With many output and input features
     * im2col + GEMM reuses data better (measured on 8 x 128 x 28 x 28 with 3 x 3 kernels);
     * with up to 32 output features or up to 144 taps this kernel measured faster (2-7x for
     * the shapes of a small CNN's first layer and its input gradient).
     */
    static boolean fits(Conv2d c) {
        return c.strideX() == 1 && c.outW() >= Math.min(8, L) && (c.outFeatures() <= 32 || c.taps() <= 144);
    }

    static void run(Conv2d c, float[] lhs, float[] rhs, float[] out) {
        float[] w = packWeights(c, rhs);
        int[] taps = taps(c);
        int[][] chunks = chunks(c);
        int groups = Math.ceilDiv(chunks.length, CB), blocks = Math.ceilDiv(c.outFeatures(), OB);
        // Samples split into parts so that a small batch still occupies every worker.
        int parts = Math.min(groups, Math.max(1, Math.ceilDiv(2 * Parallel.workers(), c.batch())));
        long work = (long) c.batch() * c.outFeatures() * c.taps() * c.outH() * c.outW();
        int grain = work < (1 << 18) ? c.batch() * parts : 1;
        int planes = c.features() * c.planeSize();
        Parallel.forRange(c.batch() * parts, grain, (lo, hi) -> {
            float[] padded = new float[planes + L], scratch = new float[OB * CB * L];
            int sample = -1;
            for (int t = lo; t < hi; t++) {
                int b = t / parts, part = t % parts;
                if (b != sample) c.pad(lhs, sample = b, 0, c.features(), padded, 0);
                int outBase = b * c.out().lead();
                for (int g = groups * part / parts, end = groups * (part + 1) / parts; g < end; g++) {
                    for (int ob = 0; ob < blocks; ob++) block(c, padded, w, ob, taps, chunks, g * CB, out, outBase, scratch);
                }
            }
        });
    }

    /** Weights as {@code [O/OB][taps][OB]}, zero for the features past O in the last block. */
    private static float[] packWeights(Conv2d c, float[] rhs) {
        int taps = c.taps(), blocks = Math.ceilDiv(c.outFeatures(), OB);
        float[] w = new float[blocks * taps * OB];
        for (int o = 0; o < c.outFeatures(); o++) {
            int t = 0;
            for (int f = 0; f < c.features(); f++) {
                for (int i = 0; i < c.kH(); i++) {
                    for (int j = 0; j < c.kW(); j++, t++) {
                        w[(o / OB * taps + t) * OB + o % OB] = rhs[c.rhsIndex(o, f, i, j)];
                    }
                }
            }
        }
        return w;
    }

    /** {@return for each tap (f, i, j), its offset in the padded planes} */
    private static int[] taps(Conv2d c) {
        int[] taps = new int[c.taps()];
        int wp = c.paddedWidth(), t = 0;
        for (int f = 0; f < c.features(); f++) {
            for (int i = 0; i < c.kH(); i++) {
                for (int j = 0; j < c.kW(); j++) taps[t++] = f * c.planeSize() + i * c.dilY() * wp + j * c.dilX();
            }
        }
        return taps;
    }

    /**
     * {@return the chunks as (padded offset, output offset, lanes), padded with copies of the
     * last so that their count is a multiple of {@value #CB}} A copy stores the same values again.
     */
    private static int[][] chunks(Conv2d c) {
        int perRow = Math.ceilDiv(c.outW(), L), n = c.outH() * perRow;
        int[][] chunks = new int[Math.ceilDiv(n, CB) * CB][];
        for (int k = 0; k < chunks.length; k++) {
            int q = Math.min(k, n - 1), y = q / perRow, x = q % perRow * L;
            chunks[k] = new int[] {y * c.strideY() * c.paddedWidth() + x, y * c.out().y() + x * c.out().x(), Math.min(L, c.outW() - x)};
        }
        return chunks;
    }

    /** Output features {@code [ob*OB, ob*OB + OB)} of chunks {@code [k, k + CB)}, over every tap. */
    private static void block(Conv2d c, float[] x, float[] w, int ob, int[] taps, int[][] chunks, int k, float[] out, int outBase, float[] scratch) {
        int i0 = chunks[k][0], i1 = chunks[k + 1][0], i2 = chunks[k + 2][0], i3 = chunks[k + 3][0];
        var z = FloatVector.zero(S);
        FloatVector a00 = z, a01 = z, a02 = z, a03 = z, a10 = z, a11 = z, a12 = z, a13 = z, a20 = z, a21 = z, a22 = z, a23 = z;
        for (int t = 0, wi = ob * taps.length * OB; t < taps.length; t++, wi += OB) {
            int tap = taps[t];
            var x0 = FloatVector.fromArray(S, x, tap + i0);
            var x1 = FloatVector.fromArray(S, x, tap + i1);
            var x2 = FloatVector.fromArray(S, x, tap + i2);
            var x3 = FloatVector.fromArray(S, x, tap + i3);
            var v = FloatVector.broadcast(S, w[wi]);
            a00 = x0.fma(v, a00);
            a01 = x1.fma(v, a01);
            a02 = x2.fma(v, a02);
            a03 = x3.fma(v, a03);
            v = FloatVector.broadcast(S, w[wi + 1]);
            a10 = x0.fma(v, a10);
            a11 = x1.fma(v, a11);
            a12 = x2.fma(v, a12);
            a13 = x3.fma(v, a13);
            v = FloatVector.broadcast(S, w[wi + 2]);
            a20 = x0.fma(v, a20);
            a21 = x1.fma(v, a21);
            a22 = x2.fma(v, a22);
            a23 = x3.fma(v, a23);
        }
        // Full vectors only: masked stores here make C2 compile the whole kernel far worse.
        float[] r = scratch;
        a00.intoArray(r, 0);
        a01.intoArray(r, L);
        a02.intoArray(r, 2 * L);
        a03.intoArray(r, 3 * L);
        a10.intoArray(r, 4 * L);
        a11.intoArray(r, 5 * L);
        a12.intoArray(r, 6 * L);
        a13.intoArray(r, 7 * L);
        a20.intoArray(r, 8 * L);
        a21.intoArray(r, 9 * L);
        a22.intoArray(r, 10 * L);
        a23.intoArray(r, 11 * L);
        int o = ob * OB, of = c.out().feature(), sx = c.out().x();
        for (int j = 0; j < OB && o + j < c.outFeatures(); j++) {
            int base = outBase + (o + j) * of;
            for (int q = 0; q < CB; q++) {
                int[] chunk = chunks[k + q];
                int from = (j * CB + q) * L, to = base + chunk[1];
                // A vector copy where it can be: arraycopy's call costs about as much as the taps of a small kernel.
                if (sx == 1 && chunk[2] == L) FloatVector.fromArray(S, r, from).intoArray(out, to);
                else for (int l = 0; l < chunk[2]; l++) out[to + l * sx] = r[from + l];
            }
        }
    }
}
