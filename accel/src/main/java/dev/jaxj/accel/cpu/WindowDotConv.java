package dev.jaxj.accel.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * f32 convolution with a wide kernel and few outputs, vectorised along the kernel rows: each
 * output element is a long dot product of the kernel with the window it covers. This is the
 * form of a weight gradient, where the "kernel" is the output gradient (as wide as the image)
 * and the outputs are the few weights; im2col would copy every window position of the image
 * once per kernel tap.
 * {@snippet lang=text :
 * lanes[o, b, y, x] += rhs[o, f, i, j0 + l] * padded[b, f][y*sy + i*dy][x*sx + j0 + l]    l < L
 * out[b, o, y, x] = sum over l of lanes[o, b, y, x, l]
 * }
 * The micro-kernel holds {@value #OB} output features x {@value #PB} output positions in
 * twelve accumulators and walks the kernel taps (i, j0) of one input feature. Workers take
 * ranges of input features, each with its own lane sums, added in a fixed order at the end.
 */
final class WindowDotConv {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Output features and output positions per micro-kernel call. */
    private static final int OB = 4, PB = 3;

    private WindowDotConv() {}

    /** Most lane sums a worker keeps: 4 MiB. The kernel is for few outputs; many go to im2col + GEMM. */
    private static final long MAX_SUMS = 1 << 20;

    /** {@return whether this kernel takes {@code c}: unit x dilation, x-contiguous rhs, kernel rows at least a vector wide, few outputs} */
    static boolean fits(Conv2d c) {
        long sums = (long) c.outFeatures() * c.batch() * c.outH() * c.outW() * L;
        return c.dilX() == 1 && c.rhs().x() == 1 && c.kW() >= L && sums <= MAX_SUMS;
    }

    static void run(Conv2d c, float[] lhs, float[] rhs, float[] out) {
        int outs = c.outFeatures(), positions = c.batch() * c.outH() * c.outW();
        int[] pos = positions(c);
        Taps taps = Taps.of(c);
        long work = (long) outs * positions * c.taps();
        int parts = work < (1 << 18) ? 1 : Math.min(c.features(), Parallel.workers());
        float[][] lanes = new float[parts][];
        Parallel.forRange(parts, 1, (lo, hi) -> {
            for (int part = lo; part < hi; part++) {
                float[] sums = lanes[part] = new float[outs * positions * L];
                float[] padded = new float[c.batch() * c.planeSize() + L];
                for (int f = c.features() * part / parts, end = c.features() * (part + 1) / parts; f < end; f++) {
                    for (int b = 0; b < c.batch(); b++) c.pad(lhs, b, f, f + 1, padded, b * c.planeSize());
                    for (int o = 0; o < outs; o += OB) {
                        for (int p = 0; p < positions; p += PB) tile(c, rhs, padded, f, o, p, pos, taps, sums);
                    }
                }
            }
        });
        for (int part = 1; part < parts; part++) {
            for (int i = 0; i < lanes[0].length; i++) lanes[0][i] += lanes[part][i];
        }
        scatter(c, lanes[0], out);
    }

    /** The kernel taps of one input feature: full vectors at (rhs offset, padded offset), then the start of each row's {@code tail} columns. */
    private record Taps(int[] rhs, int[] padded, int[] tailRhs, int[] tailPadded, int tail) {
        static Taps of(Conv2d c) {
            int full = c.kW() / L, rem = c.kW() % L, wp = c.paddedWidth();
            int[] r = new int[c.kH() * full], p = new int[r.length], tr = new int[rem > 0 ? c.kH() : 0], tp = new int[tr.length];
            for (int i = 0, t = 0; i < c.kH(); i++) {
                for (int j = 0; j < full; j++, t++) {
                    r[t] = i * c.rhs().y() + j * L;
                    p[t] = i * c.dilY() * wp + j * L;
                }
                if (rem > 0) {
                    tr[i] = i * c.rhs().y() + full * L;
                    tp[i] = i * c.dilY() * wp + full * L;
                }
            }
            return new Taps(r, p, tr, tp, rem);
        }
    }

    /** {@return the padded offset of each output position (b, y, x)} */
    private static int[] positions(Conv2d c) {
        int[] pos = new int[c.batch() * c.outH() * c.outW()];
        int wp = c.paddedWidth(), k = 0;
        for (int b = 0; b < c.batch(); b++) {
            for (int y = 0; y < c.outH(); y++) {
                for (int x = 0; x < c.outW(); x++) pos[k++] = b * c.planeSize() + y * c.strideY() * wp + x * c.strideX();
            }
        }
        return pos;
    }

    /**
     * Adds to the lane sums of output features {@code [o, o + OB)} x positions {@code [p, p + PB)}
     * the taps of input feature {@code f}. Past the last feature or position the tile repeats
     * the last one and drops the result.
     */
    private static void tile(Conv2d c, float[] rhs, float[] x, int f, int o, int p, int[] pos, Taps taps, float[] sums) {
        int outs = c.outFeatures(), n = pos.length;
        int r0 = c.rhsIndex(o, f, 0, 0), r1 = c.rhsIndex(Math.min(o + 1, outs - 1), f, 0, 0);
        int r2 = c.rhsIndex(Math.min(o + 2, outs - 1), f, 0, 0), r3 = c.rhsIndex(Math.min(o + 3, outs - 1), f, 0, 0);
        int p0 = pos[p], p1 = pos[Math.min(p + 1, n - 1)], p2 = pos[Math.min(p + 2, n - 1)];
        var z = FloatVector.zero(S);
        FloatVector a00 = z, a01 = z, a02 = z, a10 = z, a11 = z, a12 = z, a20 = z, a21 = z, a22 = z, a30 = z, a31 = z, a32 = z;
        int[] tr = taps.rhs(), tp = taps.padded();
        for (int t = 0; t < tr.length; t++) {
            int ri = tr[t], pi = tp[t];
            var x0 = FloatVector.fromArray(S, x, p0 + pi);
            var x1 = FloatVector.fromArray(S, x, p1 + pi);
            var x2 = FloatVector.fromArray(S, x, p2 + pi);
            var w = FloatVector.fromArray(S, rhs, r0 + ri);
            a00 = w.fma(x0, a00);
            a01 = w.fma(x1, a01);
            a02 = w.fma(x2, a02);
            w = FloatVector.fromArray(S, rhs, r1 + ri);
            a10 = w.fma(x0, a10);
            a11 = w.fma(x1, a11);
            a12 = w.fma(x2, a12);
            w = FloatVector.fromArray(S, rhs, r2 + ri);
            a20 = w.fma(x0, a20);
            a21 = w.fma(x1, a21);
            a22 = w.fma(x2, a22);
            w = FloatVector.fromArray(S, rhs, r3 + ri);
            a30 = w.fma(x0, a30);
            a31 = w.fma(x1, a31);
            a32 = w.fma(x2, a32);
        }
        add(a00, a01, a02, o, p, n, sums);
        if (o + 1 < outs) add(a10, a11, a12, o + 1, p, n, sums);
        if (o + 2 < outs) add(a20, a21, a22, o + 2, p, n, sums);
        if (o + 3 < outs) add(a30, a31, a32, o + 3, p, n, sums);
        if (taps.tail() > 0) tail(c, rhs, x, f, o, p, pos, taps, sums);
    }

    /**
     * The columns past the last full vector of each kernel row, in scalar code, into lane 0.
     * (Masked vector loads here make C2 compile the vector loop far worse.)
     */
    private static void tail(Conv2d c, float[] rhs, float[] x, int f, int o, int p, int[] pos, Taps taps, float[] sums) {
        int n = pos.length;
        for (int oo = o, oEnd = Math.min(o + OB, c.outFeatures()); oo < oEnd; oo++) {
            int r = c.rhsIndex(oo, f, 0, 0);
            for (int pp = p, pEnd = Math.min(p + PB, n); pp < pEnd; pp++) {
                float acc = 0;
                for (int t = 0; t < taps.tailRhs().length; t++) {
                    int ri = r + taps.tailRhs()[t], pi = pos[pp] + taps.tailPadded()[t];
                    for (int j = 0; j < taps.tail(); j++) acc += rhs[ri + j] * x[pi + j];
                }
                sums[(oo * n + pp) * L] += acc;
            }
        }
    }

    private static void add(FloatVector v0, FloatVector v1, FloatVector v2, int o, int p, int n, float[] sums) {
        int at = (o * n + p) * L;
        FloatVector.fromArray(S, sums, at).add(v0).intoArray(sums, at);
        if (p + 1 < n) FloatVector.fromArray(S, sums, at + L).add(v1).intoArray(sums, at + L);
        if (p + 2 < n) FloatVector.fromArray(S, sums, at + 2 * L).add(v2).intoArray(sums, at + 2 * L);
    }

    /** Folds the lanes of each sum and writes it to its place in the output layout. */
    private static void scatter(Conv2d c, float[] sums, float[] out) {
        var s = c.out();
        int k = 0;
        for (int o = 0; o < c.outFeatures(); o++) {
            for (int b = 0; b < c.batch(); b++) {
                for (int y = 0; y < c.outH(); y++) {
                    for (int x = 0; x < c.outW(); x++, k += L) {
                        out[b * s.lead() + o * s.feature() + y * s.y() + x * s.x()] = FloatVector.fromArray(S, sums, k).reduceLanes(VectorOperators.ADD);
                    }
                }
            }
        }
    }
}
