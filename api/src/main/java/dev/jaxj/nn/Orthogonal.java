package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.random.Initializer;
import dev.jaxj.random.Key;

/**
 * JAX's {@code initializers.orthogonal(scale)}, the default of Flax's recurrent kernels: a
 * normal matrix {@code A} is drawn with the key, factored {@code A = QR} with the signs fixed so
 * that {@code R} has a positive diagonal (which makes {@code Q} unique), and {@code scale · Q} is
 * returned. A weight {@code [..., n]} is read as a matrix {@code [prod(...), n]}; when it has
 * fewer rows than columns, its rows are the orthonormal ones instead.
 * {@snippet :
 * Array w = new Orthogonal(1.0).apply(key, Shape.of(64, 64), DType.F32);   // wᵀ·w = I
 * }
 * Recurrent kernels keep their norm under repeated multiplication with an orthogonal start,
 * which is why the recurrent cells use it. The factorisation runs on the host in f64, so an
 * initializer call cannot be staged under {@code jit}; init runs eagerly, as in the other layers.
 *
 * @param scale what {@code Q} is multiplied by
 */
public record Orthogonal(double scale) implements Initializer {

    @Override
    public Array apply(Key key, Shape shape, DType dtype) {
        if (shape.rank() < 2) throw new ShapeError("orthogonal", "needs a shape of rank >= 2, got " + shape);
        int cols = shape.dim(-1);
        int rows = cols == 0 ? 0 : shape.size() / cols;
        if (rows == 0 || cols == 0) return Jnp.zeros(shape, dtype);
        boolean wide = rows < cols;
        int m = wide ? cols : rows, n = wide ? rows : cols;
        double[] a = Random.normal(key, Shape.of(m, n), dtype).toDoubleArray();
        double[] q = orthonormalColumns(a, m, n);
        double[] out = new double[rows * cols];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double v = scale * q[i * n + j];
                if (wide) out[j * cols + i] = v; else out[i * n + j] = v;
            }
        return Jnp.array(out, DType.F64, shape.toArray()).astype(dtype);
    }

    /**
     * {@return the {@code Q} of {@code a = QR} with {@code diag(R) > 0}}, {@code a} row-major
     * {@code [m, n]} with {@code m >= n}: Gram–Schmidt, each column orthogonalised twice
     * against the previous ones, which keeps Q orthonormal to rounding (Giraud et al.'s
     * "twice is enough"). Gram–Schmidt's R has a positive diagonal by construction, so this is
     * the Q of a Householder QR after JAX's sign correction.
     */
    static double[] orthonormalColumns(double[] a, int m, int n) {
        double[] q = a.clone();
        for (int j = 0; j < n; j++) {
            for (int pass = 0; pass < 2; pass++)
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < m; i++) dot += q[i * n + k] * q[i * n + j];
                    for (int i = 0; i < m; i++) q[i * n + j] -= dot * q[i * n + k];
                }
            double norm = 0;
            for (int i = 0; i < m; i++) norm += q[i * n + j] * q[i * n + j];
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) q[i * n + j] /= norm;
        }
        return q;
    }
}
