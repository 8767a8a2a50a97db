package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.Dialect;
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
 * Device kernels of the structural primitives that stay library calls: the dynamic slices,
 * gather and the scatters, one work-item per output element. Reshape, squeeze, expand_dims and
 * stop_gradient move nothing: their result is their operand's buffer. Broadcast, transpose,
 * rev, slice, pad, concatenate and iota are loads of fused loops ({@code Fusion} never calls
 * them), rendered by {@link dev.jaxj.accel.device.render.LoopRenderer}.
 * {@snippet :
 * // x: f32[4,3], i, j: i32[] -> f32[2,3]
 * DeviceCall c = StructuralKernels.lower(new DynamicSlice(Vector.of(2, 3)), Vector.of(x, i, j), Vector.of(y));
 * }
 * Bounds follow the CPU backend: dynamic starts are clamped so the slice stays inside the operand.
 */
public final class StructuralKernels {
    private StructuralKernels() {}

    /**
     * {@return the launches computing {@code p}} (gather and the scatters via {@link GatherScatterKernels})
     *
     * @param inAvals  the operands' avals, in the primitive's operand order
     * @param outAvals the result's aval (one)
     * @throws IllegalStateException for a primitive that fusion lowers to a loop's loads
     */
    public static DeviceCall lower(Structural p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        ShapedArray out = outAvals.single();
        if (out.size() == 0 && !(p instanceof Reshape || p instanceof Squeeze || p instanceof ExpandDims)) return DeviceCall.of(1);
        return switch (p) {
            case Reshape _, Squeeze _, ExpandDims _ -> alias();
            case BroadcastInDim _, Transpose _, Rev _, Slice _, Concatenate _, Pad _, Iota _ -> throw new IllegalStateException(
                    p.name() + " is lowered to the loads of a fused loop, never to a library call");
            case DynamicSlice _ -> dynamicSlice(inAvals, out);
            case DynamicUpdateSlice _ -> dynamicUpdateSlice(inAvals, out);
            case Gather g -> GatherScatterKernels.lower(g, inAvals, outAvals);
            case ScatterFamily s -> GatherScatterKernels.lower(s, inAvals, outAvals);
            case ViewAsReal _, ViewAsComplex _ -> throw new IllegalStateException(p.name() + " is refused before it reaches a device (complex numbers run on the CPU)");
        };
    }

    /** {@return the call of {@code stop_gradient}: its operand's buffer} */
    public static DeviceCall lower(StopGradient p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        return alias();
    }

    private static DeviceCall alias() {
        return new DeviceCall(Vector.empty(), Vector.empty(), Vector.of(0));
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
        String T = Dialect.cType(t);
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
        String T = Dialect.cType(t);
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
        String T = Dialect.cType(t);
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
        return each(idx.size(), d -> ", GLOBAL const " + Dialect.cType(idx.get(d)) + "* RESTRICT i" + d);
    }

    /** {@code s<d>}: start scalar {@code i<d>} clamped to {@code [0, lim<d>]}; u32 widens unsigned, so huge starts clamp high. */
    private static String clampedStart(int d) {
        return "    i64_t s%d = (i64_t) i%d[0];\n    s%d = s%d < 0 ? 0 : s%d > lim%d ? lim%d : s%d;\n".formatted(d, d, d, d, d, d, d, d);
    }
}
