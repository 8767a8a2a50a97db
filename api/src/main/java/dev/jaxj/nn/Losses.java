package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Tracer;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Shape;

import io.vavr.collection.Vector;

import java.util.Arrays;

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
        if (logits.ndim() == 0 || !logits.shape().equals(labels.shape()))
            throw new ShapeError("softmax_cross_entropy", "logits need a class axis and labels shaped like them, got logits " + logits.aval() + " and labels " + labels.aval());
        return Activations.logSoftmax(logits).mul(labels).sum(-1).neg();
    }

    /**
     * {@return {@code logsumexp(logits) - logits[label]}}, the cross-entropy with integer class
     * labels: shape {@code [...]} for logits {@code [..., k]} and labels {@code [...]}
     *
     * <p>Concrete labels are checked on the host; labels under a transform ({@code jit},
     * {@code grad} of the labels, {@code vmap}) cannot be read there, and an index outside
     * {@code [0, k)} then silently gives a loss of 0 and no gradient (its one-hot row is all
     * zeros), where JAX gives garbage or NaN. Check such labels before the transform, e.g. with
     * {@link #checkClassIndices}; {@code Trainer.fit} does so.
     *
     * @throws ShapeError    when the labels' shape is not the logits' without the last axis
     * @throws DTypeError    when the labels are not integers
     * @throws ArgumentError when concrete labels hold an index outside {@code [0, k)}
     */
    public static Array softmaxCrossEntropyWithIntegerLabels(Array logits, Array labels) {
        if (!labels.dtype().isInteger())
            throw new DTypeError("softmax_cross_entropy_with_integer_labels", "labels must be integer class indices, got " + labels.aval());
        if (logits.ndim() == 0 || !logits.shape().without(logits.ndim() - 1).equals(labels.shape()))
            throw new ShapeError("softmax_cross_entropy_with_integer_labels",
                    "labels must have the logits' shape without the class axis, got logits " + logits.aval() + " and labels " + labels.aval());
        if (!(labels instanceof Tracer)) checkClassIndices("softmax_cross_entropy_with_integer_labels", labels, logits.shape().dim(-1));
        Array oneHot = Activations.oneHot(labels, logits.shape().dim(-1), Activations.logSoftmax(logits).dtype());
        return Activations.logSoftmax(logits).mul(oneHot).sum(-1).neg();
    }

    /**
     * Checks on the host that concrete integer {@code labels} are all class indices in
     * {@code [0, numClasses)}. It reads the labels, so it cannot run on traced ones: call it
     * before the transform.
     *
     * @param op the function to name in the error
     * @throws ArgumentError naming {@code op}, the first label outside the range (index and value) and the range
     * @throws dev.jaxj.errors.ConcretizationError when the labels are traced
     */
    public static void checkClassIndices(String op, Array labels, int numClasses) {
        long[] values = labels.toLongArray();
        for (int i = 0; i < values.length; i++)
            if (values[i] < 0 || values[i] >= numClasses)
                throw new ArgumentError(op, "labels must be class indices in [0, " + numClasses + "), got " + values[i]
                        + " at index " + Arrays.toString(unravel(i, labels.shape())) + " of labels " + labels.aval());
    }

    private static int[] unravel(int flat, Shape shape) {
        int[] idx = new int[shape.rank()];
        for (int d = shape.rank() - 1; d >= 0; d--) {
            idx[d] = flat % shape.dim(d);
            flat /= shape.dim(d);
        }
        return idx;
    }

    /** {@return {@code (predictions - targets)²} elementwise}, broadcasting as NumPy does */
    public static Array squaredError(Array predictions, Array targets) {
        return difference("squared_error", predictions, targets).square();
    }

    /** {@return {@code ½ (predictions - targets)²} elementwise}: Optax's {@code l2_loss} */
    public static Array l2Loss(Array predictions, Array targets) {
        return difference("l2_loss", predictions, targets).square().mul(0.5);
    }

    /** {@return the mean of {@link #squaredError}}, a scalar */
    public static Array meanSquaredError(Array predictions, Array targets) {
        return difference("mean_squared_error", predictions, targets).square().mean();
    }

    /** {@return {@code predictions - targets}} after checking here that they broadcast, so that the error names the loss */
    private static Array difference(String op, Array predictions, Array targets) {
        if (NumpyOps.broadcast(Vector.of(predictions.shape(), targets.shape())).isEmpty())
            throw new ShapeError(op, "predictions and targets must broadcast together, got predictions " + predictions.aval()
                    + " and targets " + targets.aval());
        return predictions.sub(targets);
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
