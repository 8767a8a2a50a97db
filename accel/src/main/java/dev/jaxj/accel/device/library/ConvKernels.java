package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ConvGeneralDilated;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

/**
 * conv_general_dilated as a direct convolution: one work-item per output element sums over
 * its group's input features and the kernel's window, reading both operands in their own
 * layouts (any dimension numbers). The semantics are the CPU backend's:
 * <ul>
 *   <li>spatial axis {@code d} of output position {@code o} and kernel position {@code k} reads
 *       the dilated, padded input at {@code u = o*stride - padLo + k*rhsDilation}: lhs element
 *       {@code u / lhsDilation} when {@code u} is a multiple of the lhs dilation and the quotient
 *       is in range, else zero. The zero is multiplied like any element (so a NaN weight makes
 *       every output of its feature NaN), as in XLA's definition and on the CPU;
 *   <li>feature groups: output feature {@code f} of group {@code g = f / (O/G)} reads input
 *       features {@code [g*I, (g+1)*I)};
 *   <li>batch groups: output feature {@code f} of group {@code g = f / (O/B)} reads lhs sample
 *       {@code g * N' + n} for output sample {@code n}, with {@code N' = N/B}.
 * </ul>
 * Operands are converted to the computation dtype, the output's when it is floating and f64
 * otherwise, as on the CPU; f32 accumulates in f32, as GPUs do. On a device without fp64 an
 * integer result (of f32 operands) is computed in f32 too and then converted: it matches the
 * CPU's wherever the f32 sum is exact (integer-valued operands whose partial sums stay below
 * 2²⁴) and may otherwise differ by one where the exact sum lies within
 * {@code depth·eps·Σ|a·w|} of an integer.
 * {@snippet :
 * // NCHW 3x3 convolution of f32[2, 3, 16, 16] with OIHW f32[8, 3, 3, 3], stride 1, padding 1
 * var p = new ConvGeneralDilated(Vector.of(1, 1), Vector.fill(2, new Padding(1, 1)), Vector.of(1, 1), Vector.of(1, 1),
 *         ConvDimensionNumbers.channelsFirst(2), 1, 1, Option.none());
 * DeviceCall c = ConvKernels.lower(p, Vector.of(x, w), Vector.of(ShapedArray.of(DType.F32, 2, 8, 16, 16)));
 * }
 */
public final class ConvKernels {
    private ConvKernels() {}

    /** {@return the launch convolving operand 0 (lhs) with operand 1 (rhs) into result 0}, on a device with fp64 */
    public static DeviceCall lower(ConvGeneralDilated p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        return lower(p, inAvals, outAvals, true);
    }

    /**
     * {@return the launch convolving operand 0 (lhs) with operand 1 (rhs) into result 0}
     *
     * @param fp64 whether the device computes in double; without it an integer result of f32
     *             operands is computed in f32 and then converted (see the class comment)
     */
    public static DeviceCall lower(ConvGeneralDilated p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals, boolean fp64) {
        ShapedArray lhs = inAvals.get(0), rhs = inAvals.get(1), out = outAvals.get(0);
        long total = out.size();
        if (total == 0) return DeviceCall.of(1);
        var dn = p.dimensionNumbers();
        int[] ls = KernelText.ints(dn.lhsSpec()), rs = KernelText.ints(dn.rhsSpec()), os = KernelText.ints(dn.outSpec());
        int[] ld = lhs.shape().toArray(), rd = rhs.shape().toArray(), od = out.shape().toArray();
        long[] lst = KernelText.strides(ld), rst = KernelText.strides(rd), ost = KernelText.strides(od);
        int spatial = ls.length - 2;
        int outFeatures = od[os[1]], kernelIn = rd[rs[1]], outBatch = od[os[0]];
        int groups = p.featureGroupCount() * p.batchGroupCount(), perGroup = outFeatures / groups;
        DType ct = out.dtype().isFloating() ? out.dtype() : fp64 ? DType.F64 : DType.F32;
        String c = Dialect.cType(ct);
        var b = new StringBuilder();
        b.append("    long n = ").append(coord("idx", ost[os[0]], od[os[0]])).append(";\n");
        b.append("    long f = ").append(coord("idx", ost[os[1]], od[os[1]])).append(";\n");
        b.append("    long g = f / ").append(perGroup).append("L;\n");
        if (p.batchGroupCount() > 1) {
            b.append("    long s = g * ").append(outBatch).append("L + n;\n");
            b.append("    long c0 = 0;\n");
        } else {
            b.append("    long s = n;\n");
            b.append("    long c0 = g * ").append(kernelIn).append("L;\n");
        }
        for (int d = 0; d < spatial; d++) {
            b.append("    long o").append(d).append(" = ").append(coord("idx", ost[os[d + 2]], od[os[d + 2]])).append(";\n");
        }
        b.append("    ").append(c).append(" acc = 0;\n");
        b.append("    for (long i = 0; i < ").append(kernelIn).append("L; i++) {\n");
        b.append("        long la = s * ").append(lst[ls[0]]).append("L + (c0 + i) * ").append(lst[ls[1]]).append("L;\n");
        b.append("        long ra = f * ").append(rst[rs[0]]).append("L + i * ").append(rst[rs[1]]).append("L;\n");
        var indent = new StringBuilder("        ");
        for (int d = 0; d < spatial; d++) {
            int stride = p.windowStrides().get(d), lo = p.padding().get(d).lo(), lhsDil = p.lhsDilation().get(d), rhsDil = p.rhsDilation().get(d);
            b.append(indent).append("for (long k").append(d).append(" = 0; k").append(d).append(" < ").append(rd[rs[d + 2]]).append("L; k").append(d).append("++) {\n");
            indent.append("    ");
            b.append(indent).append("long u").append(d).append(" = o").append(d).append(" * ").append(stride).append("L - ").append(lo)
                    .append("L + k").append(d).append(" * ").append(rhsDil).append("L;\n");
            String inside = "u" + d + " >= 0 && u" + d + " < " + (long) lhsDil * ld[ls[d + 2]] + "L";
            if (lhsDil != 1) inside += " && u" + d + " % " + lhsDil + "L == 0";
            b.append(indent).append("int in").append(d).append(" = ").append(inside).append(";\n");
            if (lhsDil != 1) b.append(indent).append("u").append(d).append(" /= ").append(lhsDil).append("L;\n");
        }
        var la = new StringBuilder("la");
        var ra = new StringBuilder("ra");
        for (int d = 0; d < spatial; d++) {
            la.append(" + u").append(d).append(" * ").append(lst[ls[d + 2]]).append("L");
            ra.append(" + k").append(d).append(" * ").append(rst[rs[d + 2]]).append("L");
        }
        var inside = new StringBuilder("1");
        for (int d = 0; d < spatial; d++) inside.append(" && in").append(d);
        b.append(indent).append(c).append(" a = ").append(inside).append(" ? ").append(KernelText.convert(lhs.dtype(), ct, "x[" + la + "]"))
                .append(" : (").append(c).append(") 0;\n");
        b.append(indent).append(c).append(" w = ").append(KernelText.convert(rhs.dtype(), ct, "k[" + ra + "]")).append(";\n");
        b.append(indent).append("acc += a * w;\n");
        for (int d = spatial - 1; d >= 0; d--) {
            indent.setLength(indent.length() - 4);
            b.append(indent).append("}\n");
        }
        b.append("    }\n");
        String lt = Dialect.cType(lhs.dtype()), rt = Dialect.cType(rhs.dtype()), ot = Dialect.cType(out.dtype());
        KernelSource kernel = KernelSource.named("conv_" + lhs.dtype() + "_" + rhs.dtype() + "_" + out.dtype(), name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL const %s* RESTRICT k, GLOBAL %s* RESTRICT y) {
                    long idx = GID0;
                    if (idx >= %dL) return;
                %s    y[idx] = %s;
                }
                """.formatted(name, lt, rt, ot, total, b, KernelText.convert(ct, out.dtype(), "acc")),
                KernelText.usesF64(lhs.dtype(), rhs.dtype(), ct));
        return DeviceCall.of(1, Launch.of(kernel, total, new KernelArg.In(0), new KernelArg.In(1), new KernelArg.Out(0)));
    }

    private static String coord(String idx, long stride, int size) {
        return "(" + idx + " / " + stride + "L % " + size + "L)";
    }
}
