package dev.jaxj.optim;

import dev.jaxj.array.Array;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * Lion's sign update: Optax's {@code scale_by_lion}.
 * {@snippet lang=text :
 * u  = sign((1 - b1) * g + b1 * mu)        mu = (1 - b2) * g + b2 * mu
 * }
 *
 * @param b1 the interpolation between momentum and gradient that gives the step's sign
 * @param b2 the decay of the momentum
 */
public record ScaleByLion(double b1, double b2) implements GradientTransformation<ScaleByLion.State> {

    /**
     * Lion's momentum.
     *
     * @param count i32 scalar, updates made so far
     * @param mu    the momentum, shaped like the params
     */
    public record State(Array count, Object mu) {
        public State {
            requireNonNull(count, "count is null");
            requireNonNull(mu, "mu is null");
        }
    }

    private static final String OP = "scale_by_lion";

    @Override
    public State init(Object params) { return new State(LeafOps.zeroCount(), LeafOps.zerosLike(params, OP)); }

    @Override
    public <U> Update<U, State> update(U updates, State s, Option<?> params) {
        Object out = LeafOps.map2(updates, s.mu(), OP, (g, m) -> LeafOps.moment(g, m, b1).sign());
        Object mu = LeafOps.map2(updates, s.mu(), OP, (g, m) -> LeafOps.moment(g, m, b2));
        return new Update<>(LeafOps.same(updates, out), new State(LeafOps.safeIncrement(s.count()), mu));
    }

    @Override
    public State checkState(Object state) { return LeafOps.state(state, State.class, OP); }
}
