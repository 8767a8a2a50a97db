package dev.jaxj.train;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Module;
import dev.jaxj.nn.Variables;
import dev.jaxj.optim.GradientTransformation;
import dev.jaxj.random.Key;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.Collections;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A Keras-like training loop over the functional core: a model, an optimizer, a loss and
 * metrics compiled together (Keras's {@code model.compile}), with {@link #fit},
 * {@link #evaluate} and {@link #predict}. Nothing is mutated: {@code fit} takes a
 * {@link TrainState} and returns a new one. The train step (forward pass, gradient,
 * optimizer update) is compiled with {@code Jax.jit} once per batch shape.
 * {@snippet :
 * var trainer = Trainer.of(MLP.of(Activation.RELU, 64, 3), Optim.sgd(0.1), Loss.softmaxCrossEntropy(), Metric.accuracy());
 * var state = trainer.init(Random.key(0), x);
 * var fit = trainer.fit(state, x, y, FitConfig.of(10, 10).withValidationSplit(0.2));
 * Map<String, Double> scores = trainer.evaluate(fit.state(), xTest, yTest);
 * double accuracy = scores.get("accuracy");
 * Array logits = trainer.predict(fit.state(), xTest);
 * }
 * Inputs and targets hold one example per row of their first axis. A trainer is safe to share
 * between threads; each call compiles through thread-safe {@code jit} caches.
 *
 * @param <P> the model's params' type
 * @param <S> the model's state's type
 */
public final class Trainer<P, S> {
    private final Module<P, S> model;
    private final GradientTransformation<?> optimizer;
    private final Loss loss;
    private final Seq<Metric> metrics;
    private final Function<Steps.TrainIn<P, S>, Steps.TrainOut<P, S>> trainStep;
    private final Function<Steps.EvalIn<P, S>, Steps.EvalOut> evalStep;
    private final Function<Steps.EvalIn<P, S>, Array> predictStep;

    private Trainer(Module<P, S> model, GradientTransformation<?> optimizer, Loss loss, Seq<Metric> metrics) {
        this.model = requireNonNull(model, "model is null");
        this.optimizer = requireNonNull(optimizer, "optimizer is null");
        this.loss = requireNonNull(loss, "loss is null");
        this.metrics = metrics;
        if (metrics.map(Metric::name).distinct().size() != metrics.size())
            throw new ArgumentError("Trainer", "metric names must differ, got " + metrics.map(Metric::name).mkString(", "));
        this.trainStep = Jax.jit(in -> Steps.train(model, optimizer, loss, metrics, in));
        this.evalStep = Jax.jit(in -> Steps.evaluate(model, loss, metrics, in));
        this.predictStep = Jax.jit(in -> model.apply(in.variables(), in.x()));
    }

    /** {@return a trainer of {@code model} by {@code optimizer} on {@code loss}, reporting {@code metrics}} */
    public static <P, S> Trainer<P, S> of(Module<P, S> model, GradientTransformation<?> optimizer, Loss loss, Metric... metrics) {
        return new Trainer<>(model, optimizer, loss, Vector.of(metrics));
    }

    public Module<P, S> model() { return model; }

    public Seq<Metric> metrics() { return metrics; }

    /** {@return fresh variables for inputs like {@code sampleInput}, the optimizer's state for them, and a random stream} */
    public TrainState<P, S> init(Key key, Array sampleInput) {
        var keys = Random.split(key);
        Variables<P, S> v = model.init(keys.get(0), sampleInput);
        return new TrainState<>(v, optimizer.init(v.params()), keys.get(1));
    }

    /**
     * {@return the state after training on {@code (x, y)}, and the history of each epoch}
     *
     * @throws ShapeError    when {@code x} and {@code y} hold different numbers of examples, or
     *                       the split leaves no training data
     * @throws ArgumentError when early stopping monitors a quantity that is not recorded, or
     *                       the loss rejects the targets on the host (integer class labels
     *                       outside {@code [0, classes)} for {@link Loss#softmaxCrossEntropy})
     */
    public FitResult<P, S> fit(TrainState<P, S> state, Array x, Array y, FitConfig config) {
        int n = examples("fit", x, y);
        Array xTrain = x, yTrain = y;
        Option<Tuple2<Array, Array>> validation = config.validationData();
        if (validation.isEmpty() && config.validationSplit() > 0) {
            int split = (int) (n * (1 - config.validationSplit()));
            if (split == 0 || split == n) throw new ShapeError("fit", "validationSplit " + config.validationSplit() + " of " + n + " examples leaves no training or no validation data");
            xTrain = rows(x, 0, split);
            yTrain = rows(y, 0, split);
            validation = Option.some(new Tuple2<>(rows(x, split, n), rows(y, split, n)));
        }
        validation.forEach(v -> examples("fit", v._1, v._2));
        // Inside the compiled step the targets are traced and cannot be read: check them here, once.
        checkTargets("fit", state.variables(), x, y, config.batchSize());
        for (var v : config.validationData()) checkTargets("fit", state.variables(), v._1, v._2, config.batchSize());
        int nTrain = xTrain.shape().dim(0);
        var names = names(validation.isDefined());
        for (EarlyStopping es : config.earlyStopping())
            if (!names.contains(es.monitor()))
                throw new ArgumentError("fit", "early stopping monitors '" + es.monitor() + "', but fit records only " + names.mkString(", "));

        int steps = (nTrain + config.batchSize() - 1) / config.batchSize();
        History history = History.empty();
        TrainState<P, S> current = state, best = state;
        double bestValue = config.earlyStopping().map(EarlyStopping::worst).getOrElse(0.0);
        int wait = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            var keys = Random.split(current.rng());
            Key epochKey = keys.get(0);
            current = new TrainState<>(current.variables(), current.optState(), keys.get(1));
            Array xs = xTrain, ys = yTrain;
            if (config.shuffle()) {
                Array perm = Random.permutation(Random.foldIn(epochKey, 0), nTrain);
                xs = xTrain.get(perm);
                ys = yTrain.get(perm);
            }
            var bar = new ProgressBar(config.verbose(), config.out(), epoch + 1, config.epochs(), steps);
            var totals = new Totals(metrics.size());
            P params = current.variables().params();
            S modelState = current.variables().state();
            Object optState = current.optState();
            Option<FitResult.NonFiniteLoss> nonFinite = Option.none();
            for (int s = 0; s < steps && nonFinite.isEmpty(); s++) {
                int lo = s * config.batchSize(), hi = Math.min(nTrain, lo + config.batchSize());
                var out = trainStep.apply(new Steps.TrainIn<>(params, modelState, optState, rows(xs, lo, hi), rows(ys, lo, hi),
                        epochKey, Array.scalar(s + 1, DType.U32)));
                params = out.params();
                modelState = out.modelState();
                optState = out.optState();
                double batchLoss = totals.add(hi - lo, out.loss(), out.metrics());
                bar.step(s + 1, () -> totals.means("", metrics));
                config.onBatchEnd().batchEnd(epoch + 1, s + 1, batchLoss);
                if (config.terminateOnNan() && !Double.isFinite(batchLoss))
                    nonFinite = Option.some(new FitResult.NonFiniteLoss(epoch + 1, s + 1, batchLoss));
            }
            current = new TrainState<>(new Variables<>(params, modelState), optState, current.rng());
            Map<String, Double> epochValues = totals.means("", metrics);
            for (var v : validation) epochValues = epochValues.merge(means(current, v._1, v._2, config.batchSize(), "val_"));
            history = history.append(epochValues);
            bar.finish(epochValues);
            // As Keras's TerminateOnNaN: the epoch ends (recorded, validated), then training stops.
            for (var stop : nonFinite) {
                if (config.verbose()) config.out().printf("Epoch %d, step %d: loss is %s, terminating training%n", stop.epoch(), stop.step(), stop.loss());
                return new FitResult<>(current, history, epoch + 1 < config.epochs() || stop.step() < steps, nonFinite);
            }
            for (EarlyStopping es : config.earlyStopping()) {
                double value = epochValues.get(es.monitor()).get();
                wait++;
                if (es.improves(value, bestValue)) {
                    bestValue = value;
                    best = current;
                    wait = 0;
                } else if (wait >= es.patience()) {
                    if (config.verbose()) config.out().printf("Epoch %d: early stopping%n", epoch + 1);
                    return new FitResult<>(es.restoreBestWeights() ? best : current, history, epoch + 1 < config.epochs());
                }
            }
        }
        return new FitResult<>(current, history, false);
    }

    /** {@link #evaluate(TrainState, Array, Array, int)} in batches of 32, as Keras's default. */
    public java.util.Map<String, Double> evaluate(TrainState<P, S> state, Array x, Array y) { return evaluate(state, x, y, 32); }

    /**
     * {@return the loss and metrics on {@code (x, y)} in eval mode}, averaged over the examples,
     * keyed {@code loss} and by metric name, in that order (an unmodifiable map)
     *
     * @throws ArgumentError when the loss rejects the targets on the host, as in {@link #fit}
     */
    public java.util.Map<String, Double> evaluate(TrainState<P, S> state, Array x, Array y, int batchSize) {
        examples("evaluate", x, y);
        checkTargets("evaluate", state.variables(), x, y, batchSize);
        var scores = new java.util.LinkedHashMap<String, Double>();
        means(state, x, y, batchSize, "").forEach(scores::put);
        return Collections.unmodifiableSequencedMap(scores);
    }

    /**
     * The loss's host check of the targets ({@link Loss#checkTargets}), given the model's output
     * aval for the first batch: a shape the compiled steps trace anyway.
     */
    private void checkTargets(String op, Variables<P, S> variables, Array x, Array y, int batchSize) {
        int[] batch = x.shape().toArray();
        batch[0] = Math.min(batch[0], Math.max(1, batchSize));
        loss.checkTargets(op, model.outputAval(variables, ShapedArray.of(x.dtype(), batch)), y);
    }

    private Map<String, Double> means(TrainState<P, S> state, Array x, Array y, int batchSize, String prefix) {
        int n = examples("evaluate", x, y);
        if (batchSize < 1) throw new ArgumentError("evaluate", "batchSize must be >= 1, got " + batchSize);
        var totals = new Totals(metrics.size());
        for (int lo = 0; lo < n; lo += batchSize) {
            int hi = Math.min(n, lo + batchSize);
            var out = evalStep.apply(new Steps.EvalIn<>(state.variables(), rows(x, lo, hi), rows(y, lo, hi)));
            totals.add(hi - lo, out.loss(), out.metrics());
        }
        return totals.means(prefix, metrics);
    }

    /** {@link #predict(Variables, Array, int)} of the state's variables in batches of 32. */
    public Array predict(TrainState<P, S> state, Array x) { return predict(state.variables(), x, 32); }

    /** {@return the model's outputs on {@code x} in eval mode}, computed in batches and concatenated */
    public Array predict(Variables<P, S> variables, Array x, int batchSize) {
        if (x.ndim() == 0) throw new ShapeError("predict", "needs inputs with a leading example axis, got " + x.aval());
        if (batchSize < 1) throw new ArgumentError("predict", "batchSize must be >= 1, got " + batchSize);
        int n = x.shape().dim(0);
        Vector<Array> parts = Vector.empty();
        for (int lo = 0; lo < n; lo += batchSize) {
            Array xb = rows(x, lo, Math.min(n, lo + batchSize));
            parts = parts.append(predictStep.apply(new Steps.EvalIn<>(variables, xb, xb)));
        }
        return parts.size() == 1 ? parts.head() : Jnp.concatenate(parts, 0);
    }

    private Seq<String> names(boolean withValidation) {
        Seq<String> train = metrics.map(Metric::name).prepend("loss");
        return withValidation ? train.appendAll(train.map(s -> "val_" + s)) : train;
    }

    private static int examples(String op, Array x, Array y) {
        if (x.ndim() == 0 || y.ndim() == 0 || x.shape().dim(0) != y.shape().dim(0))
            throw new ShapeError(op, "inputs and targets need the same leading (example) axis, got " + x.aval() + " and " + y.aval());
        if (x.shape().dim(0) == 0) throw new ShapeError(op, "needs at least one example, got " + x.aval());
        return x.shape().dim(0);
    }

    private static Array rows(Array a, int lo, int hi) {
        return lo == 0 && hi == a.shape().dim(0) ? a : a.get(Index.slice(lo, hi));
    }

    /** Sums of batch means weighted by batch size, read back to the host once per batch. */
    private static final class Totals {
        private double count, loss;
        private final double[] metrics;

        Totals(int n) { metrics = new double[n]; }

        /** {@return the batch's loss}, read back for the running means and for termination on NaN */
        double add(int size, Array batchLoss, Seq<Array> batchMetrics) {
            double value = batchLoss.doubleValue();
            count += size;
            loss += size * value;
            for (int i = 0; i < metrics.length; i++) metrics[i] += size * batchMetrics.get(i).doubleValue();
            return value;
        }

        Map<String, Double> means(String prefix, Seq<Metric> names) {
            Map<String, Double> m = LinkedHashMap.of(prefix + "loss", loss / count);
            for (int i = 0; i < metrics.length; i++) m = m.put(prefix + names.get(i).name(), metrics[i] / count);
            return m;
        }
    }
}
