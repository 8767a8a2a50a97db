package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Initializer;
import dev.jaxj.random.Initializers;
import dev.jaxj.random.Key;
import dev.jaxj.tree.NodeType;
import dev.jaxj.tree.TreeNode;

import static java.util.Objects.requireNonNull;

/**
 * A fully connected layer, {@code y = x · kernel + bias}, applied to the last axis: inputs
 * {@code [..., in]} give outputs {@code [..., features]}. As in Flax, the kernel starts LeCun
 * normal and the bias at zero; params take the input's floating dtype (f32 for integer inputs).
 * A single example {@code [in]} gives {@code [features]}, as Flax's {@code Dense} does.
 * {@snippet :
 * var dense = Dense.of(64);
 * var v = dense.init(key, x);               // x: f32[batch, 2] -> kernel f32[2,64], bias f32[64]
 * Array y = dense.apply(v, x);              // f32[batch, 64]
 * Array kernel = v.params().kernel();       // Dense.Params, no cast
 * }
 *
 * @param features   the size of the output's last axis
 * @param useBias    whether to add a bias
 * @param kernelInit how the kernel starts, given shape {@code [in, features]}
 * @param biasInit   how the bias starts, given shape {@code [features]}
 */
public record Dense(int features, boolean useBias, Initializer kernelInit, Initializer biasInit)
        implements Module<Dense.Params, Variables.Empty> {
    static final Initializer LECUN_NORMAL = Initializers.lecunNormal();
    static final Initializer ZEROS = Initializers.zeros();

    public Dense {
        if (features < 1) throw new ArgumentError("Dense", "features must be >= 1, got " + features);
        requireNonNull(kernelInit, "kernelInit is null");
        requireNonNull(biasInit, "biasInit is null");
    }

    /**
     * The params of a dense layer.
     *
     * @param kernel {@code [in, features]}
     * @param bias   {@code [features]}; {@code null} for a layer without bias, whose params have no
     *               {@code bias} entry at all (as in Flax), not an empty one
     */
    public record Params(Array kernel, Array bias) implements TreeNode {
        private static final NodeType<Params> TYPE = KernelBias.nodeType(Params::kernel, Params::bias, Params::new);

        public Params {
            requireNonNull(kernel, "kernel is null");
        }

        /** {@return the params of a layer without bias} */
        public static Params noBias(Array kernel) { return new Params(kernel, null); }

        /** {@return whether there is a bias} */
        public boolean hasBias() { return bias != null; }

        @Override
        public NodeType<Params> treeType() { return TYPE; }
    }

    /** {@return a dense layer with bias and Flax's initializers} */
    public static Dense of(int features) { return new Dense(features, true, LECUN_NORMAL, ZEROS); }

    /** {@return this layer without bias} */
    public Dense withoutBias() { return new Dense(features, false, kernelInit, biasInit); }

    /** {@return this layer with other initializers} */
    public Dense withInit(Initializer kernel, Initializer bias) { return new Dense(features, useBias, kernel, bias); }

    @Override
    public Variables<Dense.Params, Variables.Empty> init(Key key, ShapedArray input) {
        int in = Shapes.features("Dense", input);
        DType dtype = paramDType(input);
        var keys = Random.split(key);
        Array kernel = kernelInit.apply(keys.get(0), Shape.of(in, features), dtype);
        Array bias = useBias ? biasInit.apply(keys.get(1), Shape.of(features), dtype) : null;
        return Variables.of(new Params(kernel, bias));
    }

    @Override
    public Output<Variables.Empty> apply(Variables<Dense.Params, Variables.Empty> variables, Array input, Context context) {
        var p = variables.params();
        return new Output<>(forward(p, input), variables.state());
    }

    /**
     * {@return {@code x · kernel + bias}} with the params given directly: {@code x} of shape
     * {@code [..., in]} (a single example {@code [in]} too, as in Flax) gives {@code [..., features]}
     *
     * @throws ShapeError when the kernel is not a matrix, the bias does not match its columns,
     *                    or the last axis of {@code x} is not the kernel's {@code in_features}
     */
    public static Array forward(Params p, Array x) {
        Array kernel = p.kernel();
        if (kernel.ndim() != 2)
            throw new ShapeError("Dense", "the kernel must be a matrix [in_features, features], got " + kernel.aval());
        Array b = p.bias();
        if (b != null && !b.shape().equals(Shape.of(kernel.shape().dim(1))))
            throw new ShapeError("Dense", "the bias must have shape [features] = " + Shape.of(kernel.shape().dim(1))
                    + " to match the kernel " + kernel.aval() + ", got " + b.aval());
        Shapes.requireFeatures("Dense", x.aval(), kernel.shape().dim(0), "kernel", kernel, "in_features");
        Array y = x.matmul(kernel);
        return p.hasBias() ? y.add(p.bias()) : y;
    }

    /** {@return the input's dtype when floating, else f32}: the dtype params are created in */
    static DType paramDType(ShapedArray input) {
        return input.dtype().isFloating() ? input.dtype() : DType.F32;
    }
}
