package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.numpy.LinalgArrays;
import dev.jaxj.numpy.LinalgSolvers;
import dev.jaxj.numpy.LinalgSpectral;
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

    /** A QR decomposition: {@code q [..., m, k]} with orthonormal columns, {@code r [..., k, n]} upper triangular. */
    public record QrResult(Array q, Array r) {}

    /** A symmetric eigendecomposition: {@code eigenvalues [..., n]} ascending, {@code eigenvectors [..., n, n]} in the columns. */
    public record EighResult(Array eigenvalues, Array eigenvectors) {}

    /**
     * A general eigendecomposition: {@code eigenvalues [..., n]} and right {@code eigenvectors
     * [..., n, n]} in the columns, complex, each of unit norm with its largest component real.
     */
    public record EigResult(Array eigenvalues, Array eigenvectors) {}

    /** A singular value decomposition {@code a = u diag(s) vh}: {@code s [..., k]} descending. */
    public record SvdResult(Array u, Array s, Array vh) {}

    /**
     * A least-squares solution: {@code x} minimizing {@code ||a x - b||}, the squared residual
     * norms per column of {@code b}, the effective {@code rank} (i32) and the singular values of {@code a}.
     */
    public record LstsqResult(Array x, Array residuals, Array rank, Array s) {}

    /**
     * {@return the reduced QR decomposition of {@code a [..., m, n]}}: {@code q [..., m, k]},
     * {@code r [..., k, n]}, {@code k = min(m, n)}, by blocked Householder reflections.
     * {@snippet :
     * var qr = Linalg.qr(Jnp.array(new double[][] {{3, 1}, {4, 2}}));   // q r == a, q^T q == I
     * }
     */
    public static QrResult qr(Array a) { return LinalgSpectral.qr(a, "reduced"); }
    /** {@return the QR decomposition}: {@code mode} "reduced" (also "full", as JAX) or "complete" ({@code q [..., m, m]}, {@code r [..., m, n]}) */
    public static QrResult qr(Array a, String mode) { return LinalgSpectral.qr(a, mode); }
    /** {@return {@code r} alone, {@code [..., min(m, n), n]}} ({@code jnp.linalg.qr(a, mode='r')}) */
    public static Array qrR(Array a) { return LinalgSpectral.qrR(a); }

    /**
     * {@return the eigenvalues (ascending) and eigenvectors of the symmetric {@code a [..., n, n]}},
     * computed from {@code (a + a^T) / 2} as JAX does by default.
     * {@snippet :
     * var e = Linalg.eigh(Jnp.array(new double[][] {{2, 1}, {1, 2}}));   // eigenvalues [1, 3]
     * }
     */
    public static EighResult eigh(Array a) { return LinalgSpectral.eigh(a, "L", true); }
    /** {@return the eigendecomposition}, {@code uplo} "L" or "U" naming the triangle used */
    public static EighResult eigh(Array a, String uplo) { return LinalgSpectral.eigh(a, uplo, true); }
    /** {@return the eigendecomposition}; without {@code symmetrizeInput} only the {@code uplo} triangle is read */
    public static EighResult eigh(Array a, String uplo, boolean symmetrizeInput) { return LinalgSpectral.eigh(a, uplo, symmetrizeInput); }
    /** {@return the eigenvalues of the symmetric {@code a [..., n, n]}, ascending, {@code [..., n]}} */
    public static Array eigvalsh(Array a) { return LinalgSpectral.eigh(a, "L", true).eigenvalues(); }
    /** {@return the eigenvalues}, {@code uplo} "L" or "U" */
    public static Array eigvalsh(Array a, String uplo) { return LinalgSpectral.eigh(a, uplo, true).eigenvalues(); }

    /**
     * {@return the eigenvalues {@code [..., n]} and right eigenvectors {@code [..., n, n]} of the
     * general square {@code a [..., n, n]}}, as {@code jnp.linalg.eig}: {@code a v[..., :, k] =
     * w[..., k] v[..., :, k]}. The results are complex (c64 for f32 operands, c128 for f64 and
     * c128), each eigenvector of unit norm with its largest component real (LAPACK's {@code geev}
     * normalization); integer operands promote to the default float. A matrix whose QR iteration
     * fails gives NaNs. The eigenvalues differentiate (forward and reverse mode); the eigenvectors
     * do not, as in JAX (see {@link dev.jaxj.lax.Lax#eig} to opt in).
     * {@snippet :
     * var e = Linalg.eig(Jnp.array(new double[][] {{0, -1}, {1, 0}}));   // eigenvalues [i, -i]
     * }
     *
     * @throws dev.jaxj.errors.ShapeError when {@code a} is not a stack of square matrices
     * @throws dev.jaxj.errors.DTypeError for bf16 or f16 operands
     */
    public static EigResult eig(Array a) { return LinalgSpectral.eig(a); }

    /**
     * {@return the eigenvalues {@code [..., n]} of the general square {@code a [..., n, n]}},
     * complex, as {@code jnp.linalg.eigvals}; differentiable.
     * {@snippet :
     * Array w = Linalg.eigvals(Jnp.array(new double[][] {{2, 1}, {0, 3}}));   // [2+0i, 3+0i]
     * }
     *
     * @throws dev.jaxj.errors.ShapeError when {@code a} is not a stack of square matrices
     */
    public static Array eigvals(Array a) { return LinalgSpectral.eigvals(a); }

    /**
     * {@return the full SVD of {@code a [..., m, n]}}: {@code u [..., m, m]}, {@code s [..., k]},
     * {@code vh [..., n, n]}, {@code k = min(m, n)}, {@code a = u[..., :k] diag(s) vh[..., :k, :]}.
     * {@snippet :
     * var usv = Linalg.svd(Jnp.array(new double[][] {{3, 0}, {0, -4}}));   // s = [4, 3]
     * }
     */
    public static SvdResult svd(Array a) { return LinalgSpectral.svd(a, true, false); }
    /** {@return the SVD}: {@code u [..., m, k]}, {@code vh [..., k, n]} unless {@code fullMatrices} */
    public static SvdResult svd(Array a, boolean fullMatrices) { return LinalgSpectral.svd(a, fullMatrices, false); }
    /** {@return the SVD}; {@code hermitian} takes it from the eigendecomposition of the symmetric {@code a} */
    public static SvdResult svd(Array a, boolean fullMatrices, boolean hermitian) { return LinalgSpectral.svd(a, fullMatrices, hermitian); }
    /** {@return the singular values {@code [..., min(m, n)]}, descending} ({@code svd(a, compute_uv=False)}) */
    public static Array svdvals(Array a) { return LinalgSpectral.svdvals(a); }

    /**
     * {@return the least-squares solution of {@code a x = b}} for {@code a [m, n]} and
     * {@code b [m]} or {@code [m, k]}, through the SVD, singular values below
     * {@code max(m, n)·ε·s_max} treated as zero.
     * {@snippet :
     * var fit = Linalg.lstsq(Jnp.array(new double[][] {{1, 0}, {1, 1}, {1, 2}}), Jnp.array(new double[] {1, 2, 4}));
     * }
     */
    public static LstsqResult lstsq(Array a, Array b) { return LinalgSpectral.lstsq(a, b, null); }
    /** {@return the least-squares solution}, singular values below {@code rcond·s_max} dropped (a negative {@code rcond} means ε) */
    public static LstsqResult lstsq(Array a, Array b, double rcond) { return LinalgSpectral.lstsq(a, b, rcond); }

    /**
     * {@return the pseudo-inverse {@code [..., n, m]} of {@code a [..., m, n]}}, singular values at
     * or below {@code 10·max(m, n)·ε·s_max} dropped; its derivative is JAX's custom rule.
     * {@snippet :
     * Array p = Linalg.pinv(Jnp.array(new double[][] {{1, 2}, {2, 4}}));   // rank 1
     * }
     */
    public static Array pinv(Array a) { return LinalgSpectral.pinv(a, null, false); }
    /** {@return the pseudo-inverse}, singular values at or below {@code rtol·s_max} dropped; {@code hermitian} for symmetric {@code a} */
    public static Array pinv(Array a, double rtol, boolean hermitian) { return LinalgSpectral.pinv(a, rtol, hermitian); }
    /** {@return the pseudo-inverse of a symmetric {@code a}} when {@code hermitian}, through its eigendecomposition */
    public static Array pinv(Array a, boolean hermitian) { return LinalgSpectral.pinv(a, null, hermitian); }

    /** {@return the rank (i32, {@code [...]}) of {@code a [..., m, n]}}: singular values above {@code max(m, n)·ε·s_max} */
    public static Array matrixRank(Array a) { return LinalgSpectral.matrixRank(a, null); }
    /** {@return the rank}: singular values above {@code rtol·s_max} */
    public static Array matrixRank(Array a, double rtol) { return LinalgSpectral.matrixRank(a, rtol); }

    /** {@return the 2-norm condition number {@code s_max / s_min} of {@code a [..., m, n]}} */
    public static Array cond(Array a) { return LinalgSpectral.cond(a, null); }
    /**
     * {@return the condition number in norm {@code p}}: "2", "-2", "fro", "nuc", "1", "-1",
     * "inf", "-inf"; the last six need square matrices and give inf for singular ones
     */
    public static Array cond(Array a, String p) { return LinalgSpectral.cond(a, p); }

    /**
     * {@return the matrix norm of {@code x [..., m, n]} over its last two axes}: {@code ord}
     * "fro", "nuc", "2", "-2", "1", "-1", "inf" or "-inf" ({@code jnp.linalg.matrix_norm})
     */
    public static Array matrixNorm(Array x, String ord, boolean keepdims) {
        return LinalgSpectral.matrixNorm(x, ord, new int[] {-2, -1}, keepdims);
    }

    /**
     * {@return the norm of {@code x}} as {@code jnp.linalg.norm}: with no axes, the 2-norm of
     * all elements; one axis: the vector {@code ord}-norm; two: the matrix norm of {@code ord}
     * (1, -1, 2, -2, inf, -inf; "fro" and "nuc" through {@link #norm(Array, String, int[], boolean)}).
     */
    public static Array norm(Array x, double ord, int[] axes, boolean keepdims) { return dev.jaxj.numpy.Linalg.norm(x, ord, axes, keepdims); }
    /** {@return the 2-norm of all elements of {@code x}} */
    public static Array norm(Array x) { return dev.jaxj.numpy.Linalg.frobenius(x, new int[0], false); }
    /** {@return a matrix norm named "fro" or "nuc" (or "2", "-2", …) over two {@code axes}} */
    public static Array norm(Array x, String ord, int[] axes, boolean keepdims) { return LinalgSpectral.matrixNorm(x, ord, axes, keepdims); }
}
