/** The trace stack and {@code bind}, the one interception point of every transform. */
package dev.jaxj.core;
