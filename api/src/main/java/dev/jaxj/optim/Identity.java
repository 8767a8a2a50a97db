package dev.jaxj.optim;

import io.vavr.control.Option;

/** Passes the updates through unchanged: Optax's {@code identity}, e.g. SGD's place holder for momentum. */
public record Identity() implements GradientTransformation {
    @Override
    public Object init(Object params) { return new EmptyState(); }

    @Override
    public Update update(Object updates, Object state, Option<?> params) {
        LeafOps.state(state, EmptyState.class, "identity");
        return new Update(updates, state);
    }
}
