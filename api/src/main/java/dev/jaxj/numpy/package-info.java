/**
 * The implementation behind {@link dev.jaxj.Jnp}: NumPy's functions written as composites of
 * primitives, one class per area.
 * {@snippet lang=text :
 * Creation      arrays from Java data, zeros, arange, linspace, eye
 * Elementwise   arithmetic, rounding, functions of reals, extremes
 * Logic         comparisons, logical and bitwise functions, predicates, where, isclose
 * Reductions    sum mean var std max min prod arg* all any logsumexp cum*
 * Manipulation  reshape transpose expand/squeeze broadcast flip roll tile repeat
 * Joining       concatenate stack split     Padding   pad in five modes
 * Matrices      tril triu diag diagonal trace meshgrid
 * Sorting       sort argsort                Linalg    dot matmul tensordot norm
 * Einsum        einsum (parsed by EinsumSpec)
 * Operands, Axes  promotion, broadcasting and axis handling shared by all of them
 * }
 * Nothing here is a primitive: every function binds existing ones through {@code Lax}, so it
 * works eagerly and under {@code grad}, {@code vmap} and {@code jit} without rules of its own.
 * The package is not exported; users reach it through {@code Jnp}.
 */
package dev.jaxj.numpy;
