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
 * The gated recurrent unit, Flax's {@code nn.GRUCell}, gates in Flax's order {@code r, z, n}:
 * {@snippet lang=text :
 * r = σ(x·Wir + bir + h·Whr)    z = σ(x·Wiz + biz + h·Whz)
 * n = tanh(x·Win + bin + r·(h·Whn + bhn))
 * h' = (1 - z)·n + z·h          output = h'
 * }
 * The input projection has a bias for every gate; the recurrent one only for {@code n}, where
 * it is multiplied by {@code r} and so cannot be folded into the input bias. Inputs
 * {@code [..., in]}, carry and output {@code [..., features]}; input kernels start LeCun normal,
 * recurrent kernels orthogonal (one block per gate), biases and carry at zero.
 * {@snippet :
 * var cell = GRUCell.of(32);
 * var v = cell.init(key, x);                                          // x: f32[batch, 8]
 * var step = cell.apply(v, cell.initializeCarry(key, x.aval()), x);  // f32[batch, 32]
 * }
 *
 * @param features            the carry's size
 * @param kernelInit          how each gate's input block {@code [in, features]} starts
 * @param recurrentKernelInit how each gate's recurrent block {@code [features, features]} starts
 * @param biasInit            how the biases start
 * @param carryInit           how {@link #initializeCarry} fills the carry
 */
public record GRUCell(int features, Initializer kernelInit, Initializer recurrentKernelInit, Initializer biasInit,
                      Initializer carryInit) implements RecurrentCell<GRUCell.Params, Array> {
    static final int GATES = 3;

    public GRUCell {
        if (features < 1) throw new ArgumentError("GRUCell", "features must be >= 1, got " + features);
        requireNonNull(kernelInit, "kernelInit is null");
        requireNonNull(recurrentKernelInit, "recurrentKernelInit is null");
        requireNonNull(biasInit, "biasInit is null");
        requireNonNull(carryInit, "carryInit is null");
    }

    /**
     * The params of a GRU cell; column block {@code k} of the kernels belongs to gate {@code k} of {@code r, z, n}.
     *
     * @param inputKernel     {@code [in, 3·features]}
     * @param inputBias       {@code [3·features]}
     * @param recurrentKernel {@code [features, 3·features]}
     * @param recurrentBias   {@code [features]}, the bias of {@code h·Whn}
     */
    public record Params(Array inputKernel, Array inputBias, Array recurrentKernel, Array recurrentBias) {
        public Params {
            requireNonNull(inputKernel, "inputKernel is null");
            requireNonNull(inputBias, "inputBias is null");
            requireNonNull(recurrentKernel, "recurrentKernel is null");
            requireNonNull(recurrentBias, "recurrentBias is null");
        }
    }

    /** {@return a cell with Flax's defaults} */
    public static GRUCell of(int features) {
        return new GRUCell(features, Cells.LECUN_NORMAL, Cells.ORTHOGONAL, Cells.ZEROS, Cells.ZEROS);
    }

    /** {@return this cell with other initializers} */
    public GRUCell withInit(Initializer kernel, Initializer recurrentKernel, Initializer bias) {
        return new GRUCell(features, kernel, recurrentKernel, bias, carryInit);
    }

    @Override
    public Variables<GRUCell.Params, Variables.Empty> init(Key key, ShapedArray input) {
        int in = Shapes.features("GRUCell", input);
        DType dtype = Dense.paramDType(input);
        Key keys = Random.split(key, 4);
        return Variables.of(new Params(
                Cells.gateBlocks(kernelInit, keys.get(0), GATES, in, features, dtype),
                biasInit.apply(keys.get(1), Shape.of(GATES * features), dtype),
                Cells.gateBlocks(recurrentKernelInit, keys.get(2), GATES, features, features, dtype),
                biasInit.apply(keys.get(3), Shape.of(features), dtype)));
    }

    @Override
    public Array initializeCarry(Key key, ShapedArray input) {
        ShapedArray aval = Cells.carryAval("GRUCell", input, features);
        return carryInit.apply(key, aval.shape(), aval.dtype());
    }

    @Override
    public Step<Array> apply(Variables<GRUCell.Params, Variables.Empty> variables, Array carry, Array input) {
        var p = variables.params();
        var xs = Jnp.split(Cells.project("GRUCell", input, p.inputKernel(), "inputKernel", "in_features").add(p.inputBias()), GATES, -1);
        var hs = Jnp.split(Cells.project("GRUCell", carry, p.recurrentKernel(), "recurrentKernel", "features"), GATES, -1);
        Array r = xs.get(0).add(hs.get(0)).sigmoid();
        Array z = xs.get(1).add(hs.get(1)).sigmoid();
        Array n = xs.get(2).add(r.mul(hs.get(2).add(p.recurrentBias()))).tanh();
        Array h = z.neg().add(1.0).mul(n).add(z.mul(carry));
        return new Step<>(h, h);
    }
}
