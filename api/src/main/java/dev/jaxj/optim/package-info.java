/**
 * Optax-like optimizers: gradient transformations as pairs of pure functions over pytrees.
 *
 * {@snippet lang=text :
 * GradientTransformation<S> ::= init(params) -> S
 *                               update(U updates, S state, params?) -> Update<U, S>(updates, state)
 *                               checkState(Object) -> S       (what a chain asks of its parts)
 * S         ::= EmptyState | <Transformation>.State(count?, moments...) | Vector<Object>   (chain)
 * moments   ::= a pytree shaped like the params
 * count     ::= i32 scalar, the updates made so far (saturates at 2^31-1)
 * optimizer ::= chain(rescaling..., [addDecayedWeights], scaleByLearningRate(double | Schedule))
 * Schedule  ::= i32 count -> f32 scalar
 * }
 *
 * <p>Why: a training step is then a pure function {@code (params, state, batch) -> (params,
 * state)} that {@code jit} can compile whole and that checkpoints as two pytrees. Formulas,
 * defaults and state layouts follow Optax (its {@code transform.py}, {@code alias.py} and
 * {@code schedules}), so hyperparameters and results carry over from JAX code. All arithmetic
 * goes through public array ops, so updates trace, and constants take each leaf's own dtype,
 * so f64 parameters are updated in f64 throughout.
 */
package dev.jaxj.optim;
