/**
 * Optimisation passes over {@link dev.jaxj.ir.Jaxpr}: dead code elimination, common
 * subexpression elimination, constant folding and algebraic simplification.
 * {@snippet lang=text :
 * Pass       ::= Jaxpr -> Jaxpr                      constVars only shrink (a subsequence)
 *              | Pass andThen Pass | Pass fixpoint(n) | Pass named(s) | Pass checked()
 *              | SubPrograms.deep(Pass)               also inside cond/scan/while programs, innermost first
 * ClosedPass ::= Closed<T> -> Closed<T>              constants may be added (folded results)
 *              | Pass closed() | ClosedPass andThen ClosedPass | ClosedPass fixpoint(n)
 * Closed<T>  ::= (Jaxpr jaxpr, Seq<T> consts)       consts bound in order to jaxpr.constVars
 * Evaluator<T> ::= eval(Eqn, Seq<T>) -> Seq<T>      the caller's kernels, for folding constants
 * standard   ::= fixpoint(deep(simplify; fold; cse; dce))
 * }
 *
 * <p>Why this shape: passes are plain functions that compose, as {@code java.lang.classfile}'s
 * transforms do, so a pipeline is a value that can be named, repeated to a fixpoint and
 * checked. Each pass keeps the program's inputs, output avals and typing (every binder equal
 * to its rule, checked by {@link dev.jaxj.ir.Jaxpr#typecheck()} in the tests after every pass),
 * which a rewrite ensures by replacing a variable only with an atom of exactly its aval. The
 * compiler holds no kernels and no constant values; a caller that has them passes a
 * {@link dev.jaxj.compiler.pass.Closed} program and, to fold through its kernels, an
 * {@link dev.jaxj.compiler.pass.Evaluator}.
 */
package dev.jaxj.compiler.pass;
