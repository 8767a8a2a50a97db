package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.ir.Primitive.ConvGeneralDilated;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;

/**
 * The index arithmetic of one conv_general_dilated call, in the canonical order (batch,
 * feature, spatial…) whatever the operands' layouts.
 *
 * <p>{@link #pattern} maps (kernel position, output position) to the lhs element it reads, as an
 * offset from the start of one (sample, feature) plane, or -1 where the read falls in padding or
 * in a hole of the lhs dilation. XLA's rule for spatial axis {@code d}: the dilated, padded input
 * index {@code u = out*stride - padLo + k*rhsDilation} reads lhs element {@code u / lhsDilation}
 * when {@code u} is a multiple of the lhs dilation and the quotient is in range.
 *
 * @param batch        lhs batch size N
 * @param features     lhs feature count C
 * @param batchStride  lhs stride of the batch axis
 * @param featureStride lhs stride of the feature axis
 * @param outFeatures  O
 * @param kernelIn     rhs input features per group, I = C / featureGroupCount
 * @param window       kernel positions, KK (product of the kernel's spatial sizes)
 * @param positions    output positions, OS (product of the output's spatial sizes)
 * @param outBatch     N / batchGroupCount
 */
record ConvGeometry(int batch, int features, int batchStride, int featureStride, int outFeatures, int kernelIn,
                    int window, int positions, int outBatch, int featureGroups, int batchGroups) {

    static ConvGeometry of(ConvGeneralDilated p, Shape lhs, Shape rhs, Shape out) {
        var dn = p.dimensionNumbers();
        int[] ks = spatialDims(rhs, dn.rhsSpec().toJavaList()), os = spatialDims(out, dn.outSpec().toJavaList());
        int batchAxis = dn.lhsSpec().get(0), featureAxis = dn.lhsSpec().get(1);
        int[] lhsStrides = lhs.strides();
        return new ConvGeometry(lhs.dim(batchAxis), lhs.dim(featureAxis), lhsStrides[batchAxis], lhsStrides[featureAxis],
                rhs.dim(dn.rhsSpec().get(0)), rhs.dim(dn.rhsSpec().get(1)), Layouts.product(ks), Layouts.product(os),
                out.dim(dn.outSpec().get(0)), p.featureGroupCount(), p.batchGroupCount());
    }

    private static int[] spatialDims(Shape s, java.util.List<Integer> spec) {
        return spec.subList(2, spec.size()).stream().mapToInt(s::dim).toArray();
    }

    /** {@return the lhs offset read at {@code [kernel position * positions + output position]}, or -1} */
    static int[] pattern(ConvGeneralDilated p, Shape lhs, Shape rhs, Shape out) {
        var dn = p.dimensionNumbers();
        int spatial = dn.lhsSpec().size() - 2;
        int[] lhsStrides = lhs.strides();
        int[] in = new int[spatial], xs = new int[spatial], ks = new int[spatial], os = new int[spatial];
        for (int d = 0; d < spatial; d++) {
            in[d] = lhs.dim(dn.lhsSpec().get(d + 2));
            xs[d] = lhsStrides[dn.lhsSpec().get(d + 2)];
            ks[d] = rhs.dim(dn.rhsSpec().get(d + 2));
            os[d] = out.dim(dn.outSpec().get(d + 2));
        }
        int[][] tabs = new int[spatial][];
        for (int d = 0; d < spatial; d++) {
            tabs[d] = axisTable(in[d], ks[d], os[d], p.windowStrides().get(d), p.padding().get(d).lo(),
                    p.lhsDilation().get(d), p.rhsDilation().get(d));
        }
        int window = Layouts.product(ks), positions = Layouts.product(os);
        int[] pattern = new int[HeapArrays.scratchLength("conv_general_dilated", DType.I32, (long) window * positions)];
        int[] k = new int[spatial], o = new int[spatial];
        for (int kk = 0; kk < window; kk++) {
            unravel(kk, ks, k);
            for (int op = 0; op < positions; op++) {
                unravel(op, os, o);
                int off = 0;
                for (int d = 0; d < spatial && off >= 0; d++) {
                    int i = tabs[d][k[d] * os[d] + o[d]];
                    off = i < 0 ? -1 : off + i * xs[d];
                }
                pattern[kk * positions + op] = off;
            }
        }
        return pattern;
    }

    /**
     * {@return the pattern as copy runs: for kernel position {@code kk}, triples (output position,
     * lhs offset, length) of output positions that read consecutive lhs elements} Positions in no
     * run read padding. With stride 1 a run is a whole output row, which im2col copies at once.
     */
    static int[][] runs(int[] pattern, int window, int positions) {
        int[][] runs = new int[window][];
        var buf = new java.util.ArrayList<Integer>();
        for (int kk = 0; kk < window; kk++) {
            buf.clear();
            int base = kk * positions;
            for (int o = 0; o < positions; o++) {
                int off = pattern[base + o];
                if (off < 0) continue;
                int n = buf.size();
                if (n > 0 && buf.get(n - 3) + buf.get(n - 1) == o && buf.get(n - 2) + buf.get(n - 1) == off) {
                    buf.set(n - 1, buf.get(n - 1) + 1);
                } else {
                    buf.add(o);
                    buf.add(off);
                    buf.add(1);
                }
            }
            runs[kk] = buf.stream().mapToInt(Integer::intValue).toArray();
        }
        return runs;
    }

    /** {@return for kernel position {@code k} and output position {@code o}, at {@code [k * outSize + o]}: the lhs index read, or -1} */
    private static int[] axisTable(int in, int kernel, int outSize, int stride, int padLo, int lhsDilation, int rhsDilation) {
        int[] tab = new int[HeapArrays.scratchLength("conv_general_dilated", DType.I32, (long) kernel * outSize)];
        for (int k = 0; k < kernel; k++) {
            for (int o = 0; o < outSize; o++) {
                int u = o * stride - padLo + k * rhsDilation;
                int i = u / lhsDilation;
                tab[k * outSize + o] = u % lhsDilation == 0 && i >= 0 && i < in ? i : -1;
            }
        }
        return tab;
    }

    private static void unravel(int flat, int[] dims, int[] index) {
        for (int d = dims.length - 1; d >= 0; d--) {
            index[d] = flat % dims[d];
            flat /= dims[d];
        }
    }

    /** {@return the output features each group produces} */
    int groupOutFeatures() { return outFeatures / (featureGroups * batchGroups); }

    /** {@return the contraction length of one group's product: I x KK} */
    int depth() { return kernelIn * window; }
}
