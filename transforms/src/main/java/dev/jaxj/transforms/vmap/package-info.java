/**
 * Vectorization ({@code vmap}): a batch trace whose tracers carry stacked values and the axis
 * that runs over the examples, and one batching rule per primitive.
 * {@snippet lang=text :
 * BatchTracer ::= (value: Array, batchDim: int | NOT_MAPPED)      aval = value's aval without batchDim
 * rule        ::= (primitive, values, batchDims, axisSize) -> [(value, batchDim)]
 * vmap(f, inAxes, outAxes, axisSize)(xs) == stack_i f(xs[i])       along outAxes
 * }
 *
 * <p>Why a trace rather than a loop: one primitive call per operation over all examples keeps
 * the work in large kernels, and because rules are written with {@link dev.jaxj.lax.Lax} they
 * trace under every other transform, so {@code vmap(grad(f))} (per-example gradients),
 * {@code grad(vmap(f))} and Jacobians built on {@code vmap} compose without special cases.
 */
package dev.jaxj.transforms.vmap;
