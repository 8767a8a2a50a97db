package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ReduceWindow;
import dev.jaxj.ir.Primitive.WindowConfig;
import dev.jaxj.ir.ShapedArray;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * reduce_window (pooling) with XLA's semantics: window {@code k} of output {@code o} along an axis
 * reads the base-dilated, padded input at {@code u = o*stride - padLo + k*windowDilation}, which
 * is element {@code u / baseDilation} when {@code u} is a multiple of the base dilation and the
 * quotient is in range, and otherwise the monoid's identity.
 *
 * <p>The window is a product of per-axis windows and the monoid is associative and commutative,
 * so the reduction runs one axis at a time: each pass folds a 1-d window along one axis of an
 * {@code [outer, n, inner]} view. That costs the sum of the window sizes per element instead of
 * their product, and axes with a trivial window are skipped.
 */
final class WindowKernels {
    private WindowKernels() {}

    /** One 1-d pass: {@code tab[p * k + i]} is the input index window element {@code i} of output {@code p} reads, or -1. */
    @FunctionalInterface
    private interface Pass<A> {
        A apply(A x, int outer, int n, int inner, int outN, int[] tab, int k);
    }

    static HostData reduceWindow(ReduceWindow p, ShapedArray in, HostData x, ShapedArray out) {
        Monoid op = Monoid.of(p);
        int[] dims = in.shape().toArray(), outDims = out.shape().toArray();
        WindowConfig w = p.window();
        DType d = in.dtype();
        return switch (d) {
            case F32 -> HostData.own(passes(dims, outDims, w, x.f32(), (a, o, n, i, on, t, k) -> f32Pass(op, a, o, n, i, on, t, k)));
            case F64 -> HostData.own(passes(dims, outDims, w, x.f64(),
                    (a, o, n, i, on, t, k) -> doublePass(op.doubleOp(), op.floatIdentity(), a, o, n, i, on, t, k)));
            case I32, U32, I64, BOOL -> Widened.narrow(d, passes(dims, outDims, w, Widened.longs(x),
                    (a, o, n, i, on, t, k) -> longPass(op.longOp(), op.longIdentity(d), a, o, n, i, on, t, k)));
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    private static <A> A passes(int[] dims, int[] outDims, WindowConfig w, A x, Pass<A> pass) {
        int[] cur = dims.clone();
        for (int ax = 0; ax < dims.length; ax++) {
            int k = w.windowDimensions().get(ax), stride = w.windowStrides().get(ax), lo = w.padding().get(ax).lo();
            int hi = w.padding().get(ax).hi(), baseDil = w.baseDilation().get(ax), winDil = w.windowDilation().get(ax);
            if (k == 1 && stride == 1 && lo == 0 && hi == 0 && baseDil == 1) continue;
            int n = cur[ax], outN = outDims[ax];
            int[] tab = new int[outN * k];
            for (int o = 0; o < outN; o++) {
                for (int i = 0; i < k; i++) {
                    int u = o * stride - lo + i * winDil, src = u / baseDil;
                    tab[o * k + i] = u % baseDil == 0 && src >= 0 && src < n ? src : -1;
                }
            }
            int outer = 1, inner = 1;
            for (int a = 0; a < ax; a++) outer *= cur[a];
            for (int a = ax + 1; a < cur.length; a++) inner *= cur[a];
            x = pass.apply(x, outer, n, inner, outN, tab, k);
            cur[ax] = outN;
        }
        return x;
    }

    private static int grain(int k, int inner) {
        return (int) Math.max(1, Parallel.DEFAULT_GRAIN / Math.max(1L, (long) k * inner));
    }

    /** f32: each output lane accumulates in a double (exact for max and min), which lets the lane loop vectorise. */
    private static float[] f32Pass(Monoid op, float[] x, int outer, int n, int inner, int outN, int[] tab, int k) {
        float[] out = HeapArrays.floats(outer * outN * inner);
        double identity = op.floatIdentity();
        int width = Math.max(1, Math.min(inner, LaneTiles.MAX_WIDTH));
        Parallel.forRange(outer * outN, grain(k, inner), (lo, hi) -> {
            double[] acc = new double[width];
            for (int u = lo; u < hi; u++) {
                int o = u / outN, p = u % outN, dst = u * inner;
                for (int j0 = 0; j0 < inner; j0 += width) {
                    int w = Math.min(width, inner - j0);
                    Arrays.fill(acc, 0, w, identity);
                    for (int i = 0; i < k; i++) {
                        int src = tab[p * k + i];
                        if (src >= 0) FloatReductions.fold(op, x, (o * n + src) * inner + j0, acc, w);
                    }
                    for (int j = 0; j < w; j++) out[dst + j0 + j] = (float) acc[j];
                }
            }
        });
        return out;
    }

    private static double[] doublePass(DoubleBinaryOperator op, double identity, double[] x, int outer, int n, int inner, int outN, int[] tab, int k) {
        double[] out = HeapArrays.doubles(outer * outN * inner);
        Parallel.forRange(outer * outN, grain(k, inner), (lo, hi) -> {
            for (int u = lo; u < hi; u++) {
                int o = u / outN, p = u % outN, dst = u * inner;
                Arrays.fill(out, dst, dst + inner, identity);
                for (int i = 0; i < k; i++) {
                    int src = tab[p * k + i];
                    if (src < 0) continue;
                    int base = (o * n + src) * inner;
                    for (int j = 0; j < inner; j++) out[dst + j] = op.applyAsDouble(out[dst + j], x[base + j]);
                }
            }
        });
        return out;
    }

    private static long[] longPass(LongBinaryOperator op, long identity, long[] x, int outer, int n, int inner, int outN, int[] tab, int k) {
        long[] out = HeapArrays.longs(outer * outN * inner);
        Parallel.forRange(outer * outN, grain(k, inner), (lo, hi) -> {
            for (int u = lo; u < hi; u++) {
                int o = u / outN, p = u % outN, dst = u * inner;
                Arrays.fill(out, dst, dst + inner, identity);
                for (int i = 0; i < k; i++) {
                    int src = tab[p * k + i];
                    if (src < 0) continue;
                    int base = (o * n + src) * inner;
                    for (int j = 0; j < inner; j++) out[dst + j] = op.applyAsLong(out[dst + j], x[base + j]);
                }
            }
        });
        return out;
    }
}
