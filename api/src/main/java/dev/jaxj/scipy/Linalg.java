package dev.jaxj.scipy;

/**
 * The core of {@code jax.scipy.linalg}: factor-once-solve-many forms of the Cholesky and LU
 * factorizations, triangular solves and the matrix exponential, over leading batch dimensions
 * ({@code [..., n, n]}).
 */
public final class Linalg {
    private Linalg() {}

    // Cholesky, LU, triangular solves -------------------------------------------------------------

    // QR, eigen- and singular value based functions ----------------------------------------------
}
