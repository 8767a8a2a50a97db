package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.Primitive.Eig;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The {@code eig} primitive over the batch of square matrices {@code [..., n, n]}: each matrix
 * is read into f64 (real or complex), decomposed by {@link GeneralEigen} and written to the
 * complex outputs ({@code w}, then {@code vl} and {@code vr} as requested). As JAX does on a
 * CPU, a matrix whose iteration fails (or that holds a NaN or an infinity) gives NaN outputs for
 * that batch element rather than an exception. Matrices of the batch run in parallel.
 */
final class EigKernels {
    private EigKernels() {}

    static Seq<HostData> execute(Eig p, ShapedArray in, HostData x, Seq<ShapedArray> outAvals) {
        int rank = in.rank(), n = in.shape().dim(rank - 1);
        int matrices = 1;
        for (int i = 0; i < rank - 2; i++) matrices *= in.shape().dim(i);
        boolean real = !in.dtype().isComplex();
        Vector<HostData> out = Vector.ofAll(outAvals).map(a -> HostData.allocate(a.dtype(), a.size()));
        Parallel.forRange(matrices, 1, (lo, hi) -> {
            for (int b = lo; b < hi; b++) {
                ComplexSquare a = new ComplexSquare(n);
                for (int i = 0; i < n * n; i++) {
                    a.re[i] = x.getDouble(b * n * n + i);
                    a.im[i] = x.getImag(b * n * n + i);
                }
                GeneralEigen.Result r = GeneralEigen.decompose(a, real, p.computeLeftEigenvectors(), p.computeRightEigenvectors());
                write(r, p, n, b, out);
            }
        });
        return out;
    }

    private static void write(GeneralEigen.Result r, Eig p, int n, int b, Vector<HostData> out) {
        HostData w = out.get(0);
        for (int i = 0; i < n; i++) {
            if (r == null) w.setComplex(b * n + i, Double.NaN, Double.NaN);
            else w.setComplex(b * n + i, r.wr()[i], r.wi()[i]);
        }
        int next = 1;
        if (p.computeLeftEigenvectors()) writeVectors(r == null ? null : r.left(), n, b, out.get(next++));
        if (p.computeRightEigenvectors()) writeVectors(r == null ? null : r.right(), n, b, out.get(next));
    }

    private static void writeVectors(ComplexSquare v, int n, int b, HostData out) {
        for (int i = 0; i < n * n; i++) {
            if (v == null) out.setComplex(b * n * n + i, Double.NaN, Double.NaN);
            else out.setComplex(b * n * n + i, v.re[i], v.im[i]);
        }
    }
}
