package dev.jaxj.io;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * How a PyTorch tensor's axes relate to the jaxj array that holds the same weights: PyTorch
 * keeps output features first ({@code Linear.weight [out, in]}, {@code Conv2d.weight
 * [out, in, kh, kw]}), jaxj and Flax keep them last ({@code kernel [in, out]},
 * {@code [kh, kw, in, out]}).
 */
sealed interface TorchLayout {
    /** The same axes: vectors and embedding tables. */
    record Same() implements TorchLayout {}

    /** A matrix transposed: {@code Linear.weight [out, in]} and {@code Dense.kernel [in, out]}. */
    record Transposed() implements TorchLayout {}

    /** A convolution kernel: {@code [out, in, *window]} in PyTorch, {@code [*window, in, out]} in jaxj. */
    record ChannelsFirstKernel(int spatial) implements TorchLayout {}

    /**
     * The kernel of a {@code Linear} after a {@code Flatten} of channels: PyTorch flattens
     * {@code [c, *spatial]} (NCHW), jaxj flattens {@code [*spatial, c]} (NHWC), so the kernel's
     * rows come in another order as well as transposed.
     *
     * @param spatial  the spatial sizes of the flattened input
     * @param channels its channels
     */
    record FlattenedRows(Seq<Integer> spatial, int channels) implements TorchLayout {
        public FlattenedRows { spatial = Vector.ofAll(spatial); }
    }

    /** {@return the PyTorch shape of a jaxj array of shape {@code jaxj}} */
    default Shape torchShape(Shape jaxj) {
        return switch (this) {
            case Same _ -> jaxj;
            case Transposed _, FlattenedRows _ -> jaxj.rank() == 2 ? Shape.of(jaxj.dim(1), jaxj.dim(0)) : jaxj;
            case ChannelsFirstKernel(var s) -> jaxj.rank() == s + 2
                    ? Shape.of(Vector.of(jaxj.dim(s + 1), jaxj.dim(s)).appendAll(jaxj.toSeq().take(s))) : jaxj;
        };
    }

    /** {@return the jaxj array of PyTorch tensor {@code t}}, whose shape {@link #torchShape} has checked */
    default Array toJaxj(Array t) {
        return switch (this) {
            case Same _ -> t;
            case Transposed _ -> t.transpose(1, 0);
            case ChannelsFirstKernel(var s) -> t.transpose(perm(Vector.range(2, s + 2).append(1).append(0)));
            case FlattenedRows(var spatial, var c) -> {
                int n = spatial.size(), out = t.shape().dim(0);
                Array split = t.reshape(perm(spatial.prepend(c).prepend(out)));
                yield split.transpose(perm(Vector.range(2, n + 2).append(1).append(0))).reshape(t.shape().dim(1), out);
            }
        };
    }

    /** {@return the PyTorch tensor of jaxj array {@code a}} */
    default Array toTorch(Array a) {
        return switch (this) {
            case Same _ -> a;
            case Transposed _ -> a.transpose(1, 0);
            case ChannelsFirstKernel(var s) -> a.transpose(perm(Vector.range(0, s).prepend(s).prepend(s + 1)));
            case FlattenedRows(var spatial, var c) -> {
                int n = spatial.size(), out = a.shape().dim(1);
                Array split = a.reshape(perm(spatial.append(c).append(out)));
                yield split.transpose(perm(Vector.range(0, n).prepend(n).prepend(n + 1))).reshape(out, a.shape().dim(0));
            }
        };
    }

    private static int[] perm(Seq<Integer> axes) { return axes.toJavaStream().mapToInt(Integer::intValue).toArray(); }
}
