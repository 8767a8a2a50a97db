/**
 * Neural networks in the style of Flax and {@code jax.nn}: modules that describe a
 * computation, the variables they are initialised with, activations and losses.
 * {@snippet lang=text :
 * Module     ::= Dense | Conv | MaxPool | AvgPool | BatchNorm | LayerNorm | RMSNorm | Dropout
 *              | Embed | MultiHeadAttention | Activation | Flatten | Sequential(Module*) | MLP
 *              | RNN(RecurrentCell)                         (a Lax.scan over the time axis)
 *              | your own record implementing Module<P, S>
 * Module<P, S>  P, S ::= the module's Params record | Empty | Vector<Object> (Sequential, MLP)
 * init       ::= module.init(Key, sampleInput)              -> Variables<P, S>(params, state)
 * apply      ::= module.apply(Variables<P, S>, input, Context) -> Output<S>(value, state)
 * Dense.Params, Conv.Params ::= (kernel, bias)              (bias null and no "bias" entry without bias)
 * cell       ::= SimpleCell | LSTMCell | GRUCell            (RecurrentCell<P, C>, C = Array | LSTMCell.Carry)
 * step       ::= cell.apply(Variables, carry, x)            -> Step(carry', output)
 * Context    ::= eval | train | train(Key)                  (dropout streams split per part)
 * Padding    ::= SAME | VALID | Explicit((lo, hi)*)             (Conv, MaxPool, AvgPool)
 * summary    ::= module.summary(Variables, sampleInput)     -> Summary (Keras's table)
 * activation ::= relu | relu6 | gelu | sigmoid | logSigmoid | softplus | silu | swish
 *              | elu | leakyRelu | tanh
 * normalise  ::= softmax(x, axes) | logSoftmax(x, axes) | logsumexp(x, axes)
 * encode     ::= oneHot(labels, numClasses)
 * loss       ::= softmaxCrossEntropy | softmaxCrossEntropyWithIntegerLabels | squaredError
 *              | l2Loss | meanSquaredError | sigmoidBinaryCrossEntropy
 * }
 * Why modules are descriptions and variables are separate (Flax) rather than modules holding
 * their arrays (Equinox): {@code apply} is then a pure function of plain pytrees, which is
 * what {@code grad}, {@code jit} and the optimizers take, and train-time state (batch
 * statistics) flows out of {@code apply} explicitly instead of being mutated. Everything here
 * is a composite of primitives, so the transforms need no rules of their own for it.
 */
package dev.jaxj.nn;
