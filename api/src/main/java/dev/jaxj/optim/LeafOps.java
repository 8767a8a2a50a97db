package dev.jaxj.optim;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.DType;
import dev.jaxj.numpy.Logic;
import dev.jaxj.tree.Tree;
import io.vavr.control.Option;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The array arithmetic the transformations share, written with public ops only so that it
 * traces under {@code jit} and {@code grad}.
 */
final class LeafOps {
    private LeafOps() {}

    /** {@return {@code leaf} as an array} @throws TreeError naming the operation when it is not one */
    static Array array(Object leaf, String op) {
        if (leaf instanceof Array a) return a;
        throw new TreeError(op, "optimizer trees must have arrays as leaves, got a leaf of type " + leaf.getClass().getName());
    }

    /** {@return {@code f} applied to each leaf of {@code tree}} */
    static Object map(Object tree, String op, UnaryOperator<Array> f) {
        return Tree.map(tree, x -> f.apply(array(x, op)));
    }

    /**
     * {@return {@code f} applied to the matching leaves of {@code a} and {@code b}}
     *
     * @throws ShapeError naming {@code op} when two matching leaves differ in shape
     */
    static Object map2(Object a, Object b, String op, BinaryOperator<Array> f) {
        return Tree.map2(a, b, (x, y) -> f.apply(array(x, op), sameShape(array(x, op), array(y, op), op)));
    }

    /**
     * {@return {@code y}} after checking here that it has {@code x}'s shape: the arithmetic would
     * broadcast a mismatch silently, or fail naming an inner op rather than the optimizer
     */
    static Array sameShape(Array x, Array y, String op) {
        if (!x.shape().equals(y.shape()))
            throw new ShapeError(op, "matching leaves of the updates, params and state must have equal shapes, got "
                    + x.aval() + " and " + y.aval());
        return y;
    }

    /**
     * {@return {@code v} as a scalar of {@code like}'s dtype when that is floating}, so that an
     * f64 tree is scaled by the exact double, as a Python float is in JAX; otherwise a weak scalar
     */
    static Array scalarLike(double v, Array like) {
        return like.dtype().isFloating() ? Array.scalar(v, like.dtype()) : Array.scalar(v);
    }

    /** {@return {@code x * v} in {@code x}'s dtype} */
    static Array scaled(Array x, double v) { return x.mul(scalarLike(v, x)); }

    /** {@return NumPy's {@code where(c, t, f)}, with promotion and broadcasting} */
    static Array where(Array c, Array t, Array f) {
        return Logic.where(c, t, f);
    }

    /** {@return a new step count: i32 zero} */
    static Array zeroCount() { return Array.scalar(0, DType.I32); }

    /** {@return {@code count + 1}, saturating at the largest i32 rather than wrapping, as Optax's {@code safe_increment}} */
    static Array safeIncrement(Array count) {
        Array max = Array.scalar(Integer.MAX_VALUE, DType.I32);
        return where(count.lt(max), count.add(1L), max);
    }

    /** {@return the exponential moving average {@code (1 - decay) * g + decay * t}} */
    static Array moment(Array g, Array t, double decay) {
        return scaled(g, 1 - decay).add(scaled(t, decay));
    }

    /** {@return {@code moment / (1 - decay^count)}, the correction computed in the moment's dtype} */
    static Array biasCorrection(Array moment, double decay, Array count) {
        Array power = scalarLike(decay, moment).pow(count.astype(moment.dtype()));
        return moment.div(scalarLike(1, moment).sub(power));
    }

    /** {@return a tree of zeros shaped like {@code params}} */
    static Object zerosLike(Object params, String op) { return fullLike(params, 0, op); }

    /** {@return a tree of {@code v} shaped like {@code params}, leaf dtypes kept} */
    static Object fullLike(Object params, double v, String op) {
        return map(params, op, x -> Jnp.fullLike(x, v));
    }

    /** {@return the params} @throws ArgumentError when the caller gave none */
    static Object requireParams(Option<?> params, String op) {
        return params.getOrElseThrow(() -> new ArgumentError(op,
                "needs the current params, call update(updates, state, params), got no params"));
    }

    /** {@return {@code tree}, a leaf-wise map of {@code like}, typed as it}: the maps rebuild the same containers */
    @SuppressWarnings("unchecked")
    static <U> U same(U like, Object tree) { return (U) tree; }

    /** {@return the state cast to {@code type}} @throws ArgumentError naming the expected and actual state types */
    static <S> S state(Object state, Class<S> type, String op) {
        if (type.isInstance(state)) return type.cast(state);
        throw new ArgumentError(op, "expects a state of type " + name(type) + " as returned by its init, got "
                + name(state.getClass()));
    }

    private static String name(Class<?> type) {
        return type.getCanonicalName() != null ? type.getCanonicalName() : type.getName();
    }
}
