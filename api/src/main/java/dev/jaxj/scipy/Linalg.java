package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.numpy.LinalgSolvers;
import dev.jaxj.numpy.MatrixFunctions;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * The core of {@code jax.scipy.linalg}: factor-once-solve-many forms of the Cholesky and LU
 * factorizations, triangular solves and the matrix exponential, over leading batch dimensions
 * ({@code [..., n, n]}).
 */
public final class Linalg {
    private Linalg() {}

    // Cholesky, LU, triangular solves -------------------------------------------------------------

    /**
     * A packed LU factorization ({@code lu_factor}'s result): unit-lower {@code L} below the
     * diagonal of {@code lu [..., m, n]} and {@code U} on and above it; {@code pivots
     * i32[..., min(m, n)]} as SciPy's {@code piv}; {@code permutation i32[..., m]} with
     * {@code a[..., permutation, :] = L U}.
     */
    public record LuFactor(Array lu, Array pivots, Array permutation) {
        LinalgSolvers.LuFactor packed() { return new LinalgSolvers.LuFactor(lu, pivots, permutation); }
    }

    /** A Cholesky factor and which triangle it is ({@code cho_factor}'s result). */
    public record ChoFactor(Array c, boolean lower) {}

    /** {@return the Cholesky factor of {@code a [..., n, n]}}: upper ({@code c^T c = a}) unless {@code lower}, as SciPy's default */
    public static Array cholesky(Array a, boolean lower) { return LinalgSolvers.cholesky(a, !lower); }
    public static Array cholesky(Array a) { return cholesky(a, false); }

    /** {@return a factor for {@link #choSolve}} (the other triangle is zero here, unlike SciPy's) */
    public static ChoFactor choFactor(Array a, boolean lower) { return new ChoFactor(cholesky(a, lower), lower); }
    public static ChoFactor choFactor(Array a) { return choFactor(a, false); }

    /** {@return {@code x} solving {@code a x = b}} from {@code a}'s Cholesky factor; {@code b [n]} or {@code [..., n, k]} */
    public static Array choSolve(ChoFactor factor, Array b) { return LinalgSolvers.choSolve(factor.c(), factor.lower(), b); }

    /**
     * {@return {@code p, l, u}} with {@code a = p l u} for {@code a [..., m, n]}: permutation
     * {@code p [..., m, m]}, unit-lower {@code l [..., m, k]}, upper {@code u [..., k, n]}, {@code k = min(m, n)}
     * {@snippet :
     * Seq<Array> plu = dev.jaxj.scipy.Linalg.lu(a);   // a = plu.get(0) @ plu.get(1) @ plu.get(2)
     * }
     */
    public static Seq<Array> lu(Array a) { return LinalgSolvers.lu(a); }

    /** {@return the packed LU factorization with pivots} ({@code lu_factor}; also carries the row permutation) */
    public static LuFactor luFactor(Array a) {
        LinalgSolvers.LuFactor f = LinalgSolvers.luFactor(a);
        return new LuFactor(f.lu(), f.pivots(), f.permutation());
    }

    /** {@return {@code x} solving {@code a x = b}} from {@code a}'s LU factorization */
    public static Array luSolve(LuFactor factor, Array b) { return LinalgSolvers.luSolve(factor.packed(), b, 0); }
    /** {@return {@code x} solving {@code a x = b} ({@code trans} 0) or {@code a^T x = b} (1, or 2: the conjugate transpose of a real matrix)} */
    public static Array luSolve(LuFactor factor, Array b, int trans) { return LinalgSolvers.luSolve(factor.packed(), b, trans); }

    /**
     * {@return {@code x} solving {@code op(a) x = b}} for triangular {@code a [..., n, n]} and
     * {@code b [n]} or {@code [..., n, k]}: {@code trans} 0 ({@code a}), 1 or 2 ({@code a^T});
     * only the {@code lower} (or upper) triangle is read; {@code unitDiagonal} takes ones there.
     */
    public static Array solveTriangular(Array a, Array b, int trans, boolean lower, boolean unitDiagonal) {
        return LinalgSolvers.solveTriangular(a, b, trans, lower, unitDiagonal);
    }
    public static Array solveTriangular(Array a, Array b, boolean lower) { return solveTriangular(a, b, 0, lower, false); }

    /** {@return {@code x} solving {@code a x = b}}: {@code assumeA} {@code "gen"} (LU) or {@code "pos"} (Cholesky) */
    public static Array solve(Array a, Array b, String assumeA) { return LinalgSolvers.solve(a, b, assumeA); }
    public static Array solve(Array a, Array b) { return LinalgSolvers.solve(a, b); }

    /** {@return the inverse of {@code a [..., n, n]}} */
    public static Array inv(Array a) { return LinalgSolvers.inv(a); }

    /** {@return the determinant of {@code a [..., n, n]}}, with JAX's derivative */
    public static Array det(Array a) { return LinalgSolvers.det(a); }

    /**
     * {@return the matrix exponential of {@code a [n, n]}}: Padé approximants (degree 3 to 13
     * in f64, to 7 in f32) with scaling and squaring, as JAX; NaN when over 16 squarings are needed
     */
    public static Array expm(Array a) { return MatrixFunctions.expm(a); }

    /** {@return the block-diagonal matrix of the given arrays} (rank 0 and 1 arrays count as rows) */
    public static Array blockDiag(Array... arrays) { return MatrixFunctions.blockDiag(Vector.of(arrays)); }

    // QR, eigen- and singular value based functions ----------------------------------------------
}
