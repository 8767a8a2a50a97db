package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Cholesky;
import dev.jaxj.ir.Primitive.Elimination;
import dev.jaxj.ir.Primitive.Lu;
import dev.jaxj.ir.Primitive.TriangularSolve;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The CPU kernels of the elimination family (Cholesky, LU, triangular solves): each matrix of
 * the leading batch axes in turn, through the blocked kernels, which spread their GEMMs over
 * the cores.
 */
final class LinalgKernels {
    private LinalgKernels() {}

    static Seq<HostData> run(Elimination p, Seq<ShapedArray> inAvals, Seq<HostData> in) {
        ShapedArray a = inAvals.get(0);
        int rows = a.shape().dim(-2), cols = a.shape().dim(-1);
        int batch = batchOf(a);
        return switch (p) {
            case Cholesky c -> {
                HostData out = in.get(0).copy();
                for (int i = 0; i < batch; i++) {
                    Dense matrix = dense(out, i * rows * cols, rows, cols);
                    if (c.symmetrizeInput()) matrix.symmetrizeLower();
                    CholeskyKernel.factor(matrix);
                }
                yield Vector.of(out);
            }
            case Lu _ -> {
                HostData out = in.get(0).copy();
                int k = Math.min(rows, cols);
                int[] pivots = new int[batch * k], perm = new int[batch * rows];
                for (int i = 0; i < batch; i++) LuKernel.factor(dense(out, i * rows * cols, rows, cols), pivots, i * k, perm, i * rows);
                yield Vector.of(out, HostData.own(DType.I32, pivots), HostData.own(DType.I32, perm));
            }
            case TriangularSolve s -> {
                ShapedArray bAval = inAvals.get(1);
                int m = bAval.shape().dim(-2), n = bAval.shape().dim(-1);
                HostData out = in.get(1).copy();
                for (int i = 0; i < batch; i++) {
                    TriangularSolveKernel.solve(dense(in.get(0), i * rows * cols, rows, cols), dense(out, i * m * n, m, n),
                            s.leftSide(), s.lower(), s.transposeA(), s.unitDiagonal());
                }
                yield Vector.of(out);
            }
        };
    }

    private static int batchOf(ShapedArray a) {
        int b = 1;
        for (int d = 0; d < a.rank() - 2; d++) b *= a.shape().dim(d);
        return b;
    }

    private static Dense dense(HostData h, int offset, int rows, int cols) {
        return switch (h.dtype()) {
            case F32 -> new Dense.F32(h.f32(), offset, rows, cols);
            case F64 -> new Dense.F64(h.f64(), offset, rows, cols);
            case I32, I64, U32, BOOL, BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new BackendError("linalg", "needs f32 or f64 matrices, got " + h.dtype());
        };
    }
}
