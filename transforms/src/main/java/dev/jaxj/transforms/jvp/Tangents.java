package dev.jaxj.transforms.jvp;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

/** Zero tangents and constants shaped like a value, built from primitives so they trace. */
public final class Tangents {
    private Tangents() {}

    /** {@return zeros of {@code x}'s shape and dtype} */
    public static Array zerosLike(Array x) {
        return zeros(x.aval());
    }

    /** {@return zeros of the given aval} */
    public static Array zeros(ShapedArray aval) {
        return full(aval.shape(), aval.dtype(), 0);
    }

    /** {@return an array of {@code shape} filled with {@code v}} */
    public static Array full(Shape shape, DType dtype, double v) {
        return Lax.broadcastInDim(Array.scalar(v, dtype), shape, Vector.empty());
    }

    /** {@return the constant {@code v} shaped and typed like {@code x}} */
    public static Array like(Array x, double v) {
        return full(x.shape(), x.dtype(), v);
    }

    /**
     * {@return a user rule's tangent for {@code primal}, converted to the primal's dtype}
     *
     * @throws ShapeError when its shape differs from the primal's
     */
    public static Array fitted(Array primal, Array tangent) {
        if (!primal.shape().equals(tangent.shape())) {
            throw new ShapeError("custom_jvp", "a tangent must have its primal's shape, got primal " + primal.aval() + " and tangent " + tangent.aval());
        }
        return tangent.dtype() == primal.dtype() ? tangent : Lax.convertElementType(tangent, primal.dtype());
    }
}
