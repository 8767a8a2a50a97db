package dev.jaxj.examples;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.nn.Activations;
import dev.jaxj.nn.Dense;
import dev.jaxj.optim.Optim;
import dev.jaxj.random.Key;
import dev.jaxj.train.FitConfig;
import dev.jaxj.train.Loss;
import dev.jaxj.train.Metric;
import dev.jaxj.train.Trainer;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Logistic regression two ways, on two overlapping Gaussian clouds in the plane. The low-level
 * way writes the model {@code p(y=1 | x) = sigmoid(x · w + b)} and its negative log-likelihood by
 * hand and follows {@code Jax.grad} downhill in a loop compiled with {@code Jax.jit}; the
 * high-level way trains a {@code Dense(1)} layer on the same loss with {@code Trainer.fit}.
 * {@snippet lang=text :
 * mvn -q compile exec:exec -pl examples -am -Djaxj.main=dev.jaxj.examples.LogisticRegression
 * }
 */
public final class LogisticRegression {
    private LogisticRegression() {}

    /** The model's params: {@code w: f32[2]}, {@code b: f32[]}. */
    public record Params(Array w, Array b) {}

    /** One step's inputs, as one pytree for {@code jit}. */
    public record Step(Params params, Array x, Array y) {}

    /** The accuracy (on the training clouds) and weights of each way. */
    public record Result(double lowLevelAccuracy, Array lowLevelW, double highLevelAccuracy, Array highLevelW) {}

    public static void main(String[] args) { run(System.out); }

    /** {@return 400 points: class 0 around (-1, -1), class 1 around (1, 1), both with s.d. 1} */
    static Array[] data(Key key) {
        var keys = Random.split(key);
        Array labels = Jnp.concatenate(Jnp.zeros(200), Jnp.ones(200));
        Array centres = labels.mul(2).sub(1).reshape(400, 1).broadcastTo(400, 2);
        Array x = centres.add(Random.normal(keys.get(0), 400, 2));
        Array order = Random.permutation(keys.get(1), 400);
        return new Array[] {x.get(order), labels.get(order)};
    }

    /** The mean negative log-likelihood: {@code log(1 + e^z) - y z} with {@code z = x · w + b}. */
    static Array loss(Params p, Array x, Array y) {
        Array z = x.matmul(p.w()).add(p.b());
        return Activations.softplus(z).sub(y.mul(z)).mean();
    }

    static double accuracy(Array logits, Array y) {
        return logits.gt(0.0).astype(DType.F32).eq(y).astype(DType.F32).mean().doubleValue();
    }

    public static Result run(PrintStream out) {
        Array[] xy = data(Random.key(0));
        Array x = xy[0], y = xy[1];

        out.println("== The low-level way: Jax.grad in a hand-written, jit-compiled step ==");
        var step = Jax.jit((Step s) -> {
            Params g = Jax.grad((Params p) -> loss(p, s.x(), s.y())).apply(s.params());
            return new Params(s.params().w().sub(g.w().mul(0.5)), s.params().b().sub(g.b().mul(0.5)));
        });
        var params = new Params(Jnp.zeros(2), Jnp.scalar(0f));
        for (int i = 0; i <= 200; i++) {
            if (i % 50 == 0) out.printf("step %3d  loss %.4f%n", i, loss(params, x, y).floatValue());
            params = step.apply(new Step(params, x, y));
        }
        double lowAccuracy = accuracy(x.matmul(params.w()).add(params.b()), y);
        out.printf("w = %s, b = %.3f, accuracy %.3f%n%n", Arrays.toString(params.w().toFloatArray()), params.b().floatValue(), lowAccuracy);

        out.println("== The high-level way: a Dense(1) layer and Trainer.fit ==");
        var trainer = Trainer.of(Dense.of(1), Optim.sgd(0.5), Loss.sigmoidBinaryCrossEntropy(), Metric.binaryAccuracy());
        var fit = trainer.fit(trainer.init(Random.key(1), x), x, y, FitConfig.of(5, 20).withValidationSplit(0.25).withOut(out));
        var dense = fit.state().variables().params();
        double highAccuracy = accuracy(trainer.predict(fit.state(), x).reshape(400), y);
        out.printf("w = %s, b = %.3f, accuracy %.3f%n", Arrays.toString(dense.kernel().ravel().toFloatArray()),
                dense.bias().floatValue(), highAccuracy);
        return new Result(lowAccuracy, params.w(), highAccuracy, dense.kernel().ravel());
    }
}
