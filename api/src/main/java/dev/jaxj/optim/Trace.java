package dev.jaxj.optim;

import dev.jaxj.array.Array;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * Momentum: Optax's {@code trace}. With {@code t = g + decay * t}, the update is {@code t}, or
 * {@code g + decay * t} (the new {@code t}) for Nesterov momentum.
 *
 * @param decay    the momentum coefficient
 * @param nesterov whether to use Nesterov's look-ahead form
 */
public record Trace(double decay, boolean nesterov) implements GradientTransformation<Trace.State> {

    /**
     * The accumulated momentum.
     *
     * @param trace a tree shaped like the params
     */
    public record State(Object trace) {
        public State { requireNonNull(trace, "trace is null"); }
    }

    @Override
    public State init(Object params) { return new State(LeafOps.zerosLike(params, "trace")); }

    @Override
    public <U> Update<U, State> update(U updates, State s, Option<?> params) {
        Object trace = LeafOps.map2(updates, s.trace(), "trace", this::step);
        Object out = nesterov ? LeafOps.map2(updates, trace, "trace", this::step) : trace;
        return new Update<>(LeafOps.same(updates, out), new State(trace));
    }

    private Array step(Array g, Array t) { return g.add(LeafOps.scaled(t, decay)); }

    @Override
    public State checkState(Object state) { return LeafOps.state(state, State.class, "trace"); }
}
