package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.properties.VmapCase.Draw;
import dev.jaxj.properties.VmapCase.Instance;
import io.vavr.collection.Vector;

import static dev.jaxj.properties.VmapCase.Operand.real;

/**
 * Rows of the vmap table for Cholesky, LU and the triangular solve, over 0 to 2 leading batch
 * axes of their own (sizes 0 to 2) and matrices of order 0 to 4. Inputs are made well
 * conditioned inside the function ({@code x x^T + (n+1) I}, a dominant diagonal), so the
 * rows differentiate too.
 */
final class VmapEliminationCases {
    private VmapEliminationCases() {}

    static Vector<VmapCase> all() {
        return Vector.of(
                new VmapCase("cholesky", VmapEliminationCases::cholesky),
                new VmapCase("lu", VmapEliminationCases::lu),
                new VmapCase("triangular_solve", VmapEliminationCases::triangularSolve));
    }

    private static Shape matrices(Draw d, int rows, int cols) {
        Shape batch = d.shape(0, 2, 0, 2);
        return batch.insert(batch.rank(), rows).insert(batch.rank() + 1, cols);
    }

    private static Instance cholesky(Draw d) {
        int n = d.between(0, 4);
        return Instance.of(Vector.of(real(matrices(d, n, n))), xs -> Lax.cholesky(Lax.add(gram(xs.get(0)), eye(xs.get(0), n + 1))));
    }

    private static Instance lu(Draw d) {
        return new Instance(Vector.of(real(matrices(d, d.between(0, 4), d.between(0, 4)))), xs -> Lax.lu(xs.get(0)));
    }

    private static Instance triangularSolve(Draw d) {
        int k = d.between(0, 4), n = d.between(0, 3);
        boolean left = d.coin(), lower = d.coin(), trans = d.coin(), unit = d.coin();
        Shape a = matrices(d, k, k);
        int[] bd = a.toArray();
        bd[bd.length - 2] = left ? k : n;
        bd[bd.length - 1] = left ? n : k;
        return Instance.of(Vector.of(real(a), real(Shape.of(bd))),
                xs -> Lax.triangularSolve(Lax.add(xs.get(0), eye(xs.get(0), 6)), xs.get(1), left, lower, trans, false, unit));
    }

    /** {@code x x^T} over the batch axes. */
    static Array gram(Array x) {
        int r = x.ndim();
        Vector<Integer> batch = Vector.range(0, r - 2);
        return Lax.dotGeneral(x, x, new DotDimensionNumbers(Vector.of(r - 1), Vector.of(r - 1), batch, batch));
    }

    /** {@code scale · I} shaped and typed like {@code x [..., n, n]}. */
    static Array eye(Array x, double scale) {
        int r = x.ndim();
        Array on = Lax.eq(Lax.iota(DType.I32, x.shape(), r - 1), Lax.iota(DType.I32, x.shape(), r - 2));
        return Lax.mul(Lax.convertElementType(on, x.dtype()), Lax.broadcastInDim(Array.scalar(scale, x.dtype()), x.shape(), Vector.empty()));
    }
}
