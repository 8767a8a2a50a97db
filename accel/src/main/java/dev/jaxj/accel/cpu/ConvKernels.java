package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.accel.cpu.Gemm.Product;
import dev.jaxj.accel.cpu.Gemm.Slab;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ConvGeneralDilated;
import dev.jaxj.ir.Primitive.ReduceWindow;
import dev.jaxj.ir.ShapedArray;

/**
 * conv_general_dilated as im2col + {@link Gemm}, for every combination of strides, padding,
 * dilations, groups and layouts, and (in {@link WindowKernels}) reduce_window.
 *
 * <p>For each lhs sample, im2col gathers a {@code [C * KK, OS]} matrix (C input features, KK
 * kernel positions, OS output positions) straight from the lhs in its own layout, with zeros
 * where a read falls in padding or a dilation hole ({@link ConvGeometry#pattern}). The kernel,
 * permuted to {@code [O, I * KK]}, multiplies it group by group:
 * <ul>
 *   <li>feature groups: output features of group g read input features {@code [g*I, (g+1)*I)},
 *       rows {@code [g*I*KK, (g+1)*I*KK)} of the matrix;
 *   <li>batch groups (XLA's rule, used for the weight gradient of grouped convolutions): lhs sample
 *       {@code s} belongs to group {@code g = s / (N / batchGroupCount)} and feeds output sample
 *       {@code s mod (N / batchGroupCount)}, output features of group g only.
 * </ul>
 * Results land in {@code [N', O, OS]} order and are permuted to the output layout at the end.
 * Samples go to different workers when there are enough; otherwise each product is split.
 */
final class ConvKernels {
    private static final long PARALLEL_WORK = 1L << 18;

    private ConvKernels() {}

    static HostData conv(ConvGeneralDilated p, ShapedArray lhsAval, HostData lhs, ShapedArray rhsAval, HostData rhs, ShapedArray out) {
        var direct = Conv2d.of(p, lhsAval, rhsAval, out);
        if (direct.isPresent()) {
            Conv2d c = direct.get();
            if (DirectConv.fits(c)) return direct(c, lhs, rhs, out, DirectConv::run);
            if (WindowDotConv.fits(c)) return direct(c, lhs, rhs, out, WindowDotConv::run);
        }
        return im2col(p, lhsAval, lhs, rhsAval, rhs, out);
    }

    /** The signature of the direct f32 kernels. */
    @FunctionalInterface
    private interface Direct {
        void run(Conv2d c, float[] lhs, float[] rhs, float[] out);
    }

    private static HostData direct(Conv2d c, HostData lhs, HostData rhs, ShapedArray out, Direct kernel) {
        float[] r = HeapArrays.floats(out.size());
        kernel.run(c, lhs.f32(), rhs.f32(), r);
        return HostData.own(r);
    }

    private static HostData im2col(ConvGeneralDilated p, ShapedArray lhsAval, HostData lhs, ShapedArray rhsAval, HostData rhs, ShapedArray out) {
        DType ct = out.dtype().isFloating() ? out.dtype() : DType.F64;
        var dn = p.dimensionNumbers();
        var g = ConvGeometry.of(p, lhsAval.shape(), rhsAval.shape(), out.shape());
        int[][] runs = ConvGeometry.runs(ConvGeometry.pattern(p, lhsAval.shape(), rhsAval.shape(), out.shape()), g.window(), g.positions());
        HostData x = Widened.convert(lhs, ct);
        HostData w = Layouts.permute(Widened.convert(rhs, ct), rhsAval.shape().toArray(), ints(dn.rhsSpec()));
        HostData canon = HostData.allocate(ct, out.size());
        long perSample = (long) g.groupOutFeatures() * g.depth() * g.positions() * (g.batchGroups() > 1 ? 1 : g.featureGroups());
        int grain = (int) Math.max(1, PARALLEL_WORK / Math.max(1, perSample));
        int colLength = HeapArrays.scratchLength("conv_general_dilated", ct, (long) g.features() * g.window() * g.positions());
        Parallel.forRange(g.batch(), grain, (lo, hi) -> {
            // Every sample writes the same positions of this scratch matrix; the rest stay zero (padding).
            HostData col = HostData.allocate(ct, colLength);
            for (int s = lo; s < hi; s++) sample(g, runs, s, x, w, col, canon);
        });
        int[] canonDims = new int[out.rank()];
        for (int i = 0; i < out.rank(); i++) canonDims[i] = out.shape().dim(dn.outSpec().get(i));
        HostData r = Layouts.permute(canon, canonDims, Layouts.inverse(ints(dn.outSpec())));
        return Widened.convert(r, out.dtype());
    }

    /** im2col of lhs sample {@code s}, then one product per group it feeds. */
    private static void sample(ConvGeometry g, int[][] runs, int s, HostData x, HostData w, HostData col, HostData out) {
        im2col(g, runs, s, x, col);
        int og = g.groupOutFeatures(), depth = g.depth(), os = g.positions();
        boolean byBatch = g.batchGroups() > 1;
        int first = byBatch ? s / g.outBatch() : 0, last = byBatch ? first + 1 : g.featureGroups();
        int outSample = byBatch ? s % g.outBatch() : s;
        for (int grp = first; grp < last; grp++) {
            var prod = new Product(1, og, os, depth, new Slab(grp * og * depth, 0),
                    new Slab(byBatch ? 0 : grp * depth * os, 0), new Slab((outSample * g.outFeatures() + grp * og) * os, 0));
            switch (x.dtype()) {
                case F32 -> Gemm.f32(prod, w.f32(), col.f32(), out.f32());
                case F64 -> Gemm.f64(prod, w.f64(), col.f64(), out.f64());
                case I32, U32, I64, BOOL -> throw new IllegalStateException("convolution computes in f32 or f64, got " + x.dtype());
            }
        }
    }

    /** Copies lhs sample {@code s} into the valid positions of the {@code [C * KK, OS]} matrix. */
    private static void im2col(ConvGeometry g, int[][] runs, int s, HostData x, HostData col) {
        int kk = g.window(), os = g.positions(), rows = g.features() * kk;
        for (int row = 0; row < rows; row++) {
            int base = s * g.batchStride() + row / kk * g.featureStride(), dst = row * os;
            int[] r = runs[row % kk];
            switch (x.dtype()) {
                case F32 -> copyRuns(r, x.f32(), base, col.f32(), dst);
                case F64 -> copyRuns(r, x.f64(), base, col.f64(), dst);
                case I32, U32, I64, BOOL -> throw new IllegalStateException("convolution computes in f32 or f64, got " + x.dtype());
            }
        }
    }

    private static void copyRuns(int[] runs, float[] x, int base, float[] col, int dst) {
        for (int i = 0; i < runs.length; i += 3) {
            int to = dst + runs[i], from = base + runs[i + 1], len = runs[i + 2];
            if (len >= 8) System.arraycopy(x, from, col, to, len);
            else for (int j = 0; j < len; j++) col[to + j] = x[from + j];
        }
    }

    private static void copyRuns(int[] runs, double[] x, int base, double[] col, int dst) {
        for (int i = 0; i < runs.length; i += 3) {
            int to = dst + runs[i], from = base + runs[i + 1], len = runs[i + 2];
            if (len >= 8) System.arraycopy(x, from, col, to, len);
            else for (int j = 0; j < len; j++) col[to + j] = x[from + j];
        }
    }

    private static int[] ints(io.vavr.collection.Seq<Integer> s) {
        return s.toJavaStream().mapToInt(Integer::intValue).toArray();
    }

    static HostData reduceWindow(ReduceWindow p, ShapedArray in, HostData x, ShapedArray out) {
        return WindowKernels.reduceWindow(p, in, x, out);
    }
}
