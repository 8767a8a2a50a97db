package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.array.Take;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Initializer;
import dev.jaxj.random.Initializers;
import dev.jaxj.random.Key;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * A lookup table of vectors, as {@code flax.linen.Embed}: integer inputs {@code [...]} give
 * {@code [..., features]}, row {@code i} of the table for index {@code i}. The table starts
 * normal with variance {@code 1 / features}, Flax's default. Indices outside
 * {@code [0, numEmbeddings)} give NaN rows, as {@code jnp.take} does.
 * {@snippet :
 * var embed = Embed.of(65, 64);                  // 65 characters, 64 features
 * Array h = embed.apply(vars, tokens);           // tokens i32[b, t] -> f32[b, t, 64]
 * Array logits = Embed.attend(params, h);        // tied output layer: f32[b, t, 65]
 * }
 *
 * @param numEmbeddings the number of rows
 * @param features      the length of each row
 * @param init          how the table starts, given shape {@code [numEmbeddings, features]}
 */
public record Embed(int numEmbeddings, int features, Initializer init) implements Module<Embed.Params, Variables.Empty> {
    static final Initializer DEFAULT_INIT = Initializers.varianceScaling(1.0, Initializers.FanMode.FAN_IN,
            Initializers.Distribution.NORMAL, Vector.of(-2), Vector.of(0), Vector.empty());

    public Embed {
        if (numEmbeddings < 1 || features < 1)
            throw new ArgumentError("Embed", "numEmbeddings and features must be >= 1, got " + numEmbeddings + " and " + features);
        requireNonNull(init, "init is null");
    }

    /** The params: {@code embedding}, {@code [numEmbeddings, features]}. */
    public record Params(Array embedding) {
        public Params { requireNonNull(embedding, "embedding is null"); }
    }

    /** {@return an embedding with Flax's initializer} */
    public static Embed of(int numEmbeddings, int features) { return new Embed(numEmbeddings, features, DEFAULT_INIT); }

    @Override
    public Variables<Embed.Params, Variables.Empty> init(Key key, ShapedArray input) {
        requireIndices(input);
        return Variables.of(new Params(init.apply(key, Shape.of(numEmbeddings, features), DType.F32)));
    }

    @Override
    public Output<Variables.Empty> apply(Variables<Embed.Params, Variables.Empty> variables, Array input, Context context) {
        requireIndices(input.aval());
        var p = variables.params();
        return new Output<>(Take.take(p.embedding(), input, 0), variables.state());
    }

    /** {@return {@code query · embeddingᵀ}}: the similarity of each query to each row, for an output layer tied to the input one */
    public static Array attend(Params params, Array query) {
        Shapes.requireFeatures("Embed.attend", query.aval(), params.embedding().shape().dim(-1), "embedding", params.embedding(), "features");
        return query.matmul(params.embedding().transpose());
    }

    private static void requireIndices(ShapedArray input) {
        if (!input.dtype().isInteger()) throw new DTypeError("Embed", "needs integer indices, got " + input);
    }
}
