package dev.jaxj.optim;

import io.vavr.control.Option;

/** Passes the updates through unchanged: Optax's {@code identity}, e.g. SGD's place holder for momentum. */
public record Identity() implements GradientTransformation<GradientTransformation.EmptyState> {
    @Override
    public EmptyState init(Object params) { return new EmptyState(); }

    @Override
    public <U> Update<U, EmptyState> update(U updates, EmptyState state, Option<?> params) {
        return new Update<>(updates, state);
    }

    @Override
    public EmptyState checkState(Object state) { return LeafOps.state(state, EmptyState.class, "identity"); }
}
