package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ConvDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import dev.jaxj.random.Initializer;
import dev.jaxj.random.Key;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import dev.jaxj.tree.NodeType;
import dev.jaxj.tree.TreeNode;

import static java.util.Objects.requireNonNull;

/**
 * A convolution over one or more spatial axes, channels last as in Flax: inputs
 * {@code [batch, *spatial, in]}, kernel {@code [*kernelSize, in / groups, features]}, outputs
 * {@code [batch, *spatial', features]}. Strides, padding, kernel dilation and feature groups
 * follow {@code lax.conv_general_dilated}; the kernel starts LeCun normal over its fan-in
 * {@code in / groups * prod(kernelSize)}, the bias at zero.
 * {@snippet :
 * var conv = Conv.of(16, 3, 3);                              // 3x3, stride 1, SAME padding
 * var down = Conv.of(32, 3, 3).withStrides(2, 2).withPadding(Padding.VALID);
 * var conv1d = Conv.of(8, 5).withDilation(2);                // inputs [batch, length, channels]
 * }
 *
 * @param features   output channels
 * @param kernelSize the window's size per spatial axis (its length is the number of spatial axes)
 * @param strides    the step per spatial axis
 * @param padding    how the edges are padded
 * @param dilation   the kernel's dilation per spatial axis (atrous convolution)
 * @param groups     feature groups: input and output channels split into this many independent groups
 * @param useBias    whether to add a bias per output channel
 * @param kernelInit how the kernel starts
 * @param biasInit   how the bias starts
 */
public record Conv(int features, Seq<Integer> kernelSize, Seq<Integer> strides, Padding padding, Seq<Integer> dilation,
                   int groups, boolean useBias, Initializer kernelInit, Initializer biasInit)
        implements Module<Conv.Params, Variables.Empty> {
    public Conv {
        kernelSize = Vector.ofAll(kernelSize);
        strides = Vector.ofAll(strides);
        dilation = Vector.ofAll(dilation);
        requireNonNull(padding, "padding is null");
        requireNonNull(kernelInit, "kernelInit is null");
        requireNonNull(biasInit, "biasInit is null");
        if (features < 1 || groups < 1 || features % groups != 0)
            throw new ArgumentError("Conv", "features must be a positive multiple of groups, got features " + features + " and groups " + groups);
        if (kernelSize.isEmpty() || kernelSize.exists(k -> k < 1))
            throw new ArgumentError("Conv", "kernel sizes must be positive, one per spatial axis, got " + kernelSize);
        if (strides.size() != kernelSize.size() || dilation.size() != kernelSize.size() || strides.exists(s -> s < 1) || dilation.exists(d -> d < 1))
            throw new ArgumentError("Conv", "strides and dilations must be positive, one per spatial axis (" + kernelSize.size()
                    + "), got strides " + strides + " and dilation " + dilation);
    }

    /**
     * The params of a convolution.
     *
     * @param kernel {@code [*kernelSize, in / groups, features]}
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

    /** {@return a convolution with stride 1, SAME padding, no dilation, one group, and a bias} */
    public static Conv of(int features, int... kernelSize) {
        var k = Vector.ofAll(kernelSize);
        var ones = k.map(x -> 1);
        return new Conv(features, k, ones, Padding.SAME, ones, 1, true, Dense.LECUN_NORMAL, Dense.ZEROS);
    }

    public Conv withStrides(int... s) { return new Conv(features, kernelSize, Vector.ofAll(s), padding, dilation, groups, useBias, kernelInit, biasInit); }

    public Conv withPadding(Padding p) { return new Conv(features, kernelSize, strides, p, dilation, groups, useBias, kernelInit, biasInit); }

    public Conv withDilation(int... d) { return new Conv(features, kernelSize, strides, padding, Vector.ofAll(d), groups, useBias, kernelInit, biasInit); }

    public Conv withGroups(int g) { return new Conv(features, kernelSize, strides, padding, dilation, g, useBias, kernelInit, biasInit); }

    public Conv withoutBias() { return new Conv(features, kernelSize, strides, padding, dilation, groups, false, kernelInit, biasInit); }

    public Conv withInit(Initializer kernel, Initializer bias) { return new Conv(features, kernelSize, strides, padding, dilation, groups, useBias, kernel, bias); }

    @Override
    public String typeName() { return "Conv" + kernelSize.size() + "D"; }

    @Override
    public Variables<Conv.Params, Variables.Empty> init(Key key, ShapedArray input) {
        int channels = channels(input);
        DType dtype = Dense.paramDType(input);
        var keys = Random.split(key);
        Shape kernelShape = Shape.of(kernelSize.append(channels / groups).append(features));
        Array kernel = kernelInit.apply(keys.get(0), kernelShape, dtype);
        Array bias = useBias ? biasInit.apply(keys.get(1), Shape.of(features), dtype) : null;
        return Variables.of(new Params(kernel, bias));
    }

    @Override
    public Output<Variables.Empty> apply(Variables<Conv.Params, Variables.Empty> variables, Array input, Context context) {
        var p = variables.params();
        int channels = channels(input.aval());
        if (p.kernel().ndim() != kernelSize.size() + 2)
            throw new ShapeError("Conv", "the kernel must have rank " + (kernelSize.size() + 2) + " [" + "window ".repeat(kernelSize.size())
                    + "in / groups, features], got " + p.kernel().aval());
        if (p.kernel().shape().dim(-2) * groups != channels)
            throw new ShapeError("Conv", "the input's last axis (channels) must have size " + p.kernel().shape().dim(-2) * groups
                    + " (groups " + groups + " times the in-channels of the kernel " + p.kernel().aval() + " made at init), got " + input.aval());
        int spatial = kernelSize.size();
        Seq<Integer> sizes = input.shape().toSeq().slice(1, 1 + spatial);
        var pads = padding.resolve("Conv", sizes, kernelSize, strides, dilation);
        // Integer images convolve in the kernel's dtype; a kernel convolves in a floating input's dtype.
        Array x = input.dtype().isFloating() ? input : input.astype(p.kernel().dtype());
        Array y = Lax.convGeneralDilated(x, p.kernel().astype(x.dtype()), strides, pads, strides.map(s -> 1), dilation,
                channelsLast(spatial), groups, 1);
        return new Output<>(p.hasBias() ? y.add(p.bias()) : y, variables.state());
    }

    /** {@return the layouts {@code [batch, *spatial, features]} and {@code [*window, in, out]}} */
    static ConvDimensionNumbers channelsLast(int spatial) {
        Vector<Integer> space = Vector.range(1, spatial + 1), window = Vector.range(0, spatial);
        Vector<Integer> lhs = space.prepend(spatial + 1).prepend(0);
        Vector<Integer> rhs = window.prepend(spatial).prepend(spatial + 1);
        return new ConvDimensionNumbers(lhs, rhs, lhs);
    }

    private int channels(ShapedArray input) {
        int rank = kernelSize.size() + 2;
        if (input.rank() != rank)
            throw new ShapeError("Conv", "a " + kernelSize.size() + "-d convolution needs inputs of rank " + rank + " [batch, "
                    + "spatial, ".repeat(kernelSize.size()) + "channels], got " + input);
        int c = input.shape().dim(-1);
        if (c % groups != 0) throw new ShapeError("Conv", "input channels must be a multiple of groups (" + groups + "), got " + input);
        return c;
    }
}
