package dev.jaxj.train;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Losses;

/**
 * A training objective: a scalar from a batch of model outputs and targets, averaged over the
 * batch, as Keras's losses are. The factories wrap {@link Losses}.
 * {@snippet :
 * Loss ce = Loss.softmaxCrossEntropy();      // logits f32[b,k]; labels i32[b] or one-hot f32[b,k]
 * Array value = ce.apply(logits, labels);    // f32[]
 * }
 */
@FunctionalInterface
public interface Loss {

    /** {@return the mean loss of the batch}, a floating scalar */
    Array apply(Array predictions, Array targets);

    /**
     * Checks concrete targets on the host before {@link Trainer#fit} or
     * {@link Trainer#evaluate} runs its compiled steps on them, where they are traced and
     * cannot be read. The default accepts any targets.
     *
     * @param op          the calling function, to name in the error
     * @param predictions the aval of the model's output for one batch
     * @param targets     all the targets
     * @throws dev.jaxj.errors.JaxjException when the loss cannot take the targets
     */
    default void checkTargets(String op, ShapedArray predictions, Array targets) {}

    /**
     * {@return softmax cross-entropy of logits}: integer targets are class indices
     * ({@code [b]}), floating targets class probabilities ({@code [b, k]}), Keras's
     * sparse and plain categorical cross-entropy in one. Its {@link #checkTargets} rejects
     * integer targets outside {@code [0, k)}.
     */
    static Loss softmaxCrossEntropy() {
        return new SoftmaxCrossEntropy();
    }

    /** {@return the mean squared error}; targets of the predictions' size are reshaped to their shape */
    static Loss meanSquaredError() {
        return (predictions, targets) -> Losses.meanSquaredError(predictions, like(predictions, targets, "mean_squared_error"));
    }

    /** {@return binary cross-entropy of logits against targets in {@code [0, 1]}}, reshaped as for MSE */
    static Loss sigmoidBinaryCrossEntropy() {
        return (logits, targets) -> Losses.sigmoidBinaryCrossEntropy(logits, like(logits, targets, "sigmoid_binary_cross_entropy")).mean();
    }

    /** {@return {@code targets} in the shape and dtype of {@code predictions}}: {@code [b]} and {@code [b, 1]} are one shape to a loss */
    private static Array like(Array predictions, Array targets, String op) {
        if (predictions.size() != targets.size())
            throw new ShapeError(op, "targets must have as many elements as the predictions, got predictions "
                    + predictions.aval() + " and targets " + targets.aval());
        return targets.reshape(predictions.shape().toArray()).astype(predictions.dtype());
    }
}
