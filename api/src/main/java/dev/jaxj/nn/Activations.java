package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.core.CustomRules;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.numpy.Axes;
import dev.jaxj.numpy.Elementwise;
import dev.jaxj.numpy.Logic;
import dev.jaxj.numpy.Reductions;
import io.vavr.collection.Vector;

/**
 * Activation functions and their relatives, as {@code jax.nn} defines them. Each is a
 * composite of primitives, so it differentiates, batches and compiles like any other function.
 * Integer and bool inputs compute in f32, except for the piecewise-linear {@link #relu}.
 * {@snippet :
 * Array h = Activations.gelu(x.matmul(w).add(b));    // x: f32[32,128], w: f32[128,64] -> f32[32,64]
 * Array p = Activations.softmax(logits);              // rows sum to 1 along the last axis
 * }
 */
public final class Activations {
    private Activations() {}

    private static Array f(Array x) { return NumpyOps.toInexact(x); }

    private static Array c(Array like, double v) {
        return Lax.broadcastInDim(Array.scalar(v, like.dtype()), like.shape(), Vector.empty());
    }

    /** {@return {@code max(x, 0)}}, keeping the dtype */
    public static Array relu(Array x) { return Bind.bindCustomJvp(RELU, io.vavr.collection.Vector.of(x)).head(); }

    /** As in JAX, relu's derivative is 0 at 0 (a plain maximum would split the tie and give 0.5). */
    private static final CustomRules.Jvp RELU = new CustomRules.Jvp(
            in -> io.vavr.collection.Vector.of(Elementwise.maximum(in.head(), c(in.head(), 0))),
            (p, t) -> {
                Array x = p.head();
                Array out = Elementwise.maximum(x, c(x, 0));
                return new CustomRules.PrimalsTangents(io.vavr.collection.Vector.of(out),
                        io.vavr.collection.Vector.of(Lax.select(Lax.gt(x, c(x, 0)), t.head(), c(t.head(), 0))));
            });

    /**
     * {@return {@code min(max(x, 0), 6)}}, clipped at the float 6 as in JAX, so integers and
     * bools give f32. Its derivative is 1 strictly between 0 and 6 and 0 elsewhere, ends included.
     */
    public static Array relu6(Array x) {
        return x.dtype().isFloating() ? Bind.bindCustomJvp(RELU6, Vector.of(x)).head() : relu6Value(x);
    }

    private static Array relu6Value(Array x) { return Elementwise.minimum(relu(x), Array.scalar(6.0)); }

    /** As in JAX, the kinks at 0 and 6 get derivative 0 (a plain minimum would split the tie at 6). */
    private static final CustomRules.Jvp RELU6 = new CustomRules.Jvp(
            in -> Vector.of(relu6Value(in.head())),
            (p, t) -> {
                Array x = p.head();
                Array inside = Lax.and(Lax.gt(x, c(x, 0)), Lax.lt(x, c(x, 6)));
                return new CustomRules.PrimalsTangents(Vector.of(relu6Value(x)), Vector.of(Lax.select(inside, t.head(), c(t.head(), 0))));
            });

    /** The logistic sigmoid {@code 1 / (1 + exp(-x))}. */
    public static Array sigmoid(Array x) { return Lax.logistic(f(x)); }

    /** {@return {@code log(1 + exp(x))}}, stable for large |x| */
    public static Array softplus(Array x) {
        Array y = f(x);
        return Elementwise.logaddexp(y, c(y, 0));
    }

    /** {@return {@code log(sigmoid(x)) = -softplus(-x)}}, stable for large |x| */
    public static Array logSigmoid(Array x) { return Lax.neg(softplus(Lax.neg(f(x)))); }

    /** The sigmoid linear unit {@code x * sigmoid(x)}. */
    public static Array silu(Array x) {
        Array y = f(x);
        return Lax.mul(y, Lax.logistic(y));
    }

    /** Another name for {@link #silu}. */
    public static Array swish(Array x) { return silu(x); }

    /** {@link #elu(Array, double)} with {@code alpha = 1}. */
    public static Array elu(Array x) { return elu(x, 1.0); }

    /** {@return {@code x} where positive, else {@code alpha * (exp(x) - 1)}} */
    public static Array elu(Array x, double alpha) {
        Array y = f(x);
        Array pos = Lax.gt(y, c(y, 0));
        // expm1 of the clamped value, so the unused branch cannot overflow to inf.
        Array neg = Lax.mul(c(y, alpha), Lax.expm1(Lax.select(pos, c(y, 0), y)));
        return Lax.select(pos, y, neg);
    }

    /** {@link #leakyRelu(Array, double)} with JAX's default slope 0.01. */
    public static Array leakyRelu(Array x) { return leakyRelu(x, 0.01); }

    /** {@return {@code x} where {@code x >= 0}, else {@code slope * x}} */
    public static Array leakyRelu(Array x, double negativeSlope) {
        Array y = f(x);
        return Lax.select(Lax.ge(y, c(y, 0)), y, Lax.mul(y, c(y, negativeSlope)));
    }

    public static Array tanh(Array x) { return Lax.tanh(f(x)); }

    /** {@link #gelu(Array, boolean)} with the tanh approximation, {@code jax.nn.gelu}'s default. */
    public static Array gelu(Array x) { return gelu(x, true); }

    /**
     * The Gaussian error linear unit. With {@code approximate} (the default of {@code jax.nn.gelu})
     * {@code x/2 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x³)))}; otherwise the exact
     * {@code x * Phi(x) = x/2 * erfc(-x / sqrt 2)}.
     */
    public static Array gelu(Array x, boolean approximate) {
        Array y = f(x);
        if (approximate) {
            Array inner = Lax.mul(c(y, Math.sqrt(2 / Math.PI)), Lax.add(y, Lax.mul(c(y, 0.044715), Lax.integerPow(y, 3))));
            return Lax.mul(Lax.mul(c(y, 0.5), y), Lax.add(c(y, 1), Lax.tanh(inner)));
        }
        return Lax.mul(Lax.mul(c(y, 0.5), y), Lax.erfc(Lax.mul(y, c(y, -1 / Math.sqrt(2)))));
    }

    /** {@return {@code x} minus its maximum over the axes}, in floating point; the shift carries no gradient, as in JAX */
    private static Array shifted(String op, Array x, int[] axes) {
        Axes.normalizeAll(op, axes, x);
        Array y = f(x);
        Array max = Lax.stopGradient(Reductions.max(y, Double.NEGATIVE_INFINITY, true, axes));
        return Lax.sub(y, NumpyOps.broadcastTo(max, y.shape()));
    }

    /** {@link #softmax(Array, int...)} over the last axis. */
    public static Array softmax(Array x) { return softmax(x, -1); }

    /**
     * {@return {@code exp(x) / sum(exp(x))} over the axes} (every axis when {@code axes} is
     * empty), computed from {@code x - max(x)} so that large inputs do not overflow. A slice that
     * is all {@code -inf} gives NaN, as in JAX.
     * @throws dev.jaxj.errors.ShapeError for an axis out of range
     */
    public static Array softmax(Array x, int... axes) {
        Array e = Lax.exp(shifted("softmax", x, axes));
        return Lax.div(e, NumpyOps.broadcastTo(Reductions.sum(e, true, axes), e.shape()));
    }

    /** {@link #logSoftmax(Array, int...)} over the last axis. */
    public static Array logSoftmax(Array x) { return logSoftmax(x, -1); }

    /** {@return {@code x - logsumexp(x)} over the axes} (every axis when empty), computed from the max-shifted values */
    public static Array logSoftmax(Array x, int... axes) {
        Array shifted = shifted("log_softmax", x, axes);
        Array lse = Lax.log(Reductions.sum(Lax.exp(shifted), true, axes));
        return Lax.sub(shifted, NumpyOps.broadcastTo(lse, shifted.shape()));
    }

    /** {@return {@code log(sum(exp(x)))} over the axes (all when none)}, stable for large inputs; all {@code -inf} gives {@code -inf} */
    public static Array logsumexp(Array x, int... axes) { return Reductions.logsumexp(x, false, axes); }

    /** {@link #oneHot(Array, int, DType)} as f32. */
    public static Array oneHot(Array labels, int numClasses) { return oneHot(labels, numClasses, DType.F32); }

    /**
     * {@return one-hot vectors}: a new last axis of size {@code numClasses} with a 1 at each
     * label; labels outside {@code [0, numClasses)} give all zeros.
     */
    public static Array oneHot(Array labels, int numClasses, DType dtype) {
        if (numClasses < 0) throw new ArgumentError("one_hot", "numClasses must be >= 0, got " + numClasses + " for " + labels.aval());
        Array lhs = Lax.expandDims(labels, Vector.of(labels.ndim()));
        Array classes = Lax.iota(labels.dtype().isFloating() ? labels.dtype() : DType.I32, Shape.of(numClasses), 0);
        return Lax.convertElementType(Logic.equal(lhs, classes), dtype);
    }
}
