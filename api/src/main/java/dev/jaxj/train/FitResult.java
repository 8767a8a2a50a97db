package dev.jaxj.train;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link Trainer#fit}.
 *
 * @param state        the trained state (the best epoch's variables when early stopping restored them)
 * @param history      the per-epoch losses and metrics
 * @param stoppedEarly whether early stopping ended training before the last epoch
 */
public record FitResult(TrainState state, History history, boolean stoppedEarly) {
    public FitResult {
        requireNonNull(state, "state is null");
        requireNonNull(history, "history is null");
    }
}
