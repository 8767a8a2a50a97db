package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.numpy.LinalgSolvers;
import dev.jaxj.numpy.LinalgSpectral;
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

    /**
     * {@return the QR decomposition of {@code a [..., m, n]}} as {@code jax.scipy.linalg.qr}:
     * {@code mode} "full" ({@code q [..., m, m]}, the default) or "economic"
     * ({@code q [..., m, k]}, {@code k = min(m, n)}); "r" has {@link #qrR}.
     * {@snippet :
     * var qr = dev.jaxj.scipy.Linalg.qr(a, "economic");
     * }
     */
    public static dev.jaxj.Linalg.QrResult qr(Array a, String mode) {
        return switch (mode) {
            case "full" -> LinalgSpectral.qr(a, "complete");
            case "economic" -> LinalgSpectral.qr(a, "reduced");
            default -> throw new ArgumentError("qr", "mode must be 'full' or 'economic' (qrR gives mode 'r'), got '" + mode + "' for " + a.aval());
        };
    }

    /** {@return the full QR decomposition} ({@code mode="full"}) */
    public static dev.jaxj.Linalg.QrResult qr(Array a) { return qr(a, "full"); }

    /** {@return {@code r [..., m, n]} of the full QR decomposition} ({@code mode="r"}) */
    public static Array qrR(Array a) { return qr(a, "full").r(); }

    /**
     * {@return the eigenvalues (ascending) and eigenvectors of the symmetric {@code a [..., n, n]}}
     * as {@code jax.scipy.linalg.eigh(a, lower=lower)}, from {@code (a + a^T) / 2}.
     * {@snippet :
     * var e = dev.jaxj.scipy.Linalg.eigh(a, true);
     * }
     */
    public static dev.jaxj.Linalg.EighResult eigh(Array a, boolean lower) { return LinalgSpectral.eigh(a, lower ? "L" : "U", true); }

    /** {@return the eigendecomposition of the symmetric {@code a}} from its lower triangle */
    public static dev.jaxj.Linalg.EighResult eigh(Array a) { return eigh(a, true); }

    /** {@return the eigenvalues alone} ({@code eigvals_only=True}) */
    public static Array eigvalsh(Array a, boolean lower) { return eigh(a, lower).eigenvalues(); }

    /** {@return the SVD of {@code a [..., m, n]}}, full or reduced ({@code jax.scipy.linalg.svd}) */
    public static dev.jaxj.Linalg.SvdResult svd(Array a, boolean fullMatrices) { return LinalgSpectral.svd(a, fullMatrices, false); }

    /** {@return the full SVD of {@code a}} */
    public static dev.jaxj.Linalg.SvdResult svd(Array a) { return svd(a, true); }

    /** The polar decomposition {@code a = u p} (side "right") or {@code a = p u} ("left"). */
    public record PolarResult(Array unitary, Array posdef) {}

    /**
     * {@return the polar decomposition of {@code a [..., m, n]}} ({@code jax.scipy.linalg.polar}),
     * through the reduced SVD {@code a = W diag(s) V^T}: {@code unitary = W V^T} and
     * {@code posdef = V diag(s) V^T} for side "right", {@code W diag(s) W^T} for "left".
     * {@snippet :
     * var up = dev.jaxj.scipy.Linalg.polar(a, "right");   // up.unitary() @ up.posdef() == a
     * }
     */
    public static PolarResult polar(Array a, String side) {
        if (!side.equals("right") && !side.equals("left")) {
            throw new ArgumentError("polar", "side must be 'right' or 'left', got '" + side + "' for " + a.aval());
        }
        dev.jaxj.Linalg.SvdResult usv = LinalgSpectral.svd(a, false, false);
        Array unitary = LinalgSpectral.mm(usv.u(), usv.vh());
        Array basis = side.equals("right") ? LinalgSpectral.mT(usv.vh()) : usv.u();
        Array scaled = basis.mul(dev.jaxj.numpy.Manipulation.expandDims(usv.s(), -2));
        return new PolarResult(unitary, LinalgSpectral.mm(scaled, LinalgSpectral.mT(basis)));
    }

    /** {@return the right polar decomposition {@code a = u p}} */
    public static PolarResult polar(Array a) { return polar(a, "right"); }
}
