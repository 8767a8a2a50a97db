/**
 * What users import: {@link dev.jaxj.Jax} (the transforms), {@link dev.jaxj.Jnp} (the NumPy
 * surface) and, with them, {@link dev.jaxj.array.Array} and {@link dev.jaxj.lax.Lax}.
 * {@snippet lang=text :
 * function ::= pytree of arrays -> pytree of arrays        pure: no side effects that matter
 * pytree   ::= Array | record(pytree*) | Seq(pytree*) | Map(key -> pytree) | Tuple(pytree*) | Option(pytree)
 * }
 * Transforms take functions and return functions, so they compose: {@code Jax.jit(Jax.grad(f))}.
 */
package dev.jaxj;
