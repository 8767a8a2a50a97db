package dev.jaxj.train;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import io.vavr.Tuple2;
import io.vavr.control.Option;

import java.io.PrintStream;

import static java.util.Objects.requireNonNull;

/**
 * How {@link Trainer#fit} trains: Keras's {@code fit} arguments.
 * {@snippet :
 * var config = FitConfig.of(10, 10).withValidationSplit(0.2);
 * var quiet = config.withVerbose(false);
 * var guarded = config.withTerminateOnNan(true);  // stop at the first NaN or infinite loss
 * }
 *
 * @param epochs          passes over the training data, {@code >= 1}
 * @param batchSize       examples per step, {@code >= 1}; the last batch of an epoch may be smaller
 * @param validationSplit the fraction of the data held out for validation, taken from the end
 *                        <em>before</em> shuffling, as Keras does (shuffle ordered data first)
 * @param validationData  explicit validation inputs and targets; they take precedence over the split
 * @param shuffle         whether to reshuffle the training data every epoch
 * @param earlyStopping   when to stop before {@code epochs}
 * @param terminateOnNan  whether to stop as soon as a batch's loss is NaN or infinite, Keras's
 *                        {@code TerminateOnNaN} callback; off by default
 * @param verbose         whether to print a progress bar per epoch
 * @param out             where the progress bar goes
 * @param onBatchEnd      called after every training step with its loss, Keras's
 *                        {@code on_train_batch_end}; does nothing by default
 */
public record FitConfig(int epochs, int batchSize, double validationSplit, Option<Tuple2<Array, Array>> validationData,
                        boolean shuffle, Option<EarlyStopping> earlyStopping, boolean terminateOnNan, boolean verbose, PrintStream out,
                        BatchEnd onBatchEnd) {
    public FitConfig {
        if (epochs < 1) throw new ArgumentError("fit", "epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new ArgumentError("fit", "batchSize must be >= 1, got " + batchSize);
        if (!(validationSplit >= 0 && validationSplit < 1)) throw new ArgumentError("fit", "validationSplit must be in [0, 1), got " + validationSplit);
        requireNonNull(validationData, "validationData is null");
        requireNonNull(earlyStopping, "earlyStopping is null");
        requireNonNull(out, "out is null");
        requireNonNull(onBatchEnd, "onBatchEnd is null");
    }

    /**
     * What {@link Trainer#fit} calls after each training step, on the calling thread.
     * {@snippet :
     * var losses = new ArrayList<Double>();
     * var config = FitConfig.of(10, 10).withOnBatchEnd((epoch, step, loss) -> losses.add(loss));
     * }
     */
    @FunctionalInterface
    public interface BatchEnd {
        /**
         * @param epoch the epoch, from 1
         * @param step  the step within the epoch, from 1
         * @param loss  the batch's mean loss
         */
        void batchEnd(int epoch, int step, double loss);
    }

    /** {@return {@code epochs} epochs of batches of {@code batchSize}, shuffled, printing to {@code System.out}} */
    public static FitConfig of(int epochs, int batchSize) {
        return new FitConfig(epochs, batchSize, 0, Option.none(), true, Option.none(), false, true, System.out, (epoch, step, loss) -> {});
    }

    public FitConfig withValidationSplit(double split) {
        return new FitConfig(epochs, batchSize, split, validationData, shuffle, earlyStopping, terminateOnNan, verbose, out, onBatchEnd);
    }

    public FitConfig withValidationData(Array x, Array y) {
        return new FitConfig(epochs, batchSize, validationSplit, Option.some(new Tuple2<>(x, y)), shuffle, earlyStopping, terminateOnNan, verbose, out, onBatchEnd);
    }

    public FitConfig withShuffle(boolean on) {
        return new FitConfig(epochs, batchSize, validationSplit, validationData, on, earlyStopping, terminateOnNan, verbose, out, onBatchEnd);
    }

    public FitConfig withEarlyStopping(EarlyStopping rule) {
        return new FitConfig(epochs, batchSize, validationSplit, validationData, shuffle, Option.some(rule), terminateOnNan, verbose, out, onBatchEnd);
    }

    /**
     * {@return this config stopping training at the first batch whose loss is NaN or infinite}
     * ({@code true}), or training on ({@code false}, the default). That epoch still ends as
     * usual: it is recorded in the history, with its NaN loss, and validated; the state
     * returned is the one after the failing step, as Keras leaves the model.
     */
    public FitConfig withTerminateOnNan(boolean on) {
        return new FitConfig(epochs, batchSize, validationSplit, validationData, shuffle, earlyStopping, on, verbose, out, onBatchEnd);
    }

    public FitConfig withVerbose(boolean on) {
        return new FitConfig(epochs, batchSize, validationSplit, validationData, shuffle, earlyStopping, terminateOnNan, on, out, onBatchEnd);
    }

    public FitConfig withOut(PrintStream stream) {
        return new FitConfig(epochs, batchSize, validationSplit, validationData, shuffle, earlyStopping, terminateOnNan, verbose, stream, onBatchEnd);
    }

    /** {@return this config calling {@code callback} after every training step} */
    public FitConfig withOnBatchEnd(BatchEnd callback) {
        return new FitConfig(epochs, batchSize, validationSplit, validationData, shuffle, earlyStopping, terminateOnNan, verbose, out, callback);
    }
}
