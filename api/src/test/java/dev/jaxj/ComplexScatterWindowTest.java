package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.Primitive.ScatterDimensionNumbers;
import dev.jaxj.ir.Primitive.WindowConfig;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;
import java.util.function.Function;

import static dev.jaxj.ComplexProductsTest.complexArray;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scatter_mul, scatter_min, scatter_max, reduce_window_max and reduce_window_min on complex
 * numbers, eager and under {@code jit}, against loops over Java doubles here: products in the
 * order the updates come, and JAX's lexicographic order by (real, imaginary) parts.
 */
class ComplexScatterWindowTest {
    enum Combiner { MUL, MIN, MAX }

    /** Updates landing on a 1-D operand, several on one element, real parts tied on purpose. */
    private static final int[] TARGETS = {3, 0, 3, 5, 3, 0, 6};

    private static double[] draw(int n, long seed) {
        Random r = new Random(seed);
        double[] z = new double[2 * n];
        // Real parts from a few values, so that ties go to the imaginary parts.
        for (int i = 0; i < n; i++) {
            z[2 * i] = r.nextInt(3) * 0.5 - 0.5;
            z[2 * i + 1] = r.nextGaussian();
        }
        return z;
    }

    /** {@return whether {@code (ar, ai)} comes after {@code (br, bi)} lexicographically} */
    private static boolean after(double ar, double ai, double br, double bi) {
        return ar != br ? ar > br : ai > bi;
    }

    @ParameterizedTest
    @EnumSource(Combiner.class)
    void scatterShouldCombineEveryUpdateIntoItsTarget(Combiner c) {
        int n = 8;
        double[] operand = draw(n, 1), updates = draw(TARGETS.length, 2), want = operand.clone();
        for (int u = 0; u < TARGETS.length; u++) {
            int t = 2 * TARGETS[u];
            double xr = want[t], xi = want[t + 1], yr = updates[2 * u], yi = updates[2 * u + 1];
            switch (c) {
                case MUL -> { want[t] = xr * yr - xi * yi; want[t + 1] = xr * yi + xi * yr; }
                case MIN -> { if (!after(yr, yi, xr, xi)) { want[t] = yr; want[t + 1] = yi; } }
                case MAX -> { if (after(yr, yi, xr, xi)) { want[t] = yr; want[t + 1] = yi; } }
            }
        }
        var dims = new ScatterDimensionNumbers(Vector.empty(), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
        Array indices = Jnp.array(TARGETS.clone(), DType.I32, TARGETS.length, 1);
        Function<Array, Array> scatter = x -> {
            Array upd = complexArray(x.dtype(), Shape.of(TARGETS.length), updates);
            return switch (c) {
                case MUL -> Lax.scatterMul(x, indices, upd, dims, GatherScatterMode.FILL_OR_DROP);
                case MIN -> Lax.scatterMin(x, indices, upd, dims, GatherScatterMode.FILL_OR_DROP);
                case MAX -> Lax.scatterMax(x, indices, upd, dims, GatherScatterMode.FILL_OR_DROP);
            };
        };
        for (DType d : new DType[] {DType.C128, DType.C64}) {
            Array x = complexArray(d, Shape.of(n), operand);
            double tol = d == DType.C128 ? 1e-15 : 1e-6;
            assertClose(want, scatter.apply(x).toComplexArray(), tol, c + " " + d + " eager");
            assertClose(want, Jax.jit(scatter).apply(x).toComplexArray(), tol, c + " " + d + " jit");
        }
    }

    /**
     * A [4, 5] operand, 2 x 3 windows with strides (1, 2), window dilation (2, 1), base dilation
     * (1, 2) and padding ((1, 0), (0, 2)): every window feature at once, holes and padding
     * taking the identity.
     */
    @ParameterizedTest
    @EnumSource(value = Combiner.class, names = {"MIN", "MAX"})
    void reduceWindowShouldTakeEachWindowsLexicographicExtreme(Combiner c) {
        int rows = 4, cols = 5;
        int[] size = {2, 3}, stride = {1, 2}, windowDilation = {2, 1}, baseDilation = {1, 2}, lo = {1, 0}, hi = {0, 2};
        var w = new WindowConfig(Vector.of(2, 3), Vector.of(1, 2), Vector.of(new Padding(1, 0), new Padding(0, 2)), Vector.of(1, 2), Vector.of(2, 1));
        boolean max = c == Combiner.MAX;
        double[] z = draw(rows * cols, 3);
        z[2 * 7 + 1] = Double.NaN;                         // one window family sees a NaN part
        int[] padded = {(rows - 1) * baseDilation[0] + 1 + lo[0] + hi[0], (cols - 1) * baseDilation[1] + 1 + lo[1] + hi[1]};
        int[] out = new int[2];
        for (int a = 0; a < 2; a++) out[a] = (padded[a] - (size[a] - 1) * windowDilation[a] - 1) / stride[a] + 1;
        double[] want = new double[2 * out[0] * out[1]];
        for (int i = 0; i < out[0]; i++) {
            for (int j = 0; j < out[1]; j++) {
                double br = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, bi = 0;
                boolean nan = false;
                for (int p = 0; p < size[0]; p++) {
                    for (int q = 0; q < size[1]; q++) {
                        // Position in the padded, dilated operand, then back to an element (or a hole, or padding).
                        int r = i * stride[0] + p * windowDilation[0] - lo[0], s = j * stride[1] + q * windowDilation[1] - lo[1];
                        if (r < 0 || s < 0 || r % baseDilation[0] != 0 || s % baseDilation[1] != 0) continue;
                        r /= baseDilation[0];
                        s /= baseDilation[1];
                        if (r >= rows || s >= cols) continue;
                        double er = z[2 * (r * cols + s)], ei = z[2 * (r * cols + s) + 1];
                        nan |= Double.isNaN(er) || Double.isNaN(ei);
                        if (max ? after(er, ei, br, bi) : after(br, bi, er, ei)) { br = er; bi = ei; }
                    }
                }
                want[2 * (i * out[1] + j)] = nan ? Double.NaN : br;
                want[2 * (i * out[1] + j) + 1] = nan ? Double.NaN : bi;
            }
        }
        assertTrue(java.util.Arrays.stream(want).anyMatch(Double::isNaN) && java.util.Arrays.stream(want).anyMatch(v -> !Double.isNaN(v)),
                "the case should hold windows with and without a NaN");
        Function<Array, Array> reduce = x -> max ? Lax.reduceWindowMax(x, w) : Lax.reduceWindowMin(x, w);
        for (DType d : new DType[] {DType.C128, DType.C64}) {
            Array x = complexArray(d, Shape.of(rows, cols), z);
            double tol = d == DType.C128 ? 0 : 1e-6;
            assertEquals(Shape.of(out[0], out[1]), reduce.apply(x).shape());
            assertClose(want, reduce.apply(x).toComplexArray(), tol, c + " " + d + " eager");
            assertClose(want, Jax.jit(reduce).apply(x).toComplexArray(), tol, c + " " + d + " jit");
        }
    }

    private static void assertClose(double[] want, double[] got, double tol, String what) {
        assertEquals(want.length, got.length, what + ": length");
        for (int i = 0; i < want.length; i++) {
            if (Double.isNaN(want[i])) {
                assertTrue(Double.isNaN(got[i]), what + ": element " + i + " should be NaN, got " + got[i]);
            } else {
                assertEquals(want[i], got[i], tol * Math.max(1, Math.abs(want[i])), what + ": element " + i);
            }
        }
    }
}
