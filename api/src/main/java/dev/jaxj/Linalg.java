package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.numpy.LinalgArrays;
import dev.jaxj.numpy.LinalgSolvers;
import dev.jaxj.numpy.MatrixFunctions;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The linear algebra of {@code jax.numpy.linalg}: factorizations, solvers, inverses,
 * determinants, spectral decompositions and norms of matrices, each over any number of leading
 * batch dimensions ({@code [..., m, n]}), differentiable as JAX defines them and compiled
 * under {@code jit}.
 */
public final class Linalg {
    private Linalg() {}

    // Cholesky, LU, triangular solves and what is built on them ---------------------------------

    /** The sign and log-magnitude of determinants ({@code jnp.linalg.slogdet}'s result). */
    public record SignLogDet(Array sign, Array logabsdet) {}

    /**
     * {@return the lower Cholesky factor {@code L} of {@code a [..., n, n]}}, {@code a = L L^T}
     * (of the symmetric part of {@code a}, as JAX); NaNs where {@code a} is not positive definite.
     * {@snippet :
     * Array l = Linalg.cholesky(Jnp.array(new double[][] {{4, 2}, {2, 3}}));   // [[2, 0], [1, 1.414]]
     * }
     */
    public static Array cholesky(Array a) { return LinalgSolvers.cholesky(a, false); }
    /** {@return the upper factor {@code U = L^T} when {@code upper}, else {@link #cholesky(Array)}} */
    public static Array cholesky(Array a, boolean upper) { return LinalgSolvers.cholesky(a, upper); }

    /**
     * {@return {@code x} solving {@code a x = b}} by LU with partial pivoting: {@code a [..., n, n]};
     * {@code b [n]} is one vector, otherwise {@code b [..., n, k]} is a stack of matrices whose
     * batch axes broadcast against {@code a}'s. Singular {@code a} gives infinities or NaNs.
     * {@snippet :
     * Array x = Linalg.solve(a, b);   // f32[4,3,3], f32[4,3,2] -> f32[4,3,2]
     * }
     * @throws dev.jaxj.errors.ShapeError when {@code a} is not square or {@code b} does not fit
     */
    public static Array solve(Array a, Array b) { return LinalgSolvers.solve(a, b); }

    /** {@return the inverse of {@code a [..., n, n]}}: {@code solve(a, I)} */
    public static Array inv(Array a) { return LinalgSolvers.inv(a); }

    /**
     * {@return the determinant of {@code a [..., n, n]}}, shape {@code [...]}. Its derivative is
     * JAX's {@code trace(adj(a) da)}, finite at singular matrices (zero below rank {@code n-1}).
     */
    public static Array det(Array a) { return LinalgSolvers.det(a); }

    /** {@return the sign (±1, 0 if singular) and {@code log|det a|} of {@code a [..., n, n]}} */
    public static SignLogDet slogdet(Array a) {
        LinalgSolvers.SignLogDet s = LinalgSolvers.slogdet(a);
        return new SignLogDet(s.sign(), s.logabsdet());
    }

    /** {@return {@code a^n} for square {@code a [..., m, m]}}: repeated squaring; negative {@code n} inverts first */
    public static Array matrixPower(Array a, int n) { return MatrixFunctions.matrixPower(a, n); }

    /** {@return the product of the arrays, multiplied in the cheapest order}; the first and last may be 1-d */
    public static Array multiDot(Seq<Array> arrays) { return MatrixFunctions.multiDot(arrays); }
    public static Array multiDot(Array... arrays) { return MatrixFunctions.multiDot(Vector.of(arrays)); }

    /** {@return {@code x} with {@code tensordot(a, x, x.ndim) = b}} ({@code a}'s leading axes have {@code b}'s shape) */
    public static Array tensorsolve(Array a, Array b) { return LinalgArrays.tensorsolve(a, b, new int[0]); }
    /** {@link #tensorsolve(Array, Array)} with {@code axes} of {@code a} moved to the end first */
    public static Array tensorsolve(Array a, Array b, int[] axes) { return LinalgArrays.tensorsolve(a, b, axes); }

    /** {@return the inverse of {@code a} as a matrix of its first {@code ind} axes by the rest}, shape {@code rest + first} */
    public static Array tensorinv(Array a, int ind) { return LinalgArrays.tensorinv(a, ind); }
    public static Array tensorinv(Array a) { return LinalgArrays.tensorinv(a, 2); }

    /** {@return {@code x [..., m, n]} with its last two axes swapped} */
    public static Array matrixTranspose(Array x) { return LinalgArrays.matrixTranspose(x); }

    /** {@return the diagonals of the last two axes}, as the last axis ({@code offset > 0} above the main one) */
    public static Array diagonal(Array x) { return LinalgArrays.diagonal(x, 0); }
    public static Array diagonal(Array x, int offset) { return LinalgArrays.diagonal(x, offset); }

    /** {@return the sums of the diagonals of the last two axes} */
    public static Array trace(Array x) { return LinalgArrays.trace(x, 0); }
    public static Array trace(Array x, int offset) { return LinalgArrays.trace(x, offset); }

    /** {@return the dot products along the last axis of the broadcast operands} */
    public static Array vecdot(Array x1, Array x2) { return LinalgArrays.vecdot(x1, x2, -1); }
    public static Array vecdot(Array x1, Array x2, int axis) { return LinalgArrays.vecdot(x1, x2, axis); }

    /** {@return the 2-norm of all elements, as one vector} */
    public static Array vectorNorm(Array x) { return LinalgArrays.vectorNorm(x, 2, new int[0], false); }
    /** {@return the vector {@code ord}-norm over {@code axes} (all when empty)}: {@code inf}, {@code -inf}, {@code 0}, or {@code sum(|x|^ord)^(1/ord)} */
    public static Array vectorNorm(Array x, double ord, int[] axes, boolean keepdims) { return LinalgArrays.vectorNorm(x, ord, axes, keepdims); }

    /** {@return the Frobenius norm of the last two axes} */
    public static Array matrixNorm(Array x) { return LinalgArrays.matrixNorm(x, false); }
    /** {@return the {@code ord}-norm (1, -1, inf, -inf) of the last two axes} */
    public static Array matrixNorm(Array x, double ord, boolean keepdims) { return LinalgArrays.matrixNorm(x, ord, keepdims); }

    /** {@return the cross products of 3-vectors along the last axis of the broadcast operands} */
    public static Array cross(Array x1, Array x2) { return LinalgArrays.cross(x1, x2, -1); }
    public static Array cross(Array x1, Array x2, int axis) { return LinalgArrays.cross(x1, x2, axis); }

    // QR, symmetric eigenproblems, SVD and what is built on them ---------------------------------
}
