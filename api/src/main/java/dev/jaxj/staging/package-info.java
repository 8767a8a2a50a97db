/** The jit front end behind {@link dev.jaxj.Jax#jit}: flattening, cache keys, and staging pytree functions. */
package dev.jaxj.staging;
