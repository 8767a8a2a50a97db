package dev.jaxj.accel.cpu.fft;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.jaxj.accel.cpu.fft.FftEngineReferenceTest.F32_TOL;
import static dev.jaxj.accel.cpu.fft.FftEngineReferenceTest.F64_TOL;
import static dev.jaxj.accel.cpu.fft.FftEngineReferenceTest.relativeError;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transforms of 2^20 points, too long for a stored reference, against the properties of the
 * DFT computed in float64 here: the closed form of a sum of complex exponentials at
 * non-integer frequencies and of shifted impulses (geometric series; the shift theorem),
 * Parseval's identity, linearity, and the inverse as a round trip. Also a long prime length
 * (Bluestein over a four-step convolution) against the same closed form.
 */
class FftEngineLargeTest {
    private static final int N = 1 << 20;

    /**
     * A signal with a known spectrum: {@code a exp(2 pi i f j / n)} for {@code f = F + 1/4}, whose
     * transform is {@code a (1 - exp(2 pi i (f - k))) / (1 - exp(2 pi i (f - k) / n))}, plus
     * {@code b} at {@code j0}, whose transform is {@code b exp(-2 pi i j0 k / n)}.
     */
    record Tone(double ar, double ai, long whole, double br, double bi, int j0) {
        double[] signal(int n) {
            double[] x = new double[2 * n];
            for (int j = 0; j < n; j++) {
                double a = 2 * Math.PI * ((whole * j % n) + 0.25 * j) / n;
                x[2 * j] = ar * Math.cos(a) - ai * Math.sin(a);
                x[2 * j + 1] = ar * Math.sin(a) + ai * Math.cos(a);
            }
            x[2 * j0] += br;
            x[2 * j0 + 1] += bi;
            return x;
        }

        double[] spectrum(int n) {
            double[] y = new double[2 * n];
            // 1 - exp(2 pi i / 4) = 1 - i; 1 - exp(i t) = -2i sin(t/2) exp(i t/2), with no cancellation
            double nr = ar * 1 - ai * -1, ni = ar * -1 + ai * 1;
            for (int k = 0; k < n; k++) {
                double half = Math.PI * ((whole - k) + 0.25) / n;
                double s = Math.sin(half);
                double dr = 2 * s * Math.sin(half), di = -2 * s * Math.cos(half);
                double den = dr * dr + di * di;
                double a = -2 * Math.PI * ((long) j0 * k % n) / n;
                y[2 * k] = (nr * dr + ni * di) / den + br * Math.cos(a) - bi * Math.sin(a);
                y[2 * k + 1] = (ni * dr - nr * di) / den + br * Math.sin(a) + bi * Math.cos(a);
            }
            return y;
        }
    }

    private static final Tone TONE = new Tone(0.75, -0.5, 123_457, 300.0, -200.0, 98_765);

    @Test
    void f64SpectrumOfTonesAndImpulses() {
        double e = relativeError(FftEngine.forward(TONE.signal(N), 1, N, 1), TONE.spectrum(N));
        assertTrue(e <= F64_TOL, "relative error " + e);
    }

    @Test
    void f32SpectrumOfTonesAndImpulses() {
        double e = relativeError(widen(FftEngine.forward(narrow(TONE.signal(N)), 1, N, 1)), TONE.spectrum(N));
        assertTrue(e <= F32_TOL, "relative error " + e);
    }

    @Test
    void primeLengthThroughBluestein() {
        int n = 1_000_003;
        var tone = new Tone(1.5, 0.25, 4321, -100.0, 50.0, 7);
        double e = relativeError(FftEngine.forward(tone.signal(n), 1, n, 1), tone.spectrum(n));
        assertTrue(e <= F64_TOL, "f64 relative error " + e);
        double e32 = relativeError(widen(FftEngine.forward(narrow(tone.signal(n)), 1, n, 1)), tone.spectrum(n));
        assertTrue(e32 <= F32_TOL, "f32 relative error " + e32);
    }

    @Test
    void parsevalLinearityAndRoundTrip() {
        var rnd = new Random(7);
        double[] x = new double[2 * N], z = new double[2 * N];
        for (int i = 0; i < 2 * N; i++) {
            x[i] = rnd.nextGaussian();
            z[i] = rnd.nextGaussian();
        }
        double[] fx = FftEngine.forward(x, 1, N, 1), fz = FftEngine.forward(z, 1, N, 1);
        double ex = 0, ef = 0;
        for (int i = 0; i < 2 * N; i++) {
            ex += x[i] * x[i];
            ef += fx[i] * fx[i];
        }
        assertTrue(Math.abs(ef / N - ex) <= 1e-12 * ex, "Parseval: " + ef / N + " vs " + ex);
        // linearity with a complex coefficient: F(x + c z) = F(x) + c F(z), c = 2 - 3i
        double[] mix = new double[2 * N], want = new double[2 * N];
        for (int i = 0; i < N; i++) {
            mix[2 * i] = x[2 * i] + 2 * z[2 * i] + 3 * z[2 * i + 1];
            mix[2 * i + 1] = x[2 * i + 1] + 2 * z[2 * i + 1] - 3 * z[2 * i];
            want[2 * i] = fx[2 * i] + 2 * fz[2 * i] + 3 * fz[2 * i + 1];
            want[2 * i + 1] = fx[2 * i + 1] + 2 * fz[2 * i + 1] - 3 * fz[2 * i];
        }
        double lin = relativeError(FftEngine.forward(mix, 1, N, 1), want);
        assertTrue(lin <= F64_TOL, "linearity: " + lin);
        double back = relativeError(FftEngine.inverse(fx, 1, N, 1), x);
        assertTrue(back <= F64_TOL, "round trip: " + back);
        float[] x32 = narrow(x);
        double back32 = relativeError(widen(FftEngine.inverse(FftEngine.forward(x32, 1, N, 1), 1, N, 1)), widen(x32));
        assertTrue(back32 <= F32_TOL, "f32 round trip: " + back32);
        // the real transform is the complex one's first half, and irfft undoes it
        double[] re = new double[N];
        for (int i = 0; i < N; i++) re[i] = x[2 * i];
        double[] promoted = new double[2 * N];
        for (int i = 0; i < N; i++) promoted[2 * i] = re[i];
        double[] full = FftEngine.forward(promoted, 1, N, 1), half = FftEngine.rfft(re, 1, N, 1);
        double[] head = java.util.Arrays.copyOf(full, N + 2);
        assertTrue(relativeError(half, head) <= F64_TOL, "rfft against the complex transform");
        assertTrue(relativeError(FftEngine.irfft(half, 1, N, 1), re) <= F64_TOL, "irfft round trip");
    }

    static float[] narrow(double[] a) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) r[i] = (float) a[i];
        return r;
    }

    static double[] widen(float[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i];
        return r;
    }
}
