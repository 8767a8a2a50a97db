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
 * var opt = Optim.adam(1e-3);                 // GradientTransformation<Vector<Object>>
 * var state = opt.init(params);
 * for (var batch : batches) {
 *     Params grads = Jax.grad(loss).apply(params, batch);
 *     var step = opt.update(grads, state, params);
 *     params = Optim.applyUpdates(params, step.updates());
 *     state = step.state();
 * }
 * }
 * A transformation is usually a record of its hyperparameters; users may write their own.
 * Updates keep the type of the tree passed in, so the gradient of a {@code Params} record
 * comes back as a {@code Params} record.
 *
 * @param <S> the state's type: the transformation's {@code State} record, {@link EmptyState},
 *            or a chain's {@code Vector} of states
 */
public interface GradientTransformation<S> {

    /**
     * The result of one update.
     *
     * @param updates the transformed updates, with the structure of the incoming ones
     * @param state   the new state, with the structure of the old one
     * @param <U>     the updates' type, that of the incoming ones
     * @param <S>     the state's type
     */
    record Update<U, S>(U updates, S state) {
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
    S init(Object params);

    /**
     * {@return the transformed updates and the new state}
     *
     * @param updates the incoming updates (usually gradients), a pytree shaped like the params
     * @param state   the state returned by {@link #init} or by the previous update
     * @param params  the current params, needed by transformations such as weight decay
     * @throws dev.jaxj.errors.ArgumentError when the transformation needs params and none were given
     * @throws dev.jaxj.errors.TreeError when the trees do not match the state's structure
     */
    <U> Update<U, S> update(U updates, S state, Option<?> params);

    /**
     * {@return {@link #update(Object, Object, Option)} with {@code params} given}. A params tree
     * that is itself a Vavr {@code Option} must be wrapped: {@code update(g, s, Option.some(tree))}.
     */
    default <U> Update<U, S> update(U updates, S state, Object params) {
        return update(updates, state, Option.some(params));
    }

    /** {@return {@link #update(Object, Object, Option)} without params} */
    default <U> Update<U, S> update(U updates, S state) {
        return update(updates, state, Option.none());
    }

    /**
     * {@return {@code state} as this transformation's state}: what a {@link Optim#chain chain}
     * asks of each part before handing it a state it holds as an {@code Object}. The library's
     * transformations check the type; by default the state is taken as it is.
     *
     * @throws dev.jaxj.errors.ArgumentError when {@code state} is not one this transformation's init makes
     */
    @SuppressWarnings("unchecked")
    default S checkState(Object state) { return (S) state; }
}
