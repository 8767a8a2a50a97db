/** Immutable n-dimensional arrays. */
package dev.jaxj.array;
