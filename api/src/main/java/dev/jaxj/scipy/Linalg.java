package dev.jaxj.scipy;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.numpy.LinalgSpectral;

/**
 * The core of {@code jax.scipy.linalg}: factor-once-solve-many forms of the Cholesky and LU
 * factorizations, triangular solves and the matrix exponential, over leading batch dimensions
 * ({@code [..., n, n]}).
 */
public final class Linalg {
    private Linalg() {}

    // Cholesky, LU, triangular solves -------------------------------------------------------------

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
