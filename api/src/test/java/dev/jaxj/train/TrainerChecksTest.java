package dev.jaxj.train;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.Dense;
import dev.jaxj.nn.MLP;
import dev.jaxj.optim.Optim;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What fit and evaluate check on the host before compiling, and termination on a non-finite loss. */
class TrainerChecksTest {
    private static final Array X = random(11, DType.F32, Shape.of(12, 2), -1, 1);

    private static FitConfig quiet(int epochs, int batch) { return FitConfig.of(epochs, batch).withVerbose(false); }

    /** Class labels in [0, 3), one of them replaced by {@code value} at {@code at}. */
    private static Array labels(int at, int value) {
        double[] y = new double[12];
        for (int i = 0; i < y.length; i++) y[i] = i % 3;
        y[at] = value;
        return arr(DType.I32, Shape.of(12), y);
    }

    @Property(tries = 12)
    void fitAndEvaluateShouldNameTheFirstLabelOutsideTheClasses(@ForAll @IntRange(min = 0, max = 11) int at, @ForAll @IntRange(min = 0, max = 4) int by,
                                                               @ForAll boolean below) {
        var trainer = Trainer.of(MLP.of(Activation.RELU, 4, 3), Optim.sgd(0.1), Loss.softmaxCrossEntropy(), Metric.accuracy());
        var s = trainer.init(Random.key(0), X);
        int value = below ? -1 - by : 3 + by;
        Array y = labels(at, value);
        String[] fragments = {"[0, 3)", "got " + value, "index [" + at + "]", "i32[12]"};
        assertError(ArgumentError.class, "fit", () -> trainer.fit(s, X, y, quiet(1, 4)), fragments);
        assertError(ArgumentError.class, "fit", () -> trainer.fit(s, X, labels(0, 0), quiet(1, 4).withValidationData(X, y)), fragments);
        assertError(ArgumentError.class, "evaluate", () -> trainer.evaluate(s, X, y), fragments);
    }

    @Test
    void shouldAcceptEveryLabelInsideTheClassesAndOtherTargets() {
        var trainer = Trainer.of(MLP.of(Activation.RELU, 4, 3), Optim.sgd(0.1), Loss.softmaxCrossEntropy());
        var s = trainer.init(Random.key(0), X);
        assertEquals(1, trainer.fit(s, X, labels(0, 2), quiet(1, 4)).history().epochs());
        // Integer targets of a regression are not class indices: the default check accepts them.
        var regression = Trainer.of(Dense.of(1), Optim.sgd(0.01), Loss.meanSquaredError());
        assertTrue(Double.isFinite(regression.evaluate(regression.init(Random.key(0), X), X, labels(0, 7)).get("loss")));
    }

    /** Targets with a NaN at example {@code at}, unshuffled: the batch holding it is the first with a NaN loss. */
    @Property(tries = 12)
    void shouldStopAtTheFirstBatchWithANonFiniteLossWhenAsked(@ForAll @IntRange(min = 0, max = 11) int at, @ForAll @IntRange(min = 1, max = 5) int batch,
                                                              @ForAll @IntRange(min = 1, max = 3) int epochs) {
        double[] t = uniform(5, 12, -1, 1);
        t[at] = Double.NaN;
        Array y = arr(DType.F32, Shape.of(12, 1), t);
        var trainer = Trainer.of(Dense.of(1), Optim.sgd(0.01), Loss.meanSquaredError());
        var s = trainer.init(Random.key(1), X);
        var fit = trainer.fit(s, X, y, quiet(epochs, batch).withShuffle(false).withTerminateOnNan(true));
        int steps = (12 + batch - 1) / batch, step = at / batch + 1;
        var stop = fit.nonFiniteLoss().get();
        assertEquals(1, stop.epoch());
        assertEquals(step, stop.step());
        assertTrue(Double.isNaN(stop.loss()));
        assertEquals(1, fit.history().epochs(), "the cut epoch is recorded");
        assertTrue(Double.isNaN(fit.history().last("loss")));
        assertEquals(epochs > 1 || step < steps, fit.stoppedEarly());
    }

    @Test
    void shouldTrainThroughNonFiniteLossesByDefault() {
        double[] t = uniform(5, 12, -1, 1);
        t[3] = Double.NaN;
        Array y = arr(DType.F32, Shape.of(12, 1), t);
        var trainer = Trainer.of(Dense.of(1), Optim.sgd(0.01), Loss.meanSquaredError());
        var fit = trainer.fit(trainer.init(Random.key(1), X), X, y, quiet(3, 4).withShuffle(false));
        assertTrue(fit.nonFiniteLoss().isEmpty());
        assertFalse(fit.stoppedEarly());
        assertEquals(3, fit.history().epochs());
    }

    @Test
    void shouldStopWhenAHugeLearningRateBlowsTheLossUpAndSaySo() {
        var out = new ByteArrayOutputStream();
        var trainer = Trainer.of(Dense.of(1), Optim.sgd(1e30), Loss.meanSquaredError());
        Array y = random(6, DType.F32, Shape.of(12, 1), -1, 1);
        var config = FitConfig.of(50, 4).withTerminateOnNan(true).withOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        var fit = trainer.fit(trainer.init(Random.key(2), X), X, y, config);
        var stop = fit.nonFiniteLoss().get();
        assertFalse(Double.isFinite(stop.loss()));
        assertTrue(fit.stoppedEarly());
        assertEquals(stop.epoch(), fit.history().epochs());
        assertFalse(Double.isFinite(fit.history().last("loss")));
        for (double earlier : fit.history().get("loss").dropRight(1)) assertTrue(Double.isFinite(earlier), () -> "" + fit.history().get("loss"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Epoch " + stop.epoch() + ", step " + stop.step() + ": loss is "), printed);
        assertTrue(printed.contains("terminating training"), printed);
    }
}
