package dev.jaxj.optim;

import dev.jaxj.array.Array;
import io.vavr.control.Option;

/**
 * Rescales the updates so that their global norm (the L2 norm of all leaves together) is at
 * most {@code maxNorm}: Optax's {@code clip_by_global_norm}. Updates already within the bound
 * are passed through unchanged.
 *
 * @param maxNorm the largest global norm let through
 */
public record ClipByGlobalNorm(double maxNorm) implements GradientTransformation<GradientTransformation.EmptyState> {
    private static final String OP = "clip_by_global_norm";

    @Override
    public EmptyState init(Object params) { return new EmptyState(); }

    @Override
    public <U> Update<U, EmptyState> update(U updates, EmptyState state, Option<?> params) {
        Array norm = Optim.globalNorm(updates);
        Array within = norm.lt(LeafOps.scalarLike(maxNorm, norm));
        Object out = LeafOps.map(updates, OP, t ->
                LeafOps.where(within, t, LeafOps.scaled(t.div(norm.astype(t.dtype())), maxNorm)));
        return new Update<>(LeafOps.same(updates, out), state);
    }

    @Override
    public EmptyState checkState(Object state) { return LeafOps.state(state, EmptyState.class, OP); }
}
