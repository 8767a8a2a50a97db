package dev.jaxj.examples;

import dev.jaxj.Axes;
import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.nn.Activations;
import dev.jaxj.random.Key;
import dev.jaxj.tree.Tree;
import io.vavr.Tuple;

/**
 * Per-example gradients with {@code vmap(grad(loss))}: the loss is written for one example,
 * {@code grad} differentiates it, and {@code vmap} runs that gradient for every example of a
 * batch at once, with the parameters shared ({@code NOT_MAPPED}). Their norms are what
 * differentially private SGD clips, and what spots outliers in a batch. Run it with
 * {@code mvn -q compile exec:exec -pl examples -am -Djaxj.main=dev.jaxj.examples.PerExampleGradients}.
 */
public final class PerExampleGradients {
    private PerExampleGradients() {}

    /** A two-layer perceptron: {@code w1 f32[in, hidden]}, {@code b1 f32[hidden]}, {@code w2 f32[hidden]}, {@code b2 f32[]}. */
    public record Params(Array w1, Array b1, Array w2, Array b2) {}

    /** One example ({@code x f32[in]}, label {@code y f32[]} in {0, 1}), or a batch of them stacked along axis 0. */
    public record Example(Array x, Array y) {}

    /** {@return small random parameters} */
    public static Params init(Key key, int in, int hidden) {
        return new Params(Random.normal(Random.foldIn(key, 1), in, hidden).mul(1 / Math.sqrt(in)), Jnp.zeros(hidden),
                Random.normal(Random.foldIn(key, 2), hidden).mul(1 / Math.sqrt(hidden)), Jnp.zeros());
    }

    /** {@return the logistic loss of one example}: {@code softplus(-z)} for label 1 and {@code softplus(z)} for 0, with logit {@code z} */
    public static Array loss(Params p, Example e) {
        Array hidden = e.x().matmul(p.w1()).add(p.b1()).tanh();
        Array logit = hidden.matmul(p.w2()).add(p.b2());
        return Activations.softplus(logit.mul(e.y().mul(-2.0).add(1.0)));
    }

    /** {@return each example's gradient}: a {@link Params} whose every leaf has a new leading axis over the batch */
    public static Params perExampleGradients(Params p, Example batch) {
        return Jax.vmap(Jax.grad(PerExampleGradients::loss), Tuple.of(Axes.NOT_MAPPED, 0), 0).apply(p, batch);
    }

    /** {@return the L2 norm of each example's whole gradient (all parameters together)}, {@code f32[n]} */
    public static Array norms(Params grads) {
        Array squares = Tree.leaves(grads).map(Array.class::cast)
                .map(g -> g.mul(g).reshape(g.shape().dim(0), -1).sum(1))
                .reduce(Array::add);
        return squares.sqrt();
    }

    /** {@return a synthetic batch}: Gaussian inputs labelled by a hidden linear rule, with a few labels flipped */
    public static Example data(Key key, int n, int in) {
        Array x = Random.normal(Random.foldIn(key, 3), n, in);
        Array rule = Random.normal(Random.foldIn(key, 4), in);
        Array clean = x.matmul(rule).gt(0.0);
        Array flipped = Random.bernoulli(Random.foldIn(key, 5), 0.2, n);
        return new Example(x, clean.xor(flipped).astype(DType.F32));
    }

    public static void main(String[] args) {
        Key key = Random.key(0);
        Params params = init(key, 4, 8);
        Example batch = data(key, 10, 4);
        Params grads = perExampleGradients(params, batch);
        System.out.println("per-example gradient of w1: " + grads.w1().aval() + " (10 examples of " + params.w1().aval() + ")");
        Array norms = norms(grads);
        System.out.println("per-example gradient norms: " + norms);
        System.out.println("largest: example " + norms.argmax(0).intValue());
        // grad of the mean loss (vmap inside grad) is the mean of the per-example gradients (grad inside vmap).
        Params batchGrad = Jax.grad((Params p) -> Jax.vmap(PerExampleGradients::loss, Tuple.of(Axes.NOT_MAPPED, 0), 0).apply(p, batch).mean())
                .apply(params);
        System.out.println("d mean loss / d b2 = " + batchGrad.b2().floatValue() + ", mean of per-example = " + grads.b2().mean().floatValue());
    }
}
