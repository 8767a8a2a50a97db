package dev.jaxj.train;

import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link Trainer#fit}.
 *
 * @param state          the trained state (the best epoch's variables when early stopping restored them)
 * @param history        the per-epoch losses and metrics; an epoch cut short by a non-finite loss is
 *                       recorded too, with that loss in its mean
 * @param stoppedEarly   whether early stopping or a non-finite loss ended training before its last step
 * @param nonFiniteLoss  where a NaN or infinite loss stopped training, when
 *                       {@link FitConfig#withTerminateOnNan} asked for it
 * @param <P>            the model's params' type
 * @param <S>            the model's state's type
 */
public record FitResult<P, S>(TrainState<P, S> state, History history, boolean stoppedEarly, Option<NonFiniteLoss> nonFiniteLoss) {
    public FitResult {
        requireNonNull(state, "state is null");
        requireNonNull(history, "history is null");
        requireNonNull(nonFiniteLoss, "nonFiniteLoss is null");
    }

    /** A result that no non-finite loss cut short. */
    public FitResult(TrainState<P, S> state, History history, boolean stoppedEarly) {
        this(state, history, stoppedEarly, Option.none());
    }

    /**
     * The batch whose loss stopped training.
     *
     * @param epoch the epoch, counting from 1 as the progress bar does
     * @param step  the step within the epoch, counting from 1
     * @param loss  the batch's loss: NaN or infinite
     */
    public record NonFiniteLoss(int epoch, int step, double loss) {}
}
