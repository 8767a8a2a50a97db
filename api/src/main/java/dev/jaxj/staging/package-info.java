/** The jit front end behind {@link dev.jaxj.Jax#jit}: flattening, cache keys, donation, and staging pytree functions. */
package dev.jaxj.staging;
