package dev.jaxj.examples;

import dev.jaxj.Random;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regression examples against closed forms and the Bayes rate. */
class RegressionTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** {@return the least-squares {@code (w0, w1, b)} of the example's data, from the normal equations in double} */
    private static double[] leastSquares() {
        var xy = LinearRegression.data(Random.key(0));
        float[] x = xy[0].toFloatArray(), y = xy[1].toFloatArray();
        double[][] a = new double[3][4];
        for (int i = 0; i < y.length; i++) {
            double[] row = {x[2 * i], x[2 * i + 1], 1};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) a[r][c] += row[r] * row[c];
                a[r][3] += row[r] * y[i];
            }
        }
        // Gauss-Jordan elimination on the 3x3 system [XᵀX | Xᵀy].
        for (int p = 0; p < 3; p++)
            for (int r = 0; r < 3; r++) {
                if (r == p) continue;
                double f = a[r][p] / a[p][p];
                for (int c = p; c < 4; c++) a[r][c] -= f * a[p][c];
            }
        return new double[] {a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]};
    }

    @Test
    void shouldFindTheLeastSquaresLineBothWays() {
        var r = LinearRegression.run(QUIET);
        double[] ls = leastSquares();
        // Full-batch gradient descent converges to the least-squares solution (to f32 rounding).
        float[] low = r.lowLevelW().toFloatArray(), high = r.highLevelW().toFloatArray();
        assertEquals(ls[0], low[0], 1e-4);
        assertEquals(ls[1], low[1], 1e-4);
        assertEquals(ls[2], r.lowLevelB(), 1e-4);
        // Minibatch SGD with a constant step ends near it, within its gradient noise.
        assertEquals(ls[0], high[0], 0.05);
        assertEquals(ls[1], high[1], 0.05);
        assertEquals(ls[2], r.highLevelB(), 0.05);
    }

    @Test
    void shouldSeparateTheCloudsNearTheBayesRateBothWays() {
        var r = LogisticRegression.run(QUIET);
        // The clouds' Bayes accuracy is Phi(sqrt 2) = 0.921; both fits reach at least 0.9 on these 400 points.
        assertTrue(r.lowLevelAccuracy() >= 0.9, () -> "low-level accuracy " + r.lowLevelAccuracy());
        assertTrue(r.highLevelAccuracy() >= 0.9, () -> "high-level accuracy " + r.highLevelAccuracy());
        // The clouds are symmetric about the line x0 + x1 = 0, so both weights point along (1, 1).
        for (float[] w : new float[][] {r.lowLevelW().toFloatArray(), r.highLevelW().toFloatArray()}) {
            assertTrue(w[0] > 1 && w[1] > 1, () -> java.util.Arrays.toString(w));
            assertEquals(1, w[0] / w[1], 0.25);
        }
    }
}
