package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Eigh;
import dev.jaxj.ir.Primitive.Orthogonal;
import dev.jaxj.ir.Primitive.Qr;
import dev.jaxj.ir.Primitive.Svd;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * QR, eigh and SVD over the batch of matrices {@code [..., m, n]}: each matrix is read into
 * f64, factored by {@link Householder}, {@link EighKernel} or {@link SvdKernel}, and written back
 * in the operand's dtype. For f32 operands the blocked Householder updates run through the f32
 * GEMM and eigh's QL rotations are applied in f32 (the accuracy of LAPACK's single-precision
 * routines); the rest is f64 throughout.
 * Matrices of the batch run in parallel.
 */
final class OrthogonalKernels {
    private OrthogonalKernels() {}

    static Seq<HostData> execute(Orthogonal p, ShapedArray in, HostData x, Seq<ShapedArray> outAvals) {
        int rank = in.rank(), m = in.shape().dim(rank - 2), n = in.shape().dim(rank - 1);
        int batch = 1;
        for (int i = 0; i < rank - 2; i++) batch *= in.shape().dim(i);
        int matrices = batch;
        boolean single = in.dtype() == DType.F32;
        Vector<HostData> out = Vector.ofAll(outAvals).map(a -> HostData.allocate(a.dtype(), a.size()));
        Vector<Integer> perMatrix = Vector.ofAll(outAvals).map(a -> matrices == 0 ? 0 : a.size() / matrices);
        Parallel.forRange(matrices, 1, (lo, hi) -> {
            for (int b = lo; b < hi; b++) {
                double[] a = read(x, b * m * n, m * n);
                double[][] r = switch (p) {
                    case Qr q -> qr(q, m, n, a, single);
                    case Eigh e -> eigh(e, n, a, single);
                    case Svd s -> svd(s, m, n, a, single);
                };
                for (int i = 0; i < r.length; i++) write(r[i], out.get(i), b * perMatrix.get(i));
            }
        });
        return out;
    }

    private static double[][] qr(Qr p, int m, int n, double[] a, boolean single) {
        int k = Math.min(m, n), kq = p.fullMatrices() ? m : k;
        double[] cols = transpose(a, m, n);                       // column by column
        double[] tau = Householder.factor(m, n, cols, single);
        double[] qc = Householder.formQ(m, k, cols, tau, kq, single);
        double[] q = transpose(qc, kq, m), r = new double[kq * n];
        for (int i = 0; i < Math.min(kq, m); i++) {
            for (int j = i; j < n; j++) r[i * n + j] = cols[j * m + i];
        }
        return new double[][] {q, r};
    }

    private static double[][] eigh(Eigh p, int n, double[] a, boolean single) {
        // Fill the unread triangle from the read one.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (p.lower()) a[j * n + i] = a[i * n + j];
                else a[i * n + j] = a[j * n + i];
            }
        }
        double[] w = new double[n], z = new double[n * n];
        EighKernel.decompose(n, a, w, z, single);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (p.sortEigenvalues()) java.util.Arrays.sort(order, (x, y) -> Double.compare(w[x], w[y]));
        double[] v = new double[n * n], ws = new double[n];
        for (int c = 0; c < n; c++) {
            ws[c] = w[order[c]];
            for (int r = 0; r < n; r++) v[r * n + c] = z[order[c] * n + r];
        }
        return new double[][] {v, ws};
    }

    private static double[][] svd(Svd p, int m, int n, double[] a, boolean single) {
        int k = Math.min(m, n);
        double[] s = new double[k];
        if (!p.computeUv()) {
            SvdKernel.decompose(m, n, a, s, null, 0, null, 0, single);
            return new double[][] {s};
        }
        int ku = p.fullMatrices() ? m : k, kv = p.fullMatrices() ? n : k;
        double[] u = new double[m * ku], vt = new double[kv * n];
        SvdKernel.decompose(m, n, a, s, u, ku, vt, kv, single);
        return new double[][] {s, u, vt};
    }

    private static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
        }
        return t;
    }

    private static double[] read(HostData x, int from, int len) {
        double[] a = new double[len];
        if (x.dtype() == DType.F32) {
            float[] f = x.f32();
            for (int i = 0; i < len; i++) a[i] = f[from + i];
        } else {
            System.arraycopy(x.f64(), from, a, 0, len);
        }
        return a;
    }

    private static void write(double[] r, HostData out, int at) {
        if (out.dtype() == DType.F32) {
            float[] f = out.f32();
            for (int i = 0; i < r.length; i++) f[at + i] = (float) r[i];
        } else {
            System.arraycopy(r, 0, out.f64(), at, r.length);
        }
    }
}
