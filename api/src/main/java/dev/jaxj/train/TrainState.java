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
 */
public record TrainState(Variables variables, Object optState, Key rng) {
    public TrainState {
        requireNonNull(variables, "variables is null");
        requireNonNull(optState, "optState is null");
        requireNonNull(rng, "rng is null");
    }
}
