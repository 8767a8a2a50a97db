package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.tree.Tree;

import static java.util.Objects.requireNonNull;

/**
 * The arrays of a module, as a pytree in two collections, Flax's {@code params} and
 * {@code batch_stats}: the trainable {@code params}, which gradients and optimizers act on, and
 * the {@code state} that {@code apply} updates in train mode (the running statistics of batch
 * normalisation). A module without state has {@link #EMPTY} there.
 * {@snippet :
 * Variables<Dense.Params, Variables.Empty> v = Dense.of(3).init(key, x);
 * Dense.Params grads = Jax.grad((Dense.Params p) -> loss(v.withParams(p))).apply(v.params());
 * }
 *
 * @param params the trainable arrays, in the module's own structure
 * @param state  the non-trainable arrays
 * @param <P>    the params' type
 * @param <S>    the state's type
 */
public record Variables<P, S>(P params, S state) {
    public Variables {
        requireNonNull(params, "params is null");
        requireNonNull(state, "state is null");
    }

    /** The state or params of a module that has none: a pytree node without leaves. */
    public record Empty() {}

    /** The empty collection. */
    public static final Empty EMPTY = new Empty();

    /** {@return variables with {@code params} and no state} */
    public static <P> Variables<P, Empty> of(P params) { return new Variables<>(params, EMPTY); }

    /** {@return these variables with other params}, e.g. the ones a gradient step made */
    public Variables<P, S> withParams(P newParams) { return new Variables<>(newParams, state); }

    /** {@return these variables with another state}, e.g. the one {@code apply} returned in train mode */
    public Variables<P, S> withState(S newState) { return new Variables<>(params, newState); }

    /** {@return the number of trainable scalars} */
    public long paramCount() { return count(params); }

    /** {@return the number of non-trainable scalars} */
    public long stateCount() { return count(state); }

    /** {@return the bytes the params and the state take} */
    public long bytes() { return bytes(params) + bytes(state); }

    static long count(Object tree) {
        return Tree.leaves(tree).map(l -> (long) ((Array) l).size()).fold(0L, Long::sum);
    }

    static long bytes(Object tree) {
        return Tree.leaves(tree).map(l -> (Array) l).map(a -> (long) a.size() * a.dtype().bits() / 8).fold(0L, Long::sum);
    }
}
