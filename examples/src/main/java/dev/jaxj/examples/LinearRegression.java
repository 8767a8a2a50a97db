package dev.jaxj.examples;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
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
 * Linear regression two ways. The low-level way: the model is a record of arrays, the loss a
 * Java method, and training a loop that asks {@code Jax.valueAndGrad} for the gradient and
 * steps downhill by hand. The high-level way: the same model as a {@code Dense} layer, trained
 * by {@code Trainer.fit}. Both recover the weights that generated the data,
 * {@code y = 2 x₀ - 3.5 x₁ + 1} plus noise.
 * {@snippet lang=text :
 * mvn -q compile exec:exec -pl examples -am -Djaxj.main=dev.jaxj.examples.LinearRegression
 * }
 */
public final class LinearRegression {
    private LinearRegression() {}

    static final float[] TRUE_W = {2f, -3.5f};
    static final float TRUE_B = 1f;

    /** The model: {@code y = x · w + b}, with {@code w: f32[2]} and {@code b: f32[]}. */
    public record Params(Array w, Array b) {}

    /** Fitted weights and bias of each way. */
    public record Result(Array lowLevelW, double lowLevelB, Array highLevelW, double highLevelB) {}

    public static void main(String[] args) { run(System.out); }

    /** {@return 200 examples {@code x: f32[200, 2]} in [-1, 1) and {@code y: f32[200]} with noise of s.d. 0.1} */
    static Array[] data(Key key) {
        var keys = Random.split(key);
        Array x = Random.uniform(keys.get(0), dev.jaxj.ir.Shape.of(200, 2), dev.jaxj.ir.DType.F32, -1, 1);
        Array y = x.matmul(Jnp.array(TRUE_W)).add(TRUE_B).add(Random.normal(keys.get(1), 200).mul(0.1));
        return new Array[] {x, y};
    }

    static Array loss(Params p, Array x, Array y) {
        Array predictions = x.matmul(p.w()).add(p.b());
        return predictions.sub(y).square().mean();
    }

    public static Result run(PrintStream out) {
        Array[] xy = data(Random.key(0));
        Array x = xy[0], y = xy[1];

        out.println("== The low-level way: Jax.valueAndGrad and a hand-written loop ==");
        var params = new Params(Jnp.zeros(2), Jnp.scalar(0f));
        var valueAndGrad = Jax.valueAndGrad((Params p) -> loss(p, x, y));
        double learningRate = 0.3;
        for (int step = 0; step <= 100; step++) {
            var vg = valueAndGrad.apply(params);
            if (step % 25 == 0) out.printf("step %3d  loss %.5f%n", step, vg.value().floatValue());
            params = new Params(params.w().sub(vg.grad().w().mul(learningRate)), params.b().sub(vg.grad().b().mul(learningRate)));
        }
        Array lowW = params.w();
        double lowB = params.b().doubleValue();
        out.printf("w = %s, b = %.3f  (true: %s, %.1f)%n%n", Arrays.toString(lowW.toFloatArray()), lowB, Arrays.toString(TRUE_W), TRUE_B);

        out.println("== The high-level way: a Dense layer and Trainer.fit ==");
        var trainer = Trainer.of(Dense.of(1), Optim.sgd(0.3), Loss.meanSquaredError(), Metric.meanAbsoluteError());
        var fit = trainer.fit(trainer.init(Random.key(1), x), x, y.reshape(200, 1), FitConfig.of(10, 20).withOut(out));
        var dense = fit.state().variables().params();
        Array highW = dense.kernel().ravel();
        double highB = dense.bias().reshape().doubleValue();
        out.printf("w = %s, b = %.3f%n", Arrays.toString(highW.toFloatArray()), highB);
        return new Result(lowW, lowB, highW, highB);
    }
}
