package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;

/** The losses against their definitions evaluated in double precision. */
class LossesTest {
    private static final double[] LOGITS = {2.0, -1.0, 0.5, 30.0, -30.0, 0.0};

    /** {@code log(sum(exp(row)))} computed naively, in double, with the max shifted out. */
    private static double lse(double... row) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : row) m = Math.max(m, v);
        double s = 0;
        for (double v : row) s += Math.exp(v - m);
        return m + Math.log(s);
    }

    @Test
    void shouldComputeCrossEntropyWithIntegerLabels() {
        Array logits = arr(DType.F64, Shape.of(2, 3), LOGITS);
        Array labels = arr(DType.I32, Shape.of(2), 2, 0);
        assertNear(Losses.softmaxCrossEntropyWithIntegerLabels(logits, labels), DType.F64, Shape.of(2), 1e-14,
                lse(2, -1, 0.5) - 0.5, lse(30, -30, 0) - 30);
    }

    @Test
    void shouldComputeCrossEntropyWithOneHotAndSoftLabels() {
        Array logits = arr(DType.F64, Shape.of(2, 3), LOGITS);
        Array labels = arr(DType.F64, Shape.of(2, 3), 0, 0, 1, 0.25, 0, 0.75);
        double l0 = lse(2, -1, 0.5) - 0.5;
        double l1 = 0.25 * (lse(30, -30, 0) - 30) + 0.75 * (lse(30, -30, 0) - 0);
        assertNear(Losses.softmaxCrossEntropy(logits, labels), DType.F64, Shape.of(2), 1e-14, l0, l1);
    }

    @Test
    void shouldComputeSquaredErrors() {
        Array p = f64(1, 2, 3), t = f64(1.5, 2, 1);
        assertNear(Losses.squaredError(p, t), DType.F64, Shape.of(3), 1e-15, 0.25, 0, 4);
        assertNear(Losses.l2Loss(p, t), DType.F64, Shape.of(3), 1e-15, 0.125, 0, 2);
        assertNear(Losses.meanSquaredError(p, t), DType.F64, Shape.of(), 1e-15, 4.25 / 3);
    }

    @Test
    void shouldComputeBinaryCrossEntropyStablyFromLogits() {
        Array logits = f64(LOGITS), labels = f64(1, 0, 0.5, 1, 1, 0);
        double[] e = new double[LOGITS.length];
        double[] z = {1, 0, 0.5, 1, 1, 0};
        for (int i = 0; i < e.length; i++) {
            double x = LOGITS[i];
            // -z log σ(x) - (1 - z) log(1 - σ(x)), with log σ(x) = -log1p(exp(-x)) written per sign to stay exact.
            double logSig = x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
            double logOneMinus = logSig - x;
            e[i] = -z[i] * logSig - (1 - z[i]) * logOneMinus;
        }
        assertNear(Losses.sigmoidBinaryCrossEntropy(logits, labels), DType.F64, Shape.of(6), 1e-13, e);
    }

    @Test
    void shouldRejectLabelsThatDoNotFit() {
        Array logits = arr(DType.F32, Shape.of(2, 3), LOGITS);
        assertError(ShapeError.class, "softmax_cross_entropy_with_integer_labels",
                () -> Losses.softmaxCrossEntropyWithIntegerLabels(logits, i32(1, 2, 0)), "i32[3]", "f32[2,3]");
        assertError(DTypeError.class, "softmax_cross_entropy_with_integer_labels",
                () -> Losses.softmaxCrossEntropyWithIntegerLabels(logits, f32(1, 2)), "integer");
        assertError(ShapeError.class, "softmax_cross_entropy", () -> Losses.softmaxCrossEntropy(logits, f32(1, 0, 0)), "f32[3]");
    }

    /** Concrete labels outside {@code [0, k)} are rejected, naming the first one; labels inside give the closed form. */
    @Property(tries = 40)
    void shouldCheckConcreteIntegerLabelsAgainstTheClassCount(@ForAll @IntRange(min = 1, max = 4) int batch, @ForAll @IntRange(min = 1, max = 5) int k,
                                                             @ForAll @IntRange(min = 0, max = 3) int bad, @ForAll boolean below,
                                                             @ForAll @IntRange(min = 0, max = 1000) int seed) {
        double[] logits = uniform(seed, batch * k, -3, 3);
        double[] labels = new double[batch];
        var r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < batch; i++) labels[i] = r.nextInt(k);
        Array x = arr(DType.F64, Shape.of(batch, k), logits);
        double[] expected = new double[batch];
        for (int i = 0; i < batch; i++) {
            double[] row = java.util.Arrays.copyOfRange(logits, i * k, (i + 1) * k);
            expected[i] = lse(row) - row[(int) labels[i]];
        }
        assertNear(Losses.softmaxCrossEntropyWithIntegerLabels(x, arr(DType.I32, Shape.of(batch), labels)), DType.F64, Shape.of(batch), 1e-13, expected);

        int at = bad % batch;
        int value = below ? -1 - bad : k + bad;
        labels[at] = value;
        Array wrong = arr(DType.I32, Shape.of(batch), labels);
        assertError(ArgumentError.class, "softmax_cross_entropy_with_integer_labels",
                () -> Losses.softmaxCrossEntropyWithIntegerLabels(x, wrong), "[0, " + k + ")", "got " + value, "index [" + at + "]", "i32[" + batch + "]");
    }

    /** Traced labels cannot be read: out-of-range ones pass, as in JAX, and give the documented loss 0 (an all-zero one-hot row). */
    @Test
    void shouldLeaveTracedLabelsUnchecked() {
        Array logits = arr(DType.F64, Shape.of(1, 3), 2, -1, 0.5);
        Array loss = dev.jaxj.Jax.jit((Array labels) -> Losses.softmaxCrossEntropyWithIntegerLabels(logits, labels)).apply(i32(7));
        assertNear(loss, DType.F64, Shape.of(1), 0, 0);
    }

    @Property(tries = 20)
    void squaredErrorsShouldNameTheLossWhenShapesDoNotBroadcast(@ForAll @IntRange(min = 2, max = 4) int n, @ForAll @IntRange(min = 1, max = 3) int offset) {
        Array p = arr(DType.F32, Shape.of(2, n), uniform(1, 2 * n, -1, 1)), t = arr(DType.F32, Shape.of(n + offset), uniform(2, n + offset, -1, 1));
        assertError(ShapeError.class, "squared_error", () -> Losses.squaredError(p, t), p.aval().toString(), t.aval().toString());
        assertError(ShapeError.class, "l2_loss", () -> Losses.l2Loss(p, t), p.aval().toString(), t.aval().toString());
        assertError(ShapeError.class, "mean_squared_error", () -> Losses.meanSquaredError(p, t), p.aval().toString(), t.aval().toString());
    }

    @Test
    void crossEntropyShouldNameItselfForScalarLogits() {
        assertError(ShapeError.class, "softmax_cross_entropy", () -> Losses.softmaxCrossEntropy(arr(DType.F64, Shape.of(), 1.0), arr(DType.F64, Shape.of(), 1.0)), "f64[]");
    }
}
