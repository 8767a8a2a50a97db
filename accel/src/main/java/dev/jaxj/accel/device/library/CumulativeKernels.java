package dev.jaxj.accel.device.library;

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
 * backend's semantics: f32 keeps its running value in double and writes it rounded (so the
 * kernels need fp64), max and min propagate NaN, integer sums and products wrap. f32 starts
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

    /** {@return the launch scanning operand 0 into result 0, of the same shape} */
    public static DeviceCall lower(Cumulative p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        ShapedArray in = inAvals.get(0);
        int[] dims = in.shape().toArray();
        int axis = p.axis();
        long outer = KernelText.product(java.util.Arrays.copyOfRange(dims, 0, axis)), n = dims[axis];
        long inner = KernelText.product(java.util.Arrays.copyOfRange(dims, axis + 1, dims.length));
        long lanes = outer * inner;
        if (lanes == 0 || n == 0) return DeviceCall.of(1);
        Fold f = Fold.of(p);
        DType d = in.dtype();
        String t = KernelText.ctype(d), acc = f.accType(d, true);
        boolean fromIdentity = d == DType.F32;
        String first = p.reverse() ? (n - 1) * inner + "L" : "0L";
        long step = p.reverse() ? -inner : inner;
        String init = fromIdentity
                ? acc + " acc = " + f.identity(d, acc) + ";"
                : acc + " acc = (" + acc + ") x[i];\n        y[i] = x[i];\n        i += " + step + "L;";
        KernelSource k = KernelSource.named("cum" + f.name().toLowerCase() + "_" + d, name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL %s* RESTRICT y) {
                    long lane = GID0;
                    if (lane >= %dL) return;
                    long i = lane / %dL * %dL + lane %% %dL + %s;
                    %s
                    for (long s = %d; s < %dL; s++, i += %dL) {
                        %s v = (%s) x[i];
                        acc = (%s);
                        y[i] = (%s) acc;
                    }
                }
                """.formatted(name, t, t, lanes, inner, n * inner, inner, first, init, fromIdentity ? 0 : 1, n, step,
                acc, acc, f.combine(d, "acc", "v"), t), d.isFloating());
        return DeviceCall.of(1, Launch.of(k, lanes, new KernelArg.In(0), new KernelArg.Out(0)));
    }
}
