/** The pytree-aware differentiation API behind {@link dev.jaxj.Jax}: flattening, checks, and the Jacobian builders. */
package dev.jaxj.autodiff;
