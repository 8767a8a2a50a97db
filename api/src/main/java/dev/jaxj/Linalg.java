package dev.jaxj;

/**
 * The linear algebra of {@code jax.numpy.linalg}: factorizations, solvers, inverses,
 * determinants, spectral decompositions and norms of matrices, each over any number of leading
 * batch dimensions ({@code [..., m, n]}), differentiable as JAX defines them and compiled
 * under {@code jit}.
 */
public final class Linalg {
    private Linalg() {}

    // Cholesky, LU, triangular solves and what is built on them ---------------------------------

    // QR, symmetric eigenproblems, SVD and what is built on them ---------------------------------
}
