package dev.jaxj.numpy;

import dev.jaxj.accel.cpu.HostBuffer;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.Predicate;

/**
 * Operand preparation shared by the NumPy functions: promotion to a dtype family, NumPy
 * broadcasting, constants typed like an operand, and dtype checks whose messages name the
 * NumPy op (not the primitive it lowers to) and the operands' avals.
 */
public final class Operands {
    private Operands() {}

    /** The dtype family an op computes in, as JAX's {@code promote_args*} helpers choose it. */
    enum Kind {
        /** The promoted dtype as is. */
        ANY,
        /** Bools become i32 ({@code promote_args_numeric}). */
        NUMERIC,
        /** Bools and integers become f32, keeping a weak type weak ({@code promote_args_inexact}). */
        INEXACT
    }

    /** {@return the operands promoted to their common dtype of {@code kind} and broadcast to one shape} */
    static Vector<Array> prepare(String op, Kind kind, Array... xs) {
        Promotion.Typed t = Promotion.resultType(Vector.of(xs).map(Array::aval));
        DType d = t.dtype();
        boolean weak = t.weak();
        switch (kind) {
            case ANY -> { }
            case NUMERIC -> { if (d.isBool()) { d = DType.I32; weak = false; } }
            case INEXACT -> { if (!d.isFloating()) d = DType.F32; }
        }
        Shape s = broadcastShape(op, xs);
        DType dt = d;
        boolean w = weak;
        return Vector.of(xs).map(x -> NumpyOps.broadcastTo(x.dtype() == dt ? x : Lax.convertElementType(x, dt, w), s));
    }

    /** {@return the operands broadcast to one shape, dtypes untouched} */
    static Vector<Array> broadcast(String op, Array... xs) {
        Shape s = broadcastShape(op, xs);
        return Vector.of(xs).map(x -> NumpyOps.broadcastTo(x, s));
    }

    /** {@return NumPy's broadcast shape} @throws ShapeError naming the op and the avals when the shapes are incompatible */
    static Shape broadcastShape(String op, Array... xs) {
        int rank = 0;
        for (Array x : xs) rank = Math.max(rank, x.ndim());
        int[] out = new int[rank];
        java.util.Arrays.fill(out, 1);
        for (Array x : xs) {
            for (int i = 0; i < x.ndim(); i++) {
                int o = rank - x.ndim() + i, d = x.shape().dim(i);
                if (d == out[o] || d == 1) continue;
                if (out[o] != 1) {
                    throw new ShapeError(op, "operands could not be broadcast together, got " + avals(xs));
                }
                out[o] = d;
            }
        }
        return Shape.of(out);
    }

    /** {@return the avals of {@code xs} for a message} */
    static String avals(Array... xs) {
        return JaxjException.avals(Vector.of(xs).map(Array::aval));
    }

    /** @throws DTypeError naming {@code op} unless every operand's dtype passes {@code ok} */
    static void requireDTypes(String op, Predicate<DType> ok, String requirement, Array... xs) {
        for (Array x : xs) {
            if (!ok.test(x.dtype())) throw new DTypeError(op, "requires " + requirement + " operands, got " + avals(xs));
        }
    }

    /** {@return {@code x} converted to a floating dtype (f32 for bools and integers), weak type kept} */
    static Array inexact(Array x) { return NumpyOps.toInexact(x); }

    /** {@return a scalar of {@code x}'s dtype and weak type holding {@code v}}, exact in f64 */
    static Array scalarLike(Array x, double v) {
        return Array.fromHost(new ShapedArray(Shape.SCALAR, x.dtype(), x.weakType()), HostBuffer.filled(x.dtype(), 1, v));
    }

    /** {@return an array shaped and typed like {@code x} filled with {@code v}} */
    static Array fullLike(Array x, double v) {
        return Lax.broadcastInDim(scalarLike(x, v), x.shape(), Vector.empty());
    }

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
