package dev.jaxj.train;

import dev.jaxj.errors.ArgumentError;

import static java.util.Objects.requireNonNull;

/**
 * Stops training when a monitored quantity has stopped improving, Keras's
 * {@code EarlyStopping}: after {@code patience} epochs in a row without an improvement of more
 * than {@code minDelta}. Quantities named {@code *loss*} or {@code *error*} improve downwards,
 * others (accuracy) upwards.
 * {@snippet :
 * FitConfig.of(100, 32).withValidationSplit(0.2).withEarlyStopping(EarlyStopping.onValLoss(5).restoringBestWeights());
 * }
 *
 * @param monitor            the history key to watch, e.g. {@code val_loss}
 * @param patience           epochs without improvement before stopping, {@code >= 0}
 * @param minDelta           the least change that counts as an improvement, {@code >= 0}
 * @param restoreBestWeights whether to return the variables of the best epoch rather than the last
 */
public record EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBestWeights) {
    public EarlyStopping {
        requireNonNull(monitor, "monitor is null");
        if (patience < 0) throw new ArgumentError("EarlyStopping", "patience must be >= 0, got " + patience);
        if (!(minDelta >= 0)) throw new ArgumentError("EarlyStopping", "minDelta must be >= 0, got " + minDelta);
    }

    /** {@return early stopping on the validation loss with this patience} */
    public static EarlyStopping onValLoss(int patience) { return new EarlyStopping("val_loss", patience, 0, false); }

    /** {@return this rule, restoring the best epoch's variables when it stops} */
    public EarlyStopping restoringBestWeights() { return new EarlyStopping(monitor, patience, minDelta, true); }

    /** {@return this rule with another minimum improvement} */
    public EarlyStopping withMinDelta(double delta) { return new EarlyStopping(monitor, patience, delta, restoreBestWeights); }

    /** {@return whether {@code current} improves on {@code best}} */
    boolean improves(double current, double best) {
        return lowerIsBetter() ? current < best - minDelta : current > best + minDelta;
    }

    /** {@return the value every first observation improves on} */
    double worst() { return lowerIsBetter() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY; }

    private boolean lowerIsBetter() { return monitor.contains("loss") || monitor.contains("error") || monitor.endsWith("mae"); }
}
