package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Key;

/**
 * Inverted dropout, as {@code flax.linen.Dropout}: in train mode each element is zeroed with
 * probability {@code rate} and the others are divided by {@code 1 - rate}, so the expected
 * value is unchanged; in eval mode the input passes through. The mask is drawn from the
 * context's random stream, so the same key gives the same mask. No variables.
 * {@snippet :
 * var model = Sequential.of(Dense.of(128), Activation.RELU, new Dropout(0.5), Dense.of(10));
 * model.apply(vars, x, Context.train(Random.foldIn(key, step)));
 * }
 *
 * @param rate the probability of dropping an element, in {@code [0, 1]}
 */
public record Dropout(double rate) implements Module<Variables.Empty, Variables.Empty> {
    public Dropout {
        if (!(rate >= 0 && rate <= 1)) throw new ArgumentError("Dropout", "rate must be in [0, 1], got " + rate);
    }

    @Override
    public Variables<Variables.Empty, Variables.Empty> init(Key key, ShapedArray input) { return Variables.of(Variables.EMPTY); }

    @Override
    public Output<Variables.Empty> apply(Variables<Variables.Empty, Variables.Empty> variables, Array input, Context context) {
        if (!context.training() || rate == 0) return new Output<>(input, variables.state());
        Key key = context.requireRng("Dropout");
        if (rate == 1) return new Output<>(Jnp.zerosLike(input), variables.state());
        Array keep = Random.bernoulli(key, 1 - rate, input.shape().toArray());
        return new Output<>(Jnp.where(keep, input.div(1 - rate), 0.0), variables.state());
    }
}
