/** The implementation behind {@link dev.jaxj.Jnp}: creation, manipulation and linear algebra written from primitives. */
package dev.jaxj.numpy;
