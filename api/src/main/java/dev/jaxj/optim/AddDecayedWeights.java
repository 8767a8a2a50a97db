package dev.jaxj.optim;

import io.vavr.control.Option;

/**
 * Adds {@code weightDecay * params} to the updates: Optax's {@code add_decayed_weights}, the
 * decoupled weight decay of AdamW when chained before the learning rate.
 *
 * @param weightDecay the decay coefficient
 */
public record AddDecayedWeights(double weightDecay) implements GradientTransformation<GradientTransformation.EmptyState> {
    private static final String OP = "add_decayed_weights";

    @Override
    public EmptyState init(Object params) { return new EmptyState(); }

    @Override
    public <U> Update<U, EmptyState> update(U updates, EmptyState state, Option<?> params) {
        Object p = LeafOps.requireParams(params, OP);
        return new Update<>(LeafOps.same(updates, LeafOps.map2(updates, p, OP, (g, w) -> g.add(LeafOps.scaled(w, weightDecay)))), state);
    }

    @Override
    public EmptyState checkState(Object state) { return LeafOps.state(state, EmptyState.class, OP); }
}
