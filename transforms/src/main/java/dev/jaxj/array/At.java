package dev.jaxj.array;

import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static java.util.Objects.requireNonNull;

/**
 * A functional update of {@code array[index]}, JAX's {@code x.at[index]}: every method returns
 * a new array and leaves {@code array} as it was. Made by {@link Array#at}.
 *
 * <p>Updates are cast to the array's dtype and broadcast to the shape of
 * {@code array.get(index)}. Where an index repeats, {@code add}, {@code mul}, {@code min} and
 * {@code max} combine every update, while {@code set} keeps one of them. By default, as in
 * JAX, updates at out-of-bounds positions are dropped and {@link #get} clamps positions into
 * bounds; {@link #withMode} picks another {@link GatherScatterMode}.
 * {@snippet :
 * Array x = Jnp.zeros(5);
 * x.at(Index.slice(1, 3)).set(7.0);            // [0, 7, 7, 0, 0]
 * x.at(idx).add(1.0);                          // idx = [0, 0, 4]: [2, 0, 0, 0, 1]
 * x.at(-1).mul(y);                             // the last element times y
 * }
 *
 * @param array the array to update
 * @param index the index expression, as for {@link Array#get}
 * @param mode  the out-of-bounds mode, or none for JAX's defaults
 */
public record At(Array array, Seq<Index> index, Option<GatherScatterMode> mode) {
    public At {
        requireNonNull(array, "array is null");
        index = Vector.ofAll(requireNonNull(index, "index is null"));
        requireNonNull(mode, "mode is null");
    }

    /** {@return this update with out-of-bounds positions handled by {@code mode}} */
    public At withMode(GatherScatterMode mode) { return new At(array, index, Option.some(requireNonNull(mode, "mode is null"))); }

    /** {@return {@code array[index]}; out-of-bounds array indices clamp unless a mode says otherwise} */
    public Array get() { return Indexing.get("at.get", array, index, mode.getOrElse(GatherScatterMode.CLIP)); }

    /**
     * {@return the array with {@code array[index] = y}}
     *
     * @throws ShapeError when {@code y} does not broadcast to the shape of {@code array[index]}
     */
    public Array set(Array y) { return update("at.set", y, Lax::scatter); }

    /** {@return the array with {@code array[index] = y}} */
    public Array set(double y) { return set(scalar(y)); }

    /** {@return the array with {@code array[index] = y}} @throws dev.jaxj.errors.ArgumentError when the dtype cannot hold {@code y} */
    public Array set(long y) { return set(scalar("at.set", y)); }

    /** {@return the array with {@code y} added at {@code index}; repeated positions add up} */
    public Array add(Array y) { return update("at.add", y, Lax::scatterAdd); }

    public Array add(double y) { return add(scalar(y)); }
    public Array add(long y) { return add(scalar("at.add", y)); }

    /** {@return the array multiplied by {@code y} at {@code index}; repeated positions multiply up} */
    public Array mul(Array y) { return update("at.mul", y, Lax::scatterMul); }

    public Array mul(double y) { return mul(scalar(y)); }
    public Array mul(long y) { return mul(scalar("at.mul", y)); }

    /** {@return the array with {@code min(array[index], y)} at {@code index}} */
    public Array min(Array y) { return update("at.min", y, Lax::scatterMin); }

    public Array min(double y) { return min(scalar(y)); }
    public Array min(long y) { return min(scalar("at.min", y)); }

    /** {@return the array with {@code max(array[index], y)} at {@code index}} */
    public Array max(Array y) { return update("at.max", y, Lax::scatterMax); }

    public Array max(double y) { return max(scalar(y)); }
    public Array max(long y) { return max(scalar("at.max", y)); }

    private Array scalar(double y) { return Array.scalar(y, array.dtype()); }

    /** An integer update value, exact for i64, and never wrapped into a narrower dtype. */
    private Array scalar(String op, long y) {
        JavaScalars.requireFits(op, y, array.dtype(), array.aval().toString());
        return Array.scalar(y, array.dtype(), false);
    }

    private Array update(String op, Array y, Indexing.Scatterer fn) {
        requireNonNull(y, "y is null");
        if (array.dtype().isBool() && !op.equals("at.set")) {
            throw new DTypeError(op, "needs a numeric array, got " + array.aval() + "; combine bools with set or with Lax.or/and");
        }
        return Indexing.update(op, array, index, y, fn, mode.getOrElse(GatherScatterMode.FILL_OR_DROP));
    }
}
