/**
 * Partial evaluation: known values compute now, unknown ones are recorded.
 * {@snippet lang=text :
 * PeTracer ::= known(Array) | unknown(aval, Recipe)
 * Recipe   ::= Input | Const(Array) | Eqn(Primitive, PeTracer*)
 * }
 * Reading the recipes back from the outputs gives a {@code Jaxpr}: the linear part of a
 * linearization, or the whole program under jit.
 */
package dev.jaxj.transforms.partial;
