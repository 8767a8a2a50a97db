package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Key;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * A layer or a model, in the manner of Flax: a module <em>describes</em> a computation and holds
 * only its hyperparameters; its arrays live apart, in the {@link Variables} that {@link #init}
 * returns and {@link #apply} takes. Apply is a pure function, so it can be passed to
 * {@code grad} and {@code jit} as it is, and a module is a plain value that can be shared.
 * {@snippet :
 * var model = Sequential.of(Dense.of(64), Activation.RELU, Dense.of(3));
 * var vars = model.init(Random.key(0), x);                  // x: f32[batch, 2]
 * Array logits = model.apply(vars, x);                      // f32[batch, 3], eval mode
 * var out = model.apply(vars, x, Context.train(dropoutKey));
 * out.value();   // the output
 * out.state();   // the new state (e.g. batch statistics), to put back into the variables
 * }
 * Layers take batched inputs: the leading axis (or axes) are the batch, and the layer's own axes
 * come last, as in Flax. The library's layers are records; write a module of your own by
 * implementing this interface, usually as a record that combines other modules. Import it by
 * name ({@code import dev.jaxj.nn.Module;}): after {@code import dev.jaxj.nn.*} the simple name
 * is ambiguous with {@code java.lang.Module}.
 *
 * <p>The two type parameters are the types of the module's params and state, so that what
 * {@code init} returns goes back into {@code apply} without a cast: a {@link Dense} is a
 * {@code Module<Dense.Params, Variables.Empty>}, and its {@code init(key, x).params().kernel()}
 * is an {@code Array}. A module without params or state has {@link Variables.Empty} there.
 *
 * @param <P> the params' type, a pytree (usually the module's own {@code Params} record)
 * @param <S> the state's type, a pytree ({@link Variables.Empty} for most layers)
 */
public interface Module<P, S> {

    /**
     * The result of applying a module.
     *
     * @param value the output
     * @param state the module's state after the call, with the structure of {@link Variables#state()};
     *              in eval mode it is the state passed in
     * @param <S>   the state's type
     */
    record Output<S>(Array value, S state) {
        public Output {
            requireNonNull(value, "value is null");
            requireNonNull(state, "state is null");
        }
    }

    /**
     * {@return fresh variables for inputs with the aval {@code input}}
     *
     * @param key   the randomness of the initializers; a module splits it among its parts
     * @param input the shape and dtype of a batch of inputs
     * @throws dev.jaxj.errors.ShapeError when the module cannot take such inputs
     */
    Variables<P, S> init(Key key, ShapedArray input);

    /**
     * {@return the output of the module on {@code input}, with its new state}
     *
     * @param variables what {@link #init} returned (or a trained version of it)
     * @param input     a batch of inputs
     * @param context   train or eval mode, and the randomness of layers such as dropout
     * @throws dev.jaxj.errors.ShapeError when the input does not fit the variables
     */
    Output<S> apply(Variables<P, S> variables, Array input, Context context);

    /** {@return fresh variables for inputs like {@code sampleInput}}; only its shape and dtype are used */
    default Variables<P, S> init(Key key, Array sampleInput) { return init(key, sampleInput.aval()); }

    /** {@return the output in eval mode}: deterministic, with the state left as it is */
    default Array apply(Variables<P, S> variables, Array input) { return apply(variables, input, Context.eval()).value(); }

    /** {@return the aval of the output for inputs with aval {@code input}}, found by tracing, not by computing */
    default ShapedArray outputAval(Variables<P, S> variables, ShapedArray input) {
        return Shapes.outputAval(this, variables, input);
    }

    /** {@return the name of the module's kind, shown by {@link #summary}} */
    default String typeName() { return getClass().getSimpleName(); }

    /**
     * {@return the rows this module contributes to a {@link Summary}}: one row by default; a
     * container lists its layers instead
     */
    default Seq<Summary.Row> summaryRows(Variables<P, S> variables, ShapedArray input) {
        return Vector.of(Summary.Row.of(typeName(), outputAval(variables, input), variables));
    }

    /**
     * {@return a table of the layers, their output shapes and parameter counts}, as Keras's
     * {@code model.summary()} prints it
     */
    default Summary summary(Variables<P, S> variables, ShapedArray input) {
        return Summary.of(typeName(), summaryRows(variables, input));
    }

    /** {@link #summary(Variables, ShapedArray)} for inputs like {@code sampleInput}. */
    default Summary summary(Variables<P, S> variables, Array sampleInput) { return summary(variables, sampleInput.aval()); }
}
