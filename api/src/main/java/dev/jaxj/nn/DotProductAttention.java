package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * Scaled dot-product attention as {@code jax.nn.dot_product_attention} computes it with its
 * reference ({@code xla}) implementation: {@code softmax(scale * q·k + bias, masked) · v}.
 * Shapes use JAX's letters: {@code B} batch, {@code T} query length, {@code S} key length,
 * {@code N} query heads, {@code K} key/value heads ({@code N} a multiple of {@code K}, grouped-query
 * attention), {@code H} head size. The batch axis may be left out of all three operands.
 * {@snippet :
 * Array out = DotProductAttention.apply(q, k, v, DotProductAttention.Options.DEFAULT.causal()); // q: [B,T,N,H], k, v: [B,S,K,H] -> [B,T,N,H]
 * }
 */
public final class DotProductAttention {
    private DotProductAttention() {}

    /**
     * The optional arguments of {@code jax.nn.dot_product_attention}.
     *
     * @param bias     none, or an array broadcastable to {@code [B, N, T, S]} added to the logits
     * @param mask     none, or bools broadcastable to {@code [B, N, T, S]}; false where attending is not allowed
     * @param scale    none for {@code 1 / sqrt(H)}
     * @param isCausal whether a query may only attend to keys at or before its position
     */
    public record Options(Option<Array> bias, Option<Array> mask, Option<Double> scale, boolean isCausal) {
        public static final Options DEFAULT = new Options(Option.none(), Option.none(), Option.none(), false);

        public Options {
            requireNonNull(bias, "bias is null");
            requireNonNull(mask, "mask is null");
            requireNonNull(scale, "scale is null");
        }

        public Options withBias(Array b) { return new Options(Option.some(b), mask, scale, isCausal); }
        public Options withMask(Array m) { return new Options(bias, Option.some(m), scale, isCausal); }
        public Options withScale(double s) { return new Options(bias, mask, Option.some(s), isCausal); }
        public Options causal() { return new Options(bias, mask, scale, true); }
    }

    /**
     * {@return the attention output}: {@code [B, T, N, H]} (or {@code [T, N, H]}) in the query's dtype.
     * The logits and the softmax are computed in at least f32; masked logits are set to
     * {@code -0.7 * max} of that dtype, as in JAX, so that a fully masked row gives uniform weights.
     * @throws ShapeError when the ranks differ or are not 3 or 4, when the head sizes, batch sizes or
     *                    key/value lengths disagree, or when {@code N} is not a multiple of {@code K}
     */
    public static Array apply(Array query, Array key, Array value, Options options) {
        requireNonNull(options, "options is null");
        String op = "dot_product_attention";
        int r = query.ndim();
        if (r != key.ndim() || r != value.ndim() || (r != 3 && r != 4))
            throw new ShapeError(op, "query, key and value must all be [B,T,N,H] or all [T,N,H], got " + avals(query, key, value));
        boolean unbatched = r == 3;
        Array q = unbatched ? Lax.expandDims(query, io.vavr.collection.Vector.of(0)) : query;
        Array k = unbatched ? Lax.expandDims(key, io.vavr.collection.Vector.of(0)) : key;
        Array v = unbatched ? Lax.expandDims(value, io.vavr.collection.Vector.of(0)) : value;
        Shape qs = q.shape(), ks = k.shape(), vs = v.shape();
        int b = qs.dim(0), t = qs.dim(1), n = qs.dim(2), h = qs.dim(3), s = ks.dim(1), kh = ks.dim(2);
        if (ks.dim(0) != b || vs.dim(0) != b || !ks.equals(vs) || ks.dim(3) != h || kh == 0 || n % kh != 0)
            throw new ShapeError(op, "key and value must be [B,S,K,H] with the query's B and H and K dividing N, got " + avals(query, key, value));
        DType compute = query.dtype() == DType.F64 ? DType.F64 : DType.F32;
        int g = n / kh;
        // Grouped-query attention: query heads n = kh * g share key head kh.
        Array qg = Lax.convertElementType(Jnp.reshape(q, b, t, kh, g, h), compute);
        Array logits = Jnp.einsum("btkgh,bskh->bkgts", qg, Lax.convertElementType(k, compute));
        logits = Jnp.reshape(logits, b, n, t, s);
        double scale = options.scale().getOrElse(1 / Math.sqrt(h));
        logits = Lax.mul(logits, NumpyOps.fullLike(logits, scale));
        Shape scores = logits.shape();
        for (Array bias : options.bias()) logits = Lax.add(logits, broadcast(op, Lax.convertElementType(bias, compute), scores, query, key, value));
        Option<Array> allowed = options.mask().map(m -> broadcast(op, m.dtype().isBool() ? m : Lax.ne(m, NumpyOps.fullLike(m, 0)), scores, query, key, value));
        if (options.isCausal()) {
            Array causal = Lax.ge(Lax.iota(DType.I32, Shape.of(t, s), 0), Lax.iota(DType.I32, Shape.of(t, s), 1));
            Array c = NumpyOps.broadcastTo(causal, scores);
            allowed = Option.some(allowed.map(a -> Lax.and(a, c)).getOrElse(c));
        }
        double lowest = -0.7 * (compute == DType.F64 ? Double.MAX_VALUE : Float.MAX_VALUE);
        for (Array a : allowed) logits = Lax.select(a, logits, NumpyOps.fullLike(logits, lowest));
        Array weights = Activations.softmax(logits, -1);
        Array wg = Jnp.reshape(weights, b, kh, g, t, s);
        Array out = Jnp.einsum("bkgts,bskh->btkgh", wg, Lax.convertElementType(v, compute));
        out = Lax.convertElementType(Jnp.reshape(out, b, t, n, h), query.dtype());
        return unbatched ? Jnp.reshape(out, t, n, h) : out;
    }

    private static Array broadcast(String op, Array x, Shape to, Array... operands) {
        if (!NumpyOps.broadcastsTo(x.shape(), to))
            throw new ShapeError(op, "bias and mask must broadcast to [B,N,T,S] = " + to + ", got " + x.aval() + " for " + avals(operands));
        return NumpyOps.broadcastTo(x, to);
    }

    private static String avals(Array... xs) { return NumpyOps.avals(io.vavr.collection.Vector.of(xs)); }
}
