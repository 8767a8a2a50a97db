package dev.jaxj.accel.cpu.fft;

import dev.jaxj.accel.cpu.Parallel;

import java.util.stream.IntStream;

/**
 * Discrete Fourier transforms of interleaved complex arrays (and real ones) along one axis of a
 * row-major array of any shape, or over several ({@link #c2c}, {@link #rfftn}, {@link #irfftn}),
 * in f32 or f64, of any length.
 *
 * <p>The array is seen as {@code [outer, n, inner]}: the transformed axis has length {@code n},
 * {@code outer} is the product of the axes before it and {@code inner} of those after. Complex
 * arrays hold {@code 2 outer n inner} values ({@code re0, im0, re1, ...}). The forward transform
 * is {@code X[k] = sum_j x[j] exp(-2 pi i j k / n)}; the inverse divides by {@code n} (NumPy's
 * "backward" normalisation); {@link #rfft} keeps the {@code n / 2 + 1} non-negative frequencies
 * and {@link #irfft} maps them back to {@code n} reals, ignoring the imaginary parts of the
 * zero-frequency term (and of the Nyquist term for even {@code n}), as NumPy does.
 *
 * <pre>{@code
 * float[] x = {1, 0, 2, 0, 3, 0, 4, 0};                  // [1, 2, 3, 4] as complex64
 * float[] X = FftEngine.forward(x, 1, 4, 1);             // [10, -2+2i, -2, -2-2i]
 * }</pre>
 *
 * <p>How: lanes (the {@code outer inner} sequences) are moved a panel at a time into split
 * real/imaginary arrays laid out {@code [n][B]}, transformed there by vectorised Stockham stages
 * (radices 2, 3, 4 and any odd prime up to {@value FftPlan#MAX_RADIX}) and moved back; panels run
 * on the {@link Parallel} pool. A long transform with fewer lanes than a vector holds (or too
 * long for a panel even one vector wide to stay in the cache) is split {@code n = n1 n2}
 * (four-step: {@code n2} transforms of length {@code n1} down the columns, twiddles, {@code n1}
 * along the rows, written transposed), so that it too is made of many short lanes. Lengths with a larger prime factor go through Bluestein's convolution of a power
 * of two length. Real transforms of even length run as complex ones of half the length. The
 * inverse is the forward transform of the conjugate, conjugated.
 *
 * <p>Accuracy: the error grows as O(log n) units of roundoff (for Bluestein lengths, of the
 * convolution length); measured against float64 NumPy, below 1e-6 of the largest output in f32
 * and 1e-14 in f64 for the lengths the tests cover.
 */
public final class FftEngine {
    /** Bytes of a panel and its scratch: a quarter of a 2 MiB L2 cache, so that one per core fits with room to spare. */
    private static final int PANEL_BYTES = 512 * 1024;
    private static final int MAX_WIDTH = 256;

    private FftEngine() {}

    /** {@return the forward transform of complex {@code x} ({@code [outer, n, inner]}) along its middle axis} */
    public static float[] forward(float[] x, int outer, int n, int inner) {
        return c2c(Panels32.INSTANCE, x, outer, n, inner, false);
    }

    /** {@return the inverse transform (divided by {@code n}) of complex {@code x} along its middle axis} */
    public static float[] inverse(float[] x, int outer, int n, int inner) {
        return c2c(Panels32.INSTANCE, x, outer, n, inner, true);
    }

    /** {@return the forward transform of complex {@code x} ({@code [outer, n, inner]}) along its middle axis} */
    public static double[] forward(double[] x, int outer, int n, int inner) {
        return c2c(Panels64.INSTANCE, x, outer, n, inner, false);
    }

    /** {@return the inverse transform (divided by {@code n}) of complex {@code x} along its middle axis} */
    public static double[] inverse(double[] x, int outer, int n, int inner) {
        return c2c(Panels64.INSTANCE, x, outer, n, inner, true);
    }

    /** {@return the complex {@code [outer, n / 2 + 1, inner]} transform of the real {@code [outer, n, inner]} array {@code x}} */
    public static float[] rfft(float[] x, int outer, int n, int inner) {
        return Real.rfft(Panels32.INSTANCE, x, outer, n, inner);
    }

    /** {@return the complex {@code [outer, n / 2 + 1, inner]} transform of the real {@code [outer, n, inner]} array {@code x}} */
    public static double[] rfft(double[] x, int outer, int n, int inner) {
        return Real.rfft(Panels64.INSTANCE, x, outer, n, inner);
    }

    /** {@return the real {@code [outer, n, inner]} inverse of the complex {@code [outer, n / 2 + 1, inner]} spectrum {@code x}} */
    public static float[] irfft(float[] x, int outer, int n, int inner) {
        return Real.irfft(Panels32.INSTANCE, x, outer, n, inner);
    }

    /** {@return the real {@code [outer, n, inner]} inverse of the complex {@code [outer, n / 2 + 1, inner]} spectrum {@code x}} */
    public static double[] irfft(double[] x, int outer, int n, int inner) {
        return Real.irfft(Panels64.INSTANCE, x, outer, n, inner);
    }

    /**
     * {@return the forward or inverse transform of complex {@code x}, a row-major array of
     * {@code shape}, over each of {@code axes} in turn} (the inverse divides by the product of
     * their lengths). The passes after the first run in place on the result.
     */
    public static float[] c2c(float[] x, int[] shape, int[] axes, boolean inverse) {
        return c2c(Panels32.INSTANCE, x, shape, axes, inverse);
    }

    /** {@return the forward or inverse transform of complex {@code x} of {@code shape} over each of {@code axes}} */
    public static double[] c2c(double[] x, int[] shape, int[] axes, boolean inverse) {
        return c2c(Panels64.INSTANCE, x, shape, axes, inverse);
    }

    private static <A> A c2c(PanelKernel<A> k, A x, int[] shape, int[] axes, boolean inverse) {
        A y = k.alloc(Math.toIntExact(2 * size(shape)));
        if (axes.length == 0) System.arraycopy(x, 0, y, 0, Math.toIntExact(2 * size(shape)));
        passes(k, x, y, shape, axes, inverse);
        return y;
    }

    /**
     * {@return the transform of the real array {@code x} of {@code shape} over its last {@code axes}
     * axes (NumPy's rfftn)}: complex, of {@code shape} with the last length {@code n} made {@code n / 2 + 1}
     */
    public static float[] rfftn(float[] x, int[] shape, int axes) { return rfftn(Panels32.INSTANCE, x, shape, axes); }

    /** {@return the transform of the real array {@code x} of {@code shape} over its last {@code axes} axes} */
    public static double[] rfftn(double[] x, int[] shape, int axes) { return rfftn(Panels64.INSTANCE, x, shape, axes); }

    /**
     * {@return the real array with trailing lengths {@code lengths} whose {@link #rfftn} is the complex
     * {@code x} of {@code shape}} (NumPy's irfftn): {@code shape} ends in the lengths but for the last, which is
     * {@code lengths[last] / 2 + 1}
     */
    public static float[] irfftn(float[] x, int[] shape, int[] lengths) { return irfftn(Panels32.INSTANCE, x, shape, lengths); }

    /** {@return the real array with trailing lengths {@code lengths} whose {@link #rfftn} is {@code x}} */
    public static double[] irfftn(double[] x, int[] shape, int[] lengths) { return irfftn(Panels64.INSTANCE, x, shape, lengths); }

    private static <A> A rfftn(PanelKernel<A> k, A x, int[] shape, int axes) {
        int r = shape.length, n = shape[r - 1];
        A y = Real.rfft(k, x, Math.toIntExact(size(shape) / Math.max(1, n)), n, 1);
        int[] complexShape = shape.clone();
        complexShape[r - 1] = n / 2 + 1;
        passes(k, y, y, complexShape, IntStream.range(r - axes, r - 1).toArray(), false);
        return y;
    }

    private static <A> A irfftn(PanelKernel<A> k, A x, int[] shape, int[] lengths) {
        int r = shape.length, n = lengths[lengths.length - 1];
        A t = x;
        if (lengths.length > 1) {
            t = k.alloc(Math.toIntExact(2 * size(shape)));
            passes(k, x, t, shape, IntStream.range(r - lengths.length, r - 1).toArray(), true);
        }
        return Real.irfft(k, t, Math.toIntExact(size(shape) / Math.max(1, shape[r - 1])), n, 1);
    }

    private static long size(int[] shape) {
        long size = 1;
        for (int d : shape) size *= d;
        return size;
    }

    /** Transforms {@code src} over each of {@code axes} into {@code dst}: the first pass reads {@code src}, the others run in place. */
    private static <A> void passes(PanelKernel<A> k, A src, A dst, int[] shape, int[] axes, boolean inverse) {
        if (size(shape) == 0) return;
        for (int axis : axes) {
            if (axis < 0 || axis >= shape.length)
                throw new IllegalArgumentException("fft: axis " + axis + " is out of range for rank " + shape.length);
            int outer = 1, inner = 1, n = shape[axis];
            for (int d = 0; d < axis; d++) outer *= shape[d];
            for (int d = axis + 1; d < shape.length; d++) inner *= shape[d];
            transform(k, src, 0, dst, 0, outer, n, inner, inverse, inverse, inverse ? 1.0 / n : 1.0);
            src = dst;
        }
    }

    private static <A> A c2c(PanelKernel<A> k, A x, int outer, int n, int inner, boolean inverse) {
        check(n, outer, inner);
        A y = k.alloc(Math.toIntExact(2L * outer * n * inner));
        if (outer * inner > 0) transform(k, x, 0, y, 0, outer, n, inner, inverse, inverse, inverse ? 1.0 / n : 1.0);
        return y;
    }

    static void check(int n, int outer, int inner) {
        if (n < 1 || outer < 0 || inner < 0)
            throw new IllegalArgumentException("fft: the length must be positive and the batch sizes non-negative, got n=" + n
                    + ", outer=" + outer + ", inner=" + inner);
    }

    /**
     * {@code y = scale * T(x)} on the standard layouts at complex offsets {@code xo}, {@code yo}, where
     * T is the forward transform, of the conjugated input when {@code conjIn}, conjugated after when {@code conjOut}.
     * {@code y} may be {@code x}: every path reads a lane in full before it writes that lane.
     */
    static <A> void transform(PanelKernel<A> k, A x, int xo, A y, int yo, int outer, int n, int inner,
                              boolean conjIn, boolean conjOut, double scale) {
        if (n == 1) {
            Cplx cx = k.view(x), cy = k.view(y);
            double si = (conjIn != conjOut ? -scale : scale);
            for (int i = 0; i < outer * inner; i++) cy.set(yo + i, scale * cx.re(xo + i), si * cx.im(xo + i));
            return;
        }
        FftPlan plan = FftPlan.of(n, k.f64());
        if (plan.bluestein != null) {
            bluestein(k, x, xo, y, yo, outer, n, inner, plan.bluestein, conjIn, conjOut, scale);
        } else if (plan.fourStep != null && inner == 1 && (outer < k.lanes() || n >= FftPlan.FOUR_STEP_ALWAYS)) {
            for (int o = 0; o < outer; o++) fourStep(k, x, xo + o * n, y, yo + o * n, plan.fourStep, conjIn, conjOut, scale);
        } else {
            panels(k, plan, outer * inner, x, Layout.standard(xo, n, inner), null, y, Layout.standard(yo, n, inner),
                    conjIn, conjOut, scale);
        }
    }

    /**
     * Where lane {@code L} of an array starts: {@code off + (L / inner) outerStride + L % inner},
     * its elements {@code stride} apart (complex elements).
     */
    record Layout(int off, int inner, int outerStride, int stride) {
        static Layout standard(int off, int n, int inner) { return new Layout(off, inner, n * inner, inner); }

        int base(int lane) { return off + lane / inner * outerStride + lane % inner; }
    }

    /** Transforms {@code lanes} sequences panel by panel, on the pool when there is enough work. */
    private static <A> void panels(PanelKernel<A> k, FftPlan plan, int lanes, A x, Layout in, FftPlan.Tables tw,
                                   A y, Layout out, boolean conjIn, boolean conjOut, double scale) {
        int n = plan.n, width = width(k, n, lanes);
        int count = (lanes + width - 1) / width;
        long perPanel = (long) n * width;
        int grain = (int) Math.max(1, (1 << 14) / perPanel);
        Parallel.forRange(count, grain, (lo, hi) -> {
            A re = k.alloc(n * width), im = k.alloc(n * width), sr = k.alloc(n * width), si = k.alloc(n * width);
            int[] inBases = new int[width], outBases = new int[width];
            for (int panel = lo; panel < hi; panel++) {
                int first = panel * width, used = Math.min(width, lanes - first);
                for (int b = 0; b < used; b++) {
                    inBases[b] = in.base(first + b);
                    outBases[b] = out.base(first + b);
                }
                k.gather(x, inBases, used, in.stride(), n, tw, conjIn, re, im, width);
                boolean swapped = k.stockham(plan, re, im, sr, si, width);
                k.scatter(swapped ? sr : re, swapped ? si : im, width, outBases, used, out.stride(), n, conjOut, scale, y);
            }
        });
    }

    /** Panel width: a multiple of the vector length, small enough for the cache and to leave a panel per worker. */
    private static int width(PanelKernel<?> k, int n, int lanes) {
        int l = k.lanes(), bytes = k.f64() ? 8 : 4;
        int cache = Math.max(l, PANEL_BYTES / (4 * bytes * n) / l * l);
        int perWorker = roundUp((lanes + Parallel.workers() - 1) / Parallel.workers(), l);
        return Math.min(MAX_WIDTH, Math.min(cache, perWorker));
    }

    private static int roundUp(int v, int l) { return Math.max(l, (v + l - 1) / l * l); }

    /** One lane of length {@code n1 n2}: columns, twiddles, rows, the rows written transposed. */
    private static <A> void fourStep(PanelKernel<A> k, A x, int xo, A y, int yo, FftPlan.FourStep fs,
                                     boolean conjIn, boolean conjOut, double scale) {
        int n1 = fs.n1(), n2 = fs.n2();
        A t = k.alloc(2 * n1 * n2);
        panels(k, FftPlan.of(n1, k.f64()), n2, x, Layout.standard(xo, n1, n2), null, t, Layout.standard(0, n1, n2),
                conjIn, false, 1.0);
        panels(k, FftPlan.of(n2, k.f64()), n1, t, new Layout(0, 1, n2, 1), fs.twiddles(), y, new Layout(yo, n1, 0, n1),
                false, conjOut, scale);
    }

    /** Bluestein: {@code X[k] = c[k] sum_j (x[j] c[j]) conj(c[k - j])} with the chirp {@code c[j] = exp(-pi i j^2 / n)}. */
    private static <A> void bluestein(PanelKernel<A> k, A x, int xo, A y, int yo, int outer, int n, int inner,
                                      FftPlan.Bluestein b, boolean conjIn, boolean conjOut, double scale) {
        int m = b.m();
        A u = k.alloc(2 * outer * m * inner), v = k.alloc(2 * outer * m * inner);
        Cplx cu = k.view(u), cv = k.view(v);
        multiplyRows(outer, n, inner, k.view(x), xo, n, conjIn, b.chirp(), cu, 0, m, false, 1.0);
        transform(k, u, 0, v, 0, outer, m, inner, false, false, 1.0);
        multiplyRows(outer, m, inner, cv, 0, m, false, b.filter(), cv, 0, m, false, 1.0);
        transform(k, v, 0, u, 0, outer, m, inner, true, true, 1.0);
        multiplyRows(outer, n, inner, cu, 0, m, false, b.chirp(), k.view(y), yo, n, conjOut, scale);
    }

    /**
     * {@code dst[o][j][c] = scale * t[j] * src[o][j][c]} for {@code j < n}, the source conjugated
     * before when {@code conjIn}, the product after when {@code conjOut}; {@code src} and
     * {@code dst} have {@code srcLen} and {@code dstLen} rows per outer index (and may be the same array).
     */
    private static void multiplyRows(int outer, int n, int inner, Cplx src, int srcOff, int srcLen, boolean conjIn,
                                     FftPlan.Tables t, Cplx dst, int dstOff, int dstLen, boolean conjOut, double scale) {
        double ci = conjIn ? -1 : 1, co = conjOut ? -scale : scale;
        rows(outer * n, inner, (lo, hi) -> {
            for (int row = lo, o = lo / n, j = lo % n; row < hi; row++, j++) {
                if (j == n) {
                    j = 0;
                    o++;
                }
                double wr = t.re(j), wi = t.im(j);
                int s0 = srcOff + (o * srcLen + j) * inner, d0 = dstOff + (o * dstLen + j) * inner;
                for (int c = 0; c < inner; c++) {
                    double ar = src.re(s0 + c), ai = ci * src.im(s0 + c);
                    dst.set(d0 + c, scale * (ar * wr - ai * wi), co * (ar * wi + ai * wr));
                }
            }
        });
    }

    /** Runs an O(n) pass over {@code count} rows of {@code inner} elements, on the pool when long. */
    static void rows(int count, int inner, Parallel.Range body) {
        Parallel.forRange(count, Math.max(1, (1 << 14) / Math.max(1, inner)), body);
    }
}
