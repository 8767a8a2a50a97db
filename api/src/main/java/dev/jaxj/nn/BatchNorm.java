package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.random.Key;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * Batch normalisation over the last (feature) axis, as {@code flax.linen.BatchNorm}: in train
 * mode each feature is normalised by the mean and (biased) variance of the batch, over every
 * other axis, and the running statistics move towards them,
 * {@code running = momentum · running + (1 - momentum) · batch}; in eval mode the running
 * statistics are used. Then {@code y = x̂ · scale + bias}. The running statistics are the
 * module's state (Keras's non-trainable params); they start at mean 0 and variance 1.
 * {@snippet :
 * var bn = BatchNorm.of();                    // momentum 0.99, epsilon 1e-5
 * var out = bn.apply(vars, x, Context.train());
 * vars = vars.withState(out.state());         // the updated running statistics
 * }
 *
 * @param momentum how much of the running statistics each batch keeps, in {@code [0, 1]}
 * @param epsilon  added to the variance before the square root, {@code > 0}
 */
public record BatchNorm(double momentum, double epsilon) implements Module<BatchNorm.Params, BatchNorm.Stats> {
    public BatchNorm {
        if (!(momentum >= 0 && momentum <= 1)) throw new ArgumentError("BatchNorm", "momentum must be in [0, 1], got " + momentum);
        if (!(epsilon > 0)) throw new ArgumentError("BatchNorm", "epsilon must be > 0, got " + epsilon);
    }

    /** The trainable params: {@code scale} and {@code bias}, each {@code [features]}. */
    public record Params(Array scale, Array bias) {
        public Params {
            requireNonNull(scale, "scale is null");
            requireNonNull(bias, "bias is null");
        }
    }

    /** The running statistics, each {@code [features]}. */
    public record Stats(Array mean, Array var) {
        public Stats {
            requireNonNull(mean, "mean is null");
            requireNonNull(var, "var is null");
        }
    }

    /** {@return batch normalisation with Flax's defaults: momentum 0.99, epsilon 1e-5} */
    public static BatchNorm of() { return new BatchNorm(0.99, 1e-5); }

    @Override
    public Variables<BatchNorm.Params, BatchNorm.Stats> init(Key key, ShapedArray input) {
        int f = Shapes.features("BatchNorm", input);
        DType dtype = Dense.paramDType(input);
        Shape s = Shape.of(f);
        return new Variables<>(new Params(Jnp.ones(s, dtype), Jnp.zeros(s, dtype)), new Stats(Jnp.zeros(s, dtype), Jnp.ones(s, dtype)));
    }

    @Override
    public Output<BatchNorm.Stats> apply(Variables<BatchNorm.Params, BatchNorm.Stats> variables, Array input, Context context) {
        var p = variables.params();
        var stats = variables.state();
        Shapes.requireFeatures("BatchNorm", input.aval(), p.scale().shape().dim(0), "scale", p.scale(), "features");
        Array x = input.dtype().isFloating() ? input : input.astype(p.scale().dtype());
        Array mean = stats.mean(), var = stats.var();
        Stats next = stats;
        if (context.training()) {
            int[] axes = Vector.range(0, x.ndim() - 1).toJavaStream().mapToInt(Integer::intValue).toArray();
            mean = x.mean(axes);
            var = x.sub(mean).square().mean(axes);
            next = new Stats(moved(stats.mean(), mean), moved(stats.var(), var));
        }
        Array normalised = x.sub(mean).mul(Lax.rsqrt(var.add(epsilon)));
        return new Output<>(normalised.mul(p.scale()).add(p.bias()), next);
    }

    private Array moved(Array running, Array batch) {
        return running.mul(momentum).add(batch.astype(running.dtype()).mul(1 - momentum));
    }
}
