/**
 * Forward-mode differentiation.
 * {@snippet lang=text :
 * JvpTracer ::= (primal: Array, tangent: Array)
 * rule      ::= (Primitive, primals, tangents) -> (primals', tangents')    linear in tangents
 * }
 * Rules are linear in the tangents, which is what lets reverse mode stage and transpose them.
 */
package dev.jaxj.transforms.jvp;
