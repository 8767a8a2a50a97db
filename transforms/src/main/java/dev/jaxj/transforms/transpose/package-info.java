/**
 * Transposition of linear programs, the second half of reverse mode.
 * {@snippet lang=text :
 * LinearArg ::= Known(Array) | Undefined(aval)
 * rule      ::= (Primitive, output cotangents, LinearArg*) -> cotangent? per operand
 * }
 * Only linear primitives have rules; the others are listed explicitly and raise
 * {@code NotDifferentiable}.
 */
package dev.jaxj.transforms.transpose;
