package dev.jaxj.benchmarks;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.Primitive.ConvDimensionNumbers;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.Function;

/** W8: 3x3 convolution, stride 1, padding 1, of x [32,3,32,32] with w [16,3,3,3] (NCHW/OIHW), forward and forward+backward. */
final class W8Conv {
    private W8Conv() {}

    static Array conv(Array x, Array w, Array bias) {
        Array y = Lax.convGeneralDilated(x, w, Vector.of(1, 1), Vector.of(new Padding(1, 1), new Padding(1, 1)),
                Vector.of(1, 1), Vector.of(1, 1), ConvDimensionNumbers.channelsFirst(2), 1, 1);
        return y.add(bias.reshape(1, 16, 1, 1));
    }

    static void run() {
        Array x = Inputs.normal(1, 32, 3, 32, 32), w = Inputs.normal(2, 0.1, 16, 3, 3, 3), bias = Jnp.zeros(16);
        Harness.report("W8", "conv_fwd", "jaxj_eager", Harness.median(() -> conv(x, w, bias)) * 1e3, "ms");
        Function<Seq<Array>, Seq<Array>> grads = Jax.grad((Seq<Array> p) -> conv(p.get(0), p.get(1), p.get(2)).sum());
        Seq<Array> args = Vector.of(x, w, bias);
        Harness.report("W8", "conv_fwd_bwd", "jaxj_eager", Harness.median(() -> grads.apply(args)) * 1e3, "ms");
        Function<Seq<Array>, Seq<Array>> jitted = Jax.jit(grads);
        Harness.report("W8", "compile_ms", "jaxj_jit", Inputs.millis(() -> jitted.apply(args)), "ms");
        Harness.report("W8", "conv_fwd_bwd", "jaxj_jit", Harness.median(() -> jitted.apply(args)) * 1e3, "ms");
    }
}
