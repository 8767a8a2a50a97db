package dev.jaxj.nn;

import dev.jaxj.array.Array;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Key;

import static java.util.Objects.requireNonNull;

/**
 * One step of a recurrent network, Flax's {@code RNNCellBase}: {@code (carry, x) -> (carry', y)}.
 * A cell works on one time step: inputs {@code [..., in]} (any leading batch axes, or none) give
 * outputs {@code [..., features]}; its carry is a pytree of arrays {@code [..., features]}
 * ({@code C}), an array for {@link SimpleCell} and {@link GRUCell}, an {@link LSTMCell.Carry} for
 * {@link LSTMCell}. {@link RNN} scans a cell over a sequence.
 * {@snippet :
 * var cell = LSTMCell.of(32);
 * var v = cell.init(key, x);                             // x: f32[batch, 8], one time step
 * LSTMCell.Carry c = cell.initializeCarry(key, x.aval()); // zeros [batch, 32]
 * var step = cell.apply(v, c, x);                        // step.output(): f32[batch, 32]
 * }
 *
 * @param <P> the params' type
 * @param <C> the carry's type
 */
public interface RecurrentCell<P, C> {

    /**
     * What one step returns.
     *
     * @param carry  the carry for the next step
     * @param output the step's output {@code [..., features]}
     */
    record Step<C>(C carry, Array output) {
        public Step {
            requireNonNull(carry, "carry is null");
            requireNonNull(output, "output is null");
        }
    }

    /** {@return the size of the carry's and the output's last axis} */
    int features();

    /**
     * {@return fresh params for steps with input aval {@code input}} ({@code [..., in]})
     *
     * @throws dev.jaxj.errors.ShapeError for a scalar input
     */
    Variables<P, Variables.Empty> init(Key key, ShapedArray input);

    /**
     * {@return the carry to start from for steps with input aval {@code input}}, Flax's
     * {@code initialize_carry}: arrays {@code [..., features]} with the input's leading axes, in
     * the dtype params are made in, drawn by the cell's carry initializer (zeros by default)
     */
    C initializeCarry(Key key, ShapedArray input);

    /**
     * {@return one step: the next carry and the output}
     *
     * @param carry a carry with leading axes matching the input's (or broadcasting with them)
     * @param input {@code [..., in]}
     * @throws dev.jaxj.errors.ShapeError when the input or the carry does not fit the params
     */
    Step<C> apply(Variables<P, Variables.Empty> variables, C carry, Array input);

    /** {@return fresh params for steps like {@code sampleInput}}; only its aval is used */
    default Variables<P, Variables.Empty> init(Key key, Array sampleInput) { return init(key, sampleInput.aval()); }
}
