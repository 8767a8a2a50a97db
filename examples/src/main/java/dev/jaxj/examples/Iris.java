package dev.jaxj.examples;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.MLP;
import dev.jaxj.nn.Summary;
import dev.jaxj.optim.Optim;
import dev.jaxj.train.FitConfig;
import dev.jaxj.train.FitResult;
import dev.jaxj.train.Loss;
import dev.jaxj.train.Metric;
import dev.jaxj.train.Plots;
import dev.jaxj.train.Trainer;

import io.vavr.collection.Vector;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The classic first network: Fisher's irises classified from petal length and width by a
 * 2-64-3 perceptron with ReLU, trained by plain SGD (learning rate 0.1, batches of 10,
 * 10 epochs). It prints the model summary and a progress bar per epoch, reports the accuracy on
 * 30 held-out flowers, and draws the decision regions and the loss curves.
 * It is the examples module's main program:
 * {@snippet lang=text :
 * mvn -q compile exec:exec -pl examples -am
 * }
 * The PNG files go to {@code target/iris/} of the examples module, or to the folder given as
 * the first argument.
 */
public final class Iris {
    private Iris() {}

    /**
     * What a run produced.
     *
     * @param summary     the model's layer table
     * @param fit         the trained state and the history
     * @param valAccuracy the accuracy on the held-out flowers
     * @param regions     the decision-region chart
     * @param curves      the loss and accuracy chart
     */
    public record Result(Summary summary, FitResult<Vector<Object>, Vector<Object>> fit, double valAccuracy, Path regions, Path curves) {}

    public static void main(String[] args) {
        Result r = run(Path.of(args.length > 0 && !args[0].isBlank() ? args[0] : "target/iris"), System.out);
        System.out.printf("Wrote %s and %s%n", r.regions().toAbsolutePath(), r.curves().toAbsolutePath());
    }

    /** Trains with the fixed seed 0, printing to {@code out}, and writes the charts into {@code dir}. */
    public static Result run(Path dir, PrintStream out) {
        var iris = Datasets.iris();
        // Petal length and width, standardised to mean 0 and variance 1.
        Array petals = iris.features().get(Index.all(), Index.slice(2, 4));
        Array x = petals.sub(petals.mean(0)).div(Jnp.std(petals, 0));
        // The file is sorted by species; shuffle once so that the held-out fifth has all three.
        Array order = Random.permutation(Random.key(0), x.shape().dim(0));
        x = x.get(order);
        Array y = iris.labels().get(order);

        var trainer = Trainer.of(MLP.of(Activation.RELU, 64, 3), Optim.sgd(0.1), Loss.softmaxCrossEntropy(), Metric.accuracy());
        var state = trainer.init(Random.key(1), x);
        Summary summary = trainer.model().summary(state.variables(), x);
        out.println(summary);

        var fit = trainer.fit(state, x, y, FitConfig.of(10, 10).withValidationSplit(0.2).withOut(out));
        double valAccuracy = fit.history().last("val_accuracy");
        out.printf("Held-out accuracy: %.1f %%%n", 100 * valAccuracy);

        Path regions = Plots.decisionRegions(p -> trainer.predict(fit.state().variables(), p, 4096), x, y,
                dir.resolve("iris-decision-regions.png"), "petal length (standardised)", "petal width (standardised)",
                iris.classNames().toJavaArray(String[]::new));
        Path curves = Plots.history(fit.history(), dir.resolve("iris-loss.png"));
        return new Result(summary, fit, valAccuracy, regions, curves);
    }
}
