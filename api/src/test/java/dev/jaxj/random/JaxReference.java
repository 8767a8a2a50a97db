package dev.jaxj.random;

/**
 * An independent plain-Java reimplementation of JAX's Threefry PRNG (jax/_src/prng.py) and of
 * the bit-level parts of its samplers (jax/_src/random.py), for expected values where JAX
 * publishes none. It shares no code with the implementation under test: words are unsigned
 * values in longs, the cipher runs a round loop, and the counter layouts are built directly
 * from JAX's definitions. Keys are {@code long[2]}; u32 results are longs in [0, 2^32).
 */
final class JaxReference {
    private JaxReference() {}

    private static final long MASK = 0xFFFF_FFFFL;
    private static final int[] ROTATIONS = {13, 15, 26, 6, 17, 29, 16, 24};

    /** Threefry-2x32-20 of one counter pair. */
    static long[] threefry(long k0, long k1, long x0, long x1) {
        long[] ks = {k0, k1, (k0 ^ k1 ^ 0x1BD11BDAL) & MASK};
        long a = (x0 + ks[0]) & MASK, b = (x1 + ks[1]) & MASK;
        for (int round = 0; round < 20; round++) {
            a = (a + b) & MASK;
            int r = ROTATIONS[round % 8];
            b = (((b << r) | (b >>> (32 - r))) & MASK) ^ a;
            if (round % 4 == 3) {
                int s = round / 4 + 1;
                a = (a + ks[s % 3]) & MASK;
                b = (b + ks[(s + 1) % 3] + s) & MASK;
            }
        }
        return new long[] {a, b};
    }

    /** JAX's threefry_2x32: counts padded to even length, halves paired, outputs concatenated. */
    static long[] hash(long[] key, long[] counts) {
        int n = counts.length, half = (n + 1) / 2;
        long[] padded = java.util.Arrays.copyOf(counts, 2 * half);
        long[] out = new long[2 * half];
        for (int i = 0; i < half; i++) {
            long[] y = threefry(key[0], key[1], padded[i], padded[half + i]);
            out[i] = y[0];
            out[half + i] = y[1];
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static long[] iota(int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    /** {@code split(key, n)}: n keys. */
    static long[][] split(long[] key, int n, boolean partitionable) {
        long[][] keys = new long[n][];
        if (partitionable) {
            for (int i = 0; i < n; i++) keys[i] = threefry(key[0], key[1], 0, i);
        } else {
            long[] words = hash(key, iota(2 * n));
            for (int i = 0; i < n; i++) keys[i] = new long[] {words[2 * i], words[2 * i + 1]};
        }
        return keys;
    }

    static long[] foldIn(long[] key, long data) {
        return hash(key, new long[] {0, data & MASK});
    }

    /** {@code n} random u32 words, row-major. */
    static long[] bits32(long[] key, int n, boolean partitionable) {
        if (!partitionable) return hash(key, iota(n));
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            long[] y = threefry(key[0], key[1], 0, i);
            r[i] = y[0] ^ y[1];
        }
        return r;
    }

    /** {@code n} random 64-bit words as long bit patterns. */
    static long[] bits64(long[] key, int n, boolean partitionable) {
        long[] r = new long[n];
        long[] legacy = partitionable ? null : hash(key, iota(2 * n));
        for (int i = 0; i < n; i++) {
            long[] y = partitionable ? threefry(key[0], key[1], 0, i) : new long[] {legacy[i], legacy[n + i]};
            r[i] = (y[0] << 32) | y[1];
        }
        return r;
    }

    /** JAX's f32 uniform: 23 random mantissa bits under 1.0's exponent, minus 1, scaled, floored at lo. */
    static float[] uniform(long[] key, int n, boolean partitionable, float lo, float hi) {
        long[] bits = bits32(key, n, partitionable);
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            float f = Float.intBitsToFloat((int) ((bits[i] >>> 9) | 0x3F800000L)) - 1f;
            r[i] = Math.max(lo, f * (hi - lo) + lo);
        }
        return r;
    }

    /** JAX's f64 uniform: 52 random mantissa bits. */
    static double[] uniform64(long[] key, int n, boolean partitionable, double lo, double hi) {
        long[] bits = bits64(key, n, partitionable);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double f = Double.longBitsToDouble((bits[i] >>> 12) | 0x3FF0000000000000L) - 1.0;
            r[i] = Math.max(lo, f * (hi - lo) + lo);
        }
        return r;
    }

    /** JAX's i32 randint for scalar bounds: two words per value reduced modulo the span with u32 wrap-around. */
    static int[] randint(long[] key, int n, boolean partitionable, int lo, int hi) {
        long[][] keys = split(key, 2, partitionable);
        long[] higher = bits32(keys[0], n, partitionable), lower = bits32(keys[1], n, partitionable);
        long span = hi <= lo ? 1 : ((long) hi - lo) & MASK;
        long m = (65536 % span);
        m = ((m * m) & MASK) % span;
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            long off = ((((higher[i] % span) * m) & MASK) + (lower[i] % span)) & MASK;
            r[i] = (int) (lo + off % span);
        }
        return r;
    }

    static long[] key(long seed) { return new long[] {seed >>> 32, seed & MASK}; }

    /** erf to about 1e-13: its Maclaurin series below 2.5, the Laplace continued fraction of erfc above. */
    static double erf(double x) {
        double ax = Math.abs(x), r;
        if (ax < 2.5) {
            double term = ax, sum = ax, x2 = ax * ax;
            for (int n = 1; n < 200 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
                term *= -x2 / n;
                sum += term / (2 * n + 1);
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            double f = ax;
            for (int n = 80; n >= 1; n--) f = ax + (n / 2.0) / f;
            r = 1 - Math.exp(-ax * ax) / (Math.sqrt(Math.PI) * f);
        }
        return Math.copySign(r, x);
    }

    /** The inverse of erf on (-1, 1), in double: a rational first guess refined by Newton steps on {@link #erf}. */
    static double erfInv(double y) {
        double w = -Math.log((1 - y) * (1 + y)), x;
        // Giles' single-precision approximation as the starting point.
        if (w < 5) {
            w -= 2.5;
            double p = 2.81022636e-08;
            for (double c : new double[] {3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503,
                    -0.00417768164, 0.246640727, 1.50140941}) p = c + p * w;
            x = p * y;
        } else {
            w = Math.sqrt(w) - 3;
            double p = -0.000200214257;
            for (double c : new double[] {0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
                    0.00943887047, 1.00167406, 2.83297682}) p = c + p * w;
            x = p * y;
        }
        for (int i = 0; i < 4; i++) x -= (erf(x) - y) / (2 / Math.sqrt(Math.PI) * Math.exp(-x * x));
        return x;
    }

    /**
     * erf_inv of a float as XLA's ErfInv32 evaluates it: Giles' single-precision polynomials in
     * w = -log1p(-x*x), every step rounded to float (log1p itself correctly rounded).
     */
    static float erfInv(float x) {
        float[] low = {2.81022636e-08f, 3.43273939e-07f, -3.5233877e-06f, -4.39150654e-06f, 0.00021858087f,
                -0.00125372503f, -0.00417768164f, 0.246640727f, 1.50140941f};
        float[] high = {-0.000200214257f, 0.000100950558f, 0.00134934322f, -0.00367342844f, 0.00573950773f,
                -0.0076224613f, 0.00943887047f, 1.00167406f, 2.83297682f};
        float w = -(float) Math.log1p(-x * x);
        boolean small = w < 5f;
        float t = small ? w - 2.5f : (float) Math.sqrt(w) - 3f;
        float p = small ? low[0] : high[0];
        for (int i = 1; i < 9; i++) p = (small ? low[i] : high[i]) + p * t;
        return Math.abs(x) == 1f ? x * Float.MAX_VALUE : p * x;
    }
}
