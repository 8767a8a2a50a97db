package dev.jaxj.examples;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.nn.Dense;
import dev.jaxj.nn.LSTMCell;
import dev.jaxj.nn.RNN;
import dev.jaxj.nn.Sequential;
import dev.jaxj.nn.Summary;
import dev.jaxj.optim.Optim;
import dev.jaxj.train.FitConfig;
import dev.jaxj.train.FitResult;
import dev.jaxj.train.Loss;
import dev.jaxj.train.Trainer;

import io.vavr.collection.Vector;

import java.io.PrintStream;

/**
 * A recurrent sequence model: an LSTM with 32 units, followed by a dense layer, reads a noisy
 * sine wave one step at a time and predicts, at every step, the next value. Amplitude, frequency
 * and phase differ from wave to wave (see {@link Datasets#noisySines()}), so the model has to
 * infer them from what it has read so far. It trains on 320 waves with Adam (learning rate
 * 0.01, batches of 32) and reports the mean squared error on the 80 held-out waves next to the
 * error of predicting that the wave stays where it is (the persistence baseline), and of
 * predicting zero (the waves' mean).
 * {@snippet lang=text :
 * mvn -q compile exec:exec -pl examples -am -Djaxj.main=dev.jaxj.examples.SineForecast
 * }
 * The whole layer is one {@code Lax.scan} over time, which {@code Trainer.fit} compiles into one
 * training step together with its gradient (a reverse scan).
 */
public final class SineForecast {
    private SineForecast() {}

    /** Waves the model trains on; the rest are held out. */
    static final int TRAIN = 320;

    /**
     * What a run produced.
     *
     * @param summary         the model's layer table
     * @param fit             the trained state and the history
     * @param heldOutMse      the model's mean squared error on the held-out waves
     * @param persistenceMse  the error of predicting {@code s[t+1] = s[t]} on them
     * @param zeroMse         the error of predicting {@code s[t+1] = 0} on them
     */
    public record Result(Summary summary, FitResult<Vector<Object>, Vector<Object>> fit, double heldOutMse, double persistenceMse, double zeroMse) {}

    public static void main(String[] args) {
        run(40, System.out);
    }

    /** Trains for {@code epochs} epochs from the fixed seed 0, printing to {@code out}. */
    public static Result run(int epochs, PrintStream out) {
        Array waves = Datasets.noisySines();                      // f32[400, 41]
        int steps = waves.shape().dim(1) - 1;
        // Inputs s[0..39] and targets s[1..40], each with one feature: f32[400, 40, 1].
        Array x = waves.get(Index.all(), Index.slice(0, steps)).reshape(-1, steps, 1);
        Array y = waves.get(Index.all(), Index.slice(1, steps + 1)).reshape(-1, steps, 1);
        Array xTrain = x.get(Index.slice(0, TRAIN)), yTrain = y.get(Index.slice(0, TRAIN));
        Array xTest = x.get(Index.slice(TRAIN, x.shape().dim(0))), yTest = y.get(Index.slice(TRAIN, y.shape().dim(0)));

        var model = Sequential.of(RNN.of(LSTMCell.of(32)), Dense.of(1));
        var trainer = Trainer.of(model, Optim.adam(0.01), Loss.meanSquaredError());
        var state = trainer.init(Random.key(0), xTrain);
        Summary summary = model.summary(state.variables(), xTrain);
        out.println(summary);

        var fit = trainer.fit(state, xTrain, yTrain, FitConfig.of(epochs, 32).withValidationData(xTest, yTest).withOut(out));
        double mse = fit.history().last("val_loss");
        double persistence = meanSquared(xTest.toDoubleArray(), yTest.toDoubleArray());
        double zero = meanSquared(new double[(int) yTest.size()], yTest.toDoubleArray());
        out.printf("Held-out mean squared error: LSTM %.4f, persistence baseline %.4f, zero baseline %.4f (noise floor 0.0025)%n",
                mse, persistence, zero);
        return new Result(summary, fit, mse, persistence, zero);
    }

    /** {@return the mean of {@code (a - b)²}}, computed apart from the model, in f64 */
    static double meanSquared(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s / a.length;
    }
}
