package dev.jaxj.accel.cpu;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The pieces of the symmetric eigensolver against references computed here with plain loops:
 * the one-pass tridiagonal reduction reproduces its input ({@code ||Q T Q^T - A|| / ||A||}),
 * the recorded rotations equal the rotations applied one at a time, and the whole kernel
 * recovers known spectra ({@code A = Q diag(λ) Q^T} with {@code Q} a product of reflectors made
 * here), with residual and orthogonality below {@code 20·n·ε}. Sizes cross the point (128
 * trailing rows) where the reduction's passes are split across the workers.
 */
class EighKernelTest {
    private static final double EPS64 = Math.ulp(1.0), EPS32 = Math.ulp(1.0f);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 33, 127, 129, 130, 257, 300})
    void tridiagonalReductionReproducesTheMatrix(int n) {
        double[] a = randomSymmetric(n, new Random(n));
        double[] d = new double[n], e = new double[n], cols = new double[Math.max(1, (n - 2) * (n - 1))];
        // The reduction reads the lower triangle alone (from n = 257 on, split over the workers): NaNs above it change nothing.
        double[] lowerOnly = a.clone();
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) lowerOnly[i * n + j] = Double.NaN;
        double[] tau = Tridiagonal.reduce(n, lowerOnly, d, e, cols);
        double[] q = fullQ(n, cols, tau);
        double[] t = new double[n * n];
        for (int i = 0; i < n; i++) {
            t[i * n + i] = d[i];
            if (i + 1 < n) t[i * n + i + 1] = t[(i + 1) * n + i] = e[i];
        }
        // Q holds its columns as rows: A = Q^T-as-stored · T · (stored).
        double[] qt = transpose(q, n), rebuilt = multiply(multiply(qt, t, n), q, n);
        assertTrue(distance(rebuilt, a) <= 20 * n * EPS64 * norm(a), () -> "||Q T Q^T - A|| at n=" + n + ": " + distance(rebuilt, a));
    }

    @ParameterizedTest
    @CsvSource({"1, 10", "7, 10", "16, 400", "33, 200", "64, 100", "130, 100"})
    void recordedRotationsEqualRotationsAppliedInTurn(int n, int count) {
        Random r = new Random(n);
        int rows = 12;
        double[] z = new double[rows * n];
        for (int i = 0; i < z.length; i++) z[i] = r.nextGaussian();
        float[] zf = new float[z.length];
        for (int i = 0; i < z.length; i++) zf[i] = (float) z[i];
        double[] want = z.clone();
        float[] wantF = zf.clone();
        PlaneRotations rotations = new PlaneRotations();
        for (int k = 0; k < count; k++) {
            // Sweeps as the QL iteration makes them: rows (top-1, top) down to (bottom, bottom+1).
            int top = 1 + r.nextInt(rows - 1), bottom = r.nextInt(top);
            for (int i = top - 1; i >= bottom; i--) rotate(rotations, want, wantF, n, i, r.nextDouble() * 2 * Math.PI);
        }
        rotations.applyTo(z, n);
        rotations.applyTo(zf, n);
        assertArrayEquals(want, z, "f64 at n=" + n);
        assertArrayEquals(wantF, zf, "f32 at n=" + n);
    }

    /** Records the rotation of rows {@code i}, {@code i+1} by {@code angle} and applies it to the references at once. */
    private static void rotate(PlaneRotations rotations, double[] want, float[] wantF, int n, int i, double angle) {
        double c = Math.cos(angle), s = Math.sin(angle);
        rotations.add(i, c, s);
        for (int j = 0; j < n; j++) {
            double x = want[i * n + j], y = want[(i + 1) * n + j];
            want[i * n + j] = c * x - s * y;
            want[(i + 1) * n + j] = s * x + c * y;
            float xf = wantF[i * n + j], yf = wantF[(i + 1) * n + j], cf = (float) c, sf = (float) s;
            wantF[i * n + j] = cf * xf - sf * yf;
            wantF[(i + 1) * n + j] = sf * xf + cf * yf;
        }
    }

    @ParameterizedTest
    @CsvSource({
            "1, well", "2, well", "3, well", "3, repeated", "2, diagonal", "5, graded",
            "40, repeated", "40, diagonal", "40, graded", "130, well", "130, repeated", "130, graded"})
    void eighRecoversKnownSpectra(int n, String kind) {
        Random r = new Random(31L * n + kind.hashCode());
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = switch (kind) {
                case "repeated" -> i % 3 - 1;                        // -1, 0, 1, each n/3 times
                case "graded" -> Math.pow(10, -8.0 * i / n) * (i % 2 == 0 ? 1 : -1);
                default -> r.nextGaussian();
            };
        }
        double[] q = kind.equals("diagonal") ? identity(n) : randomOrthogonal(n, r);
        double[] a = multiply(multiply(transpose(q, n), diagonal(lambda), n), q, n);
        for (boolean single : new boolean[] {false, true}) {
            double eps = single ? EPS32 : EPS64;
            double[] input = a.clone();
            if (single) for (int i = 0; i < input.length; i++) input[i] = (float) input[i];
            double[] w = new double[n], z = new double[n * n];
            EighKernel.decompose(n, input.clone(), w, z, single);
            String what = kind + " n=" + n + (single ? " f32" : " f64");
            double bound = 20 * n * eps, scale = norm(input);
            double[] sortedW = w.clone(), sortedL = lambda.clone();
            Arrays.sort(sortedW);
            Arrays.sort(sortedL);
            for (int i = 0; i < n; i++) {
                double want = sortedL[i], got = sortedW[i];
                assertEquals(want, got, bound * scale, () -> what + ": eigenvalue " + want + " vs " + got);
            }
            double residual = 0, orthogonality = 0;
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < n; i++) {
                    double av = 0;
                    for (int j = 0; j < n; j++) av += input[i * n + j] * z[k * n + j];
                    residual += Math.pow(av - w[k] * z[k * n + i], 2);
                }
                for (int l = 0; l < n; l++) {
                    double dot = 0;
                    for (int j = 0; j < n; j++) dot += z[k * n + j] * z[l * n + j];
                    orthogonality += Math.pow(dot - (k == l ? 1 : 0), 2);
                }
            }
            double res = Math.sqrt(residual), orth = Math.sqrt(orthogonality);
            assertTrue(res <= bound * scale, () -> what + ": ||A V - V W|| = " + res);
            assertTrue(orth <= bound, () -> what + ": ||V^T V - I|| = " + orth);
        }
    }

    /** The full {@code n x n} {@code Q} (columns as rows) of the reduction: 1 in the corner, the reflectors' product beside it. */
    private static double[] fullQ(int n, double[] cols, double[] tau) {
        double[] q = identity(n);
        int sub = n - 1, k = tau.length;
        // Apply H_{k-1} … H_0 in turn to the identity's columns, reflector j acting on rows j+1...
        for (int j = k - 1; j >= 0; j--) {
            for (int c = 0; c < n; c++) {
                double dot = 0;
                for (int i = j; i < sub; i++) dot += cols[j * sub + i] * q[c * n + i + 1];
                for (int i = j; i < sub; i++) q[c * n + i + 1] -= tau[j] * dot * cols[j * sub + i];
            }
        }
        return q;
    }

    /** A product of {@code n} random reflectors {@code I - 2 u u^T}, row-major. */
    private static double[] randomOrthogonal(int n, Random r) {
        double[] q = identity(n);
        for (int k = 0; k < n; k++) {
            double[] u = new double[n];
            double uu = 0;
            for (int i = 0; i < n; i++) uu += (u[i] = r.nextGaussian()) * u[i];
            for (int c = 0; c < n; c++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += u[i] * q[i * n + c];
                for (int i = 0; i < n; i++) q[i * n + c] -= 2 * dot / uu * u[i];
            }
        }
        return q;
    }

    private static double[] randomSymmetric(int n, Random r) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r.nextGaussian();
        return a;
    }

    private static double[] identity(int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) a[i * n + i] = 1;
        return a;
    }

    private static double[] diagonal(double[] d) {
        int n = d.length;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) a[i * n + i] = d[i];
        return a;
    }

    private static double[] transpose(double[] a, int n) {
        double[] t = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) t[j * n + i] = a[i * n + j];
        return t;
    }

    private static double[] multiply(double[] x, double[] y, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double v = x[i * n + k];
                for (int j = 0; j < n; j++) c[i * n + j] += v * y[k * n + j];
            }
        }
        return c;
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) s += v * v;
        return Math.sqrt(s);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }
}
