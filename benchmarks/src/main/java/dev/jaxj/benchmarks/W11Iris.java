package dev.jaxj.benchmarks;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.MLP;
import dev.jaxj.optim.Optim;
import dev.jaxj.train.FitConfig;
import dev.jaxj.train.Loss;
import dev.jaxj.train.Trainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * W11: the course's Iris example as a user writes it with {@link Trainer}: petal length and
 * width standardised, a 2-64-3 ReLU perceptron, SGD 0.1, batches of 10, 10 epochs over the 150
 * rows in file order, then the accuracy on all rows. Everything from the model's creation on is
 * timed once, in this fresh JVM, as the peer does in a fresh Python process; so is the time
 * from the process's start. The end of every step is recorded too, and the curve printed per
 * epoch: where the first model's time goes.
 */
final class W11Iris {
    private static final int EPOCHS = 10, BATCH = 10;

    private W11Iris() {}

    static void run() {
        Path csv = Path.of(System.getProperty("jaxj.bench.iris", "../shared/bench/peers/data/iris.csv"));
        Data data = read(csv);
        Array petals = Jnp.array(data.petals, DType.F32, data.labels.length, 2);
        Array x = petals.sub(petals.mean(0)).div(Jnp.std(petals, 0));
        Array y = Jnp.array(data.labels);
        long[] stepEnds = new long[EPOCHS * 150 / BATCH];
        int[] step = {0};

        long t0 = System.nanoTime();
        var trainer = Trainer.of(MLP.of(Activation.RELU, 64, 3), Optim.sgd(0.1), Loss.softmaxCrossEntropy());
        var state = trainer.init(Random.key(0), x);
        var fit = trainer.fit(state, x, y, FitConfig.of(EPOCHS, BATCH).withShuffle(false).withVerbose(false)
                .withOnBatchEnd((epoch, s, loss) -> stepEnds[step[0]++] = System.nanoTime()));
        Array predicted = Jnp.argmax(trainer.predict(fit.state(), x), 1);
        double accuracy = predicted.eq(y).astype(DType.F32).mean().doubleValue();
        long t1 = System.nanoTime();
        long sinceStart = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()
                - (System.nanoTime() - t1) / 1_000_000;

        Harness.report("W11", "iris_train", "jaxj_jit", (t1 - t0) / 1e6, "ms");
        Harness.report("W11", "iris_to_trained", "jaxj_jit", sinceStart, "ms");
        Harness.report("W11", "iris_accuracy", "jaxj_jit", accuracy, "fraction");
        // The curve: the first step (model creation, tracing and compiling included), then each epoch.
        Harness.report("W11", "iris_step1", "jaxj_jit", (stepEnds[0] - t0) / 1e6, "ms");
        int perEpoch = stepEnds.length / EPOCHS;
        for (int e = 0; e < EPOCHS; e++) {
            long from = e == 0 ? stepEnds[0] : stepEnds[e * perEpoch - 1];
            int steps = e == 0 ? perEpoch - 1 : perEpoch;
            Harness.report("W11", "iris_epoch" + (e + 1) + "_per_step" + (e == 0 ? "_after_first" : ""), "jaxj_jit",
                    (stepEnds[(e + 1) * perEpoch - 1] - from) / 1e6 / steps, "ms");
        }
    }

    private record Data(float[] petals, int[] labels) {}

    /** Petal length and width, and the species as its index among the sorted names, in file order. */
    private static Data read(Path csv) {
        List<String[]> rows;
        try (var lines = Files.lines(csv)) {
            rows = lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("W11 needs " + csv.toAbsolutePath() + " (set -Djaxj.bench.iris)", e);
        }
        List<String> names = rows.stream().map(r -> r[4]).distinct().sorted().toList();
        float[] petals = new float[2 * rows.size()];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            petals[2 * i] = Float.parseFloat(rows.get(i)[2]);
            petals[2 * i + 1] = Float.parseFloat(rows.get(i)[3]);
            labels[i] = names.indexOf(rows.get(i)[4]);
        }
        return new Data(petals, labels);
    }
}
