package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ReduceWindow;
import dev.jaxj.ir.Primitive.WindowConfig;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

/**
 * reduce_window (sum, max and min pooling) with XLA's semantics, as the CPU backend has them:
 * window element {@code k} of output {@code o} along an axis reads the base-dilated, padded
 * input at {@code u = o*stride - padLo + k*windowDilation}, which is element
 * {@code u / baseDilation} when {@code u} is a multiple of the base dilation and the quotient
 * is in range, and otherwise the identity (so it is skipped). f32 accumulates in double, as on
 * the CPU (which rounds to f32 between axes; this kernel rounds once, at the end), or, on a
 * device without fp64, in float: sums compensated ({@link Accumulator}), max and min exact.
 *
 * <p>One work-item per output element walks its whole window, one loop per axis.
 * {@snippet :
 * // 2x2 max pooling with stride 2 of f32[1, 8, 8]
 * var w = new WindowConfig(Vector.of(1, 2, 2), Vector.of(1, 2, 2), Vector.fill(3, new Padding(0, 0)), Vector.fill(3, 1), Vector.fill(3, 1));
 * DeviceCall c = ReduceWindowKernels.lower(new ReduceWindowMax(w), Vector.of(x), Vector.of(ShapedArray.of(DType.F32, 1, 4, 4)));
 * }
 */
public final class ReduceWindowKernels {
    private ReduceWindowKernels() {}

    /** {@return the launch reducing each window of operand 0 into the matching element of result 0}, on a device with fp64 */
    public static DeviceCall lower(ReduceWindow p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        return lower(p, inAvals, outAvals, true);
    }

    /**
     * {@return the launch reducing each window of operand 0 into the matching element of result 0}
     *
     * @param fp64 whether the device computes in double; without it f32 windows sum in a
     *             compensated float (see {@link Accumulator}) and max and min fold in float, exactly
     */
    public static DeviceCall lower(ReduceWindow p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals, boolean fp64) {
        ShapedArray in = inAvals.get(0), out = outAvals.get(0);
        int[] dims = in.shape().toArray(), outDims = out.shape().toArray();
        long[] strides = KernelText.strides(dims), outStrides = KernelText.strides(outDims);
        long total = out.size();
        if (total == 0) return DeviceCall.of(1);
        WindowConfig w = p.window();
        Fold f = Fold.of(p);
        DType d = in.dtype();
        Accumulator acc = Accumulator.of(f, d, true, fp64);
        String t = Dialect.cType(d), at = acc.type();
        var body = new StringBuilder();
        var indent = new StringBuilder("    ");
        for (int a = 0; a < dims.length; a++) {
            int k = w.windowDimensions().get(a), stride = w.windowStrides().get(a), lo = w.padding().get(a).lo();
            int bd = w.baseDilation().get(a), wd = w.windowDilation().get(a);
            String o = "(idx / " + outStrides[a] + "L % " + outDims[a] + "L)";
            body.append(indent).append("for (long k").append(a).append(" = 0; k").append(a).append(" < ").append(k).append("L; k").append(a).append("++) {\n");
            indent.append("    ");
            body.append(indent).append("long u").append(a).append(" = ").append(o).append(" * ").append(stride).append("L - ").append(lo)
                    .append("L + k").append(a).append(" * ").append(wd).append("L;\n");
            if (bd != 1) body.append(indent).append("if (u").append(a).append(" % ").append(bd).append("L != 0) continue;\n")
                    .append(indent).append("u").append(a).append(" /= ").append(bd).append("L;\n");
            body.append(indent).append("if (u").append(a).append(" < 0 || u").append(a).append(" >= ").append(dims[a]).append("L) continue;\n");
        }
        var where = new StringBuilder("0L");
        for (int a = 0; a < dims.length; a++) where.append(" + u").append(a).append(" * ").append(strides[a]).append("L");
        body.append(indent).append(at).append(" v = (").append(at).append(") x[").append(where).append("];\n");
        body.append(indent).append(acc.add("acc", "v")).append("\n");
        for (int a = dims.length - 1; a >= 0; a--) {
            indent.setLength(indent.length() - 4);
            body.append(indent).append("}\n");
        }
        KernelSource kernel = KernelSource.named("reduce_window_" + f.name().toLowerCase() + "_" + d, name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL %s* RESTRICT y) {
                    long idx = GID0;
                    if (idx >= %dL) return;
                    %s
                %s    y[idx] = (%s) %s;
                }
                """.formatted(name, t, t, total, acc.declare("acc"), body, t, acc.value("acc")), d == DType.F64 || acc.usesF64());
        return DeviceCall.of(1, Launch.of(kernel, total, new KernelArg.In(0), new KernelArg.Out(0)));
    }
}
