package dev.jaxj.optim;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.tree.Tree;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * Optax-like optimizers: gradient transformations and the aliases built from them, with
 * Optax's names, update formulas and defaults. Each alias is a {@link #chain} ending in the
 * learning rate, which is negated (these are descent methods), so an update is added to the
 * params with {@link #applyUpdates}.
 *
 * <p>A learning rate is a {@code double}, applied with {@link #scale}, or a {@link Schedule},
 * applied with {@link #scaleBySchedule}, whose state keeps the i32 step count.
 * {@snippet :
 * var opt = Optim.chain(Optim.clipByGlobalNorm(1.0), Optim.adamw(Schedules.cosineDecay(1e-3, 10_000)));
 * var state = opt.init(params);               // a Vector of the parts' states
 * var step = opt.update(grads, state, params);
 * params = Optim.applyUpdates(params, step.updates());
 * }
 */
public final class Optim {
    private Optim() {}

    // Building blocks -------------------------------------------------------------------------

    /** {@return the transformations applied in order, their states kept in a {@code Vector}} */
    public static GradientTransformation<Vector<Object>> chain(GradientTransformation<?>... transformations) {
        requireNonNull(transformations, "transformations is null");
        return new Chain(Vector.of(transformations));
    }

    /** {@return the transformation that changes nothing} */
    public static GradientTransformation<GradientTransformation.EmptyState> identity() { return new Identity(); }

    /** {@return updates multiplied by {@code stepSize}} */
    public static GradientTransformation<GradientTransformation.EmptyState> scale(double stepSize) { return new Scale(stepSize); }

    /** {@return updates multiplied by {@code stepSize(count)}} */
    public static GradientTransformation<ScaleBySchedule.State> scaleBySchedule(Schedule stepSize) { return new ScaleBySchedule(stepSize); }

    /** {@return updates multiplied by {@code -learningRate}} */
    public static GradientTransformation<GradientTransformation.EmptyState> scaleByLearningRate(double learningRate) {
        return scaleByLearningRate(learningRate, true);
    }

    /** {@return updates multiplied by {@code -learningRate}, or {@code +learningRate} when not {@code flipSign}} */
    public static GradientTransformation<GradientTransformation.EmptyState> scaleByLearningRate(double learningRate, boolean flipSign) {
        return scale(flipSign ? -learningRate : learningRate);
    }

    /** {@return updates multiplied by {@code -learningRate(count)}} */
    public static GradientTransformation<ScaleBySchedule.State> scaleByLearningRate(Schedule learningRate) {
        return scaleByLearningRate(learningRate, true);
    }

    /** {@return updates multiplied by {@code -learningRate(count)}, or {@code +} when not {@code flipSign}} */
    public static GradientTransformation<ScaleBySchedule.State> scaleByLearningRate(Schedule learningRate, boolean flipSign) {
        requireNonNull(learningRate, "learningRate is null");
        return scaleBySchedule(flipSign ? count -> learningRate.apply(count).neg() : learningRate);
    }

    /** {@return momentum with coefficient {@code decay}} @see Trace */
    public static GradientTransformation<Trace.State> trace(double decay, boolean nesterov) { return new Trace(decay, nesterov); }

    /** {@return Adam's rescaling with b1 = 0.9, b2 = 0.999, eps = 1e-8} */
    public static GradientTransformation<ScaleByAdam.State> scaleByAdam() { return scaleByAdam(0.9, 0.999, 1e-8, 0); }

    /** {@return Adam's rescaling} @see ScaleByAdam */
    public static GradientTransformation<ScaleByAdam.State> scaleByAdam(double b1, double b2, double eps) { return scaleByAdam(b1, b2, eps, 0); }

    /** {@return Adam's rescaling with {@code epsRoot} inside the square root} @see ScaleByAdam */
    public static GradientTransformation<ScaleByAdam.State> scaleByAdam(double b1, double b2, double eps, double epsRoot) {
        return new ScaleByAdam(b1, b2, eps, epsRoot);
    }

    /** {@return RMSProp's rescaling} @see ScaleByRms */
    public static GradientTransformation<ScaleByRms.State> scaleByRms(double decay, double eps, double initialScale) {
        return new ScaleByRms(decay, eps, initialScale);
    }

    /** {@return Adagrad's rescaling} @see ScaleByRss */
    public static GradientTransformation<ScaleByRss.State> scaleByRss(double initialAccumulatorValue, double eps) {
        return new ScaleByRss(initialAccumulatorValue, eps);
    }

    /** {@return Lion's sign rescaling} @see ScaleByLion */
    public static GradientTransformation<ScaleByLion.State> scaleByLion(double b1, double b2) { return new ScaleByLion(b1, b2); }

    /** {@return updates plus {@code weightDecay * params}} */
    public static GradientTransformation<GradientTransformation.EmptyState> addDecayedWeights(double weightDecay) { return new AddDecayedWeights(weightDecay); }

    /** {@return updates rescaled to a global norm of at most {@code maxNorm}} */
    public static GradientTransformation<GradientTransformation.EmptyState> clipByGlobalNorm(double maxNorm) { return new ClipByGlobalNorm(maxNorm); }

    // Optimizers ------------------------------------------------------------------------------

    /** {@return plain SGD: {@code u = -lr * g}} */
    public static GradientTransformation<Vector<Object>> sgd(double lr) { return chain(identity(), scaleByLearningRate(lr)); }

    /** {@return plain SGD with a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> sgd(Schedule lr) { return chain(identity(), scaleByLearningRate(lr)); }

    /** {@return SGD with (optionally Nesterov) momentum: {@code t = g + momentum * t}, {@code u = -lr * t}} */
    public static GradientTransformation<Vector<Object>> sgd(double lr, double momentum, boolean nesterov) {
        return chain(trace(momentum, nesterov), scaleByLearningRate(lr));
    }

    /** {@return SGD with momentum and a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> sgd(Schedule lr, double momentum, boolean nesterov) {
        return chain(trace(momentum, nesterov), scaleByLearningRate(lr));
    }

    /** {@return Adam with b1 = 0.9, b2 = 0.999, eps = 1e-8} */
    public static GradientTransformation<Vector<Object>> adam(double lr) { return adam(lr, 0.9, 0.999, 1e-8); }

    /** {@return Adam with b1 = 0.9, b2 = 0.999, eps = 1e-8 and a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> adam(Schedule lr) { return adam(lr, 0.9, 0.999, 1e-8); }

    /** {@return Adam (Kingma and Ba, 2014)} @see ScaleByAdam */
    public static GradientTransformation<Vector<Object>> adam(double lr, double b1, double b2, double eps) {
        return chain(scaleByAdam(b1, b2, eps), scaleByLearningRate(lr));
    }

    /** {@return Adam with a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> adam(Schedule lr, double b1, double b2, double eps) {
        return chain(scaleByAdam(b1, b2, eps), scaleByLearningRate(lr));
    }

    /** {@return AdamW with b1 = 0.9, b2 = 0.999, eps = 1e-8, weight decay 1e-4} */
    public static GradientTransformation<Vector<Object>> adamw(double lr) { return adamw(lr, 0.9, 0.999, 1e-8, 1e-4); }

    /** {@return AdamW with Optax's defaults and a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> adamw(Schedule lr) { return adamw(lr, 0.9, 0.999, 1e-8, 1e-4); }

    /**
     * {@return AdamW (Loshchilov and Hutter, 2019)}: Adam's step plus {@code weightDecay * params},
     * both scaled by the learning rate, as in Optax and PyTorch. Its update needs the params.
     */
    public static GradientTransformation<Vector<Object>> adamw(double lr, double b1, double b2, double eps, double weightDecay) {
        return chain(scaleByAdam(b1, b2, eps), addDecayedWeights(weightDecay), scaleByLearningRate(lr));
    }

    /** {@return AdamW with a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> adamw(Schedule lr, double b1, double b2, double eps, double weightDecay) {
        return chain(scaleByAdam(b1, b2, eps), addDecayedWeights(weightDecay), scaleByLearningRate(lr));
    }

    /** {@return RMSProp with decay 0.9, eps 1e-8} */
    public static GradientTransformation<Vector<Object>> rmsprop(double lr) { return rmsprop(lr, 0.9, 1e-8); }

    /** {@return RMSProp with decay 0.9, eps 1e-8 and a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> rmsprop(Schedule lr) { return rmsprop(lr, 0.9, 1e-8); }

    /** {@return RMSProp (Tieleman and Hinton, 2012), uncentred, without momentum, accumulator starting at 0} */
    public static GradientTransformation<Vector<Object>> rmsprop(double lr, double decay, double eps) {
        return chain(scaleByRms(decay, eps, 0), scaleByLearningRate(lr));
    }

    /** {@return RMSProp with a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> rmsprop(Schedule lr, double decay, double eps) {
        return chain(scaleByRms(decay, eps, 0), scaleByLearningRate(lr));
    }

    /** {@return Adagrad with initial accumulator 0.1, eps 1e-7} */
    public static GradientTransformation<Vector<Object>> adagrad(double lr) { return adagrad(lr, 0.1, 1e-7); }

    /** {@return Adagrad with Optax's defaults and a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> adagrad(Schedule lr) { return adagrad(lr, 0.1, 1e-7); }

    /** {@return Adagrad (Duchi et al., 2011)} @see ScaleByRss */
    public static GradientTransformation<Vector<Object>> adagrad(double lr, double initialAccumulatorValue, double eps) {
        return chain(scaleByRss(initialAccumulatorValue, eps), scaleByLearningRate(lr));
    }

    /** {@return Adagrad with a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> adagrad(Schedule lr, double initialAccumulatorValue, double eps) {
        return chain(scaleByRss(initialAccumulatorValue, eps), scaleByLearningRate(lr));
    }

    /** {@return Lion with b1 = 0.9, b2 = 0.99 and Optax's default weight decay 1e-3} */
    public static GradientTransformation<Vector<Object>> lion(double lr) { return lion(lr, 0.9, 0.99, 1e-3); }

    /** {@return Lion with Optax's defaults and a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> lion(Schedule lr) { return lion(lr, 0.9, 0.99, 1e-3); }

    /**
     * {@return Lion (Chen et al., 2023)}: {@code u = -lr * (sign(c) + weightDecay * params)}.
     * Its update needs the params.
     */
    public static GradientTransformation<Vector<Object>> lion(double lr, double b1, double b2, double weightDecay) {
        return chain(scaleByLion(b1, b2), addDecayedWeights(weightDecay), scaleByLearningRate(lr));
    }

    /** {@return Lion with a learning-rate schedule} */
    public static GradientTransformation<Vector<Object>> lion(Schedule lr, double b1, double b2, double weightDecay) {
        return chain(scaleByLion(b1, b2), addDecayedWeights(weightDecay), scaleByLearningRate(lr));
    }

    // Trees -----------------------------------------------------------------------------------

    /**
     * {@return {@code params + updates}, leaf by leaf, each result in its param's dtype}
     *
     * @throws dev.jaxj.errors.TreeError  when the trees differ in structure
     * @throws dev.jaxj.errors.ShapeError when an update's shape differs from its param's
     */
    public static <P> P applyUpdates(P params, Object updates) {
        return Tree.map2(params, updates, (p, u) -> {
            Array param = LeafOps.array(p, "apply_updates");
            return param.add(LeafOps.sameShape(param, LeafOps.array(u, "apply_updates"), "apply_updates")).astype(param.dtype());
        });
    }

    /** {@return the L2 norm of all leaves of {@code tree} taken together, a scalar (f32 0 for a tree without leaves)} */
    public static Array globalNorm(Object tree) {
        return Tree.leaves(tree)
                .map(x -> LeafOps.array(x, "global_norm").square().sum())
                .reduceLeftOption(Array::add)
                .getOrElse(() -> Array.scalar(0, DType.F32))
                .sqrt();
    }
}
