package dev.jaxj.accel.cpu.fft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a complex transform of one length needs, computed once and shared: its Stockham stages
 * (radices and twiddles) for lengths whose prime factors are all at most {@link #MAX_RADIX}, or
 * Bluestein's chirp and filter for the others; and for long smooth lengths the split that
 * {@link FftEngine}'s four-step path uses. Tables are computed in double precision and rounded
 * once to the plan's precision.
 *
 * <p>Plans are immutable and cached by (length, precision). The cache is bounded: past
 * {@link #CACHE_LIMIT} entries it is emptied, so that a program sweeping over many lengths does
 * not hold every plan it ever made.
 */
final class FftPlan {
    /** Largest prime a Stockham stage handles directly; its cost grows with the radix squared. */
    static final int MAX_RADIX = 31;
    /** Shortest length sent through the four-step split when there are fewer lanes than a vector holds. */
    static final int FOUR_STEP_MIN = 1 << 12;
    /** From this length on a contiguous axis always takes the four-step path: a panel of even one vector's width would not fit in the cache. */
    static final int FOUR_STEP_ALWAYS = 1 << 16;
    private static final int CACHE_LIMIT = 256;
    private static final Map<Long, FftPlan> CACHE = new ConcurrentHashMap<>();
    private static final Map<Long, Tables> REAL = new ConcurrentHashMap<>();

    final int n;
    final boolean f64;
    /** Radices of the Stockham stages, in the order they run; empty for Bluestein plans. */
    final int[] radices;
    /** Per stage: {@code exp(-2 pi i p k / (r m))} at {@code (r - 1) p + k - 1}. */
    final Tables[] stageTwiddles;
    /** Per stage with a radix above 4: {@code cos} and {@code sin} of {@code 2 pi t / r}, {@code t < r}. */
    final Tables[] rotations;
    /** Non-null exactly when {@link #radices} is empty. */
    final Bluestein bluestein;
    /** Non-null for smooth lengths of at least {@link #FOUR_STEP_MIN} with a balanced split. */
    final FourStep fourStep;

    /** Bluestein's algorithm: a length-{@code m} circular convolution with {@code m >= 2n - 1} a power of two. */
    record Bluestein(int m, Tables chirp, Tables filter) {}

    /** {@code n = n1 n2}; {@code twiddles} holds {@code exp(-2 pi i k1 j2 / n)} at {@code k1 n2 + j2}. */
    record FourStep(int n1, int n2, Tables twiddles) {}

    private FftPlan(int n, boolean f64) {
        this.n = n;
        this.f64 = f64;
        List<Integer> factors = factor(n);
        if (!factors.isEmpty() && factors.getLast() > MAX_RADIX) {
            radices = new int[0];
            stageTwiddles = rotations = new Tables[0];
            bluestein = bluestein(n, f64);
            fourStep = null;
            return;
        }
        radices = stageOrder(factors);
        stageTwiddles = new Tables[radices.length];
        rotations = new Tables[radices.length];
        int len = n;
        for (int s = 0; s < radices.length; s++) {
            int r = radices[s], m = len / r;
            double[] re = new double[m * (r - 1)], im = new double[m * (r - 1)];
            for (int p = 0; p < m; p++)
                for (int k = 1; k < r; k++) {
                    double a = -2 * Math.PI * ((long) p * k % len) / len;
                    re[p * (r - 1) + k - 1] = Math.cos(a);
                    im[p * (r - 1) + k - 1] = Math.sin(a);
                }
            stageTwiddles[s] = new Tables(re, im, f64);
            if (r > 4) {
                double[] c = new double[r], sn = new double[r];
                for (int t = 0; t < r; t++) {
                    c[t] = Math.cos(2 * Math.PI * t / r);
                    sn[t] = Math.sin(2 * Math.PI * t / r);
                }
                rotations[s] = new Tables(c, sn, f64);
            }
            len = m;
        }
        bluestein = null;
        fourStep = n >= FOUR_STEP_MIN ? fourStep(n, f64) : null;
    }

    /** {@return the plan for complex transforms of length {@code n} in f64 or f32} */
    static FftPlan of(int n, boolean f64) {
        if (n < 1) throw new IllegalArgumentException("fft: the length must be positive, got " + n);
        long key = (long) n << 1 | (f64 ? 1 : 0);
        FftPlan p = CACHE.get(key);
        if (p != null) return p;
        if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
        // Built outside the map: a Bluestein plan builds the plan of its convolution length first.
        p = new FftPlan(n, f64);
        FftPlan raced = CACHE.putIfAbsent(key, p);
        return raced != null ? raced : p;
    }

    /** {@return the prime factors of {@code n}, ascending, with multiplicity} */
    static List<Integer> factor(int n) {
        var f = new ArrayList<Integer>();
        for (int p = 2; (long) p * p <= n; p++)
            while (n % p == 0) {
                f.add(p);
                n /= p;
            }
        if (n > 1) f.add(n);
        return f;
    }

    /** Pairs of 2 become radix-4 stages (fewer passes over the data); the odd primes follow. */
    private static int[] stageOrder(List<Integer> factors) {
        var out = new ArrayList<Integer>();
        long twos = factors.stream().filter(p -> p == 2).count();
        for (long i = 0; i < twos / 2; i++) out.add(4);
        if (twos % 2 == 1) out.add(2);
        factors.stream().filter(p -> p != 2).forEach(out::add);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Bluestein bluestein(int n, boolean f64) {
        int m = Integer.highestOneBit(2 * n - 1);
        if (m < 2 * n - 1) m <<= 1;
        double[] cr = new double[n], ci = new double[n];
        for (int j = 0; j < n; j++) {
            // j^2 mod 2n keeps the angle small, so that cos and sin stay accurate for large j
            double a = -Math.PI * ((long) j * j % (2L * n)) / n;
            cr[j] = Math.cos(a);
            ci[j] = Math.sin(a);
        }
        // The filter is the DFT of conj(chirp), extended circularly, divided by m so that an
        // unnormalised inverse transform finishes the convolution.
        double[] h = new double[2 * m];
        for (int j = 0; j < n; j++) {
            h[2 * j] = cr[j];
            h[2 * j + 1] = -ci[j];
            if (j > 0) {
                h[2 * (m - j)] = cr[j];
                h[2 * (m - j) + 1] = -ci[j];
            }
        }
        double[] hf = FftEngine.forward(h, 1, m, 1);
        double[] fr = new double[m], fi = new double[m];
        for (int k = 0; k < m; k++) {
            fr[k] = hf[2 * k] / m;
            fi[k] = hf[2 * k + 1] / m;
        }
        return new Bluestein(m, new Tables(cr, ci, f64), new Tables(fr, fi, f64));
    }

    /** The split with {@code n1} the largest divisor of {@code n} at most its square root; null when too unbalanced. */
    private static FourStep fourStep(int n, boolean f64) {
        int n1 = 1;
        for (int d = (int) Math.sqrt(n); d >= 2; d--)
            if (n % d == 0) {
                n1 = d;
                break;
            }
        int n2 = n / n1;
        if (n1 < 16) return null;
        double[] re = new double[n], im = new double[n];
        for (int k1 = 0; k1 < n1; k1++)
            for (int j2 = 0; j2 < n2; j2++) {
                double a = -2 * Math.PI * ((long) k1 * j2) / n;
                re[k1 * n2 + j2] = Math.cos(a);
                im[k1 * n2 + j2] = Math.sin(a);
            }
        return new FourStep(n1, n2, new Tables(re, im, f64));
    }

    /** {@return {@code exp(-2 pi i k / n)} for {@code k <= n / 2}}: what real transforms of even length {@code n} fold with */
    static Tables realTwiddles(int n, boolean f64) {
        long key = (long) n << 1 | (f64 ? 1 : 0);
        Tables t = REAL.get(key);
        if (t != null) return t;
        if (REAL.size() >= CACHE_LIMIT) REAL.clear();
        double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            re[k] = Math.cos(-2 * Math.PI * k / n);
            im[k] = Math.sin(-2 * Math.PI * k / n);
        }
        t = new Tables(re, im, f64);
        REAL.putIfAbsent(key, t);
        return t;
    }

    /**
     * A pair of real tables (real and imaginary parts, or cosines and sines) in the plan's
     * precision: {@code re64}/{@code im64} for f64 plans, {@code re32}/{@code im32} for f32 ones.
     */
    static final class Tables {
        final double[] re64, im64;
        final float[] re32, im32;

        Tables(double[] re, double[] im, boolean f64) {
            re64 = f64 ? re : null;
            im64 = f64 ? im : null;
            re32 = f64 ? null : narrow(re);
            im32 = f64 ? null : narrow(im);
        }

        double re(int i) { return re64 != null ? re64[i] : re32[i]; }
        double im(int i) { return im64 != null ? im64[i] : im32[i]; }

        private static float[] narrow(double[] a) {
            float[] r = new float[a.length];
            for (int i = 0; i < a.length; i++) r[i] = (float) a[i];
            return r;
        }
    }
}
