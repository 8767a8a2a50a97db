package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Reduction;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.stream.IntStream;

/**
 * reduce_sum, reduce_prod, reduce_max, reduce_min, reduce_and and reduce_or over any set of
 * axes, with the CPU backend's semantics: f32 sums and products accumulate in double where
 * the device has fp64 (CUDA devices and PoCL do) and in float otherwise (sums compensated, see
 * {@link Accumulator}), max and min propagate NaN, integer sums and products wrap, and an
 * empty reduction gives the identity.
 *
 * <p>Outputs whose fold is short get one work-item each; long folds ({@value #LONG} elements
 * or more) get a work-group of {@value #GROUP} each, whose work-items fold a strided share and
 * then combine their partial results in a tree in local memory.
 * {@snippet :
 * // f32[1000, 300] summed over axis 0: one work-item per column, each folding 1000 elements
 * DeviceCall c = ReductionKernels.lower(new ReduceSum(Vector.of(0)), Vector.of(x), Vector.of(ShapedArray.of(DType.F32, 300)));
 * }
 */
public final class ReductionKernels {
    static final int GROUP = 256;
    static final long LONG = 2048;

    private ReductionKernels() {}

    /** {@return the launches reducing operand 0 ({@code inAvals[0]}, any shape) into result 0}, on a device with fp64 */
    public static DeviceCall lower(Reduction p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        return lower(p, inAvals, outAvals, true);
    }

    /**
     * {@return the launches reducing operand 0 ({@code inAvals[0]}, any shape) into result 0}
     *
     * @param fp64 whether the device computes in double; without it f32 sums are compensated
     *             float sums and products plain float ones (see {@link Accumulator})
     */
    public static DeviceCall lower(Reduction p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals, boolean fp64) {
        ShapedArray in = inAvals.get(0), out = outAvals.get(0);
        int[] dims = in.shape().toArray();
        long[] strides = KernelText.strides(dims);
        int[] axes = KernelText.ints(p.axes());
        int[] kept = IntStream.range(0, dims.length).filter(a -> !p.axes().contains(a)).toArray();
        long outN = out.size(), n = KernelText.product(KernelText.pick(dims, axes));
        if (outN == 0) return DeviceCall.of(1);
        String keptOff = KernelText.offset("o", KernelText.pick(dims, kept), KernelText.pick(strides, kept));
        String redOff = KernelText.offset("r", KernelText.pick(dims, axes), KernelText.pick(strides, axes));
        Fold f = Fold.of(p);
        DType d = in.dtype();
        Accumulator acc = Accumulator.of(f, d, f == Fold.SUM || f == Fold.PROD, fp64);
        String a = acc.type(), t = Dialect.cType(d);
        boolean f64 = KernelText.usesF64(d) || acc.usesF64();
        if (n < LONG) {
            KernelSource k = KernelSource.named("reduce_" + f.name().toLowerCase() + "_" + d, name -> """
                    KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL %s* RESTRICT y) {
                        long o = GID0;
                        if (o >= %dL) return;
                        GLOBAL const %s* base = x + %s;
                        %s
                        for (long r = 0; r < %dL; r++) {
                            %s v = (%s) base[%s];
                            %s
                        }
                        y[o] = (%s) %s;
                    }
                    """.formatted(name, t, t, outN, t, keptOff, acc.declare("acc"), n, a, a, redOff, acc.add("acc", "v"), t, acc.value("acc")), f64);
            return DeviceCall.of(1, Launch.of(k, outN, new KernelArg.In(0), new KernelArg.Out(0)));
        }
        KernelSource k = KernelSource.named("reduce_tree_" + f.name().toLowerCase() + "_" + d, name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL %s* RESTRICT y) {
                %s
                    long o = GROUP0;
                    int l = LID0;
                    GLOBAL const %s* base = x + %s;
                    %s
                    for (long r = l; r < %dL; r += %d) {
                        %s v = (%s) base[%s];
                        %s
                    }
                    %s
                    BARRIER();
                    for (int s = %d; s > 0; s >>= 1) {
                        if (l < s) {
                            %s
                            %s
                            %s
                        }
                        BARRIER();
                    }
                    if (l == 0) {
                        %s
                        y[o] = (%s) %s;
                    }
                }
                """.formatted(name, t, t, acc.declareLocal("part", GROUP).indent(4).stripTrailing(), t, keptOff, acc.declare("acc"), n, GROUP,
                a, a, redOff, acc.add("acc", "v"), acc.save("part", "l", "acc"), GROUP / 2,
                acc.load("acc", "part", "l"), acc.merge("acc", "part", "l + s"), acc.save("part", "l", "acc"),
                acc.load("acc", "part", "0"), t, acc.value("acc")), f64);
        return DeviceCall.of(1, new Launch(k, new long[] {outN * GROUP}, new long[] {GROUP}, Vector.of(new KernelArg.In(0), new KernelArg.Out(0))));
    }
}
