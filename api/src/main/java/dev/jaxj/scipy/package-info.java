/**
 * SciPy's surface as {@code jax.scipy} offers it: {@link dev.jaxj.scipy.Special} holds the
 * special functions of {@code jax.scipy.special}.
 * {@snippet lang=text :
 * Special  ::= elementwise function of arrays (promoted to floating point, broadcast)
 *            | reduction over axes (logsumexp, softmax, log_softmax)
 *            | table (bernoulli)
 * }
 * Every function is a composite of primitives, so it differentiates, batches and compiles like
 * any other. Those computed by series or continued fractions use a fixed number of terms, so that
 * their programs are straight-line; where differentiating the truncated expansion would lose
 * accuracy, or where JAX defines the derivative at an edge, a custom JVP gives the closed form.
 */
package dev.jaxj.scipy;
