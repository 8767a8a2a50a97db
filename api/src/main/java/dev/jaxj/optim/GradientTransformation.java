package dev.jaxj.optim;

import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * A gradient transformation: Optax's pair of pure functions {@code init(params) -> state} and
 * {@code update(updates, state, params) -> (updates, state)}.
 *
 * <p>Nothing is mutated. The state is a pytree of arrays (the transformation's own {@code State}
 * record, a {@link Optim#chain chain}'s sequence of states, or {@link EmptyState}), so it can
 * be passed through {@code jit}, differentiated through, and saved with
 * {@link dev.jaxj.io.Checkpoints}. Updates and params are pytrees of floating arrays with the
 * same structure.
 * {@snippet :
 * GradientTransformation opt = Optim.adam(1e-3);
 * Object state = opt.init(params);
 * for (var batch : batches) {
 *     Params grads = Jax.grad(loss).apply(params, batch);
 *     var step = opt.update(grads, state, params);
 *     params = Optim.applyUpdates(params, step.updates());
 *     state = step.state();
 * }
 * }
 * A transformation is usually a record of its hyperparameters; users may write their own.
 */
public interface GradientTransformation {

    /**
     * The result of one update.
     *
     * @param updates the transformed updates, with the structure of the incoming ones
     * @param state   the new state, with the structure of the old one
     */
    record Update(Object updates, Object state) {
        public Update {
            requireNonNull(updates, "updates is null");
            requireNonNull(state, "state is null");
        }
    }

    /** The state of a transformation that keeps none: a pytree node without leaves. */
    record EmptyState() {}

    /**
     * {@return the initial state for {@code params}}
     *
     * @param params the pytree of arrays to be optimised; only its structure, shapes and dtypes are used
     */
    Object init(Object params);

    /**
     * {@return the transformed updates and the new state}
     *
     * @param updates the incoming updates (usually gradients), a pytree shaped like the params
     * @param state   the state returned by {@link #init} or by the previous update
     * @param params  the current params, needed by transformations such as weight decay
     * @throws dev.jaxj.errors.ArgumentError when the transformation needs params and none were given
     * @throws dev.jaxj.errors.TreeError when the trees do not match the state's structure
     */
    Update update(Object updates, Object state, Option<?> params);

    /**
     * {@return {@link #update(Object, Object, Option)} with {@code params} given}. A params tree
     * that is itself a Vavr {@code Option} must be wrapped: {@code update(g, s, Option.some(tree))}.
     */
    default Update update(Object updates, Object state, Object params) {
        return update(updates, state, Option.some(params));
    }

    /** {@return {@link #update(Object, Object, Option)} without params} */
    default Update update(Object updates, Object state) {
        return update(updates, state, Option.none());
    }
}
