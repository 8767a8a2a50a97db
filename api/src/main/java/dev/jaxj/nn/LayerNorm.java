package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.random.Key;

import static java.util.Objects.requireNonNull;

/**
 * Layer normalisation over the last axis (Ba, Kiros and Hinton, 2016), as
 * {@code flax.linen.LayerNorm}: each example's features are shifted to mean 0 and scaled to
 * variance 1, then {@code y = x̂ · scale + bias}. Unlike {@link BatchNorm}, it behaves the same
 * in train and eval mode and keeps no state.
 *
 * @param epsilon added to the variance before the square root, {@code > 0} (Flax's default 1e-6)
 */
public record LayerNorm(double epsilon) implements Module<LayerNorm.Params, Variables.Empty> {
    public LayerNorm {
        if (!(epsilon > 0)) throw new ArgumentError("LayerNorm", "epsilon must be > 0, got " + epsilon);
    }

    /** The params: {@code scale} (starting at 1) and {@code bias} (at 0), each {@code [features]}. */
    public record Params(Array scale, Array bias) {
        public Params {
            requireNonNull(scale, "scale is null");
            requireNonNull(bias, "bias is null");
        }
    }

    /** {@return layer normalisation with epsilon 1e-6} */
    public static LayerNorm of() { return new LayerNorm(1e-6); }

    @Override
    public Variables<LayerNorm.Params, Variables.Empty> init(Key key, ShapedArray input) {
        Shape s = Shape.of(Shapes.features("LayerNorm", input));
        DType dtype = Dense.paramDType(input);
        return Variables.of(new Params(Jnp.ones(s, dtype), Jnp.zeros(s, dtype)));
    }

    @Override
    public Output<Variables.Empty> apply(Variables<LayerNorm.Params, Variables.Empty> variables, Array input, Context context) {
        var p = variables.params();
        Shapes.requireFeatures("LayerNorm", input.aval(), p.scale().shape().dim(0), "scale", p.scale(), "features");
        Array x = input.dtype().isFloating() ? input : input.astype(p.scale().dtype());
        Array mean = x.mean(true, -1);
        Array centred = x.sub(mean);
        Array var = centred.square().mean(true, -1);
        return new Output<>(centred.mul(Lax.rsqrt(var.add(epsilon))).mul(p.scale()).add(p.bias()), variables.state());
    }
}
