package dev.jaxj.benchmarks;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.nn.Activations;

import java.util.function.Function;

/**
 * W9: a pre-LN transformer encoder block (B 16, S 64, D 128, 4 heads of 32, FFN 512 with
 * ReLU, no mask), written with explicit operations as the peer is: the forward pass, and the
 * loss {@code mean(out^2)} with the gradients of all 12 parameters, eager and jitted.
 */
final class W9Transformer {
    private static final int B = 16, S = 64, D = 128, H = 4, DH = D / H, FF = 512;

    private W9Transformer() {}

    /** The block's parameters: the QKV, output and two FFN projections, and both LayerNorms' scales and offsets. */
    record Block(Array wqkv, Array bqkv, Array wo, Array bo, Array w1, Array b1, Array w2, Array b2,
                 Array g1, Array be1, Array g2, Array be2) {}

    static Array forward(Block p, Array x) {
        Array h = layerNorm(x, p.g1(), p.be1());
        Array qkv = h.matmul(p.wqkv()).add(p.bqkv());
        Array q = heads(qkv, 0), k = heads(qkv, 1), v = heads(qkv, 2);
        Array att = Activations.softmax(q.matmul(k.transpose(0, 1, 3, 2)).div(Math.sqrt(DH)), -1);
        Array o = att.matmul(v).transpose(0, 2, 1, 3).reshape(B, S, D);
        Array x1 = x.add(o.matmul(p.wo()).add(p.bo()));
        Array ffn = Activations.relu(layerNorm(x1, p.g2(), p.be2()).matmul(p.w1()).add(p.b1()));
        return x1.add(ffn.matmul(p.w2()).add(p.b2()));
    }

    /** The {@code part}-th 128 columns of {@code qkv} as heads: [B, S, 128] to [B, H, S, 32]. */
    private static Array heads(Array qkv, int part) {
        return qkv.get(Index.all(), Index.all(), Index.slice(part * D, (part + 1) * D)).reshape(B, S, H, DH).transpose(0, 2, 1, 3);
    }

    /** LayerNorm over the last axis with the biased variance and eps 1e-5, as torch's. */
    private static Array layerNorm(Array x, Array gamma, Array beta) {
        Array mean = x.mean(true, -1);
        Array centred = x.sub(mean);
        Array variance = centred.square().mean(true, -1);
        return centred.mul(variance.add(1e-5).rsqrt()).mul(gamma).add(beta);
    }

    static Array loss(Block p, Array x) {
        return forward(p, x).square().mean();
    }

    private static Block init() {
        return new Block(linear(1, D, 3 * D), Jnp.zeros(3 * D), linear(2, D, D), Jnp.zeros(D),
                linear(3, D, FF), Jnp.zeros(FF), linear(4, FF, D), Jnp.zeros(D),
                Jnp.ones(D), Jnp.zeros(D), Jnp.ones(D), Jnp.zeros(D));
    }

    private static Array linear(long seed, int in, int out) {
        double bound = 1 / Math.sqrt(in);
        return Inputs.uniform(seed, -bound, bound, in, out);
    }

    /** What a jitted call takes: the parameters and the input, both traced. */
    record Call(Block params, Array x) {}

    static Block gradients(Call c) {
        return Jax.grad(W9Transformer::loss).apply(c.params(), c.x());
    }

    static void run() {
        Call call = new Call(init(), Inputs.normal(9, B, S, D));
        Harness.report("W9", "transformer_fwd_bwd", "jaxj_eager", Harness.median(() -> gradients(call)) * 1e3, "ms");
        Harness.report("W9", "transformer_fwd", "jaxj_eager", Harness.median(() -> forward(call.params(), call.x())) * 1e3, "ms");
        Function<Call, Block> jitGrads = Jax.jit(W9Transformer::gradients);
        Harness.report("W9", "compile_ms", "jaxj_jit", Inputs.millis(() -> jitGrads.apply(call)), "ms");
        Harness.report("W9", "transformer_fwd_bwd", "jaxj_jit", Harness.median(() -> jitGrads.apply(call)) * 1e3, "ms");
        Function<Call, Array> jitForward = Jax.jit((Call c) -> forward(c.params(), c.x()));
        Harness.report("W9", "compile_fwd_ms", "jaxj_jit", Inputs.millis(() -> jitForward.apply(call)), "ms");
        Harness.report("W9", "transformer_fwd", "jaxj_jit", Harness.median(() -> jitForward.apply(call)) * 1e3, "ms");
    }
}
