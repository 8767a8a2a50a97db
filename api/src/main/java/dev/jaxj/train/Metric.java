package dev.jaxj.train;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;

import java.util.function.BiFunction;

import static java.util.Objects.requireNonNull;

/**
 * A named statistic of a batch, reported by {@link Trainer#fit} and {@link Trainer#evaluate}
 * as its mean over the epoch (weighted by batch size), as Keras reports metrics.
 * {@snippet :
 * Trainer.of(model, Optim.sgd(0.1), Loss.softmaxCrossEntropy(), Metric.accuracy());
 * }
 *
 * @param name     the key in the history and the progress bar, e.g. {@code accuracy}
 * @param function the batch mean, a floating scalar, from the model's outputs and the targets
 */
public record Metric(String name, BiFunction<Array, Array, Array> function) {
    public Metric {
        requireNonNull(name, "name is null");
        requireNonNull(function, "function is null");
        if (name.isEmpty() || name.startsWith("val_") || name.equals("loss"))
            throw new dev.jaxj.errors.ArgumentError("Metric", "the name must be non-empty, not 'loss' and not start with 'val_', got '" + name + "'");
    }

    /** {@return the fraction of examples whose largest logit is the target class} (integer or one-hot targets) */
    public static Metric accuracy() {
        return new Metric("accuracy", (logits, targets) -> {
            Array predicted = logits.argmax(-1);
            Array labels = targets.ndim() == logits.ndim() ? targets.argmax(-1) : targets;
            if (!labels.shape().equals(predicted.shape()))
                throw new ShapeError("accuracy", "targets must be class indices of shape " + predicted.shape()
                        + " or one-hot rows shaped like the logits " + logits.aval() + ", got " + targets.aval());
            return predicted.eq(labels.astype(predicted.dtype())).astype(DType.F32).mean();
        });
    }

    /** {@return the fraction of examples whose logit has the sign of the target}: {@code (x > 0) == (t > 0.5)} */
    public static Metric binaryAccuracy() {
        return new Metric("accuracy", (logits, targets) -> {
            if (logits.size() != targets.size())
                throw new ShapeError("binary_accuracy", "targets must have as many elements as the logits, got " + logits.aval() + " and " + targets.aval());
            Array t = targets.reshape(logits.shape().toArray());
            return logits.gt(0.0).eq(t.gt(0.5)).astype(DType.F32).mean();
        });
    }

    /** {@return the mean absolute error}, for regression */
    public static Metric meanAbsoluteError() {
        return new Metric("mae", (p, t) -> p.sub(t.reshape(p.shape().toArray()).astype(p.dtype())).abs().mean());
    }
}
