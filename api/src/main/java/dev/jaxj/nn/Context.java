package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.random.Key;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * How a module is applied: in train or eval mode, and with which random stream. Flax passes
 * these as {@code train=} / {@code deterministic=} and {@code rngs={'dropout': key}}. A
 * container gives each of its parts its own stream with {@link #child}, so that two dropout
 * layers never draw the same mask.
 * {@snippet :
 * model.apply(vars, x, Context.train(Random.foldIn(key, step)));   // dropout active, batch stats updated
 * model.apply(vars, x, Context.eval());                             // deterministic
 * }
 *
 * @param training whether the module trains: dropout drops, batch norm uses and updates batch statistics
 * @param rng      the random stream, needed in train mode by layers that draw
 */
public record Context(boolean training, Option<Key> rng) {
    public Context {
        requireNonNull(rng, "rng is null");
    }

    private static final Context EVAL = new Context(false, Option.none());

    /** {@return eval mode: deterministic, state unchanged} */
    public static Context eval() { return EVAL; }

    /** {@return train mode without randomness}, for models without dropout */
    public static Context train() { return new Context(true, Option.none()); }

    /** {@return train mode drawing from {@code rng}} */
    public static Context train(Key rng) { return new Context(true, Option.some(requireNonNull(rng, "rng is null"))); }

    /** {@return the context of part {@code index} of a container}: the same mode, its own stream */
    public Context child(int index) {
        return rng.isEmpty() ? this : new Context(training, rng.map(k -> Random.foldIn(k, index)));
    }

    /**
     * {@return the random stream}
     *
     * @throws ArgumentError naming {@code op} when the context has none
     */
    public Key requireRng(String op) {
        return rng.getOrElseThrow(() -> new ArgumentError(op,
                "needs a random key in train mode; apply the model with Context.train(key)"));
    }
}
