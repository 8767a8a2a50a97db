package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.Predicate;

/**
 * Operand preparation for the NumPy functions, as shorthands of the one NumPy layer
 * ({@link NumpyOps}): promotion to a dtype family, broadcasting, constants typed like an
 * operand, and dtype checks whose messages name the NumPy op (not the primitive it lowers to)
 * and the operands' avals.
 */
public final class Operands {
    private Operands() {}

    /** {@return the operands promoted to their common dtype of {@code kind} and broadcast to one shape} */
    static Vector<Array> prepare(String op, Promotion.Kind kind, Array... xs) {
        return NumpyOps.prepare(op, kind, Vector.of(xs));
    }

    /** {@return the operands broadcast to one shape, dtypes untouched} */
    static Vector<Array> broadcast(String op, Array... xs) { return NumpyOps.broadcast(op, Vector.of(xs)); }

    /** {@return NumPy's broadcast shape} @throws ShapeError naming the op and the avals when the shapes are incompatible */
    static Shape broadcastShape(String op, Array... xs) { return NumpyOps.broadcastShape(op, Vector.of(xs)); }

    /** {@return the avals of {@code xs} for a message} */
    static String avals(Array... xs) { return NumpyOps.avals(Vector.of(xs)); }

    /** @throws DTypeError naming {@code op} unless every operand's dtype passes {@code ok} */
    static void requireDTypes(String op, Predicate<DType> ok, String requirement, Array... xs) {
        for (Array x : xs) {
            if (!ok.test(x.dtype())) throw new DTypeError(op, "requires " + requirement + " operands, got " + avals(xs));
        }
    }

    /** {@return {@code x} converted to a floating dtype (f32 for bools and integers), weak type kept} */
    static Array inexact(Array x) { return NumpyOps.toInexact(x); }

    /** {@return an array shaped and typed like {@code x} filled with {@code v}} */
    static Array fullLike(Array x, double v) { return NumpyOps.fullLike(x, v); }

    /** {@return a bool array of {@code x}'s shape filled with {@code v}} */
    static Array boolLike(Array x, boolean v) {
        return Lax.broadcastInDim(Array.scalar(v), x.shape(), Vector.empty());
    }

    static Array add(Array x, double c) { return Lax.add(x, fullLike(x, c)); }

    static Array mul(Array x, double c) { return Lax.mul(x, fullLike(x, c)); }

    /** {@return {@code x != 0} as bool (bools pass through)} */
    static Array truthy(Array x) { return x.dtype().isBool() ? x : Lax.ne(x, fullLike(x, 0)); }

    /** {@return the sequence as an int array} */
    static int[] ints(Seq<Integer> s) { return s.toJavaStream().mapToInt(Integer::intValue).toArray(); }
}
