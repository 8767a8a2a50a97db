package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;

/**
 * Loss functions with Optax's names and conventions: each returns the loss of every example
 * (or element), not their mean, so that callers choose how to reduce and weight them; the
 * {@code mean…} variants reduce to a scalar for {@code grad}. Computed from logits, stably.
 * {@snippet :
 * Array loss = Losses.softmaxCrossEntropyWithIntegerLabels(logits, labels).mean();   // logits f32[b,k], labels i32[b]
 * Array mse = Losses.meanSquaredError(predictions, targets);                         // f32[]
 * }
 */
public final class Losses {
    private Losses() {}

    /**
     * {@return {@code -sum(labels * log_softmax(logits))} over the last axis}: shape {@code [...]}
     * for logits {@code [..., k]}
     *
     * @param labels class probabilities (one-hot labels, or soft ones) shaped like {@code logits}
     * @throws ShapeError when the shapes differ
     */
    public static Array softmaxCrossEntropy(Array logits, Array labels) {
        if (!logits.shape().equals(labels.shape()))
            throw new ShapeError("softmax_cross_entropy", "labels must be shaped like the logits, got logits " + logits.aval() + " and labels " + labels.aval());
        return Activations.logSoftmax(logits).mul(labels).sum(-1).neg();
    }

    /**
     * {@return {@code logsumexp(logits) - logits[label]}}, the cross-entropy with integer class
     * labels: shape {@code [...]} for logits {@code [..., k]} and labels {@code [...]}
     *
     * @throws ShapeError  when the labels' shape is not the logits' without the last axis
     * @throws DTypeError  when the labels are not integers
     */
    public static Array softmaxCrossEntropyWithIntegerLabels(Array logits, Array labels) {
        if (!labels.dtype().isInteger())
            throw new DTypeError("softmax_cross_entropy_with_integer_labels", "labels must be integer class indices, got " + labels.aval());
        if (logits.ndim() == 0 || !logits.shape().without(logits.ndim() - 1).equals(labels.shape()))
            throw new ShapeError("softmax_cross_entropy_with_integer_labels",
                    "labels must have the logits' shape without the class axis, got logits " + logits.aval() + " and labels " + labels.aval());
        Array oneHot = Activations.oneHot(labels, logits.shape().dim(-1), Activations.logSoftmax(logits).dtype());
        return Activations.logSoftmax(logits).mul(oneHot).sum(-1).neg();
    }

    /** {@return {@code (predictions - targets)²} elementwise}, broadcasting as NumPy does */
    public static Array squaredError(Array predictions, Array targets) {
        return predictions.sub(targets).square();
    }

    /** {@return {@code ½ (predictions - targets)²} elementwise}: Optax's {@code l2_loss} */
    public static Array l2Loss(Array predictions, Array targets) {
        return squaredError(predictions, targets).mul(0.5);
    }

    /** {@return the mean of {@link #squaredError}}, a scalar */
    public static Array meanSquaredError(Array predictions, Array targets) {
        return squaredError(predictions, targets).mean();
    }

    /**
     * {@return the binary cross-entropy of {@code sigmoid(logits)} against {@code labels}
     * elementwise}: {@code softplus(x) - x·z}, exact for large |x|
     *
     * @param labels targets in {@code [0, 1]}, shaped like the logits
     * @throws ShapeError when the shapes differ
     */
    public static Array sigmoidBinaryCrossEntropy(Array logits, Array labels) {
        if (!logits.shape().equals(labels.shape()))
            throw new ShapeError("sigmoid_binary_cross_entropy", "labels must be shaped like the logits, got logits " + logits.aval() + " and labels " + labels.aval());
        Array x = Activations.softplus(logits);
        return x.sub(logits.mul(labels.astype(x.dtype())));
    }
}
