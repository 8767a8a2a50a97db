package dev.jaxj.accel.cpu.fft;

import dev.jaxj.accel.host.HeapArrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * f32 panels: the Stockham auto-sorting stages, vectorised across the panel's lanes.
 *
 * <p>Stage with radix {@code r}, {@code m = len / r} and lane stride {@code s} (the panel width
 * times the radices before it): for every {@code p < m} and {@code q < s},
 * {@code a_j = x[q + s (p + j m)]}, and {@code y[q + s (r p + k)] = w^(p k) sum_j a_j w_r^(j k)}.
 * The inner loop over {@code q} is contiguous, so every load and store is a whole vector; the
 * output comes out in natural order, with no bit-reversal pass. {@link Panels64} is the same
 * code on {@code DoubleVector}: the Vector API types its lanes, so the two precisions cannot
 * share one body without losing the specialisation.
 */
final class Panels32 implements PanelKernel<float[]> {
    static final Panels32 INSTANCE = new Panels32();
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Elements per lane moved at a time by the transposing gather and scatter. */
    private static final int TILE = 64;
    // Lane shuffles between interleaved pairs and split parts; an index past the vector's length
    // takes the lane from the second vector.
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(S, i -> 2 * i);
    private static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(S, i -> 2 * i + 1);
    private static final VectorShuffle<Float> ZIP_LO = VectorShuffle.fromOp(S, i -> i / 2 + (i % 2) * L);
    private static final VectorShuffle<Float> ZIP_HI = VectorShuffle.fromOp(S, i -> L / 2 + i / 2 + (i % 2) * L);
    private static final float SIN_60 = (float) Math.sin(Math.PI / 3);

    private Panels32() {}

    @Override public boolean f64() { return false; }
    @Override public int lanes() { return L; }
    @Override public float[] alloc(int length) { return HeapArrays.floats(length); }
    @Override public Cplx view(float[] a) { return new Cplx.F32(a); }

    @Override
    public void gather(float[] x, int[] bases, int count, int stride, int n, FftPlan.Tables tw, boolean conj,
                       float[] re, float[] im, int width) {
        float sign = conj ? -1f : 1f;
        if (tw == null && consecutive(bases, count)) {
            // lanes side by side in memory: read each row of the panel as one run
            for (int j = 0; j < n; j++) {
                int src = 2 * (bases[0] + j * stride), dst = j * width, b = 0;
                for (; b <= count - L; b += L) {
                    var v0 = FloatVector.fromArray(S, x, src + 2 * b);
                    var v1 = FloatVector.fromArray(S, x, src + 2 * b + L);
                    v0.rearrange(EVEN, v1).intoArray(re, dst + b);
                    v0.rearrange(ODD, v1).mul(sign).intoArray(im, dst + b);
                }
                for (; b < count; b++) {
                    re[dst + b] = x[src + 2 * b];
                    im[dst + b] = sign * x[src + 2 * b + 1];
                }
            }
        } else {
            // a block of TILE elements of every lane at a time: the panel rows written stay in L1
            for (int j0 = 0; j0 < n; j0 += TILE) {
                int j1 = Math.min(n, j0 + TILE);
                for (int b = 0; b < count; b++)
                    for (int j = j0, idx = bases[b] + j0 * stride; j < j1; j++, idx += stride) {
                        float xr = x[2 * idx], xi = x[2 * idx + 1];
                        if (tw != null) {
                            float wr = tw.re32[idx], wi = tw.im32[idx];
                            float t = xr * wr - xi * wi;
                            xi = xr * wi + xi * wr;
                            xr = t;
                        }
                        re[j * width + b] = xr;
                        im[j * width + b] = sign * xi;
                    }
            }
        }
        if (count < width)
            for (int j = 0; j < n; j++) {
                Arrays.fill(re, j * width + count, (j + 1) * width, 0f);
                Arrays.fill(im, j * width + count, (j + 1) * width, 0f);
            }
    }

    @Override
    public void scatter(float[] re, float[] im, int width, int[] bases, int count, int stride, int n, boolean conj,
                        double scale, float[] y) {
        float sr = (float) scale, si = conj ? -sr : sr;
        if (consecutive(bases, count)) {
            for (int j = 0; j < n; j++) {
                int dst = 2 * (bases[0] + j * stride), src = j * width, b = 0;
                for (; b <= count - L; b += L) {
                    var vr = FloatVector.fromArray(S, re, src + b).mul(sr);
                    var vi = FloatVector.fromArray(S, im, src + b).mul(si);
                    vr.rearrange(ZIP_LO, vi).intoArray(y, dst + 2 * b);
                    vr.rearrange(ZIP_HI, vi).intoArray(y, dst + 2 * b + L);
                }
                for (; b < count; b++) {
                    y[dst + 2 * b] = sr * re[src + b];
                    y[dst + 2 * b + 1] = si * im[src + b];
                }
            }
        } else {
            for (int j0 = 0; j0 < n; j0 += TILE) {
                int j1 = Math.min(n, j0 + TILE);
                for (int b = 0; b < count; b++)
                    for (int j = j0, idx = bases[b] + j0 * stride; j < j1; j++, idx += stride) {
                        y[2 * idx] = sr * re[j * width + b];
                        y[2 * idx + 1] = si * im[j * width + b];
                    }
            }
        }
    }

    @Override
    public void unfoldReal(float[] z, float[] y, FftPlan.Tables w, int h, int inner, int lo, int hi) {
        int nOut = h + 1;
        for (int row = lo, o = lo / nOut, k = lo % nOut; row < hi; row++, k++) {
            if (k == nOut) {
                k = 0;
                o++;
            }
            int a = 2 * (o * h + (k == h ? 0 : k)) * inner, b = 2 * (o * h + (k == 0 ? 0 : h - k)) * inner, d = 2 * row * inner;
            float wr = w.re32[k], wi = w.im32[k];
            for (int c = 0; c < 2 * inner; c += 2) {
                float zr = z[a + c], zi = z[a + c + 1], mr = z[b + c], mi = -z[b + c + 1];
                float er = 0.5f * (zr + mr), ei = 0.5f * (zi + mi);
                float or = 0.5f * (zi - mi), oi = 0.5f * (mr - zr);   // (Z - conj Z') / 2i
                y[d + c] = er + wr * or - wi * oi;
                y[d + c + 1] = ei + wr * oi + wi * or;
            }
        }
    }

    @Override
    public void foldReal(float[] x, float[] z, FftPlan.Tables w, int h, int inner, int lo, int hi) {
        int nIn = h + 1;
        for (int row = lo, o = lo / h, k = lo % h; row < hi; row++, k++) {
            if (k == h) {
                k = 0;
                o++;
            }
            int a = 2 * (o * nIn + k) * inner, b = 2 * (o * nIn + h - k) * inner, d = 2 * row * inner;
            float wr = w.re32[k], wi = -w.im32[k];
            float keep = k == 0 ? 0 : 1;   // the zero and Nyquist terms' imaginary parts do not enter, as in NumPy
            for (int c = 0; c < 2 * inner; c += 2) {
                float xr = x[a + c], xi = keep * x[a + c + 1], mr = x[b + c], mi = -keep * x[b + c + 1];
                float sr = xr + mr, si = xi + mi, dr = xr - mr, di = xi - mi;
                float tr = wr * dr - wi * di, ti = wr * di + wi * dr;
                z[d + c] = sr - ti;
                z[d + c + 1] = si + tr;
            }
        }
    }

    static boolean consecutive(int[] bases, int count) {
        for (int b = 1; b < count; b++) if (bases[b] != bases[0] + b) return false;
        return true;
    }

    @Override
    public boolean stockham(FftPlan plan, float[] re, float[] im, float[] sr, float[] si, int width) {
        float[] xr = re, xi = im, yr = sr, yi = si;
        int len = plan.n, s = width;
        for (int st = 0; st < plan.radices.length; st++) {
            int r = plan.radices[st], m = len / r;
            var tw = plan.stageTwiddles[st];
            switch (r) {
                case 2 -> radix2(m, s, tw.re32, tw.im32, xr, xi, yr, yi);
                case 3 -> radix3(m, s, tw.re32, tw.im32, xr, xi, yr, yi);
                case 4 -> radix4(m, s, tw.re32, tw.im32, xr, xi, yr, yi);
                default -> radixOdd(r, m, s, tw.re32, tw.im32, plan.rotations[st], xr, xi, yr, yi);
            }
            float[] t = xr;
            xr = yr;
            yr = t;
            t = xi;
            xi = yi;
            yi = t;
            s *= r;
            len = m;
        }
        return xr != re;
    }

    private static void radix2(int m, int s, float[] wr, float[] wi, float[] xr, float[] xi, float[] yr, float[] yi) {
        int sm = s * m;
        for (int p = 0; p < m; p++) {
            float w1r = wr[p], w1i = wi[p];
            int x0 = s * p, y0 = 2 * s * p;
            for (int q = 0; q < s; q += L) {
                int i = x0 + q, o = y0 + q;
                var a0r = FloatVector.fromArray(S, xr, i);
                var a0i = FloatVector.fromArray(S, xi, i);
                var a1r = FloatVector.fromArray(S, xr, i + sm);
                var a1i = FloatVector.fromArray(S, xi, i + sm);
                a0r.add(a1r).intoArray(yr, o);
                a0i.add(a1i).intoArray(yi, o);
                var dr = a0r.sub(a1r);
                var di = a0i.sub(a1i);
                storeTimes(dr, di, w1r, w1i, yr, yi, o + s);
            }
        }
    }

    private static void radix3(int m, int s, float[] wr, float[] wi, float[] xr, float[] xi, float[] yr, float[] yi) {
        int sm = s * m;
        for (int p = 0; p < m; p++) {
            float w1r = wr[2 * p], w1i = wi[2 * p], w2r = wr[2 * p + 1], w2i = wi[2 * p + 1];
            int x0 = s * p, y0 = 3 * s * p;
            for (int q = 0; q < s; q += L) {
                int i = x0 + q, o = y0 + q;
                var a0r = FloatVector.fromArray(S, xr, i);
                var a0i = FloatVector.fromArray(S, xi, i);
                var a1r = FloatVector.fromArray(S, xr, i + sm);
                var a1i = FloatVector.fromArray(S, xi, i + sm);
                var a2r = FloatVector.fromArray(S, xr, i + 2 * sm);
                var a2i = FloatVector.fromArray(S, xi, i + 2 * sm);
                var tr = a1r.add(a2r);
                var ti = a1i.add(a2i);
                var dr = a1r.sub(a2r).mul(SIN_60);
                var di = a1i.sub(a2i).mul(SIN_60);
                a0r.add(tr).intoArray(yr, o);
                a0i.add(ti).intoArray(yi, o);
                var mr = a0r.sub(tr.mul(0.5f));
                var mi = a0i.sub(ti.mul(0.5f));
                var b1r = mr.add(di);
                var b1i = mi.sub(dr);
                var b2r = mr.sub(di);
                var b2i = mi.add(dr);
                storeTimes(b1r, b1i, w1r, w1i, yr, yi, o + s);
                storeTimes(b2r, b2i, w2r, w2i, yr, yi, o + 2 * s);
            }
        }
    }

    private static void radix4(int m, int s, float[] wr, float[] wi, float[] xr, float[] xi, float[] yr, float[] yi) {
        int sm = s * m;
        for (int p = 0; p < m; p++) {
            float w1r = wr[3 * p], w1i = wi[3 * p], w2r = wr[3 * p + 1], w2i = wi[3 * p + 1];
            float w3r = wr[3 * p + 2], w3i = wi[3 * p + 2];
            int x0 = s * p, y0 = 4 * s * p;
            for (int q = 0; q < s; q += L) {
                int i = x0 + q, o = y0 + q;
                var a0r = FloatVector.fromArray(S, xr, i);
                var a0i = FloatVector.fromArray(S, xi, i);
                var a1r = FloatVector.fromArray(S, xr, i + sm);
                var a1i = FloatVector.fromArray(S, xi, i + sm);
                var a2r = FloatVector.fromArray(S, xr, i + 2 * sm);
                var a2i = FloatVector.fromArray(S, xi, i + 2 * sm);
                var a3r = FloatVector.fromArray(S, xr, i + 3 * sm);
                var a3i = FloatVector.fromArray(S, xi, i + 3 * sm);
                var t0r = a0r.add(a2r);
                var t0i = a0i.add(a2i);
                var t1r = a0r.sub(a2r);
                var t1i = a0i.sub(a2i);
                var t2r = a1r.add(a3r);
                var t2i = a1i.add(a3i);
                var t3r = a1r.sub(a3r);
                var t3i = a1i.sub(a3i);
                t0r.add(t2r).intoArray(yr, o);
                t0i.add(t2i).intoArray(yi, o);
                var b1r = t1r.add(t3i);
                var b1i = t1i.sub(t3r);
                var b2r = t0r.sub(t2r);
                var b2i = t0i.sub(t2i);
                var b3r = t1r.sub(t3i);
                var b3i = t1i.add(t3r);
                storeTimes(b1r, b1i, w1r, w1i, yr, yi, o + s);
                storeTimes(b2r, b2i, w2r, w2i, yr, yi, o + 2 * s);
                storeTimes(b3r, b3i, w3r, w3i, yr, yi, o + 3 * s);
            }
        }
    }

    /** Stores {@code (br + i bi)(wr + i wi)} at {@code o} of {@code yr/yi}. */
    private static void storeTimes(FloatVector br, FloatVector bi, float wr, float wi, float[] yr, float[] yi, int o) {
        br.mul(wr).sub(bi.mul(wi)).intoArray(yr, o);
        br.mul(wi).add(bi.mul(wr)).intoArray(yi, o);
    }

    /** Any odd radix, by pairing {@code a_j} with {@code a_(r-j)}: {@code (r-1)/2} real cosine and sine sums per output. */
    private static void radixOdd(int r, int m, int s, float[] wr, float[] wi, FftPlan.Tables rot,
                                 float[] xr, float[] xi, float[] yr, float[] yi) {
        int sm = s * m, h = (r - 1) / 2;
        float[] cs = rot.re32, sn = rot.im32;
        for (int p = 0; p < m; p++) {
            int x0 = s * p, y0 = r * s * p;
            for (int q = 0; q < s; q += L) {
                int i = x0 + q, o = y0 + q;
                var a0r = FloatVector.fromArray(S, xr, i);
                var a0i = FloatVector.fromArray(S, xi, i);
                for (int k = 0; k < r; k++) {
                    var accR = a0r;
                    var accI = a0i;
                    for (int j = 1; j <= h; j++) {
                        int t = j * k % r;
                        var ajr = FloatVector.fromArray(S, xr, i + j * sm);
                        var aji = FloatVector.fromArray(S, xi, i + j * sm);
                        var bjr = FloatVector.fromArray(S, xr, i + (r - j) * sm);
                        var bji = FloatVector.fromArray(S, xi, i + (r - j) * sm);
                        accR = accR.add(ajr.add(bjr).mul(cs[t])).add(aji.sub(bji).mul(sn[t]));
                        accI = accI.add(aji.add(bji).mul(cs[t])).sub(ajr.sub(bjr).mul(sn[t]));
                    }
                    if (k == 0) {
                        accR.intoArray(yr, o);
                        accI.intoArray(yi, o);
                    } else {
                        float w1r = wr[(r - 1) * p + k - 1], w1i = wi[(r - 1) * p + k - 1];
                        storeTimes(accR, accI, w1r, w1i, yr, yi, o + k * s);
                    }
                }
            }
        }
    }
}
