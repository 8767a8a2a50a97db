package dev.jaxj.optim;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.DType;
import dev.jaxj.tree.Tree;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** The building blocks (clipping, chaining, step counting, applying updates), end-to-end training, and misuse. */
class TransformsTest {
    record P(Array w, Array b) {}

    private static P p(double[] w, double b) { return new P(Jnp.array(w), Jnp.scalar(b, DType.F64)); }

    private static double[] flat(Object tree) {
        var p = (P) tree;
        double[] w = p.w().toDoubleArray();
        double[] out = java.util.Arrays.copyOf(w, w.length + 1);
        out[w.length] = p.b().doubleValue();
        return out;
    }

    @Test
    void shouldMeasureTheGlobalNormOfAllLeaves() {
        assertEquals(13, Optim.globalNorm(p(new double[] {3, 4}, 12)).doubleValue(), 1e-12);
        assertEquals(0, Optim.globalNorm(List.empty()).doubleValue());
    }

    @Test
    void shouldClipUpdatesAboveTheGlobalNorm() {
        var clip = Optim.clipByGlobalNorm(6.5);
        var out = clip.update(p(new double[] {3, 4}, 12), clip.init(List.empty()));
        assertArrayEquals(new double[] {1.5, 2, 6}, flat(out.updates()), 1e-12);
        assertInstanceOf(GradientTransformation.EmptyState.class, out.state());
    }

    @Test
    void shouldPassUpdatesWithinTheNormUnchanged() {
        var clip = Optim.clipByGlobalNorm(13.5);
        double[] g = {3, 4, 12};
        assertArrayEquals(g, flat(clip.update(p(new double[] {3, 4}, 12), new GradientTransformation.EmptyState()).updates()));
        // At the bound exactly, the update is scaled by max/norm = 1: the same values.
        assertArrayEquals(g, flat(Optim.clipByGlobalNorm(13).update(p(new double[] {3, 4}, 12),
                new GradientTransformation.EmptyState()).updates()), 1e-12);
    }

    @Test
    void shouldThreadUpdatesThroughAChainInOrder() {
        // Scale then clip: [6, 8, 24] has norm 26, clipped to norm 1.
        var scaleThenClip = Optim.chain(Optim.scale(2), Optim.clipByGlobalNorm(1));
        var state = scaleThenClip.init(p(new double[] {0, 0}, 0));
        assertEquals(Vector.of(new GradientTransformation.EmptyState(), new GradientTransformation.EmptyState()), state);
        var out = scaleThenClip.update(p(new double[] {3, 4}, 12), state);
        assertArrayEquals(new double[] {6 / 26.0, 8 / 26.0, 24 / 26.0}, flat(out.updates()), 1e-12);
        // Clip then scale: [3, 4, 12] clipped to norm 1, then doubled.
        var clipThenScale = Optim.chain(Optim.clipByGlobalNorm(1), Optim.scale(2));
        var out2 = clipThenScale.update(p(new double[] {3, 4}, 12), clipThenScale.init(p(new double[] {0, 0}, 0)));
        assertArrayEquals(new double[] {6 / 13.0, 8 / 13.0, 24 / 13.0}, flat(out2.updates()), 1e-12);
    }

    @Test
    void shouldCountStepsFromZeroAndSaturate() {
        var seen = new java.util.ArrayList<Integer>();
        var opt = Optim.scaleBySchedule(count -> {
            seen.add(count.intValue());
            return Array.scalar(1, DType.F32);
        });
        var state = opt.init(p(new double[] {1}, 1));
        for (int i = 0; i < 3; i++) state = opt.update(p(new double[] {1}, 1), state).state();
        assertEquals(java.util.List.of(0, 1, 2), seen);
        assertEquals(3, state.count().intValue());
        var last = new ScaleBySchedule.State(Array.scalar(Integer.MAX_VALUE, DType.I32));
        var next = opt.update(p(new double[] {1}, 1), last).state();
        assertEquals(Integer.MAX_VALUE, next.count().intValue(), "the count saturates instead of wrapping");
    }

    @Test
    void shouldApplyUpdatesInTheParamsDtype() {
        var params = new P(Jnp.array(new float[] {1, 2}), Jnp.scalar(3f));
        P out = Optim.applyUpdates(params, p(new double[] {0.5, -1}, 0.25));
        assertEquals(DType.F32, out.w().dtype());
        assertEquals(DType.F32, out.b().dtype());
        assertArrayEquals(new float[] {1.5f, 1f}, out.w().toFloatArray());
        assertEquals(3.25f, out.b().floatValue());
    }

    @Test
    void shouldRequireParamsForWeightDecay() {
        var opt = Optim.adamw(0.1);
        P params = p(new double[] {1}, 1);
        var e = assertThrows(ArgumentError.class, () -> opt.update(params, opt.init(params)));
        assertTrue(e.getMessage().contains("add_decayed_weights: needs the current params"), e.getMessage());
    }

    @Test
    void shouldRejectAStateFromAnotherTransformation() {
        var adam = Optim.adam(0.1);
        P params = p(new double[] {1}, 1);
        var e = assertThrows(ArgumentError.class, () -> adam.update(params, Optim.sgd(0.1).init(params)));
        assertTrue(e.getMessage().contains("scale_by_adam: expects a state of type dev.jaxj.optim.ScaleByAdam.State"), e.getMessage());
        // A state the types do not vouch for, e.g. read back from a file: the chain checks it.
        var e2 = assertThrows(ArgumentError.class, () -> adam.checkState(new GradientTransformation.EmptyState()));
        assertTrue(e2.getMessage().contains("chain: expects a Vector of 2 states"), e2.getMessage());
    }

    @Test
    void shouldRejectUpdatesShapedUnlikeTheState() {
        var opt = Optim.sgd(0.1, 0.9, false);
        var state = opt.init(p(new double[] {1}, 1));
        assertThrows(TreeError.class, () -> opt.update(List.of(Jnp.array(new double[] {1})), state));
    }

    /** f(w, b) = |w - (1, -2)|^2 + (b - 3)^2 has its minimum at w = (1, -2), b = 3. */
    private static Array loss(P p) {
        return p.w().sub(Jnp.array(new double[] {1, -2})).square().sum().add(p.b().sub(3.0).square());
    }

    private static <S> P train(GradientTransformation<S> opt, int steps) {
        Function<P, P> grad = Jax.grad(TransformsTest::loss);
        P params = p(new double[] {0, 0}, 0);
        var state = opt.init(params);
        for (int i = 0; i < steps; i++) {
            var step = opt.update(grad.apply(params), state, params);
            params = Optim.applyUpdates(params, step.updates());
            state = step.state();
        }
        return params;
    }

    @Test
    void shouldMinimiseAQuadraticWithSgd() {
        // Each SGD step with lr 0.1 on this quadratic shrinks the error by 1 - 0.2: after 100 steps by 0.8^100 < 1e-9.
        assertArrayEquals(new double[] {1, -2, 3}, flat(train(Optim.sgd(0.1), 100)), 1e-8);
    }

    @Test
    void shouldMinimiseAQuadraticWithAdam() {
        // Adam moves each coordinate by about lr per step until it nears the minimum, then oscillates down:
        // the same recurrence run in doubles ends 4.5e-4 from the minimum after 150 steps.
        assertArrayEquals(new double[] {1, -2, 3}, flat(train(Optim.adam(0.1), 150)), 1e-3);
    }

    @Test
    void shouldGiveTheSameStepUnderJit() {
        record Step(P params, Vector<Object> state) {}
        var opt = Optim.adamw(Schedules.warmupCosineDecay(0, 0.1, 2, 10, 0.01));
        Function<P, P> grad = Jax.grad(TransformsTest::loss);
        Function<Step, Step> step = s -> {
            var u = opt.update(grad.apply(s.params()), s.state(), s.params());
            return new Step(Optim.applyUpdates(s.params(), u.updates()), u.state());
        };
        Function<Step, Step> jitted = Jax.jit(step);
        P params = p(new double[] {0.5, 0.5}, -1);
        Step eager = new Step(params, opt.init(params)), compiled = eager;
        for (int i = 0; i < 4; i++) {
            eager = step.apply(eager);
            compiled = jitted.apply(compiled);
        }
        assertArrayEquals(flat(eager.params()), flat(compiled.params()), 1e-12);
        var e = Tree.leaves(eager.state());
        var c = Tree.leaves(compiled.state());
        for (int i = 0; i < e.size(); i++)
            assertArrayEquals(((Array) e.get(i)).toDoubleArray(), ((Array) c.get(i)).toDoubleArray(), 1e-12, "state leaf " + i);
    }
}
