/**
 * Array types and the intermediate representation.
 * {@snippet lang=text :
 * ShapedArray ::= DType "[" dim ("," dim)* "]"           f32[3,4]
 * Jaxpr       ::= "{ lambda" constVar* ";" inVar* ". let" Eqn* "in (" Atom* ") }"
 * Eqn         ::= Var+ "=" Primitive params? Atom*
 * Atom        ::= Var | Lit
 * }
 * The primitive set is closed (a sealed interface of records holding static parameters only),
 * so every rule table over it is an exhaustive {@code switch} that the compiler checks. Shape
 * rules live on the primitives, so a program can be typechecked wherever it travels.
 */
package dev.jaxj.ir;
