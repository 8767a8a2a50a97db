package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelArg.In;
import dev.jaxj.accel.device.KernelArg.Out;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;
import java.util.List;

import static dev.jaxj.accel.device.library.KernelText2.*;

/**
 * Device kernels of the structural primitives, one work-item per output element. Broadcast,
 * transpose, rev and slice are one kernel, a strided read ({@link Box}); pad, iota, the
 * dynamic slices and concatenation have their own. Reshape, squeeze, expand_dims and
 * stop_gradient move nothing: their result is their operand's buffer.
 * {@snippet :
 * // x: f32[2,3] -> f32[3,2]
 * DeviceCall c = StructuralKernels.lower(new Transpose(Vector.of(1, 0)), Vector.of(x), Vector.of(y));
 * }
 * Bounds follow the CPU backend: dynamic starts are clamped so the slice stays inside the
 * operand, pad crops where its low or high padding is negative.
 */
public final class StructuralKernels {
    private StructuralKernels() {}

    /**
     * {@return the launches computing {@code p}} (gather and the scatters via {@link GatherScatterKernels})
     *
     * @param inAvals  the operands' avals, in the primitive's operand order
     * @param outAvals the result's aval (one)
     */
    public static DeviceCall lower(Structural p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        ShapedArray out = outAvals.single();
        if (out.size() == 0 && !(p instanceof Reshape || p instanceof Squeeze || p instanceof ExpandDims)) return DeviceCall.of(1);
        return switch (p) {
            case Reshape _, Squeeze _, ExpandDims _ -> alias();
            case BroadcastInDim b -> broadcastInDim(b, inAvals.head(), out);
            case Transpose t -> transpose(t, inAvals.head(), out);
            case Rev r -> rev(r, inAvals.head());
            case Slice s -> slice(s, inAvals.head(), out);
            case DynamicSlice _ -> dynamicSlice(inAvals, out);
            case DynamicUpdateSlice _ -> dynamicUpdateSlice(inAvals, out);
            case Concatenate c -> concatenate(c, inAvals, out);
            case Pad pd -> pad(pd, inAvals.head(), out);
            case Iota io -> iota(io.dimension(), out);
            case Gather g -> GatherScatterKernels.lower(g, inAvals, outAvals);
            case ScatterFamily s -> GatherScatterKernels.lower(s, inAvals, outAvals);
        };
    }

    /** {@return the call of {@code stop_gradient}: its operand's buffer} */
    public static DeviceCall lower(StopGradient p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        return alias();
    }

    private static DeviceCall alias() {
        return new DeviceCall(Vector.empty(), Vector.empty(), Vector.of(0));
    }

    private static DeviceCall broadcastInDim(BroadcastInDim p, ShapedArray in, ShapedArray out) {
        if (in.size() == out.size()) return alias();          // only size-1 axes added: the same row-major layout
        int[] inDims = in.shape().toArray(), inStrides = in.shape().strides();
        long[] src = new long[out.rank()];                    // new and size-1 axes repeat: stride 0
        for (int i = 0; i < inDims.length; i++) if (inDims[i] != 1) src[p.broadcastDimensions().get(i)] = inStrides[i];
        return copy(out, 0, src);
    }

    private static DeviceCall transpose(Transpose p, ShapedArray in, ShapedArray out) {
        int[] inStrides = in.shape().strides();
        long[] src = new long[out.rank()];
        for (int i = 0; i < src.length; i++) src[i] = inStrides[p.permutation().get(i)];
        return copy(out, 0, src);
    }

    private static DeviceCall rev(Rev p, ShapedArray in) {
        int[] dims = in.shape().toArray(), strides = in.shape().strides();
        long[] src = new long[dims.length];
        long start = 0;
        for (int i = 0; i < dims.length; i++) src[i] = strides[i];
        for (int a : p.dimensions()) {
            start += (long) (dims[a] - 1) * strides[a];
            src[a] = -src[a];
        }
        return copy(in, start, src);
    }

    private static DeviceCall slice(Slice p, ShapedArray in, ShapedArray out) {
        if (out.shape().equals(in.shape())) return alias();   // a full slice (the strides of size-1 axes don't matter)
        int[] inStrides = in.shape().strides();
        long[] src = new long[in.rank()];
        long start = 0;
        for (int i = 0; i < src.length; i++) {
            start += (long) p.startIndices().get(i) * inStrides[i];
            src[i] = (long) p.strides().get(i) * inStrides[i];
        }
        return copy(out, start, src);
    }

    /** One launch writing {@code out} row-major from operand 0 read at {@code start} with strides {@code src}. */
    static DeviceCall copy(ShapedArray out, long start, long[] src) {
        return DeviceCall.of(1, copyLaunch(out.dtype(), new Box(out.shape().toArray(), src).merged(), start, 0));
    }

    /** The launch of {@link #copyKernel} reading operand {@code in} into result 0. */
    static Launch copyLaunch(DType t, Box box, long start, int in) {
        int r = box.dims().length;
        List<KernelArg> args = new ArrayList<>(List.of(new In(in), new Out(0), new KernelArg.I64(box.size()), new KernelArg.I64(start)));
        for (int d = 1; d < r; d++) args.add(new KernelArg.I64(box.dims()[d]));
        for (int d = 0; d < r; d++) args.add(new KernelArg.I64(box.src()[d]));
        return new Launch(copyKernel(t, r), new long[] {box.size()}, null, Vector.ofAll(args));
    }

    /** {@code y[i] = x[start + sum(c_d * st_d)]} for the row-major coordinates {@code c} of {@code i} in a box of {@code rank} axes. */
    private static KernelSource copyKernel(DType t, int rank) {
        String T = cType(t);
        var sum = new StringBuilder();
        for (int d = rank - 1; d >= 1; d--) sum.append("    at += (r % dim").append(d).append(") * st").append(d).append("; r /= dim").append(d).append(";\n");
        if (rank > 0) sum.append("    at += r * st0;\n");
        return KernelSource.named("strided_copy_" + t.shortName() + "_r" + rank, name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL %s* RESTRICT y, i64_t n, i64_t start%s%s) {
                    i64_t i = GID0;
                    if (i >= n) return;
                    i64_t r = i, at = start;
                %s    y[i] = x[at];
                }
                """.formatted(name, T, T, each(rank, d -> d == 0 ? "" : ", i64_t dim" + d), params("st", rank), sum), t == DType.F64);
    }

    /** Operands {@code x, i0, i1, …}: each work-item reads the start scalars and clamps them, as the CPU does. */
    private static DeviceCall dynamicSlice(Seq<ShapedArray> in, ShapedArray out) {
        ShapedArray x = in.head();
        int r = x.rank();
        DType t = x.dtype();
        String T = cType(t);
        Seq<DType> idx = in.tail().map(ShapedArray::dtype);
        var body = new StringBuilder(coords("r", "c", "od", r)).append("    i64_t at = 0;\n");
        for (int d = 0; d < r; d++) body.append(clampedStart(d)).append("    at += (s").append(d).append(" + c").append(d).append(") * xs").append(d).append(";\n");
        var k = KernelSource.named("dynamic_slice_" + t.shortName() + "_" + idx.map(DType::shortName).mkString("_") + "_r" + r, name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x%s, GLOBAL %s* RESTRICT y, i64_t n%s%s%s) {
                    i64_t i = GID0;
                    if (i >= n) return;
                    i64_t r = i;
                %s    y[i] = x[at];
                }
                """.formatted(name, T, indexParams(idx), T, params("od", r), params("lim", r), params("xs", r), body), t == DType.F64);
        int[] od = out.shape().toArray(), xd = x.shape().toArray(), lim = new int[r];
        for (int d = 0; d < r; d++) lim[d] = xd[d] - od[d];
        Vector<KernelArg> args = Vector.<KernelArg>of(new In(0)).appendAll(Vector.range(1, r + 1).map(In::new)).append(new Out(0))
                .append(new KernelArg.I64(out.size())).appendAll(longs(od)).appendAll(longs(lim)).appendAll(longs(x.shape().strides()));
        return DeviceCall.of(1, new Launch(k, new long[] {out.size()}, null, args));
    }

    /**
     * Operands {@code x, update, i0, i1, …}: one work-item per element of the result (the
     * operand's shape), taking the update where the clamped window covers it.
     */
    private static DeviceCall dynamicUpdateSlice(Seq<ShapedArray> in, ShapedArray out) {
        ShapedArray x = in.get(0), u = in.get(1);
        int r = x.rank();
        DType t = x.dtype();
        String T = cType(t);
        Seq<DType> idx = in.drop(2).map(ShapedArray::dtype);
        var body = new StringBuilder(coords("r", "c", "xd", r)).append("    i64_t at = 0;\n    int inside = 1;\n");
        for (int d = 0; d < r; d++) {
            body.append(clampedStart(d))
                .append("    i64_t w%d = c%d - s%d;\n    if (w%d < 0 || w%d >= ud%d) inside = 0;\n    at += w%d * us%d;\n".formatted(d, d, d, d, d, d, d, d));
        }
        var k = KernelSource.named("dynamic_update_slice_" + t.shortName() + "_" + idx.map(DType::shortName).mkString("_") + "_r" + r, name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL const %s* RESTRICT u%s, GLOBAL %s* RESTRICT y, i64_t n%s%s%s%s) {
                    i64_t i = GID0;
                    if (i >= n) return;
                    i64_t r = i;
                %s    y[i] = inside ? u[at] : x[i];
                }
                """.formatted(name, T, T, indexParams(idx), T, params("xd", r), params("ud", r), params("us", r), params("lim", r), body), t == DType.F64);
        int[] xd = x.shape().toArray(), ud = u.shape().toArray(), lim = new int[r];
        for (int d = 0; d < r; d++) lim[d] = xd[d] - ud[d];
        Vector<KernelArg> args = Vector.<KernelArg>of(new In(0), new In(1)).appendAll(Vector.range(2, r + 2).map(In::new)).append(new Out(0))
                .append(new KernelArg.I64(out.size())).appendAll(longs(xd)).appendAll(longs(ud)).appendAll(longs(u.shape().strides())).appendAll(longs(lim));
        return DeviceCall.of(1, new Launch(k, new long[] {out.size()}, null, args));
    }

    private static String indexParams(Seq<DType> idx) {
        return each(idx.size(), d -> ", GLOBAL const " + cType(idx.get(d)) + "* RESTRICT i" + d);
    }

    /** {@code s<d>}: start scalar {@code i<d>} clamped to {@code [0, lim<d>]}; u32 widens unsigned, so huge starts clamp high. */
    private static String clampedStart(int d) {
        return "    i64_t s%d = (i64_t) i%d[0];\n    s%d = s%d < 0 ? 0 : s%d > lim%d ? lim%d : s%d;\n".formatted(d, d, d, d, d, d, d, d);
    }

    /** One launch per non-empty operand, each writing its slab of the result. */
    private static DeviceCall concatenate(Concatenate p, Seq<ShapedArray> in, ShapedArray out) {
        DType t = out.dtype();
        String T = cType(t);
        var k = KernelSource.named("concatenate_" + t.shortName(), name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL %s* RESTRICT y, i64_t n, i64_t row, i64_t outRow, i64_t at) {
                    i64_t i = GID0;
                    if (i >= n) return;
                    y[i / row * outRow + at + i %% row] = x[i];
                }
                """.formatted(name, T, T), t == DType.F64);
        int[] dims = out.shape().toArray();
        int a = p.dimension();
        long inner = product(dims, a + 1, dims.length), outRow = dims[a] * inner, at = 0;
        var launches = new ArrayList<Launch>();
        for (int j = 0; j < in.size(); j++) {
            ShapedArray x = in.get(j);
            long row = x.shape().dim(a) * inner;
            if (x.size() > 0) launches.add(Launch.of(k, x.size(), new In(j), new Out(0), new KernelArg.I64(x.size()),
                    new KernelArg.I64(row), new KernelArg.I64(outRow), new KernelArg.I64(at)));
            at += row;
        }
        return DeviceCall.of(1, launches.toArray(Launch[]::new));
    }

    /**
     * Operands {@code x, padValue}. Operand index {@code j} lands at {@code lo + j * (interior + 1)}:
     * an output coordinate reads the operand where it is such a position of an existing {@code j},
     * the padding value elsewhere; negative {@code lo}/{@code hi} crop by the same arithmetic.
     */
    private static DeviceCall pad(Pad p, ShapedArray in, ShapedArray out) {
        int r = in.rank();
        DType t = in.dtype();
        String T = cType(t);
        var body = new StringBuilder(coords("r", "c", "od", r)).append("    i64_t at = 0;\n    int inside = 1;\n");
        for (int d = 0; d < r; d++) {
            body.append("""
                        i64_t p%d = c%d - lo%d;
                        if (p%d < 0 || p%d %% step%d != 0 || p%d / step%d >= xd%d) inside = 0;
                        else at += p%d / step%d * xs%d;
                    """.formatted(d, d, d, d, d, d, d, d, d, d, d, d));
        }
        var k = KernelSource.named("pad_" + t.shortName() + "_r" + r, name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL const %s* RESTRICT v, GLOBAL %s* RESTRICT y, i64_t n%s%s%s%s%s) {
                    i64_t i = GID0;
                    if (i >= n) return;
                    i64_t r = i;
                %s    y[i] = inside ? x[at] : v[0];
                }
                """.formatted(name, T, T, T, params("od", r), params("lo", r), params("step", r), params("xd", r), params("xs", r), body), t == DType.F64);
        long[] lo = new long[r], step = new long[r];
        for (int d = 0; d < r; d++) {
            lo[d] = p.config().get(d).lo();
            step[d] = p.config().get(d).interior() + 1L;
        }
        Vector<KernelArg> args = Vector.<KernelArg>of(new In(0), new In(1), new Out(0), new KernelArg.I64(out.size()))
                .appendAll(longs(out.shape().toArray())).appendAll(longs(lo)).appendAll(longs(step))
                .appendAll(longs(in.shape().toArray())).appendAll(longs(in.shape().strides()));
        return DeviceCall.of(1, new Launch(k, new long[] {out.size()}, null, args));
    }

    /** The coordinate along {@code dimension}, converted as C converts an integer (floats round to nearest, as Java's casts). */
    private static DeviceCall iota(int dimension, ShapedArray out) {
        DType t = out.dtype();
        String T = cType(t);
        var k = KernelSource.named("iota_" + t.shortName(), name -> """
                KERNEL void %s(GLOBAL %s* RESTRICT y, i64_t n, i64_t inner, i64_t len) {
                    i64_t i = GID0;
                    if (i >= n) return;
                    y[i] = (%s) (i / inner %% len);
                }
                """.formatted(name, T, T), t == DType.F64);
        int[] dims = out.shape().toArray();
        return DeviceCall.of(1, Launch.of(k, out.size(), new Out(0), new KernelArg.I64(out.size()),
                new KernelArg.I64(product(dims, dimension + 1, dims.length)), new KernelArg.I64(dims[dimension])));
    }
}
