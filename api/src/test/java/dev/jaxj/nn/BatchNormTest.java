package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** BatchNorm against the statistics computed directly, feature by feature, in double. */
class BatchNormTest {
    private static final int N = 4, H = 3, F = 2;

    /** {@return per feature: the mean and biased variance of {@code x[n, h, f]} over n and h} */
    private static double[][] stats(double[] x) {
        double[] mean = new double[F], var = new double[F];
        int count = N * H;
        for (int i = 0; i < count; i++) for (int f = 0; f < F; f++) mean[f] += x[i * F + f] / count;
        for (int i = 0; i < count; i++) for (int f = 0; f < F; f++) var[f] += Math.pow(x[i * F + f] - mean[f], 2) / count;
        return new double[][] {mean, var};
    }

    @Test
    void shouldNormaliseByBatchStatisticsAndMoveTheRunningOnes() {
        var bn = new BatchNorm(0.9, 1e-5);
        Array x = random(9, DType.F64, Shape.of(N, H, F), -3, 5);
        var v = bn.init(Random.key(0), x);
        Array scale = f64(2, 0.5), bias = f64(-1, 3);
        v = v.withParams(new BatchNorm.Params(scale, bias));
        var out = bn.apply(v, x, Context.train());

        double[] xs = x.toDoubleArray();
        double[][] s = stats(xs);
        double[] e = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            int f = i % F;
            e[i] = (xs[i] - s[0][f]) / Math.sqrt(s[1][f] + 1e-5) * (f == 0 ? 2 : 0.5) + (f == 0 ? -1 : 3);
        }
        assertNear(out.value(), DType.F64, Shape.of(N, H, F), 1e-13, e);
        var next = out.state();
        // From mean 0 and variance 1: 0.9 * old + 0.1 * batch.
        assertNear(next.mean(), DType.F64, Shape.of(F), 1e-14, 0.1 * s[0][0], 0.1 * s[0][1]);
        assertNear(next.var(), DType.F64, Shape.of(F), 1e-14, 0.9 + 0.1 * s[1][0], 0.9 + 0.1 * s[1][1]);
    }

    @Test
    void shouldUseTheRunningStatisticsInEvalMode() {
        var bn = BatchNorm.of();
        Array x = random(10, DType.F64, Shape.of(N, F), -1, 1);
        var v = bn.init(Random.key(0), x).withState(new BatchNorm.Stats(f64(1, -2), f64(4, 0.25)));
        var out = bn.apply(v, x, Context.eval());
        double[] xs = x.toDoubleArray(), e = new double[xs.length];
        for (int i = 0; i < xs.length; i++)
            e[i] = i % F == 0 ? (xs[i] - 1) / Math.sqrt(4 + 1e-5) : (xs[i] + 2) / Math.sqrt(0.25 + 1e-5);
        assertNear(out.value(), DType.F64, Shape.of(N, F), 1e-14, e);
        assertEquals(v.state(), out.state());
    }

    @Test
    void shouldCountTheRunningStatisticsAsNonTrainable() {
        var model = Sequential.of(Dense.of(8), BatchNorm.of(), Activation.RELU, Dense.of(2));
        var input = ShapedArray.of(DType.F32, 1, 3);
        var summary = model.summary(model.init(Random.key(0), input), input);
        assertEquals(3 * 8 + 8 + 16 + 8 * 2 + 2, summary.trainableParams());
        assertEquals(16, summary.nonTrainableParams());
        assertEquals(32, summary.rows().get(1).total());
    }
}
