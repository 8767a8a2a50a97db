package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The array API's batched vector products, each one batched matrix product: {@code vecdot}
 * (vectors · vectors), {@code matvec} (matrices × vectors) and {@code vecmat} (vectors ×
 * matrices). Leading (batch) axes broadcast; real dtypes promote as in {@code matmul}.
 */
public final class VectorProducts {
    private VectorProducts() {}

    /** {@code sum(x1 * x2, axis)} over the vector axis {@code axis} of each operand: shape {@code broadcast(batch1, batch2)}. */
    public static Array vecdot(Array x1, Array x2, int axis) {
        String op = "vecdot";
        if (x1.ndim() == 0 || x2.ndim() == 0) throw new ShapeError(op, "operands must have rank >= 1, got " + Operands.avals(x1, x2));
        int a1 = Axes.normalize(op, axis, x1), a2 = Axes.normalize(op, axis, x2);
        if (x1.shape().dim(a1) != x2.shape().dim(a2)) {
            throw new ShapeError(op, "the vector axes must match, got " + Operands.avals(x1, x2) + " with axis = " + axis);
        }
        Array v1 = Manipulation.moveaxis(x1, new int[] {a1}, new int[] {-1}), v2 = Manipulation.moveaxis(x2, new int[] {a2}, new int[] {-1});
        batch(op, x1, x2, v1.ndim() - 1, v2.ndim() - 1);
        Array out = NumpyOps.matmul(Lax.expandDims(v1, Vector.of(v1.ndim() - 1)), Lax.expandDims(v2, Vector.of(v2.ndim())));
        return Lax.squeeze(out, Vector.of(out.ndim() - 2, out.ndim() - 1));
    }

    /** Matrices {@code x1: [..., m, n]} times vectors {@code x2: [..., n]}: {@code [..., m]}. */
    public static Array matvec(Array x1, Array x2) {
        String op = "matvec";
        if (x1.ndim() < 2 || x2.ndim() < 1 || x1.shape().dim(-1) != x2.shape().dim(-1)) {
            throw new ShapeError(op, "needs x1: [..., m, n] and x2: [..., n], got " + Operands.avals(x1, x2));
        }
        batch(op, x1, x2, x1.ndim() - 2, x2.ndim() - 1);
        Array out = NumpyOps.matmul(x1, Lax.expandDims(x2, Vector.of(x2.ndim())));
        return Lax.squeeze(out, Vector.of(out.ndim() - 1));
    }

    /** Vectors {@code x1: [..., n]} times matrices {@code x2: [..., n, m]}: {@code [..., m]}. */
    public static Array vecmat(Array x1, Array x2) {
        String op = "vecmat";
        if (x1.ndim() < 1 || x2.ndim() < 2 || x1.shape().dim(-1) != x2.shape().dim(-2)) {
            throw new ShapeError(op, "needs x1: [..., n] and x2: [..., n, m], got " + Operands.avals(x1, x2));
        }
        batch(op, x1, x2, x1.ndim() - 1, x2.ndim() - 2);
        Array out = NumpyOps.matmul(Lax.expandDims(x1, Vector.of(x1.ndim() - 1)), x2);
        return Lax.squeeze(out, Vector.of(out.ndim() - 2));
    }

    /** Checks that the leading {@code r1} axes of {@code x1} and {@code r2} of {@code x2} broadcast, naming {@code op}. */
    private static void batch(String op, Array x1, Array x2, int r1, int r2) {
        Seq<dev.jaxj.ir.Shape> b = Vector.of(dev.jaxj.ir.Shape.of(java.util.Arrays.copyOf(x1.shape().toArray(), r1)),
                dev.jaxj.ir.Shape.of(java.util.Arrays.copyOf(x2.shape().toArray(), r2)));
        if (NumpyOps.broadcast(b).isEmpty()) throw new ShapeError(op, "batch dimensions must broadcast, got " + Operands.avals(x1, x2));
        NumpyOps.promote(op, Promotion.Kind.ANY, Vector.of(x1, x2));
    }
}
