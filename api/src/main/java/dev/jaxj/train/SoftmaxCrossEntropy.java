package dev.jaxj.train;

import dev.jaxj.array.Array;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Losses;

/** {@link Loss#softmaxCrossEntropy()}: a record rather than a lambda because it also checks integer targets on the host. */
record SoftmaxCrossEntropy() implements Loss {
    @Override
    public Array apply(Array logits, Array targets) {
        return (targets.dtype().isInteger()
                ? Losses.softmaxCrossEntropyWithIntegerLabels(logits, targets)
                : Losses.softmaxCrossEntropy(logits, targets)).mean();
    }

    @Override
    public void checkTargets(String op, ShapedArray predictions, Array targets) {
        if (targets.dtype().isInteger() && predictions.rank() > 0)
            Losses.checkClassIndices(op, targets, predictions.shape().dim(-1));
    }
}
