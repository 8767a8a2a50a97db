/**
 * Reverse mode as JAX builds it: {@code linearize} (a JVP under partial evaluation) followed by
 * transposition of the staged linear program. Functions here take flat lists of arrays.
 */
package dev.jaxj.transforms.ad;
