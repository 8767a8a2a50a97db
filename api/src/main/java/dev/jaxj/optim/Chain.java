package dev.jaxj.optim;

import dev.jaxj.errors.ArgumentError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * Transformations applied one after the other: Optax's {@code chain}. The state is a
 * {@link Vector} holding each transformation's state, in order, so a checkpoint names them
 * {@code 0.count}, {@code 1.mu.w}, ….
 *
 * @param transformations the transformations, first applied first
 */
public record Chain(Seq<GradientTransformation<?>> transformations) implements GradientTransformation<Vector<Object>> {
    public Chain {
        requireNonNull(transformations, "transformations is null");
        transformations.forEach(t -> requireNonNull(t, "transformations contains null"));
        transformations = Vector.ofAll(transformations);
    }

    @Override
    public Vector<Object> init(Object params) { return transformations.map(t -> (Object) t.init(params)).toVector(); }

    @Override
    public <U> Update<U, Vector<Object>> update(U updates, Vector<Object> state, Option<?> params) {
        Vector<Object> states = checkState(state);
        U u = updates;
        Vector<Object> next = Vector.empty();
        for (int i = 0; i < transformations.size(); i++) {
            var step = step(transformations.get(i), u, states.get(i), params);
            u = step.updates();
            next = next.append(step.state());
        }
        return new Update<>(u, next);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Vector<Object> checkState(Object state) {
        if (!(state instanceof Vector<?> states) || states.size() != transformations.size())
            throw new ArgumentError("chain", "expects a Vector of " + transformations.size()
                    + " states as returned by its init, got " + describe(state));
        return (Vector<Object>) states;
    }

    /** One part's update, its state checked first: the chain holds the parts' states as {@code Object}s. */
    private static <U, S> GradientTransformation.Update<U, S> step(GradientTransformation<S> t, U updates, Object state, Option<?> params) {
        return t.update(updates, t.checkState(state), params);
    }

    private static String describe(Object state) {
        return state instanceof Vector<?> v ? "a Vector of " + v.size() + " states" : state.getClass().getName();
    }
}
