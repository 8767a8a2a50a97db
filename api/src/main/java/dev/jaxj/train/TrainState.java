package dev.jaxj.train;

import dev.jaxj.nn.Variables;
import dev.jaxj.random.Key;

import static java.util.Objects.requireNonNull;

/**
 * Everything training changes, as one pytree (so it can be saved with
 * {@link dev.jaxj.io.Checkpoints}): the model's variables, the optimizer's state, and the
 * random stream that shuffling and dropout draw from. Flax's {@code TrainState}.
 *
 * @param variables the model's params and state
 * @param optState  the optimizer's state, as its {@code init} returned it
 * @param rng       the key the next epoch splits its randomness from
 * @param <P>       the model's params' type
 * @param <S>       the model's state's type
 */
public record TrainState<P, S>(Variables<P, S> variables, Object optState, Key rng) {
    public TrainState {
        requireNonNull(variables, "variables is null");
        requireNonNull(optState, "optState is null");
        requireNonNull(rng, "rng is null");
    }
}
