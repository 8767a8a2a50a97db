package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ArgReduction;
import dev.jaxj.ir.Primitive.Argmax;
import dev.jaxj.ir.Primitive.Argmin;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

/**
 * argmax and argmin along one axis, with the CPU backend's rules: the first extreme value
 * wins ties, and a NaN counts as more extreme than any number (the first NaN wins). Argmin of
 * floats is argmax of {@code -x}, as on the CPU, so {@code -0} and {@code +0} tie. One
 * work-item per output folds the axis, viewed as the middle of {@code [outer, n, inner]}.
 * {@snippet :
 * // the index of each row's maximum of f32[8, 100], as i32[8]
 * DeviceCall c = ArgReductionKernels.lower(new Argmax(1, DType.I32), Vector.of(x), Vector.of(ShapedArray.of(DType.I32, 8)));
 * }
 */
public final class ArgReductionKernels {
    private ArgReductionKernels() {}

    /** {@return the launch writing, for each position of the other axes of operand 0, the index along {@code p.axis()}} */
    public static DeviceCall lower(ArgReduction p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        ShapedArray in = inAvals.get(0);
        int[] dims = in.shape().toArray();
        int axis = p.axis();
        long outer = KernelText.product(java.util.Arrays.copyOfRange(dims, 0, axis)), n = dims[axis];
        long inner = KernelText.product(java.util.Arrays.copyOfRange(dims, axis + 1, dims.length));
        long lanes = outer * inner;
        if (lanes == 0) return DeviceCall.of(1);
        boolean max = switch (p) {
            case Argmax _ -> true;
            case Argmin _ -> false;
        };
        DType d = in.dtype();
        String t = KernelText.ctype(d), it = KernelText.ctype(p.indexDtype());
        // Floats: y > best, or y is the first NaN. Integers and bools compare in their own type.
        String load = d.isFloating() && !max ? "-x[i]" : "x[i]";
        String better = d.isFloating()
                ? "y > best || (y != y && best == best)"
                : max ? "y > best" : "y < best";
        KernelSource k = KernelSource.named((max ? "argmax_" : "argmin_") + d + "_" + p.indexDtype(), name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL %s* RESTRICT y_out) {
                    long lane = GID0;
                    if (lane >= %dL) return;
                    long o = lane / %dL, j = lane %% %dL;
                    long i = o * %dL + j;
                    %s best = %s;
                    long at = 0;
                    for (long r = 1; r < %dL; r++) {
                        i += %dL;
                        %s y = %s;
                        if (%s) {
                            best = y;
                            at = r;
                        }
                    }
                    y_out[lane] = (%s) at;
                }
                """.formatted(name, t, it, lanes, inner, inner, n * inner, t, load, n, inner, t, load, better, it),
                KernelText.usesF64(d));
        return DeviceCall.of(1, Launch.of(k, lanes, new KernelArg.In(0), new KernelArg.Out(0)));
    }
}
