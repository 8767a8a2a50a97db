package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.core.CustomRules;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.numpy.Axes;
import dev.jaxj.numpy.Elementwise;
import dev.jaxj.numpy.Logic;
import dev.jaxj.numpy.Reductions;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

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

    // The rest of jax.nn ------------------------------------------------------------------------

    /** {@return {@code x} itself}, as {@code jax.nn.identity}: a named no-op for configurable layers */
    public static Array identity(Array x) { return x; }

    /** {@return {@code x / (|x| + 1)}} */
    public static Array softSign(Array x) {
        Array y = f(x);
        return Lax.div(y, Lax.add(Lax.abs(y), c(y, 1)));
    }

    /** {@return {@code relu6(x + 3) / 6}}: 0 below -3, 1 above 3, linear between */
    public static Array hardSigmoid(Array x) {
        Array y = f(x);
        return Lax.div(relu6(Lax.add(y, c(y, 3))), c(y, 6));
    }

    /** {@return {@code x * hardSigmoid(x)}} */
    public static Array hardSilu(Array x) {
        Array y = f(x);
        return Lax.mul(y, hardSigmoid(y));
    }

    /** Another name for {@link #hardSilu}. */
    public static Array hardSwish(Array x) { return hardSilu(x); }

    /** {@return {@code x} clipped to {@code [-1, 1]}}, keeping the dtype as JAX's {@code where} does; derivative 1 on {@code [-1, 1]}, ends included, 0 beyond */
    public static Array hardTanh(Array x) {
        Array one = c(x, 1), minusOne = c(x, -1);
        return Lax.select(Lax.gt(x, one), one, Lax.select(Lax.lt(x, minusOne), minusOne, x));
    }

    /** {@link #celu(Array, double)} with {@code alpha = 1}. */
    public static Array celu(Array x) { return celu(x, 1.0); }

    /** {@return {@code max(x, 0) + alpha * expm1(min(x, 0) / alpha)}}, the continuously differentiable ELU */
    public static Array celu(Array x, double alpha) {
        Array y = f(x);
        Array zero = c(y, 0);
        return Lax.add(Lax.max(y, zero), Lax.mul(c(y, alpha), Lax.expm1(Lax.div(Lax.min(y, zero), c(y, alpha)))));
    }

    /** The self-normalising ELU: {@code scale * elu(x, alpha)} with JAX's constants (alpha 1.6733, scale 1.0507). */
    public static Array selu(Array x) {
        Array e = elu(x, 1.6732632423543772848170429916717);
        return Lax.mul(c(e, 1.0507009873554804934193349852946), e);
    }

    /** {@link #squareplus(Array, double)} with JAX's default {@code b = 4}. */
    public static Array squareplus(Array x) { return squareplus(x, 4); }

    /** {@return {@code (x + sqrt(x² + b)) / 2}}, a smooth relu */
    public static Array squareplus(Array x, double b) {
        Array y = f(x);
        return Lax.mul(c(y, 0.5), Lax.add(y, Lax.sqrt(Lax.add(Lax.mul(y, y), c(y, b)))));
    }

    /** {@return {@code x * tanh(softplus(x))}} */
    public static Array mish(Array x) {
        Array y = f(x);
        return Lax.mul(y, Lax.tanh(softplus(y)));
    }

    /** {@return 0 for {@code x <= -1}, {@code (x + 1)² / 4} for {@code -1 < x < 1}, {@code x} for {@code x >= 1}}: a sparse softplus */
    public static Array sparsePlus(Array x) {
        Array y = f(x);
        Array quad = Lax.mul(c(y, 0.25), Lax.integerPow(Lax.add(y, c(y, 1)), 2));
        return Lax.select(Lax.le(y, c(y, -1)), c(y, 0), Lax.select(Lax.ge(y, c(y, 1)), y, quad));
    }

    /**
     * {@return {@code clip(x + 1, 0, 2) / 2}}, the derivative of {@link #sparsePlus}. The clip is a
     * maximum then a minimum, as in JAX, so a kink at {@code ±1} gets half of the slope 1/2.
     */
    public static Array sparseSigmoid(Array x) {
        Array y = f(x);
        return Lax.mul(c(y, 0.5), Lax.min(Lax.max(Lax.add(y, c(y, 1)), c(y, 0)), c(y, 2)));
    }

    /**
     * {@return {@code log(1 - exp(-x))}} for {@code x > 0}, computed as {@code log(-expm1(-x))} below
     * {@code ln 2} and {@code log1p(-exp(-x))} above, each where it keeps its accuracy.
     */
    public static Array log1mexp(Array x) {
        Array y = f(x);
        Array small = Lax.lt(y, c(y, Math.log(2)));
        // Each branch sees a harmless argument where it is not chosen, so its derivative stays finite.
        Array ys = Lax.select(small, y, c(y, 0.5)), yl = Lax.select(small, c(y, 1), y);
        return Lax.select(small, Lax.log(Lax.neg(Lax.expm1(Lax.neg(ys)))), Lax.log1p(Lax.neg(Lax.exp(Lax.neg(yl)))));
    }

    /** {@return {@code logsumexp(x) - log(n)}} over the axes (all when none), {@code n} the number of elements reduced */
    public static Array logmeanexp(Array x, int... axes) {
        Array y = f(x);
        Array lse = Reductions.logsumexp(y, false, axes);
        return Lax.sub(lse, c(lse, Math.log(reducedCount(y, axes))));
    }

    private static long reducedCount(Array x, int[] axes) {
        if (axes.length == 0) return x.shape().size();
        long n = 1;
        for (int a : NumpyOps.normalizeAxes("logmeanexp", axes, x.ndim())) n *= x.shape().dim(a);
        return n;
    }

    /** {@link #glu(Array, int)} over the last axis. */
    public static Array glu(Array x) { return glu(x, -1); }

    /**
     * The gated linear unit: {@code x} split in halves {@code a, b} along {@code axis}, giving {@code a * sigmoid(b)}.
     * @throws ArgumentError when the axis has odd length
     */
    public static Array glu(Array x, int axis) {
        int ax = NumpyOps.normalizeAxis("glu", axis, x.ndim());
        int n = x.shape().dim(ax);
        if (n % 2 != 0) throw new ArgumentError("glu", "axis " + axis + " must have even length, got " + x.aval());
        var halves = dev.jaxj.Jnp.arraySplit(f(x), 2, ax);
        return Lax.mul(halves.get(0), Lax.logistic(halves.get(1)));
    }

    /** {@link #standardize(Array, double, int...)} with JAX's {@code epsilon = 1e-5}, over the last axis. */
    public static Array standardize(Array x) { return standardize(x, 1e-5, -1); }

    /**
     * {@return {@code (x - mean) / sqrt(var + epsilon)}} with the mean and the variance
     * {@code mean(x²) - mean(x)²} taken over the axes, as {@code jax.nn.standardize}
     */
    public static Array standardize(Array x, double epsilon, int... axes) {
        Array y = f(x);
        Array mean = Reductions.mean(y, true, axes);
        Array variance = Lax.sub(Reductions.mean(Lax.mul(y, y), true, axes), Lax.mul(mean, mean));
        Array scale = Lax.rsqrt(Lax.add(variance, c(variance, epsilon)));
        return Lax.mul(Lax.sub(y, NumpyOps.broadcastTo(mean, y.shape())), NumpyOps.broadcastTo(scale, y.shape()));
    }

    /** {@link DotProductAttention#apply(Array, Array, Array, DotProductAttention.Options)} with no bias, no mask and scale {@code 1/sqrt(H)}. */
    public static Array dotProductAttention(Array query, Array key, Array value) {
        return DotProductAttention.apply(query, key, value, DotProductAttention.Options.DEFAULT);
    }

    /** {@return {@code jax.nn.dot_product_attention}}: see {@link DotProductAttention#apply} */
    public static Array dotProductAttention(Array query, Array key, Array value, DotProductAttention.Options options) {
        return DotProductAttention.apply(query, key, value, options);
    }

    /** {@return {@code jax.nn.scaled_matmul}}: see {@link ScaledMatmul#apply}; the result is f32 */
    public static Array scaledMatmul(Array lhs, Array rhs, Array lhsScales, Array rhsScales) {
        return ScaledMatmul.apply(lhs, rhs, lhsScales, rhsScales, DType.F32);
    }

    /**
     * {@return {@code jax.nn.scaled_dot_general}}: {@code dot_general(lhs, rhs, dimensionNumbers)} with both
     * operands block-quantised first, {@code configs} being (lhs, rhs, gradient) configurations from
     * {@link #getScaledDotGeneralConfig}; with no configs it is plain {@code dot_general}. Each operand is
     * laid out as [batch, free, contracting] with each group flattened, quantised in blocks along the
     * contracting size (which must be a multiple of the block size) and multiplied by {@link #scaledMatmul};
     * the result has {@code dot_general}'s shape (batch, lhs free, rhs free) and dtype {@code preferred}.
     * The fp8/fp4 element and scale types are emulated exactly in f32 (jaxj has no such dtypes): values are
     * rounded as the formats would round them, then computed in f32. Reverse mode follows JAX's custom VJP
     * (cotangents are themselves scaled matmuls, the output cotangent quantised with config 2, so the
     * contracted output sizes must be multiples of the block size too); forward mode is not defined, as in JAX.
     * {@snippet :
     * var cfg = Activations.getScaledDotGeneralConfig(BlockScaleConfig.Mode.MXFP8, Option.none());
     * Array y = Activations.scaledDotGeneral(x, w, // f32[8,64], f32[64,32] -> f32[8,32]
     *         new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty()),
     *         DType.F32, Option.some(Vector.of(cfg, cfg, cfg)));
     * }
     * @throws dev.jaxj.errors.ShapeError when batch or contracting sizes disagree, or a contracting size is not a multiple of the block size
     * @throws dev.jaxj.errors.ArgumentError when {@code configs} does not hold three configurations
     */
    public static Array scaledDotGeneral(Array lhs, Array rhs, DotDimensionNumbers dimensionNumbers, DType preferred,
                                         Option<Seq<BlockScaleConfig>> configs) {
        return ScaledDotGeneral.apply(lhs, rhs, dimensionNumbers, preferred, configs);
    }

    /**
     * {@return JAX's configuration for {@code mode}} ({@code jax.nn.get_scaled_dot_general_config}): mxfp8 is
     * e4m3fn elements with e8m0 power-of-two scales per 32 elements; nvfp4 is e2m1 elements with e4m3fn scales
     * per 16 elements and an f32 global scale ({@code globalScale}, else 1).
     */
    public static BlockScaleConfig getScaledDotGeneralConfig(BlockScaleConfig.Mode mode, Option<Array> globalScale) {
        return switch (mode) {
            case MXFP8 -> new BlockScaleConfig(mode, 32, BlockScaleConfig.Format.E4M3FN, BlockScaleConfig.Format.E8M0FNU, Option.none(), false);
            case NVFP4 -> new BlockScaleConfig(mode, 16, BlockScaleConfig.Format.E2M1FN, BlockScaleConfig.Format.E4M3FN,
                    Option.some(globalScale.getOrElse(() -> Array.scalar(1.0, DType.F32))), false);
        };
    }
}
