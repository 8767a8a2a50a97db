package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Initializer;
import dev.jaxj.random.Key;

import static java.util.Objects.requireNonNull;

/**
 * The long short-term memory cell, Flax's {@code nn.LSTMCell}, gates in Flax's order
 * {@code i, f, g, o}:
 * {@snippet lang=text :
 * i = σ(x·Wii + h·Whi + bi)    f = σ(x·Wif + h·Whf + bf)
 * g = tanh(x·Wig + h·Whg + bg) o = σ(x·Wio + h·Who + bo)
 * c' = f·c + i·g               h' = o·tanh(c')          output = h'
 * }
 * The four gates sit side by side in the params (see {@link Params}). Inputs {@code [..., in]},
 * carry {@code (c, h)} and output {@code [..., features]}. As in Flax, input kernels start
 * LeCun normal, recurrent kernels orthogonal (one block per gate), bias and carry at zero, and
 * only the recurrent projection has a bias.
 * {@snippet :
 * var cell = LSTMCell.of(32);
 * var v = cell.init(key, x);                                // x: f32[batch, 8]
 * LSTMCell.Carry c0 = cell.initializeCarry(key, x.aval());  // (zeros [batch, 32], zeros [batch, 32])
 * var step = cell.apply(v, c0, x);                          // step.output() = step.carry().h()
 * }
 *
 * @param features            the size of {@code c} and {@code h}
 * @param kernelInit          how each gate's input block {@code [in, features]} starts
 * @param recurrentKernelInit how each gate's recurrent block {@code [features, features]} starts
 * @param biasInit            how the bias {@code [4·features]} starts
 * @param carryInit           how {@link #initializeCarry} fills {@code c} and {@code h}
 */
public record LSTMCell(int features, Initializer kernelInit, Initializer recurrentKernelInit, Initializer biasInit,
                       Initializer carryInit) implements RecurrentCell<LSTMCell.Params, LSTMCell.Carry> {
    static final int GATES = 4;

    public LSTMCell {
        if (features < 1) throw new ArgumentError("LSTMCell", "features must be >= 1, got " + features);
        requireNonNull(kernelInit, "kernelInit is null");
        requireNonNull(recurrentKernelInit, "recurrentKernelInit is null");
        requireNonNull(biasInit, "biasInit is null");
        requireNonNull(carryInit, "carryInit is null");
    }

    /**
     * The carry of an LSTM, in Flax's order.
     *
     * @param c the cell (memory) state {@code [..., features]}
     * @param h the hidden state {@code [..., features]}, also the step's output
     */
    public record Carry(Array c, Array h) {
        public Carry {
            requireNonNull(c, "c is null");
            requireNonNull(h, "h is null");
        }
    }

    /**
     * The params of an LSTM cell; column block {@code k} of each belongs to gate {@code k} of
     * {@code i, f, g, o} (Flax's {@code ii, if, ig, io} and {@code hi, hf, hg, ho} kernels side by side).
     *
     * @param inputKernel     {@code [in, 4·features]}
     * @param recurrentKernel {@code [features, 4·features]}
     * @param bias            {@code [4·features]}
     */
    public record Params(Array inputKernel, Array recurrentKernel, Array bias) {
        public Params {
            requireNonNull(inputKernel, "inputKernel is null");
            requireNonNull(recurrentKernel, "recurrentKernel is null");
            requireNonNull(bias, "bias is null");
        }
    }

    /** {@return a cell with Flax's defaults} */
    public static LSTMCell of(int features) {
        return new LSTMCell(features, Cells.LECUN_NORMAL, Cells.ORTHOGONAL, Cells.ZEROS, Cells.ZEROS);
    }

    /** {@return this cell with other initializers} */
    public LSTMCell withInit(Initializer kernel, Initializer recurrentKernel, Initializer bias) {
        return new LSTMCell(features, kernel, recurrentKernel, bias, carryInit);
    }

    @Override
    public Variables<LSTMCell.Params, Variables.Empty> init(Key key, ShapedArray input) {
        int in = Shapes.features("LSTMCell", input);
        DType dtype = Dense.paramDType(input);
        Key keys = Random.split(key, 3);
        return Variables.of(new Params(
                Cells.gateBlocks(kernelInit, keys.get(0), GATES, in, features, dtype),
                Cells.gateBlocks(recurrentKernelInit, keys.get(1), GATES, features, features, dtype),
                biasInit.apply(keys.get(2), Shape.of(GATES * features), dtype)));
    }

    @Override
    public Carry initializeCarry(Key key, ShapedArray input) {
        ShapedArray aval = Cells.carryAval("LSTMCell", input, features);
        Key keys = Random.split(key);
        return new Carry(carryInit.apply(keys.get(0), aval.shape(), aval.dtype()),
                carryInit.apply(keys.get(1), aval.shape(), aval.dtype()));
    }

    @Override
    public Step<Carry> apply(Variables<LSTMCell.Params, Variables.Empty> variables, Carry carry, Array input) {
        var p = variables.params();
        Array z = Cells.project("LSTMCell", input, p.inputKernel(), "inputKernel", "in_features")
                .add(Cells.project("LSTMCell", carry.h(), p.recurrentKernel(), "recurrentKernel", "features"))
                .add(p.bias());
        var gates = Jnp.split(z, GATES, -1);
        Array i = gates.get(0).sigmoid(), f = gates.get(1).sigmoid(), g = gates.get(2).tanh(), o = gates.get(3).sigmoid();
        Array c = f.mul(carry.c()).add(i.mul(g));
        Array h = o.mul(c.tanh());
        return new Step<>(new Carry(c, h), h);
    }
}
