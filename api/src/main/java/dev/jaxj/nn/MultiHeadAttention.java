package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Key;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * Multi-head dot-product self-attention (Vaswani et al., 2017), as
 * {@code flax.linen.MultiHeadDotProductAttention} applied to one sequence: inputs
 * {@code [batch, length, features]} are projected to queries, keys and values of
 * {@code numHeads} heads of {@code qkvFeatures / numHeads} each; every position attends to every
 * position (to itself and earlier ones only when {@code causal}) with weights
 * {@code softmax(q·k / sqrt(headDim))}; the heads are concatenated and projected to
 * {@code outFeatures}. Masked logits are set to the dtype's most negative finite value, as in
 * Flax, so that a fully masked row gives uniform weights rather than NaN.
 * {@snippet :
 * var attention = MultiHeadAttention.causal(4);    // 4 heads, widths from the input
 * Array y = attention.apply(vars, x);              // x: f32[b, t, 64] -> f32[b, t, 64]
 * }
 *
 * @param numHeads    the number of heads, dividing {@code qkvFeatures}
 * @param qkvFeatures the total width of the queries, keys and values; 0 for the input's width
 * @param outFeatures the output width; 0 for the input's width
 * @param causal      whether position {@code i} sees only positions {@code <= i}
 */
public record MultiHeadAttention(int numHeads, int qkvFeatures, int outFeatures, boolean causal) implements Module<MultiHeadAttention.Params, Variables.Empty> {
    public MultiHeadAttention {
        if (numHeads < 1 || qkvFeatures < 0 || outFeatures < 0 || qkvFeatures % numHeads != 0)
            throw new ArgumentError("MultiHeadAttention", "needs numHeads >= 1 dividing qkvFeatures >= 0, and outFeatures >= 0, got "
                    + numHeads + ", " + qkvFeatures + ", " + outFeatures);
    }

    /**
     * The params: dense projections with bias. {@code query}, {@code key} and {@code value}
     * have kernels {@code [features, qkvFeatures]} (the heads side by side), {@code out} has
     * {@code [qkvFeatures, outFeatures]}.
     */
    public record Params(Dense.Params query, Dense.Params key, Dense.Params value, Dense.Params out) {
        public Params {
            requireNonNull(query, "query is null");
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
            requireNonNull(out, "out is null");
        }
    }

    /** {@return self-attention over all positions, widths taken from the input} */
    public static MultiHeadAttention of(int numHeads) { return new MultiHeadAttention(numHeads, 0, 0, false); }

    /** {@return causal self-attention (each position sees itself and earlier ones), widths taken from the input} */
    public static MultiHeadAttention causal(int numHeads) { return new MultiHeadAttention(numHeads, 0, 0, true); }

    @Override
    public Variables<MultiHeadAttention.Params, Variables.Empty> init(Key key, ShapedArray input) {
        if (input.rank() != 3) throw new ShapeError("MultiHeadAttention", "needs inputs [batch, length, features], got " + input);
        int f = input.shape().dim(-1), qkv = qkvFeatures == 0 ? f : qkvFeatures, out = outFeatures == 0 ? f : outFeatures;
        if (qkv % numHeads != 0)
            throw new ShapeError("MultiHeadAttention", numHeads + " heads must divide the width " + qkv + " of " + input);
        var keys = Random.split(key, 4).unstack();
        var sample = ShapedArray.of(Dense.paramDType(input), 1, f);
        var projection = Dense.of(qkv);
        return Variables.of(new Params(
                projection.init(keys.get(0), sample).params(),
                projection.init(keys.get(1), sample).params(),
                projection.init(keys.get(2), sample).params(),
                Dense.of(out).init(keys.get(3), ShapedArray.of(sample.dtype(), 1, qkv)).params()));
    }

    @Override
    public Output<Variables.Empty> apply(Variables<MultiHeadAttention.Params, Variables.Empty> variables, Array input, Context context) {
        if (input.ndim() != 3) throw new ShapeError("MultiHeadAttention", "needs inputs [batch, length, features], got " + input.aval());
        var p = variables.params();
        Shapes.requireFeatures("MultiHeadAttention", input.aval(), p.query().kernel().shape().dim(0), "query kernel", p.query().kernel(), "in_features");
        int t = input.shape().dim(1);
        Option<Array> mask = causal ? Option.some(causalMask(t)) : Option.none();
        return new Output<>(attend(p, numHeads, input, input, mask), variables.state());
    }

    /** {@return the mask of causal attention}: {@code bool[t, t]}, true where the key position is not after the query's */
    public static Array causalMask(int length) {
        return Jnp.tril(Jnp.ones(Shape.of(length, length), DType.BOOL));
    }

    /**
     * {@return attention of the {@code queries} to the {@code keysValues}}: the general form,
     * for cross-attention
     *
     * @param queries    {@code [batch, lq, features]}
     * @param keysValues {@code [batch, lk, features]}
     * @param mask       none, or bools broadcastable to {@code [batch, heads, lq, lk]}; true where attending is allowed
     * @return {@code [batch, lq, outFeatures]}
     */
    public static Array attend(Params p, int numHeads, Array queries, Array keysValues, Option<Array> mask) {
        check(p, numHeads, queries, keysValues, mask);
        Array q = heads(Dense.forward(p.query(), queries), numHeads);
        Array k = heads(Dense.forward(p.key(), keysValues), numHeads);
        Array v = heads(Dense.forward(p.value(), keysValues), numHeads);
        int headDim = q.shape().dim(-1);
        Array logits = Jnp.einsum("bqhd,bkhd->bhqk", q, k).div(Math.sqrt(headDim));
        if (mask.isDefined()) logits = Jnp.where(mask.get(), logits, lowest(logits.dtype()));
        Array weights = Activations.softmax(logits, -1);
        Array mixed = Jnp.einsum("bhqk,bkhd->bqhd", weights, v);
        var s = mixed.shape();
        return Dense.forward(p.out(), mixed.reshape(s.dim(0), s.dim(1), s.dim(2) * s.dim(3)));
    }

    /** Checks the operands here so that a mismatch names this layer and the avals, not an inner matmul, reshape or where. */
    private static void check(Params p, int numHeads, Array queries, Array keysValues, Option<Array> mask) {
        String op = "MultiHeadAttention";
        if (queries.ndim() != 3 || keysValues.ndim() != 3)
            throw new ShapeError(op, "queries and keys/values must be [batch, length, features], got " + queries.aval() + " and " + keysValues.aval());
        Shapes.requireFeatures(op, queries.aval(), p.query().kernel().shape().dim(0), "query kernel", p.query().kernel(), "in_features");
        Shapes.requireFeatures(op, keysValues.aval(), p.key().kernel().shape().dim(0), "key kernel", p.key().kernel(), "in_features");
        int width = p.query().kernel().shape().dim(-1);
        if (numHeads < 1 || width % numHeads != 0)
            throw new ShapeError(op, numHeads + " heads must divide the query width, got query kernel " + p.query().kernel().aval());
        int b = Math.max(queries.shape().dim(0), keysValues.shape().dim(0));
        Shape scores = Shape.of(b, numHeads, queries.shape().dim(1), keysValues.shape().dim(1));
        for (Array m : mask)
            if (!NumpyOps.broadcastsTo(m.shape(), scores))
                throw new ShapeError(op, "the mask must broadcast to [batch, heads, queries, keys] = " + scores + ", got " + m.aval());
    }

    /** {@code [b, l, h*d]} to {@code [b, l, h, d]} */
    private static Array heads(Array x, int numHeads) {
        var s = x.shape();
        return x.reshape(s.dim(0), s.dim(1), numHeads, s.dim(2) / numHeads);
    }

    private static double lowest(DType dtype) {
        return dtype == DType.F64 ? -Double.MAX_VALUE : -Float.MAX_VALUE;
    }
}
