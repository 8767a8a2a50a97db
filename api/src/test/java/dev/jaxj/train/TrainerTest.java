package dev.jaxj.train;

import dev.jaxj.Jax;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.BatchNorm;
import dev.jaxj.nn.Dropout;
import dev.jaxj.nn.Sequential;
import dev.jaxj.nn.Dense;
import dev.jaxj.nn.Losses;
import dev.jaxj.nn.MLP;
import dev.jaxj.optim.Optim;
import dev.jaxj.tree.Tree;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training loop against hand-written loops and direct evaluation. */
class TrainerTest {
    /** Two classes split by the sign of x0 + x1, 64 examples. */
    private static final Array X = random(11, DType.F32, Shape.of(64, 2), -1, 1);
    private static final Array Y = labels(X);

    private static Array labels(Array x) {
        double[] v = x.toDoubleArray();
        double[] y = new double[v.length / 2];
        for (int i = 0; i < y.length; i++) y[i] = v[2 * i] + v[2 * i + 1] > 0 ? 1 : 0;
        return arr(DType.I32, Shape.of(y.length), y);
    }

    private static Trainer<Vector<Object>, Vector<Object>> classifier() {
        return Trainer.of(MLP.of(Activation.RELU, 16, 2), Optim.sgd(0.5), Loss.softmaxCrossEntropy(), Metric.accuracy());
    }

    private static FitConfig quiet(int epochs, int batch) { return FitConfig.of(epochs, batch).withVerbose(false); }

    @Test
    void shouldLearnSeparableClassesAndRecordOneValuePerEpoch() {
        var trainer = classifier();
        var fit = trainer.fit(trainer.init(Random.key(0), X), X, Y, quiet(15, 8).withValidationSplit(0.25));
        assertEquals("loss accuracy val_loss val_accuracy", fit.history().values().keySet().mkString(" "));
        assertEquals(15, fit.history().epochs());
        assertTrue(fit.history().last("accuracy") >= 0.9, () -> "accuracy " + fit.history().get("accuracy"));
        assertTrue(fit.history().last("loss") < fit.history().get("loss").head());
        assertFalse(fit.stoppedEarly());
    }

    @Test
    void shouldTakeTheSameStepsAsAHandWrittenSgdLoop() {
        // One full batch without shuffling: fit must equal plain gradient descent, written eagerly here.
        var model = Dense.of(1);
        var trainer = Trainer.of(model, Optim.sgd(0.1), Loss.meanSquaredError());
        Array x = random(3, DType.F32, Shape.of(10, 3), -1, 1), y = random(4, DType.F32, Shape.of(10, 1), -1, 1);
        var start = trainer.init(Random.key(5), x);
        var fit = trainer.fit(start, x, y, quiet(4, 10).withShuffle(false));
        var p = start.variables().params();
        for (int epoch = 0; epoch < 4; epoch++) {
            var params = p;
            var g = Jax.grad((Dense.Params q) -> Losses.meanSquaredError(model.apply(start.variables().withParams(q), x), y)).apply(params);
            p = Tree.map2(params, g, (a, b) -> ((Array) a).sub(((Array) b).mul(0.1)));
        }
        var expected = Tree.leaves(p);
        var actual = Tree.leaves(fit.state().variables().params());
        for (int i = 0; i < expected.size(); i++)
            assertClose(((Array) actual.get(i)).toDoubleArray(), ((Array) expected.get(i)).toDoubleArray(), 1e-6);
    }

    @Test
    void shouldReportEveryStepsLossAfterTheStepInOrder() {
        // 64 examples in batches of 10: six full steps and one of 4 per epoch, unshuffled.
        var trainer = classifier();
        var start = trainer.init(Random.key(3), X);
        var seen = new java.util.ArrayList<double[]>();
        var fit = trainer.fit(start, X, Y, quiet(2, 10).withShuffle(false).withOnBatchEnd((epoch, step, loss) -> seen.add(new double[] {epoch, step, loss})));
        assertEquals(14, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(1 + i / 7, (int) seen.get(i)[0]);
            assertEquals(1 + i % 7, (int) seen.get(i)[1]);
        }
        // The first step's loss is the initial model's on the first batch, computed directly.
        Array logits = trainer.model().apply(start.variables(), X.get(Index.slice(0, 10)));
        assertEquals(Losses.softmaxCrossEntropyWithIntegerLabels(logits, Y.get(Index.slice(0, 10))).mean().doubleValue(), seen.get(0)[2], 1e-6);
        // Each epoch's loss in the history is its steps' losses weighted by their batch sizes.
        for (int epoch = 0; epoch < 2; epoch++) {
            double sum = 0;
            for (int s = 0; s < 7; s++) sum += (s < 6 ? 10 : 4) * seen.get(7 * epoch + s)[2];
            assertEquals(sum / 64, fit.history().get("loss").get(epoch), 1e-6);
        }
    }

    @Test
    void shouldValidateOnTheLastExamplesBeforeShuffling() {
        var trainer = classifier();
        var fit = trainer.fit(trainer.init(Random.key(1), X), X, Y, quiet(2, 16).withValidationSplit(0.25));
        Array xVal = X.get(Index.slice(48, 64)), yVal = Y.get(Index.slice(48, 64));
        var direct = trainer.evaluate(fit.state(), xVal, yVal, 16);
        assertEquals(direct.get("loss"), fit.history().last("val_loss"), 1e-6);
        assertEquals(direct.get("accuracy"), fit.history().last("val_accuracy"), 1e-6);
        var lastEpoch = fit.history().epoch(1);
        assertEquals(java.util.List.of("loss", "accuracy", "val_loss", "val_accuracy"), java.util.List.copyOf(lastEpoch.keySet()));
        assertEquals(direct.get("loss"), lastEpoch.get("val_loss"), 1e-6);
        assertThrows(ArgumentError.class, () -> fit.history().epoch(2));
    }

    @Test
    void shouldAverageOverExamplesWhateverTheBatchSize() {
        var trainer = classifier();
        var s = trainer.init(Random.key(2), X);
        var whole = trainer.evaluate(s, X, Y, 64);
        var uneven = trainer.evaluate(s, X, Y, 5);
        assertEquals(java.util.List.of("loss", "accuracy"), java.util.List.copyOf(whole.keySet()), "the loss, then the metrics in order");
        assertThrows(UnsupportedOperationException.class, () -> whole.put("loss", 0.0));
        assertEquals(whole.get("loss"), uneven.get("loss"), 1e-6);
        assertEquals(whole.get("accuracy"), uneven.get("accuracy"), 1e-6);
        // The loss of the whole set, computed directly from the model's outputs.
        Array logits = trainer.model().apply(s.variables(), X);
        assertEquals(Losses.softmaxCrossEntropyWithIntegerLabels(logits, Y).mean().doubleValue(), whole.get("loss"), 1e-6);
        Array predicted = trainer.predict(s.variables(), X, 7);
        assertClose(predicted.toDoubleArray(), logits.toDoubleArray(), 1e-6);
    }

    @Test
    void shouldStopWhenTheValidationLossStopsImprovingAndRestoreTheBestEpoch() {
        // Validation labels are the opposite of the training labels: the better the fit, the worse val_loss.
        var trainer = classifier();
        Array yFlipped = Y.mul(-1).add(1);
        var config = quiet(20, 8).withValidationData(X, yFlipped).withEarlyStopping(EarlyStopping.onValLoss(2).restoringBestWeights());
        var start = trainer.init(Random.key(3), X);
        var fit = trainer.fit(start, X, Y, config);
        assertTrue(fit.stoppedEarly());
        var valLoss = fit.history().get("val_loss");
        int best = valLoss.indexOf(valLoss.min().get());
        assertEquals(best + 3, fit.history().epochs(), () -> "val_loss " + valLoss);
        assertEquals(valLoss.get(best), trainer.evaluate(fit.state(), X, yFlipped, 64).get("loss"), 1e-6);
    }

    @Test
    void shouldCarryBatchStatisticsAndDropoutStreamsThroughTheCompiledStep() {
        var model = Sequential.of(Dense.of(16), BatchNorm.of(), Activation.RELU, new Dropout(0.2), Dense.of(2));
        var trainer = Trainer.of(model, Optim.adam(0.01), Loss.softmaxCrossEntropy(), Metric.accuracy());
        var start = trainer.init(Random.key(4), X);
        var fit = trainer.fit(start, X, Y, quiet(10, 16));
        var stats = model.layerState(fit.state().variables(), 1, BatchNorm.Stats.class);
        // 40 steps with momentum 0.99 move the running mean from 0 towards the batch means.
        assertTrue(stats.mean().abs().max().doubleValue() > 1e-3, () -> "running mean " + stats.mean());
        assertTrue(fit.history().last("accuracy") >= 0.85, () -> "accuracy " + fit.history().get("accuracy"));
        assertFalse(java.util.Arrays.equals(fit.state().rng().data().toIntArray(), start.rng().data().toIntArray()));
    }

    @Test
    void shouldPrintAKerasProgressLinePerEpoch() {
        var buffer = new ByteArrayOutputStream();
        var out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        var trainer = classifier();
        trainer.fit(trainer.init(Random.key(0), X), X, Y, FitConfig.of(2, 16).withValidationSplit(0.25).withOut(out));
        String[] lines = buffer.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(4, lines.length, () -> String.join("\n", lines));
        assertEquals("Epoch 1/2", lines[0]);
        assertTrue(lines[1].matches("3/3 \\[={30}] - \\d+s \\d+(?:s|ms|us)/step - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4}"
                + " - val_loss: \\d\\.\\d{4} - val_accuracy: \\d\\.\\d{4}"), lines[1]);
        assertEquals("Epoch 2/2", lines[2]);
    }

    @Test
    void shouldRejectBadArguments() {
        var trainer = classifier();
        var s = trainer.init(Random.key(0), X);
        assertError(ArgumentError.class, "fit", () -> trainer.fit(s, X, Y, quiet(1, 8).withEarlyStopping(EarlyStopping.onValLoss(1))),
                "monitors 'val_loss'", "loss, accuracy");
        assertError(ShapeError.class, "fit", () -> trainer.fit(s, X, Y.get(Index.slice(0, 10)), quiet(1, 8)), "f32[64,2]", "i32[10]");
        assertError(ArgumentError.class, "fit", () -> FitConfig.of(0, 8), "epochs");
        assertError(ArgumentError.class, "Trainer", () -> Trainer.of(Dense.of(1), Optim.sgd(1), Loss.meanSquaredError(),
                Metric.accuracy(), Metric.binaryAccuracy()), "metric names must differ");
    }
}
