package dev.jaxj.examples;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.Context;
import dev.jaxj.nn.Dense;
import dev.jaxj.nn.Embed;
import dev.jaxj.nn.LayerNorm;
import dev.jaxj.nn.MLP;
import dev.jaxj.nn.Module;
import dev.jaxj.nn.MultiHeadAttention;
import dev.jaxj.nn.Summary;
import dev.jaxj.nn.Variables;
import dev.jaxj.optim.Optim;
import dev.jaxj.random.Key;
import dev.jaxj.train.FitConfig;
import dev.jaxj.train.FitResult;
import dev.jaxj.train.Loss;
import dev.jaxj.train.Metric;
import dev.jaxj.train.Trainer;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.io.PrintStream;

/**
 * A character-level transformer (a small GPT) trained on Shakespeare's first 25 sonnets. It
 * shows how to write modules of your own: {@link Block} (pre-norm causal self-attention and an
 * MLP, each with a residual connection) and {@link Gpt} (token and position embeddings, blocks,
 * a final norm and a projection to the vocabulary) are records implementing {@link Module},
 * built from the library's layers. Training uses {@code Trainer.fit} on windows of the text,
 * predicting each next character, and validates on windows of the last tenth of the text, which
 * training never sees. It prints text sampled before and after training. The default 10 epochs
 * take one to two minutes on 2 cores and bring the held-out loss from ln 56 = 4.0 nats to about 1.65.
 * {@snippet lang=text :
 * mvn -q compile exec:exec -pl examples -am -Djaxj.main=dev.jaxj.examples.CharTransformer
 * }
 */
public final class CharTransformer {
    private CharTransformer() {}

    /**
     * A transformer block: {@code x + attention(norm(x))}, then {@code x + mlp(norm(x))}.
     *
     * @param heads  attention heads
     * @param hidden the MLP's hidden width
     */
    public record Block(int heads, int hidden) implements Module<Block.Params, Variables.Empty> {
        /** The block's params: each part's own. */
        public record Params(LayerNorm.Params norm1, MultiHeadAttention.Params attention, LayerNorm.Params norm2, Vector<Object> mlp) {}

        private static final LayerNorm NORM = LayerNorm.of();

        private MultiHeadAttention attention() { return MultiHeadAttention.causal(heads); }

        private MLP mlp(int features) { return MLP.of(Activation.GELU, hidden, features); }

        @Override
        public Variables<Params, Variables.Empty> init(Key key, ShapedArray input) {
            var k = Random.split(key, 4).unstack();
            return Variables.of(new Params(NORM.init(k.get(0), input).params(), attention().init(k.get(1), input).params(),
                    NORM.init(k.get(2), input).params(), mlp(input.shape().dim(-1)).init(k.get(3), input).params()));
        }

        @Override
        public Output<Variables.Empty> apply(Variables<Params, Variables.Empty> variables, Array x, Context context) {
            var p = variables.params();
            Array h = x.add(attention().apply(Variables.of(p.attention()), NORM.apply(Variables.of(p.norm1()), x)));
            var mlp = mlp(x.shape().dim(-1));
            Array y = h.add(mlp.apply(mlp.variables(p.mlp()), NORM.apply(Variables.of(p.norm2()), h)));
            return new Output<>(y, variables.state());
        }
    }

    /**
     * The language model: {@code i32[batch, length]} character ids to {@code f32[batch, length, vocab]}
     * logits of the next character at each position.
     *
     * @param vocab    the number of distinct characters
     * @param context  the longest input, the number of learned positions
     * @param features the width of the residual stream
     * @param heads    attention heads per block
     * @param layers   the number of blocks
     */
    public record Gpt(int vocab, int context, int features, int heads, int layers) implements Module<Gpt.Params, Variables.Empty> {
        /** The model's params. */
        public record Params(Embed.Params tokens, Embed.Params positions, Seq<Block.Params> blocks, LayerNorm.Params norm,
                             Dense.Params head) {}

        Embed tokens() { return Embed.of(vocab, features); }

        Embed positions() { return Embed.of(context, features); }

        Block block() { return new Block(heads, 4 * features); }

        @Override
        public Variables<Params, Variables.Empty> init(Key key, ShapedArray input) {
            var k = Random.split(key, layers + 4).unstack();
            var stream = ShapedArray.of(DType.F32, input.shape().dim(0), input.shape().dim(1), features);
            Seq<Block.Params> blocks = Vector.range(0, layers).map(i -> block().init(k.get(4 + i), stream).params());
            return Variables.of(new Params(tokens().init(k.get(0), input).params(), positions().init(k.get(1), input).params(),
                    blocks, LayerNorm.of().init(k.get(2), stream).params(), Dense.of(vocab).init(k.get(3), stream).params()));
        }

        @Override
        public Output<Variables.Empty> apply(Variables<Params, Variables.Empty> variables, Array ids, Context context) {
            var p = variables.params();
            Array where = Jnp.arange(ids.shape().dim(1));
            Array x = tokens().apply(Variables.of(p.tokens()), ids).add(positions().apply(Variables.of(p.positions()), where));
            for (Block.Params b : p.blocks()) x = block().apply(Variables.of(b), x);
            x = LayerNorm.of().apply(Variables.of(p.norm()), x);
            return new Output<>(Dense.of(vocab).apply(Variables.of(p.head()), x), variables.state());
        }

        /** One row per part, so that the summary shows where the parameters are. */
        @Override
        public Seq<Summary.Row> summaryRows(Variables<Params, Variables.Empty> variables, ShapedArray input) {
            var p = variables.params();
            var stream = ShapedArray.of(DType.F32, input.shape().dim(0), input.shape().dim(1), features);
            Vector<Summary.Row> rows = Vector.of(
                    Summary.Row.of("Embed", stream, Variables.of(p.tokens())),
                    Summary.Row.of("Embed", stream, Variables.of(p.positions())));
            for (Block.Params b : p.blocks()) rows = rows.append(Summary.Row.of("Block", stream, Variables.of(b)));
            return rows.append(Summary.Row.of("LayerNorm", stream, Variables.of(p.norm())))
                    .append(Summary.Row.of("Dense", stream.withShape(Shape.of(input.shape().dim(0), input.shape().dim(1), vocab)),
                            Variables.of(p.head())));
        }
    }

    /**
     * What a run produced.
     *
     * @param fit    the trained state and the history
     * @param before text sampled from the untrained model
     * @param after  text sampled from the trained model
     */
    public record Result(FitResult<Gpt.Params, Variables.Empty> fit, String before, String after) {}

    static final String PROMPT = "Shall I compare thee";

    public static void main(String[] args) {
        int epochs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 10;
        run(epochs, System.out);
    }

    /**
     * Trains for {@code epochs} passes over 2048 windows of 32 characters from the first 90 % of
     * the text, validating on 256 windows of the last 10 %, with fixed seeds, printing to {@code out}.
     */
    public static Result run(int epochs, PrintStream out) {
        String text = Datasets.text("sonnets.txt");
        String alphabet = text.chars().distinct().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        int[] ids = text.chars().map(alphabet::indexOf).toArray();
        int context = 32, split = ids.length * 9 / 10;
        Array all = Jnp.array(ids);
        Array[] train = windows(all.get(Index.slice(0, split)), 2048, context, Random.key(0));
        Array[] held = windows(all.get(Index.slice(split, ids.length)), 256, context, Random.key(1));

        var model = new Gpt(alphabet.length(), context, 48, 4, 2);
        var trainer = Trainer.of(model, Optim.adam(3e-3), Loss.softmaxCrossEntropy(), Metric.accuracy());
        var state = trainer.init(Random.key(2), train[0]);
        out.println(model.summary(state.variables(), train[0]));
        out.printf("%d characters of text, %d distinct%n", text.length(), alphabet.length());

        String before = sample(trainer, state.variables(), alphabet, context, 200, Random.key(3));
        out.println("\nSampled before training:\n" + PROMPT + before + "\n");
        var fit = trainer.fit(state, train[0], train[1], FitConfig.of(epochs, 32).withValidationData(held[0], held[1]).withOut(out));
        String after = sample(trainer, fit.state().variables(), alphabet, context, 400, Random.key(3));
        out.println("\nSampled after training:\n" + PROMPT + after);
        return new Result(fit, before, after);
    }

    /** {@return {@code count} windows at random offsets: inputs {@code ids[s, s + length)} and targets shifted by one} */
    static Array[] windows(Array ids, int count, int length, Key key) {
        Array starts = Random.randint(key, Shape.of(count, 1), 0, ids.shape().dim(0) - length - 1);
        Array positions = starts.add(Jnp.arange(length).reshape(1, length));
        return new Array[] {ids.get(positions), ids.get(positions.add(1))};
    }

    /**
     * {@return {@code n} characters continuing {@link #PROMPT}}, each drawn from the model's
     * distribution for the next character (temperature 0.8) given the last {@code context} ones
     */
    static <P, S> String sample(Trainer<P, S> trainer, Variables<P, S> variables, String alphabet, int context, int n, Key key) {
        var text = new StringBuilder(PROMPT);
        int[] window = new int[context];
        for (int i = 0; i < n; i++) {
            // The newest characters at the start of a fixed-size window: causal attention makes the padding after them irrelevant.
            String recent = text.substring(Math.max(0, text.length() - context));
            java.util.Arrays.fill(window, 0);
            for (int j = 0; j < recent.length(); j++) window[j] = alphabet.indexOf(recent.charAt(j));
            Array logits = trainer.predict(variables, Jnp.array(window).reshape(1, context), 1).get(0, recent.length() - 1);
            int next = Random.categorical(Random.foldIn(key, i), logits.div(0.8)).intValue();
            text.append(alphabet.charAt(next));
        }
        return text.substring(PROMPT.length());
    }
}
