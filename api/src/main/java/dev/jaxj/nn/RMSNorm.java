package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.random.Key;

import static java.util.Objects.requireNonNull;

/**
 * Root-mean-square normalisation over the last axis (Zhang and Sennrich, 2019), as
 * {@code flax.linen.RMSNorm}: {@code y = x / sqrt(mean(x²) + epsilon) · scale}, without
 * centring and without bias. No state.
 *
 * @param epsilon added to the mean square before the square root, {@code > 0} (Flax's default 1e-6)
 */
public record RMSNorm(double epsilon) implements Module<RMSNorm.Params, Variables.Empty> {
    public RMSNorm {
        if (!(epsilon > 0)) throw new ArgumentError("RMSNorm", "epsilon must be > 0, got " + epsilon);
    }

    /** The params: {@code scale}, {@code [features]}, starting at 1. */
    public record Params(Array scale) {
        public Params { requireNonNull(scale, "scale is null"); }
    }

    /** {@return RMS normalisation with epsilon 1e-6} */
    public static RMSNorm of() { return new RMSNorm(1e-6); }

    @Override
    public Variables<RMSNorm.Params, Variables.Empty> init(Key key, ShapedArray input) {
        return Variables.of(new Params(Jnp.ones(Shape.of(Shapes.features("RMSNorm", input)), Dense.paramDType(input))));
    }

    @Override
    public Output<Variables.Empty> apply(Variables<RMSNorm.Params, Variables.Empty> variables, Array input, Context context) {
        var p = variables.params();
        Shapes.requireFeatures("RMSNorm", input.aval(), p.scale().shape().dim(0), "scale", p.scale(), "features");
        Array x = input.dtype().isFloating() ? input : input.astype(p.scale().dtype());
        Array meanSquare = x.square().mean(true, -1);
        return new Output<>(x.mul(Lax.rsqrt(meanSquare.add(epsilon))).mul(p.scale()), variables.state());
    }
}
