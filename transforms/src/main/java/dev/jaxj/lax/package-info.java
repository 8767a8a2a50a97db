/**
 * The primitives as functions ({@code jax.lax}): strict shapes and dtypes, one bind each.
 * Transformation rules are written with these, so rules themselves trace.
 */
package dev.jaxj.lax;
