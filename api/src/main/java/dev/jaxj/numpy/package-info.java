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
 * Polynomials   polyfit polyval polyadd polysub polymul polyder polyint poly trim_zeros
 * Windows       hamming hanning blackman bartlett kaiser (Bessel: i0)
 * Signal        convolve correlate interp diff ediff1d gradient trapezoid
 * IntegerFunctions  gcd lcm fmod divmod   FloatFunctions  modf frexp ldexp spacing sinc float_power is*inf
 * Products      kron cross vander tri rot90 fliplr flipud rollaxis cumulative_sum/prod
 * Functional    select piecewise apply_along_axis apply_over_axes
 * TypeInfo      finfo iinfo can_cast issubdtype
 * Operands, Axes  promotion, broadcasting and axis handling shared by all of them
 * }
 * Nothing here is a primitive: every function binds existing ones through {@code Lax}, so it
 * works eagerly and under {@code grad}, {@code vmap} and {@code jit} without rules of its own.
 * The package is not exported; users reach it through {@code Jnp}.
 */
package dev.jaxj.numpy;
