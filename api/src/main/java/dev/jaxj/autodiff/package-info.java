/**
 * The pytree-aware differentiation API behind {@link dev.jaxj.Jax}: flattening, checks, the
 * Jacobian builders, and gradient checking.
 * {@snippet lang=text :
 * GradChecks.checkGrads(f, args, order, modes[, seed | Settings])   JAX's check_grads
 *   order n  = JVP check + (order > 1: checkGrads(jvp(f), (args, args), n - 1))   if FWD in modes
 *            + VJP check + (order > 1: checkGrads(x -> vjp(f)(x)(f(x)), args, n - 1)) if REV in modes
 *   JVP check = jvp(f)(x; v) vs (f(x + eps v) - f(x - eps v)) / 2 eps, in f64
 *   VJP check = <vjp(f)(u), v> vs <u, central differences along v>
 * Tolerance(grad, value).of(dtype)                                 JAX's default tolerances
 * }
 * Gradient checking is public because users test their own derivatives (custom JVPs and VJPs)
 * with the tools jaxj tests its rules with; {@code dev.jaxj.testing} builds jqwik support on it.
 */
package dev.jaxj.autodiff;
