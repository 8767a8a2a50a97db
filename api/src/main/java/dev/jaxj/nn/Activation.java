package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Key;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * An elementwise function as a layer without variables, so that it can sit in a
 * {@link Sequential}. The constants wrap the functions of {@link Activations}.
 * {@snippet :
 * var model = Sequential.of(Dense.of(64), Activation.RELU, Dense.of(3));
 * var swish = Activation.of("swish", Activations::swish);
 * }
 *
 * @param name     how the function is named, e.g. {@code relu}
 * @param function the function, applied to the whole input
 */
public record Activation(String name, UnaryOperator<Array> function) implements Module<Variables.Empty, Variables.Empty> {
    public static final Activation RELU = of("relu", Activations::relu);
    public static final Activation GELU = of("gelu", Activations::gelu);
    public static final Activation TANH = of("tanh", Activations::tanh);
    public static final Activation SIGMOID = of("sigmoid", Activations::sigmoid);
    public static final Activation SILU = of("silu", Activations::silu);
    public static final Activation SOFTMAX = of("softmax", Activations::softmax);

    public Activation {
        requireNonNull(name, "name is null");
        requireNonNull(function, "function is null");
    }

    /** {@return {@code function} as a layer called {@code name}} */
    public static Activation of(String name, UnaryOperator<Array> function) { return new Activation(name, function); }

    @Override
    public Variables<Variables.Empty, Variables.Empty> init(Key key, ShapedArray input) { return Variables.of(Variables.EMPTY); }

    @Override
    public Output<Variables.Empty> apply(Variables<Variables.Empty, Variables.Empty> variables, Array input, Context context) {
        return new Output<>(function.apply(input), variables.state());
    }

    /** Rows are named after the function, {@code relu}, {@code relu_1}, ... */
    @Override
    public Seq<Summary.Row> summaryRows(Variables<Variables.Empty, Variables.Empty> variables, ShapedArray input) {
        return Vector.of(Summary.Row.of("Activation", outputAval(variables, input), variables).named(name));
    }

    @Override
    public String toString() { return "Activation[" + name + "]"; }
}
