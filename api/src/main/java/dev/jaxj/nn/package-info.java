/**
 * Neural-network building blocks in the style of {@code jax.nn}: activation functions,
 * normalised exponentials and one-hot encodings.
 * {@snippet lang=text :
 * activation ::= relu | relu6 | gelu | sigmoid | logSigmoid | softplus | silu | swish
 *              | elu | leakyRelu | tanh
 * normalise  ::= softmax(x, axes) | logSoftmax(x, axes) | logsumexp(x, axes)
 * encode     ::= oneHot(labels, numClasses)
 * }
 * Everything here is a composite of primitives rather than a primitive of its own, so
 * {@code grad}, {@code vmap} and {@code jit} need no rules for it: the rules of the primitives
 * it is made of suffice.
 */
package dev.jaxj.nn;
