package dev.jaxj.optim;

import io.vavr.control.Option;

/**
 * Multiplies the updates by a fixed scalar: Optax's {@code scale}.
 *
 * @param stepSize the factor; applied in each leaf's own dtype
 */
public record Scale(double stepSize) implements GradientTransformation<GradientTransformation.EmptyState> {
    @Override
    public EmptyState init(Object params) { return new EmptyState(); }

    @Override
    public <U> Update<U, EmptyState> update(U updates, EmptyState state, Option<?> params) {
        return new Update<>(LeafOps.same(updates, LeafOps.map(updates, "scale", g -> LeafOps.scaled(g, stepSize))), state);
    }

    @Override
    public EmptyState checkState(Object state) { return LeafOps.state(state, EmptyState.class, "scale"); }
}
