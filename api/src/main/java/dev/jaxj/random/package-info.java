/**
 * JAX's Threefry PRNG and samplers, behind the {@link dev.jaxj.Random} facade.
 * {@snippet lang=text :
 * Key      ::= (data: u32[*shape, 2], mode: ThreefryMode)
 * Threefry ::= seed | hash | split | foldIn | randomBits       -- key data in, key data or bits out
 * sampler  ::= Key, shape, dtype, params -> Array              -- Samplers, IntegerSamplers, Discrete,
 *                                                                  MultivariateNormal, Initializers
 * }
 * Everything is written with the primitives ({@code threefry2x32}, shifts, bitcasts, iotas,
 * sorts), never with Java loops over values, so the same code runs eagerly, under
 * {@code jit} and under {@code vmap}, and produces JAX's bits: the algorithms and the order of
 * floating-point operations follow {@code jax/_src/prng.py} and {@code jax/_src/random.py}.
 */
package dev.jaxj.random;
