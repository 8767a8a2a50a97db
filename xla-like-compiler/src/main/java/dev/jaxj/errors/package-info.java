/**
 * The errors jaxj raises on bad input: one sealed hierarchy under {@link dev.jaxj.errors.JaxjException}.
 * {@snippet lang=text :
 * message ::= op ": " requirement ", got " avals "\n  at " userFrame "\n" see
 * see     ::= "See https://jaxj.dev/docs/errors#" ClassName " (docs/errors.md, section " ClassName ")"
 * }
 * Each message names the operation, what it required, what it got (as avals such as
 * {@code f32[3,4]}) and the user's line, found by skipping jaxj's own frames.
 */
package dev.jaxj.errors;
