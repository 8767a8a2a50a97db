package dev.jaxj.optim;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each optimizer's first three steps against its closed form, worked in plain Java doubles.
 * Params are a record of an f64 vector and an f64 scalar; the references see them as one flat
 * vector {@code [w0, w1, w2, b]}.
 */
class OptimTest {
    record P(Array w, Array b) {}

    /** One optimizer step in doubles: updates from the gradient and the current params, keeping its own state. */
    interface Reference {
        double[] step(double[] g, double[] p);
    }

    static final double[] P0 = {0.5, -1.5, 2.0, 0.25};
    /** Gradients chosen so that a zero, both signs and several magnitudes occur in every leaf. */
    static final double[][] G = {{0.1, -0.2, 0.0, 1.0}, {0.3, 0.0, -0.5, 2.0}, {-0.4, 0.25, 0.75, -1.0}};
    static final int N = P0.length;

    static P tree(double[] flat, DType dtype) {
        return new P(Jnp.array(Arrays.copyOf(flat, 3)).astype(dtype), Jnp.scalar(flat[3], dtype));
    }

    static double[] flat(Object tree) {
        var p = (P) tree;
        double[] w = p.w().toDoubleArray();
        return new double[] {w[0], w[1], w[2], p.b().doubleValue()};
    }

    /**
     * Runs three steps of {@code opt} and of {@code ref}, comparing updates and params after
     * each; {@code tol} is relative to max(1, |expected|).
     */
    static <S> void assertMatches(GradientTransformation<S> opt, Reference ref, DType dtype, double tol) {
        Object params = tree(P0, dtype);
        var state = opt.init(params);
        double[] p = P0.clone();
        for (int t = 0; t < G.length; t++) {
            var step = opt.update(tree(G[t], dtype), state, params);
            double[] want = ref.step(G[t], p);
            assertClose(want, flat(step.updates()), tol, "updates of step " + (t + 1));
            assertEquals(dtype, ((P) step.updates()).w().dtype(), "update dtype");
            params = Optim.applyUpdates(params, step.updates());
            for (int i = 0; i < N; i++) p[i] += want[i];
            assertClose(p, flat(params), tol, "params after step " + (t + 1));
            state = step.state();
        }
    }

    static void assertClose(double[] want, double[] got, double tol, String what) {
        for (int i = 0; i < want.length; i++)
            assertEquals(want[i], got[i], tol * Math.max(1, Math.abs(want[i])), what + ", element " + i
                    + ": want " + Arrays.toString(want) + ", got " + Arrays.toString(got));
    }

    /** f64 throughout: the implementation uses each leaf's dtype for its constants, so only rounding differs. */
    static final double F64 = 1e-12;

    // SGD -------------------------------------------------------------------------------------

    static Reference sgdRef(double lr) {
        return (g, p) -> Arrays.stream(g).map(x -> -lr * x).toArray();
    }

    static Reference momentumRef(double lr, double m, boolean nesterov) {
        double[] trace = new double[N];
        return (g, p) -> {
            double[] u = new double[N];
            for (int i = 0; i < N; i++) {
                trace[i] = g[i] + m * trace[i];
                u[i] = -lr * (nesterov ? g[i] + m * trace[i] : trace[i]);
            }
            return u;
        };
    }

    @Test
    void shouldStepAgainstTheGradientForSgd() {
        assertMatches(Optim.sgd(0.1), sgdRef(0.1), DType.F64, F64);
    }

    @Test
    void shouldAccumulateMomentum() {
        assertMatches(Optim.sgd(0.1, 0.9, false), momentumRef(0.1, 0.9, false), DType.F64, F64);
    }

    @Test
    void shouldLookAheadWithNesterovMomentum() {
        assertMatches(Optim.sgd(0.1, 0.9, true), momentumRef(0.1, 0.9, true), DType.F64, F64);
    }

    // Adam and AdamW --------------------------------------------------------------------------

    /** Adam with bias correction at the count after increment, eps outside the square root, plus decoupled decay. */
    static Reference adamRef(double lr, double b1, double b2, double eps, double weightDecay) {
        double[] m = new double[N], v = new double[N];
        int[] t = {0};
        return (g, p) -> {
            t[0]++;
            double[] u = new double[N];
            for (int i = 0; i < N; i++) {
                m[i] = (1 - b1) * g[i] + b1 * m[i];
                v[i] = (1 - b2) * g[i] * g[i] + b2 * v[i];
                double mHat = m[i] / (1 - Math.pow(b1, t[0]));
                double vHat = v[i] / (1 - Math.pow(b2, t[0]));
                u[i] = -lr * (mHat / (Math.sqrt(vHat) + eps) + weightDecay * p[i]);
            }
            return u;
        };
    }

    @Test
    void shouldMatchAdamsClosedFormWithDefaults() {
        assertMatches(Optim.adam(0.01), adamRef(0.01, 0.9, 0.999, 1e-8, 0), DType.F64, F64);
    }

    /** A large eps tells eps outside the square root from eps inside it. */
    @Test
    void shouldMatchAdamsClosedFormWithLargeEps() {
        assertMatches(Optim.adam(0.1, 0.8, 0.9, 0.05), adamRef(0.1, 0.8, 0.9, 0.05, 0), DType.F64, F64);
    }

    @Test
    void shouldDecayWeightsDecoupledFromAdamsScaling() {
        assertMatches(Optim.adamw(0.1, 0.8, 0.9, 0.05, 0.2), adamRef(0.1, 0.8, 0.9, 0.05, 0.2), DType.F64, F64);
        assertMatches(Optim.adamw(0.01), adamRef(0.01, 0.9, 0.999, 1e-8, 1e-4), DType.F64, F64);
    }

    /** f32 params are updated in f32; the tolerance is a few f32 ulps of the O(0.1) updates. */
    @Test
    void shouldKeepF32ParamsInF32() {
        assertMatches(Optim.adam(0.1, 0.8, 0.9, 0.05), adamRef(0.1, 0.8, 0.9, 0.05, 0), DType.F32, 2e-6);
    }

    @Test
    void shouldEvaluateTheLearningRateScheduleAtTheCountBeforeEachStep() {
        Schedule lr = Schedules.exponentialDecay(0.1, 1, 0.5);  // 0.1, 0.05, 0.025
        double[] rates = {0.1, 0.05, 0.025};
        int[] t = {0};
        Reference adam = adamRef(1, 0.9, 0.999, 1e-8, 0);
        Reference scheduled = (g, p) -> Arrays.stream(adam.step(g, p)).map(x -> x * rates[t[0]]).toArray();
        Reference counted = (g, p) -> {
            double[] u = scheduled.step(g, p);
            t[0]++;
            return u;
        };
        // The schedule is computed in f32: its values carry f32 rounding, so this compares at f32 precision.
        assertMatches(Optim.adam(lr), counted, DType.F64, 1e-7);
    }

    // RMSProp and Adagrad ---------------------------------------------------------------------

    static Reference rmspropRef(double lr, double decay, double eps) {
        double[] v = new double[N];
        return (g, p) -> {
            double[] u = new double[N];
            for (int i = 0; i < N; i++) {
                v[i] = (1 - decay) * g[i] * g[i] + decay * v[i];
                u[i] = -lr * g[i] / Math.sqrt(v[i] + eps);
            }
            return u;
        };
    }

    @Test
    void shouldScaleByTheRootMeanSquareForRmsprop() {
        assertMatches(Optim.rmsprop(0.1, 0.5, 0.01), rmspropRef(0.1, 0.5, 0.01), DType.F64, F64);
        assertMatches(Optim.rmsprop(0.01), rmspropRef(0.01, 0.9, 1e-8), DType.F64, F64);
    }

    static Reference adagradRef(double lr, double initial, double eps) {
        double[] s = new double[N];
        Arrays.fill(s, initial);
        return (g, p) -> {
            double[] u = new double[N];
            for (int i = 0; i < N; i++) {
                s[i] += g[i] * g[i];
                u[i] = s[i] > 0 ? -lr * g[i] / Math.sqrt(s[i] + eps) : 0;
            }
            return u;
        };
    }

    @Test
    void shouldScaleByTheRootOfTheSumOfSquaresForAdagrad() {
        assertMatches(Optim.adagrad(0.1, 0.5, 0.01), adagradRef(0.1, 0.5, 0.01), DType.F64, F64);
        assertMatches(Optim.adagrad(0.01), adagradRef(0.01, 0.1, 1e-7), DType.F64, F64);
    }

    /** With no initial accumulator, a zero gradient gives a zero update rather than 0/0. */
    @Test
    void shouldGiveZeroAdagradUpdatesWhileTheSumIsZero() {
        assertMatches(Optim.adagrad(0.1, 0, 0), adagradRef(0.1, 0, 0), DType.F64, F64);
    }

    // Lion ------------------------------------------------------------------------------------

    static Reference lionRef(double lr, double b1, double b2, double weightDecay) {
        double[] m = new double[N];
        return (g, p) -> {
            double[] u = new double[N];
            for (int i = 0; i < N; i++) {
                double c = (1 - b1) * g[i] + b1 * m[i];
                u[i] = -lr * (Math.signum(c) + weightDecay * p[i]);
                m[i] = (1 - b2) * g[i] + b2 * m[i];
            }
            return u;
        };
    }

    @Test
    void shouldStepBySignsForLion() {
        assertMatches(Optim.lion(0.1, 0.8, 0.7, 0.05), lionRef(0.1, 0.8, 0.7, 0.05), DType.F64, F64);
        assertMatches(Optim.lion(0.01), lionRef(0.01, 0.9, 0.99, 1e-3), DType.F64, F64);
    }

    // State -----------------------------------------------------------------------------------

    @Test
    void shouldKeepAdamsCountAndMomentsInTheState() {
        var opt = Optim.adam(0.1);
        Object params = tree(P0, DType.F64);
        var state = opt.init(params);
        for (double[] g : G) state = opt.update(tree(g, DType.F64), state, params).state();
        var chain = (Vector<?>) state;
        var adam = (ScaleByAdam.State) chain.get(0);
        assertEquals(3, adam.count().intValue());
        assertEquals(DType.I32, adam.count().dtype());
        double[] m = new double[N];
        for (double[] g : G) for (int i = 0; i < N; i++) m[i] = 0.1 * g[i] + 0.9 * m[i];
        assertClose(m, flat(adam.mu()), F64, "first moment");
        assertInstanceOf(GradientTransformation.EmptyState.class, chain.get(1));
    }
}
