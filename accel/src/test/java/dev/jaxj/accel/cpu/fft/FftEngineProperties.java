package dev.jaxj.accel.cpu.fft;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static dev.jaxj.accel.cpu.fft.FftEngineReferenceTest.F32_TOL;
import static dev.jaxj.accel.cpu.fft.FftEngineReferenceTest.F64_TOL;
import static dev.jaxj.accel.cpu.fft.FftEngineReferenceTest.relativeError;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drawn lengths (every radix path, Bluestein beyond 31) and layouts against the defining sum
 * {@code X[k] = sum_j x[j] exp(-2 pi i j k / n)}, evaluated here in double with exact angle
 * reduction; the real transforms against the same sum's first half, and each inverse as a round trip.
 */
class FftEngineProperties {
    /** The DFT by its definition along the middle axis of {@code [outer, n, inner]}. */
    static double[] naive(double[] x, int outer, int n, int inner) {
        double[] y = new double[x.length];
        for (int o = 0; o < outer; o++)
            for (int c = 0; c < inner; c++)
                for (int k = 0; k < n; k++) {
                    double sr = 0, si = 0;
                    for (int j = 0; j < n; j++) {
                        double a = -2 * Math.PI * ((long) j * k % n) / n;
                        int i = 2 * ((o * n + j) * inner + c);
                        sr += x[i] * Math.cos(a) - x[i + 1] * Math.sin(a);
                        si += x[i] * Math.sin(a) + x[i + 1] * Math.cos(a);
                    }
                    int i = 2 * ((o * n + k) * inner + c);
                    y[i] = sr;
                    y[i + 1] = si;
                }
        return y;
    }

    @Property(tries = 80)
    void complexTransformsMatchTheDefinition(@ForAll @IntRange(min = 1, max = 260) int n, @ForAll @IntRange(min = 0, max = 3) int outer,
                                             @ForAll @IntRange(min = 1, max = 19) int inner, @ForAll long seed) {
        var rnd = new Random(seed);
        double[] x = new double[2 * outer * n * inner];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        double[] want = naive(x, outer, n, inner);
        double e = relativeError(FftEngine.forward(x, outer, n, inner), want);
        assertTrue(e <= F64_TOL, "f64 n=" + n + ": " + e);
        double e32 = relativeError(FftEngineLargeTest.widen(FftEngine.forward(FftEngineLargeTest.narrow(x), outer, n, inner)), want);
        assertTrue(e32 <= F32_TOL, "f32 n=" + n + ": " + e32);
        double back = relativeError(FftEngine.inverse(want, outer, n, inner), x);
        assertTrue(back <= F64_TOL, "inverse n=" + n + ": " + back);
    }

    @Property(tries = 80)
    void realTransformsMatchTheDefinition(@ForAll @IntRange(min = 1, max = 260) int n, @ForAll @IntRange(min = 1, max = 3) int outer,
                                          @ForAll @IntRange(min = 1, max = 7) int inner, @ForAll long seed) {
        var rnd = new Random(seed);
        int h = n / 2 + 1;
        double[] re = new double[outer * n * inner], promoted = new double[2 * re.length];
        for (int i = 0; i < re.length; i++) promoted[2 * i] = re[i] = rnd.nextGaussian();
        double[] full = naive(promoted, outer, n, inner), half = new double[2 * outer * h * inner];
        for (int o = 0; o < outer; o++)
            System.arraycopy(full, 2 * o * n * inner, half, 2 * o * h * inner, 2 * h * inner);
        double e = relativeError(FftEngine.rfft(re, outer, n, inner), half);
        assertTrue(e <= F64_TOL, "rfft n=" + n + ": " + e);
        double back = relativeError(FftEngine.irfft(half, outer, n, inner), re);
        assertTrue(back <= F64_TOL, "irfft n=" + n + ": " + back);
        double e32 = relativeError(FftEngineLargeTest.widen(FftEngine.rfft(FftEngineLargeTest.narrow(re), outer, n, inner)), half);
        assertTrue(e32 <= F32_TOL, "f32 rfft n=" + n + ": " + e32);
    }
}
