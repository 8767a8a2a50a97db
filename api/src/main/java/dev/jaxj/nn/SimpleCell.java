package dev.jaxj.nn;

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
 * The Elman cell, Flax's {@code nn.SimpleCell}:
 * {@code h' = tanh(x · inputKernel + h · recurrentKernel + bias [+ h])}, the output being
 * {@code h'}. Inputs {@code [..., in]}, carry and output {@code [..., features]}. The input
 * kernel starts LeCun normal, the recurrent kernel orthogonal, the bias and the carry at zero.
 * {@snippet :
 * var cell = SimpleCell.of(16);
 * var v = cell.init(key, x);                           // x: f32[batch, 4]
 * var step = cell.apply(v, cell.initializeCarry(key, x.aval()), x);   // f32[batch, 16] twice
 * }
 *
 * @param features             the carry's size
 * @param residual             whether the old carry is added before the activation, as Flax's {@code residual}
 * @param kernelInit           how {@code inputKernel [in, features]} starts
 * @param recurrentKernelInit  how {@code recurrentKernel [features, features]} starts
 * @param biasInit             how {@code bias [features]} starts
 * @param carryInit            how {@link #initializeCarry} fills the carry
 */
public record SimpleCell(int features, boolean residual, Initializer kernelInit, Initializer recurrentKernelInit,
                         Initializer biasInit, Initializer carryInit) implements RecurrentCell<SimpleCell.Params, Array> {
    public SimpleCell {
        if (features < 1) throw new ArgumentError("SimpleCell", "features must be >= 1, got " + features);
        requireNonNull(kernelInit, "kernelInit is null");
        requireNonNull(recurrentKernelInit, "recurrentKernelInit is null");
        requireNonNull(biasInit, "biasInit is null");
        requireNonNull(carryInit, "carryInit is null");
    }

    /**
     * The params of a simple cell.
     *
     * @param inputKernel     {@code [in, features]}
     * @param recurrentKernel {@code [features, features]}
     * @param bias            {@code [features]}
     */
    public record Params(Array inputKernel, Array recurrentKernel, Array bias) {
        public Params {
            requireNonNull(inputKernel, "inputKernel is null");
            requireNonNull(recurrentKernel, "recurrentKernel is null");
            requireNonNull(bias, "bias is null");
        }
    }

    /** {@return a cell with Flax's defaults} */
    public static SimpleCell of(int features) {
        return new SimpleCell(features, false, Cells.LECUN_NORMAL, Cells.ORTHOGONAL, Cells.ZEROS, Cells.ZEROS);
    }

    /** {@return this cell adding the old carry before the activation} */
    public SimpleCell withResidual() {
        return new SimpleCell(features, true, kernelInit, recurrentKernelInit, biasInit, carryInit);
    }

    /** {@return this cell with other initializers} */
    public SimpleCell withInit(Initializer kernel, Initializer recurrentKernel, Initializer bias) {
        return new SimpleCell(features, residual, kernel, recurrentKernel, bias, carryInit);
    }

    @Override
    public Variables<SimpleCell.Params, Variables.Empty> init(Key key, ShapedArray input) {
        int in = Shapes.features("SimpleCell", input);
        DType dtype = Dense.paramDType(input);
        Key keys = Random.split(key, 3);
        return Variables.of(new Params(
                kernelInit.apply(keys.get(0), Shape.of(in, features), dtype),
                recurrentKernelInit.apply(keys.get(1), Shape.of(features, features), dtype),
                biasInit.apply(keys.get(2), Shape.of(features), dtype)));
    }

    @Override
    public Array initializeCarry(Key key, ShapedArray input) {
        ShapedArray aval = Cells.carryAval("SimpleCell", input, features);
        return carryInit.apply(key, aval.shape(), aval.dtype());
    }

    @Override
    public Step<Array> apply(Variables<SimpleCell.Params, Variables.Empty> variables, Array carry, Array input) {
        var p = variables.params();
        Array pre = Cells.project("SimpleCell", input, p.inputKernel(), "inputKernel", "in_features")
                .add(Cells.project("SimpleCell", carry, p.recurrentKernel(), "recurrentKernel", "features"))
                .add(p.bias());
        if (residual) pre = pre.add(carry);
        Array h = pre.tanh();
        return new Step<>(h, h);
    }
}
