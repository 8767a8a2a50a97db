/**
 * Property-testing support for code written with jaxj: jqwik arbitraries, value domains and
 * gradient assertions, the tools jaxj tests its own derivatives with.
 * {@snippet lang=text :
 * JaxjArbitraries ::= shapes | dtypes | arrays(shape, dtype, Domain) | operands | pytrees
 * Domain          ::= REAL | MODERATE | POSITIVE | UNIT | ABOVE_ONE | NONZERO
 *                   | AWAY_FROM_KINKS | NON_INTEGER | NO_TIES | interval(..) | of(name, sampler)
 * GradCheck       ::= (op, f, Tol) . assertJvpMatchesCentralDifferences | assertVjpMatchesCentralDifferences
 *                   | assertVjpIsTransposeOfJvp | assertSecondOrder | assertZeroDerivative
 * Tol             ::= per-dtype overrides of dev.jaxj.autodiff.Tolerance
 * }
 * Central differences are only a fair reference where the function is smooth around the
 * point, so inputs come from domains (away from kinks, poles and ties) rather than from
 * unconstrained floats, and they are drawn from seeds so that shrinking never leaves the domain:
 * what shrinks is the shape, towards a scalar or a small array.
 */
package dev.jaxj.testing;
