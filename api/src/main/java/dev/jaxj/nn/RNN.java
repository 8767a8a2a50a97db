package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.lax.ScanOptions;
import dev.jaxj.random.Key;
import io.vavr.Tuple;

import static java.util.Objects.requireNonNull;

/**
 * A recurrent layer, Flax's {@code nn.RNN}: runs a {@link RecurrentCell} over the time axis
 * with one {@link Lax#scan}, so the loop stays one loop under {@code jit}, {@code grad} and
 * {@code vmap}. Batch-major inputs {@code [..., T, in]} (time second to last, e.g.
 * {@code [B, T, in]}) give outputs {@code [..., T, features]}; time-major ones
 * {@code [T, ..., in]} give {@code [T, ..., features]}. The carry starts from the cell's
 * {@code initializeCarry} (zeros) unless one is given.
 * {@snippet :
 * var rnn = RNN.of(LSTMCell.of(32));
 * var v = rnn.init(key, x);                       // x: f32[batch, T, 8]; the cell's params
 * Array ys = rnn.apply(v, x);                     // f32[batch, T, 32]
 * RNN.Result<LSTMCell.Carry> r = rnn.run(v, x);   // r.carry(): the carry after the last step
 * }
 * With {@code reverse} the cell reads the sequence from its last step to its first; the outputs
 * then come in the order they were computed (the first output belongs to the last step) unless
 * {@code keepOrder} puts them back in input order, as in Flax.
 *
 * @param cell      the step
 * @param timeMajor whether time is the leading axis instead of the second to last
 * @param reverse   whether to run from the last step to the first
 * @param keepOrder with {@code reverse}, whether the outputs keep the input's time order
 * @param unroll    how many steps one iteration of the compiled loop runs (>= 1)
 * @param <P>       the cell's params
 * @param <C>       the cell's carry
 */
public record RNN<P, C>(RecurrentCell<P, C> cell, boolean timeMajor, boolean reverse, boolean keepOrder, int unroll)
        implements Module<P, Variables.Empty> {
    public RNN {
        requireNonNull(cell, "cell is null");
        if (unroll < 1) throw new ArgumentError("RNN", "unroll must be >= 1, got " + unroll);
    }

    /**
     * What a run returns.
     *
     * @param carry   the carry after the last step read
     * @param outputs the outputs, laid out as the inputs: {@code [..., T, features]} or {@code [T, ..., features]}
     */
    public record Result<C>(C carry, Array outputs) {
        public Result {
            requireNonNull(carry, "carry is null");
            requireNonNull(outputs, "outputs is null");
        }
    }

    /** {@return a batch-major, forward layer over {@code cell}} */
    public static <P, C> RNN<P, C> of(RecurrentCell<P, C> cell) { return new RNN<>(cell, false, false, false, 1); }

    /** {@return this layer reading time-major inputs {@code [T, ..., in]}} */
    public RNN<P, C> withTimeMajor() { return new RNN<>(cell, true, reverse, keepOrder, unroll); }

    /** {@return this layer running backwards}, outputs in input order when {@code keepOrder} */
    public RNN<P, C> withReverse(boolean keepOrder) { return new RNN<>(cell, timeMajor, true, keepOrder, unroll); }

    /** {@return this layer running {@code n} steps per iteration of the compiled loop} */
    public RNN<P, C> withUnroll(int n) { return new RNN<>(cell, timeMajor, reverse, keepOrder, n); }

    @Override
    public Variables<P, Variables.Empty> init(Key key, ShapedArray input) { return cell.init(key, stepAval(input)); }

    @Override
    public Output<Variables.Empty> apply(Variables<P, Variables.Empty> variables, Array input, Context context) {
        return new Output<>(run(variables, input).outputs(), variables.state());
    }

    /** {@return the carry and the outputs of a run from the cell's initial carry} (drawn with {@code Random.key(0)}, as in Flax) */
    public Result<C> run(Variables<P, Variables.Empty> variables, Array input) {
        return run(variables, input, cell.initializeCarry(Random.key(0), stepAval(input.aval())));
    }

    /**
     * {@return the carry and the outputs of a run from {@code initialCarry}}
     *
     * @param initialCarry a carry for one step of the input (leading axes without time)
     * @throws ShapeError for inputs without a time and a feature axis, or that do not fit the params
     */
    public Result<C> run(Variables<P, Variables.Empty> variables, Array input, C initialCarry) {
        requireNonNull(initialCarry, "initialCarry is null");
        int timeAxis = timeAxis(input.aval());
        Array xs = Jnp.moveaxis(input, timeAxis, 0);
        var options = ScanOptions.DEFAULT.withReverse(reverse).withUnroll(unroll);
        var r = Lax.scan((C carry, Array x) -> {
            var step = cell.apply(variables, carry, x);
            return Tuple.of(step.carry(), step.output());
        }, initialCarry, xs, options);
        Array ys = reverse && !keepOrder ? Jnp.flip(r.ys(), 0) : r.ys();
        return new Result<>(r.carry(), Jnp.moveaxis(ys, 0, timeAxis));
    }

    /** {@return the aval of one time step of {@code input}} */
    ShapedArray stepAval(ShapedArray input) {
        return ShapedArray.of(input.dtype(), input.shape().without(timeAxis(input)));
    }

    private int timeAxis(ShapedArray input) {
        if (input.rank() < 2)
            throw new ShapeError("RNN", "needs inputs with a time and a feature axis ("
                    + (timeMajor ? "[T, ..., in]" : "[..., T, in]") + "), got " + input);
        return timeMajor ? 0 : input.rank() - 2;
    }
}
