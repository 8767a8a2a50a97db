package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.Dialect;
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
import io.vavr.collection.Vector;

import java.util.function.BinaryOperator;

/**
 * argmax and argmin along one axis, with the CPU backend's rules: the first extreme value
 * wins ties, and a NaN counts as more extreme than any number (the first NaN wins). Argmin of
 * floats is argmax of {@code -x}, as on the CPU, so {@code -0} and {@code +0} tie. The axis is
 * the middle of an {@code [outer, n, inner]} view; one work-item per output folds it, or, for
 * axes of {@value ReductionKernels#LONG} elements or more, a work-group per output, whose
 * work-items fold interleaved shares and combine (value, index) pairs in a tree, ties going
 * to the lower index.
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
        String t = Dialect.cType(d), it = Dialect.cType(p.indexDtype());
        // Floats: y > best, or y is the first NaN. Integers and bools compare in their own type.
        String load = d.isFloating() && !max ? "-x[i]" : "x[i]";
        BinaryOperator<String> beats = d.isFloating()
                ? (y, b) -> y + " > " + b + " || (" + y + " != " + y + " && " + b + " == " + b + ")"
                : max ? (y, b) -> y + " > " + b : (y, b) -> y + " < " + b;
        String better = beats.apply("y", "best");
        String prefix = (max ? "argmax_" : "argmin_") + d + "_" + p.indexDtype();
        if (n >= ReductionKernels.LONG) {
            // A tie between work-items goes to the lower index: their shares interleave.
            String wins = "(%s) || (!(%s) && at2 < at)".formatted(beats.apply("y2", "best"), beats.apply("best", "y2"));
            KernelSource k = KernelSource.named(prefix + "_tree", name -> """
                    KERNEL void %1$s(GLOBAL const %2$s* RESTRICT x, GLOBAL %3$s* RESTRICT y_out) {
                        LOCAL %2$s bests[%4$d];
                        LOCAL long ats[%4$d];
                        long lane = GROUP0;
                        int l = LID0;
                        long o = lane / %5$dL, j = lane %% %5$dL;
                        long i = o * %6$dL + j + l * %5$dL;
                        %2$s best = %7$s;
                        long at = l;
                        for (long r = l + %4$d; r < %8$dL; r += %4$d) {
                            i += %9$dL;
                            %2$s y = %7$s;
                            if (%10$s) {
                                best = y;
                                at = r;
                            }
                        }
                        bests[l] = best;
                        ats[l] = at;
                        BARRIER();
                        for (int s = %11$d; s > 0; s >>= 1) {
                            if (l < s) {
                                %2$s y2 = bests[l + s];
                                long at2 = ats[l + s];
                                best = bests[l];
                                at = ats[l];
                                if (%12$s) {
                                    bests[l] = y2;
                                    ats[l] = at2;
                                }
                            }
                            BARRIER();
                        }
                        if (l == 0) y_out[lane] = (%3$s) ats[0];
                    }
                    """.formatted(name, t, it, ReductionKernels.GROUP, inner, n * inner, load, n, ReductionKernels.GROUP * inner, better,
                    ReductionKernels.GROUP / 2, wins), KernelText.usesF64(d));
            return DeviceCall.of(1, new Launch(k, new long[] {lanes * ReductionKernels.GROUP}, new long[] {ReductionKernels.GROUP},
                    Vector.of(new KernelArg.In(0), new KernelArg.Out(0))));
        }
        KernelSource k = KernelSource.named(prefix, name -> """
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
