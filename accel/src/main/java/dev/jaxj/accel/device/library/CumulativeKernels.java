package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Cumulative;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

/**
 * cumsum, cumprod, cummax and cummin along one axis, forward or from the end, with the CPU
 * backend's semantics: f32 keeps its running value in double and writes it rounded (on a
 * device without fp64, in float: sums compensated, see {@link Accumulator}), max and min
 * propagate NaN, integer sums and products wrap. f32 starts
 * from the identity and f64 and integers from the first element, as the CPU does (they
 * differ only in the sign of a leading {@code -0} in a sum). One work-item scans one lane of
 * the {@code [outer, n, inner]} view; adjacent work-items take adjacent lanes, so their reads
 * coalesce when {@code inner > 1}.
 * {@snippet :
 * // running sums along the rows of f32[4, 1000], last element first
 * DeviceCall c = CumulativeKernels.lower(new Cumsum(1, true), Vector.of(x), Vector.of(x));
 * }
 */
public final class CumulativeKernels {
    private CumulativeKernels() {}

    /** {@return the launch scanning operand 0 into result 0, of the same shape}, on a device with fp64 */
    public static DeviceCall lower(Cumulative p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        return lower(p, inAvals, outAvals, true);
    }

    /**
     * {@return the launch scanning operand 0 into result 0, of the same shape}
     *
     * @param fp64 whether the device computes in double; without it an f32 running sum is a
     *             compensated float (each output within about {@code 2·eps} of its exact prefix sum
     *             plus {@code k·eps²·Σ|x|}), a running product a float ({@code k·eps} relative at
     *             the {@code k}-th element) and max and min exact (see {@link Accumulator})
     */
    public static DeviceCall lower(Cumulative p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals, boolean fp64) {
        ShapedArray in = inAvals.get(0);
        int[] dims = in.shape().toArray();
        int axis = p.axis();
        long outer = KernelText.product(java.util.Arrays.copyOfRange(dims, 0, axis)), n = dims[axis];
        long inner = KernelText.product(java.util.Arrays.copyOfRange(dims, axis + 1, dims.length));
        long lanes = outer * inner;
        if (lanes == 0 || n == 0) return DeviceCall.of(1);
        Fold f = Fold.of(p);
        DType d = in.dtype();
        Accumulator acc = Accumulator.of(f, d, true, fp64);
        String t = Dialect.cType(d), a = acc.type();
        boolean fromIdentity = d == DType.F32;
        String first = p.reverse() ? (n - 1) * inner + "L" : "0L";
        long step = p.reverse() ? -inner : inner;
        String init = fromIdentity
                ? acc.declare("acc")
                : a + " acc = (" + a + ") x[i];\n        y[i] = x[i];\n        i += " + step + "L;";
        KernelSource k = KernelSource.named("cum" + f.name().toLowerCase() + "_" + d, name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL %s* RESTRICT y) {
                    long lane = GID0;
                    if (lane >= %dL) return;
                    long i = lane / %dL * %dL + lane %% %dL + %s;
                    %s
                    for (long s = %d; s < %dL; s++, i += %dL) {
                        %s v = (%s) x[i];
                        %s
                        y[i] = (%s) %s;
                    }
                }
                """.formatted(name, t, t, lanes, inner, n * inner, inner, first, init, fromIdentity ? 0 : 1, n, step,
                a, a, acc.add("acc", "v"), t, acc.value("acc")), d == DType.F64 || acc.usesF64());
        return DeviceCall.of(1, Launch.of(k, lanes, new KernelArg.In(0), new KernelArg.Out(0)));
    }
}
