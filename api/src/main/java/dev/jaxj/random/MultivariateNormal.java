package dev.jaxj.random;

import dev.jaxj.Jnp;
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
import io.vavr.control.Option;

import static dev.jaxj.random.Bits.*;

/**
 * JAX's {@code multivariate_normal} with its default {@code method='cholesky'}: standard normal
 * draws mapped through the lower Cholesky factor of the covariance. jaxj has no linear-algebra
 * primitive yet, so the factor is computed here column by column from array ops (it traces,
 * and batches over leading axes); its rounding may differ from LAPACK's in the last bits.
 */
public final class MultivariateNormal {
    private MultivariateNormal() {}

    /**
     * {@return draws of shape {@code shape + (n,)}} with the given mean and covariance
     *
     * @param mean  floating or integer, shape {@code (..., n)}
     * @param cov   symmetric positive definite, shape {@code (..., n, n)}
     * @param shape the batch shape; none for the broadcast of {@code mean.shape[:-1]} and {@code cov.shape[:-2]}
     * @param dtype the result dtype; none for the promoted dtype of {@code mean} and {@code cov}
     */
    public static Array sample(Key key, Array mean, Array cov, Option<Shape> shape, Option<DType> dtype) {
        Seq<Array> promoted = NumpyOps.promote("random.multivariate_normal", Promotion.Kind.ANY, Vector.of(NumpyOps.toInexact(mean), NumpyOps.toInexact(cov)));
        Array mu = promoted.get(0), sigma = promoted.get(1);
        DType dt = dtype.getOrElse(mu.dtype());
        Samplers.requireFloat("multivariate_normal", dt);
        if (mu.ndim() < 1) throw new ShapeError("random.multivariate_normal", "requires mean.ndim >= 1, got " + mu.aval());
        if (sigma.ndim() < 2) throw new ShapeError("random.multivariate_normal", "requires cov.ndim >= 2, got " + sigma.aval());
        int n = mu.shape().dim(-1);
        if (sigma.shape().dim(-1) != n || sigma.shape().dim(-2) != n) {
            throw new ShapeError("random.multivariate_normal", "requires cov.shape == (..., n, n) for n=" + n + ", got " + sigma.aval());
        }
        Shape batch = Samplers.resultShape("multivariate_normal", shape,
                mu.shape().without(mu.ndim() - 1), sigma.shape().without(sigma.ndim() - 2, sigma.ndim() - 1));
        Array factor = cholesky(sigma);
        Array z = Samplers.normal(key, batch.insert(batch.rank(), n), dt);
        // einsum('...ij,...j->...i', factor, z)
        Array mixed = factor.mul(Lax.expandDims(z, Vector.of(z.ndim() - 1))).sum(-1);
        return mu.add(mixed);
    }

    /**
     * {@return the lower-triangular {@code L} with {@code L Lᵀ = a}} for symmetric positive
     * definite {@code a} of shape {@code (..., n, n)}; NaNs where {@code a} is not positive definite
     * @throws DTypeError for non-floating input
     */
    static Array cholesky(Array a) {
        if (!a.dtype().isFloating()) throw new DTypeError("cholesky", "requires a floating matrix, got " + a.aval());
        int n = a.shape().dim(-1), last = a.ndim() - 1;
        Shape colShape = a.shape().without(last);                       // (..., n): one column
        Array zeros = Jnp.zeros(colShape, a.dtype());
        Array rows = to(Lax.iota(DType.I32, Shape.of(n), 0), colShape);
        Array factor = null;                                           // (..., n, j) columns found so far
        for (int j = 0; j < n; j++) {
            Array v = lastAxisAt(a, j);                                 // a[..., :, j]
            if (factor != null) {
                Array rowJ = slice(factor, last - 1, j, j + 1);           // L[..., j:j+1, :]
                v = v.sub(factor.mul(rowJ).sum(-1));                    // minus sum_k L[:, k] L[j, k]
            }
            Array pivot = Lax.sqrt(slice(v, last - 1, j, j + 1));       // (..., 1)
            Array col = Lax.select(Lax.ge(rows, to(integer(j, DType.I32), colShape)), v.div(pivot), zeros);
            Array col3 = Lax.expandDims(col, Vector.of(last));
            factor = factor == null ? col3 : Lax.concatenate(Vector.of(factor, col3), last);
        }
        return factor == null ? a : factor;
    }
}
