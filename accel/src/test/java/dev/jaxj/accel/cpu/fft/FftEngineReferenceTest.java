package dev.jaxj.accel.cpu.fft;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FftEngine} against NumPy's float64 transforms stored in {@code fft_reference.txt}
 * (written by {@code fft_reference.py} beside it): every length of the list (smooth, odd,
 * prime up to the direct radices, primes through Bluestein, the four-step split at 4096), and
 * batches laid out as rows side by side, a strided inner axis, and both. The error is
 * {@code max |X - X_ref| / max |X_ref|}: at most 1e-5 in f32 and 1e-12 in f64. Transforms over every axis (NumPy's fftn) run the
 * axes in different orders in f32 and f64; rfftn and irfftn run over the last two.
 */
class FftEngineReferenceTest {
    static final double F32_TOL = 1e-5, F64_TOL = 1e-12;

    record Case(String kind, int outer, int n, int inner, double[] x, double[] y) {
        int[] shape() { return new int[] {outer, n, inner}; }

        int[] halfShape() { return new int[] {outer, n, inner / 2 + 1}; }

        @Override public String toString() { return kind + "[" + outer + "," + n + "," + inner + "]"; }
    }

    static List<Case> cases() throws IOException {
        var out = new ArrayList<Case>();
        try (var r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(FftEngineReferenceTest.class.getResourceAsStream("fft_reference.txt")),
                StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] h = line.split(" ");
                assertEquals("case", h[0], line);
                double[] x = numbers(r.readLine(), "x"), y = numbers(r.readLine(), "y");
                out.add(new Case(h[1], Integer.parseInt(h[2]), Integer.parseInt(h[3]), Integer.parseInt(h[4]), x, y));
            }
        }
        return out;
    }

    private static double[] numbers(String line, String label) {
        String[] t = line.split(" ");
        assertEquals(label, t[0]);
        double[] v = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) v[i - 1] = Double.parseDouble(t[i]);
        return v;
    }

    static double relativeError(double[] got, double[] want) {
        assertEquals(want.length, got.length, "result length");
        double err = 0, scale = 0;
        for (int i = 0; i < want.length; i++) {
            err = Math.max(err, Math.abs(got[i] - want[i]));
            scale = Math.max(scale, Math.abs(want[i]));
        }
        return scale == 0 ? err : err / scale;
    }

    private static double[] run64(Case c) {
        return switch (c.kind()) {
            case "fft" -> FftEngine.forward(c.x(), c.outer(), c.n(), c.inner());
            case "ifft" -> FftEngine.inverse(c.x(), c.outer(), c.n(), c.inner());
            case "rfft" -> FftEngine.rfft(c.x(), c.outer(), c.n(), c.inner());
            case "irfft" -> FftEngine.irfft(c.x(), c.outer(), c.n(), c.inner());
            case "fftn", "ifftn" -> FftEngine.c2c(c.x(), c.shape(), new int[] {2, 1, 0}, c.kind().equals("ifftn"));
            case "rfftn" -> FftEngine.rfftn(c.x(), c.shape(), 2);
            case "irfftn" -> FftEngine.irfftn(c.x(), c.halfShape(), new int[] {c.n(), c.inner()});
            default -> throw new AssertionError(c.kind());
        };
    }

    private static double[] run32(Case c) {
        float[] x = new float[c.x().length];
        for (int i = 0; i < x.length; i++) x[i] = (float) c.x()[i];
        float[] y = switch (c.kind()) {
            case "fft" -> FftEngine.forward(x, c.outer(), c.n(), c.inner());
            case "ifft" -> FftEngine.inverse(x, c.outer(), c.n(), c.inner());
            case "rfft" -> FftEngine.rfft(x, c.outer(), c.n(), c.inner());
            case "irfft" -> FftEngine.irfft(x, c.outer(), c.n(), c.inner());
            case "fftn", "ifftn" -> FftEngine.c2c(x, c.shape(), new int[] {0, 2, 1}, c.kind().equals("ifftn"));
            case "rfftn" -> FftEngine.rfftn(x, c.shape(), 2);
            case "irfftn" -> FftEngine.irfftn(x, c.halfShape(), new int[] {c.n(), c.inner()});
            default -> throw new AssertionError(c.kind());
        };
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) d[i] = y[i];
        return d;
    }

    @Test
    void f64MatchesNumpy() throws IOException {
        var failures = new ArrayList<String>();
        List<Case> all = cases();
        for (Case c : all) {
            double e = relativeError(run64(c), c.y());
            if (!(e <= F64_TOL)) failures.add(c + ": " + e);
        }
        assertTrue(all.size() >= 4 * 20, "cases read: " + all.size());
        assertTrue(failures.isEmpty(), "f64 relative error above " + F64_TOL + ": " + failures);
    }

    @Test
    void f32MatchesNumpy() throws IOException {
        var failures = new ArrayList<String>();
        for (Case c : cases()) {
            double e = relativeError(run32(c), c.y());
            if (!(e <= F32_TOL)) failures.add(c + ": " + e);
        }
        assertTrue(failures.isEmpty(), "f32 relative error above " + F32_TOL + ": " + failures);
    }

    @Test
    void emptyBatchesGiveEmptyResults() {
        assertEquals(0, FftEngine.forward(new float[0], 0, 8, 3).length);
        assertEquals(0, FftEngine.rfft(new double[0], 2, 8, 0).length);
        assertEquals(0, FftEngine.irfft(new float[0], 0, 7, 1).length);
    }

    @Test
    void theClassExampleHolds() {
        float[] got = FftEngine.forward(new float[] {1, 0, 2, 0, 3, 0, 4, 0}, 1, 4, 1);
        assertEquals(Arrays.toString(new float[] {10, 0, -2, 2, -2, 0, -2, -2}), Arrays.toString(got));
    }
}
