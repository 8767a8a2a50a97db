package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;

/** Max and average pooling against naive window loops. */
class PoolTest {

    /** Max or mean over {@code size x size} windows of {@code x[n, h, w, c]}; padding reads as -inf (max) or 0 (mean). */
    private static double[] naive(double[] x, int n, int h, int w, int c, int size, int stride, int pad, int oh, int ow, boolean max) {
        double[] y = new double[n * oh * ow * c];
        for (int b = 0; b < n; b++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++)
                    for (int f = 0; f < c; f++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        for (int di = 0; di < size; di++)
                            for (int dj = 0; dj < size; dj++) {
                                int r = i * stride - pad + di, q = j * stride - pad + dj;
                                boolean inside = r >= 0 && r < h && q >= 0 && q < w;
                                double v = inside ? x[((b * h + r) * w + q) * c + f] : (max ? Double.NEGATIVE_INFINITY : 0);
                                acc = max ? Math.max(acc, v) : acc + v;
                            }
                        y[((b * oh + i) * ow + j) * c + f] = max ? acc : acc / (size * size);
                    }
        return y;
    }

    @Test
    void shouldTakeTheMaximumOfNonOverlappingWindows() {
        Array x = random(3, DType.F32, Shape.of(2, 4, 6, 3), -1, 1);
        double[] e = naive(x.toDoubleArray(), 2, 4, 6, 3, 2, 2, 0, 2, 3, true);
        assertNear(MaxPool.of(2, 2).apply(Variables.of(Variables.EMPTY), x), DType.F32, Shape.of(2, 2, 3, 3), 0, e);
    }

    @Test
    void shouldAverageOverlappingWindowsWithSamePaddingCountingPadsAsZero() {
        var pool = new AvgPool(Vector.of(3, 3), Vector.of(1, 1), Padding.SAME);
        Array x = random(4, DType.F64, Shape.of(1, 5, 4, 2), -1, 1);
        double[] e = naive(x.toDoubleArray(), 1, 5, 4, 2, 3, 1, 1, 5, 4, false);
        assertNear(pool.apply(Variables.of(Variables.EMPTY), x), DType.F64, Shape.of(1, 5, 4, 2), 1e-15, e);
    }

    @Test
    void shouldPadMaxPoolingWithMinusInfinity() {
        var pool = new MaxPool(Vector.of(3, 3), Vector.of(2, 2), Padding.SAME);
        // All values negative, so a padded zero would win if padding were zeros.
        Array x = random(5, DType.F64, Shape.of(1, 5, 5, 1), -2, -1);
        double[] e = naive(x.toDoubleArray(), 1, 5, 5, 1, 3, 2, 1, 3, 3, true);
        assertNear(pool.apply(Variables.of(Variables.EMPTY), x), DType.F64, Shape.of(1, 3, 3, 1), 0, e);
    }

    @Test
    void shouldPoolOneSpatialAxisAndRejectOtherRanks() {
        Array x = random(6, DType.F32, Shape.of(2, 6, 3), -1, 1);
        // Length-6 signal as a 1x6 image.
        double[] e = naive(x.toDoubleArray(), 2, 1, 6, 3, 1, 1, 0, 1, 6, false);
        var pool = new AvgPool(Vector.of(1), Vector.of(1), Padding.VALID);
        assertNear(pool.apply(Variables.of(Variables.EMPTY), x), DType.F32, Shape.of(2, 6, 3), 1e-7, e);
        assertError(ShapeError.class, "MaxPool", () -> MaxPool.of(2, 2).init(Random.key(0), x), "rank 4", "f32[2,6,3]");
    }
}
