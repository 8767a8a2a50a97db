package dev.jaxj.nn;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Derivatives of the max-like composites at and around ties, against closed forms: a tie
 * splits evenly ({@code d/dx log(e^x + e^y) = 1 / (1 + e^(y - x))}, 1/2 at {@code x = y}),
 * never wholly to one side.
 */
class TieGradientsProperties {
    private static double grad(Function<Array, Array> f, double x) {
        return Jax.grad(f).apply(Jnp.array(new double[] {x})).toDoubleArray()[0];
    }

    private static double sigmoid(double x) { return 1 / (1 + StrictMath.exp(-x)); }

    @Property(tries = 100)
    void logaddexpGradientsAreTheSoftmaxWeights(@ForAll @DoubleRange(min = -30, max = 30) double x,
                                                @ForAll @DoubleRange(min = -30, max = 30) double y, @ForAll boolean tie) {
        double b = tie ? x : y;
        Array other = Jnp.array(new double[] {b});
        double wx = sigmoid(x - b);
        assertEquals(wx, grad(a -> Jnp.logaddexp(a, other).sum(), x), 1e-14, "d/dx at " + x + ", " + b);
        assertEquals(wx, grad(a -> Jnp.logaddexp(other, a).sum(), x), 1e-14, "d/dy at " + b + ", " + x);
        assertEquals(wx, grad(a -> Jnp.logaddexp(a, b).sum(), x), 1e-14, "Java scalar second");
        assertEquals(wx, grad(a -> Jnp.logaddexp(b, a).sum(), x), 1e-14, "Java scalar first");
        assertEquals(1, grad(a -> Jnp.logaddexp(a, a).sum(), x), 1e-14, "both sides");
    }

    @Property(tries = 100)
    void logaddexp2GradientsAreTheBase2Weights(@ForAll @DoubleRange(min = -30, max = 30) double x,
                                               @ForAll @DoubleRange(min = -30, max = 30) double y, @ForAll boolean tie) {
        double b = tie ? x : y;
        double w = 1 / (1 + StrictMath.pow(2, b - x));
        assertEquals(w, grad(a -> Jnp.logaddexp2(a, b).sum(), x), 1e-14, "d/dx at " + x + ", " + b);
        assertEquals(w, grad(a -> Jnp.logaddexp2(b, a).sum(), x), 1e-14, "d/dy at " + b + ", " + x);
        double want = Math.max(x, b) + StrictMath.log1p(StrictMath.pow(2, -Math.abs(x - b))) / StrictMath.log(2);
        assertEquals(want, Jnp.logaddexp2(Jnp.array(new double[] {x}), b).doubleValue(), 1e-14 * Math.max(1, Math.abs(want)));
    }

    @Property(tries = 30)
    void secondDerivativeOfLogaddexpIsTheLogisticDensity(@ForAll @DoubleRange(min = -10, max = 10) double x, @ForAll boolean atTie) {
        double at = atTie ? 1.5 : x;
        Function<Array, Array> d = a -> Jax.grad((Array u) -> Jnp.logaddexp(u, 1.5).sum()).apply(a).sum();
        double s = sigmoid(at - 1.5);
        assertEquals(s * (1 - s), Jax.grad(d).apply(Jnp.array(new double[] {at})).toDoubleArray()[0], 1e-13, "at " + at);
    }

    @Test
    void logaddexpSplitsATieEvenlyInF32() {
        Array two = Jnp.array(new float[] {2f});
        Function<Array, Array> left = x -> Jnp.logaddexp(x, Jnp.scalar(2f)).sum(), right = x -> Jnp.logaddexp(Jnp.scalar(2f), x).sum();
        assertEquals(0.5f, Jax.grad(left).apply(two).floatValue(), 0f);
        assertEquals(0.5f, Jax.grad(right).apply(two).floatValue(), 0f);
        assertEquals(0.5f, Jax.grad((Array x) -> Jnp.logaddexp(x, 2.0).sum()).apply(two).floatValue(), 0f);
        assertEquals(2 + (float) Math.log(2), Jnp.logaddexp(two, 2.0).floatValue(), 1e-6f);
    }

    @Property(tries = 100)
    void softplusAndLogSigmoidDifferentiateToSigmoids(@ForAll @DoubleRange(min = -30, max = 30) double x, @ForAll boolean atZero) {
        double at = atZero ? 0 : x;
        assertEquals(sigmoid(at), grad(a -> Activations.softplus(a).sum(), at), 1e-14, "softplus' at " + at);
        assertEquals(sigmoid(-at), grad(a -> Activations.logSigmoid(a).sum(), at), 1e-14, "logSigmoid' at " + at);
    }

    @Test
    void softplusAndLogSigmoidHaveSlopeOneHalfAtZero() {
        Array zero = Jnp.array(new float[] {0f});
        assertEquals(0.5f, Jax.grad((Array x) -> Activations.softplus(x).sum()).apply(zero).floatValue(), 0f);
        assertEquals(0.5f, Jax.grad((Array x) -> Activations.logSigmoid(x).sum()).apply(zero).floatValue(), 0f);
    }

    @Property(tries = 100)
    void sigmoidBinaryCrossEntropyGradientIsSigmoidMinusLabel(@ForAll @DoubleRange(min = -20, max = 20) double logit,
                                                              @ForAll @DoubleRange(min = 0, max = 1) double label, @ForAll boolean atZero) {
        double at = atZero ? 0 : logit;
        Array z = Jnp.array(new double[] {label});
        assertEquals(sigmoid(at) - label, grad(x -> Losses.sigmoidBinaryCrossEntropy(x, z).sum(), at), 1e-14);
    }

    @Test
    void zeroInitialisedLogisticRegressionStepsTowardTheLabels() {
        // Features x and labels y: the gradient at w = 0 is mean((sigmoid(0) - y) x) = mean((0.5 - y) x).
        Array x = Jnp.array(new float[] {1f, -2f, 3f, 0.5f}), y = Jnp.array(new float[] {1f, 0f, 1f, 0f});
        Array g = Jax.grad((Array w) -> Losses.sigmoidBinaryCrossEntropy(x.mul(w), y).mean()).apply(Jnp.array(new float[] {0f}).sum());
        assertEquals(((0.5 - 1) * 1 + (0.5 - 0) * -2 + (0.5 - 1) * 3 + (0.5 - 0) * 0.5) / 4, g.floatValue(), 1e-7);
    }

    @Property(tries = 100)
    void relu6HasSlopeOneStrictlyInsideAndZeroAtAndBeyondItsKinks(@ForAll @DoubleRange(min = -10, max = 16) double x, @ForAll boolean kink) {
        double at = kink ? (x > 3 ? 6 : 0) : x;
        double want = at > 0 && at < 6 ? 1 : 0;
        assertEquals(want, grad(a -> Activations.relu6(a).sum(), at), 0, "relu6' at " + at);
        assertEquals(Math.min(Math.max(at, 0), 6), Activations.relu6(Jnp.array(new double[] {at})).doubleValue(), 0);
    }

    @Test
    void relu6ComputesIntegersAndBoolsInF32AsJaxDoes() {
        Array r = Activations.relu6(Jnp.array(new int[] {-3, 2, 7}));
        assertEquals(DType.F32, r.dtype());
        assertArrayEquals(new float[] {0, 2, 6}, r.toFloatArray());
        assertEquals(DType.F32, Activations.relu6(Jnp.array(new boolean[] {true, false})).dtype());
        assertEquals(DType.I32, Activations.relu(Jnp.array(new int[] {-3, 2, 7})).dtype(), "relu keeps the dtype, as jax.nn.relu");
        assertEquals(DType.F64, Activations.relu6(Jnp.array(new double[] {7})).dtype());
    }

    @Property(tries = 50)
    void logsumexpAndHypotSplitTiesEvenly(@ForAll @DoubleRange(min = -20, max = 20) double c) {
        double[] g = Jax.grad((Array a) -> Activations.logsumexp(a)).apply(Jnp.array(new double[] {c, c, c - 1})).toDoubleArray();
        double z = 2 + StrictMath.exp(-1);
        assertArrayEquals(new double[] {1 / z, 1 / z, StrictMath.exp(-1) / z}, g, 1e-14);
        if (c != 0) {
            Array other = Jnp.array(new double[] {c});
            // d/dx sqrt(x² + y²) = x / hypot, 1/√2 · sign(c) at x = y = c.
            assertEquals(Math.signum(c) / Math.sqrt(2), grad(a -> Jnp.hypot(a, other).sum(), c), 1e-14);
        }
    }
}
