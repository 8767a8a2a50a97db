package dev.jaxj.optim;

import io.vavr.control.Option;

/**
 * Multiplies the updates by a fixed scalar: Optax's {@code scale}.
 *
 * @param stepSize the factor; applied in each leaf's own dtype
 */
public record Scale(double stepSize) implements GradientTransformation {
    @Override
    public Object init(Object params) { return new EmptyState(); }

    @Override
    public Update update(Object updates, Object state, Option<?> params) {
        LeafOps.state(state, EmptyState.class, "scale");
        return new Update(LeafOps.map(updates, "scale", g -> LeafOps.scaled(g, stepSize)), state);
    }
}
