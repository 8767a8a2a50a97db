package dev.jaxj.accel.device.library;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelArg.In;
import dev.jaxj.accel.device.KernelArg.Out;
import dev.jaxj.accel.device.KernelArg.Temp;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.accel.device.library.KernelText2.*;

/**
 * Device kernels of XLA's gather and of the scatter family, with general dimension numbers
 * (operand batching dims included) and the CPU backend's bounds rules:
 * {@snippet lang=text :
 * CLIP, PROMISE_IN_BOUNDS: start clamped to [0, operand_dim - window_size] per indexed axis
 * FILL_OR_DROP:            start outside that range in any axis -> gather fills the window, scatter drops it
 * }
 * Gather is one work-item per output element. A scatter first writes, per batch position
 * (a temporary of {@code batches x (rank + 2)} i64: in bounds, the update's batch offset, the
 * window's start per operand axis), then runs one work-item per operand element that walks
 * the batch positions in order and combines every update that covers it.
 *
 * <p>That second step is a gather from the updates rather than a scatter into the operand on
 * purpose: each element's updates are applied in the CPU's (batch) order by one work-item, so
 * float sums and products round exactly as the CPU's do, the last duplicate wins for plain
 * scatter, no atomics are needed (OpenCL 1.2 has no float atomic add, and atomic float adds
 * in any order make sums non-deterministic), and the result is the same on every device.
 * It costs {@code operand size x batches} window tests, which suits the small index sets of
 * most scatters; plain scatter stops at the last update that covers an element.
 * {@snippet :
 * DeviceCall c = GatherScatterKernels.lower(new ScatterAdd(dn, GatherScatterMode.FILL_OR_DROP), Vector.of(operand, indices, updates), Vector.of(operand));
 * }
 */
public final class GatherScatterKernels {
    private GatherScatterKernels() {}

    /**
     * {@return the launch of gather {@code p}}: operands {@code operand, indices}.
     *
     * @param inAvals  {@code operand, indices}
     * @param outAvals the gathered aval
     */
    public static DeviceCall lower(Gather p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        ShapedArray x = inAvals.get(0), ix = inAvals.get(1), out = outAvals.single();
        if (out.size() == 0) return DeviceCall.of(1);
        var dn = p.dimensionNumbers();
        int rank = x.rank(), outRank = out.rank(), k = ix.shape().dim(-1);
        DType t = x.dtype();
        int[] batchOutAxes = Vector.range(0, outRank).filter(d -> !dn.offsetDims().contains(d)).toJavaStream().mapToInt(Integer::intValue).toArray();
        var body = new StringBuilder(coords("r", "c", "od", outRank)).append("    i64_t b = 0;\n");
        for (int d : batchOutAxes) body.append("    b = b * od").append(d).append(" + c").append(d).append(";\n");
        body.append("    i64_t at = 0;\n    int ok = 1;\n");
        for (int a = 0, kept = 0; a < rank; a++) {
            boolean dropped = dn.collapsedSliceDims().contains(a) || dn.operandBatchingDims().contains(a);
            String window = dropped ? "0" : "c" + dn.offsetDims().get(kept++);
            body.append(start(a, dn.startIndexMap().indexOf(a), k, p.mode(), dn.operandBatchingDims().indexOf(a),
                    j -> "c" + batchOutAxes[dn.startIndicesBatchingDims().get(j)]));
            body.append("    at += (s").append(a).append(" + ").append(window).append(") * xs").append(a).append(";\n");
        }
        String T = Dialect.cType(t), I = Dialect.cType(ix.dtype());
        var kernel = KernelSource.named("gather_" + t.shortName() + "_" + ix.dtype().shortName() + "_" + p.mode().name().toLowerCase(), name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL const %s* RESTRICT idx, GLOBAL %s* RESTRICT y, i64_t n%s%s%s, %s fill) {
                    i64_t i = GID0;
                    if (i >= n) return;
                    i64_t r = i;
                %s    y[i] = ok ? x[at] : (%s) fill;
                }
                """.formatted(name, T, I, T, params("od", outRank), params("xs", rank), params("lim", rank), scalarType(t), body, T), t == DType.F64);
        int[] lim = new int[rank];
        for (int a = 0; a < rank; a++) lim[a] = x.shape().dim(a) - p.sliceSizes().get(a);
        Vector<KernelArg> args = Vector.<KernelArg>of(new In(0), new In(1), new Out(0), new KernelArg.I64(out.size()))
                .appendAll(longs(out.shape().toArray())).appendAll(longs(x.shape().strides())).appendAll(longs(lim))
                .append(scalarArg(t, fillBits(t)));
        return DeviceCall.of(1, new Launch(kernel, new long[] {out.size()}, null, args));
    }

    /**
     * {@return the launches of scatter {@code p}}: operands {@code operand, indices, updates}.
     *
     * @param inAvals  {@code operand, indices, updates}
     * @param outAvals the operand's aval
     */
    public static DeviceCall lower(ScatterFamily p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        ShapedArray x = inAvals.get(0), ix = inAvals.get(1), u = inAvals.get(2), out = outAvals.single();
        if (x.size() == 0) return DeviceCall.of(1);
        if (u.size() == 0) return DeviceCall.of(1, StructuralKernels.copyLaunch(x.dtype(), new Box(new int[] {x.size()}, new long[] {1}), 0, 0));
        var dn = p.dimensionNumbers();
        int rank = x.rank(), k = ix.shape().dim(-1), batchRank = ix.rank() - 1;
        int[] uDims = u.shape().toArray(), uStrides = u.shape().strides();
        // The k-th window axis of the operand takes its size and update stride from update_window_dims[k].
        int[] window = new int[rank], us = new int[rank], lim = new int[rank];
        for (int a = 0, w = 0; a < rank; a++) {
            if (dn.insertedWindowDims().contains(a) || dn.operandBatchingDims().contains(a)) {
                window[a] = 1;
            } else {
                int ud = dn.updateWindowDims().get(w++);
                window[a] = uDims[ud];
                us[a] = uStrides[ud];
            }
            lim[a] = x.shape().dim(a) - window[a];
        }
        int[] batchDims = new int[batchRank], batchStrides = new int[batchRank];
        for (int d = 0, b = 0; d < u.rank(); d++) {
            if (!dn.updateWindowDims().contains(d)) {
                batchDims[b] = uDims[d];
                batchStrides[b++] = uStrides[d];
            }
        }
        int batches = product(batchDims, 0, batchRank);
        Launch windows = windowsLaunch(p, ix, rank, k, batchDims, batchStrides, lim, batches);
        Launch combine = combineLaunch(p, x, rank, window, us, batches);
        return new DeviceCall(Vector.of(windows, combine), Vector.of((long) batches * (rank + 2) * Long.BYTES), Vector.of(-1));
    }

    /** Per batch position {@code b}, row {@code b} of the temporary: {@code [in bounds, update offset, start_0, …]}. */
    private static Launch windowsLaunch(ScatterFamily p, ShapedArray ix, int rank, int k, int[] batchDims, int[] batchStrides, int[] lim, int batches) {
        var dn = p.dimensionNumbers();
        int batchRank = batchDims.length;
        var body = new StringBuilder(coords("r", "q", "bd", batchRank))
                .append("    GLOBAL i64_t* row = w + b * ").append(rank + 2).append(";\n    i64_t at = 0;\n    int ok = 1;\n");
        for (int m = 0; m < batchRank; m++) body.append("    at += q").append(m).append(" * ubs").append(m).append(";\n");
        for (int a = 0; a < rank; a++) {
            body.append(start(a, dn.scatterDimsToOperandDims().indexOf(a), k, p.mode(), dn.operandBatchingDims().indexOf(a),
                    j -> "q" + dn.scatterIndicesBatchingDims().get(j)));
            body.append("    row[").append(a + 2).append("] = s").append(a).append(";\n");
        }
        String I = Dialect.cType(ix.dtype());
        var kernel = KernelSource.named("scatter_windows_" + ix.dtype().shortName() + "_" + p.mode().name().toLowerCase(), name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT idx, GLOBAL i64_t* RESTRICT w, i64_t nb%s%s%s) {
                    i64_t b = GID0;
                    if (b >= nb) return;
                    i64_t r = b;
                %s    row[0] = ok;
                    row[1] = at;
                }
                """.formatted(name, I, params("bd", batchRank), params("ubs", batchRank), params("lim", rank), body), false);
        Vector<KernelArg> args = Vector.<KernelArg>of(new In(1), new Temp(0), new KernelArg.I64(batches))
                .appendAll(longs(batchDims)).appendAll(longs(batchStrides)).appendAll(longs(lim));
        return new Launch(kernel, new long[] {batches}, null, args);
    }

    /** One work-item per operand element folds, in batch order, the updates whose window covers it. */
    private static Launch combineLaunch(ScatterFamily p, ShapedArray x, int rank, int[] window, int[] us, int batches) {
        DType t = x.dtype();
        String T = Dialect.cType(t);
        boolean replace = p instanceof Scatter;
        var test = new StringBuilder();
        for (int a = 0; a < rank; a++) {
            test.append("        i64_t e%d = c%d - row[%d];\n        if (e%d < 0 || e%d >= win%d) continue;\n        at += e%d * us%d;\n"
                    .formatted(a, a, a + 2, a, a, a, a, a));
        }
        // Plain scatter: the last update in batch order wins, so walk backwards and stop at the first hit.
        String loop = replace ? "for (i64_t b = nb - 1; b >= 0; b--)" : "for (i64_t b = 0; b < nb; b++)";
        String fold = replace ? "acc = v;\n        break;" : "acc = " + combine(p, t) + ";";
        String op = switch (p) {
            case Scatter _ -> "scatter";
            case ScatterAdd _ -> "scatter_add";
            case ScatterMul _ -> "scatter_mul";
            case ScatterMin _ -> "scatter_min";
            case ScatterMax _ -> "scatter_max";
        };
        var kernel = KernelSource.named(op + "_" + t.shortName() + "_r" + rank, name -> """
                KERNEL void %s(GLOBAL const %s* RESTRICT x, GLOBAL const %s* RESTRICT u, GLOBAL const i64_t* RESTRICT w, GLOBAL %s* RESTRICT y, i64_t n, i64_t nb%s%s%s) {
                    i64_t i = GID0;
                    if (i >= n) return;
                    i64_t r = i;
                %s    %s acc = x[i];
                    %s {
                        GLOBAL const i64_t* row = w + b * %d;
                        if (row[0] == 0) continue;
                        i64_t at = row[1];
                %s        %s v = u[at];
                        %s
                    }
                    y[i] = acc;
                }
                """.formatted(name, T, T, T, params("xd", rank), params("win", rank), params("us", rank),
                coords("r", "c", "xd", rank), T, loop, rank + 2, test, T, fold), t == DType.F64);
        Vector<KernelArg> args = Vector.<KernelArg>of(new In(0), new In(2), new Temp(0), new Out(0), new KernelArg.I64(x.size()), new KernelArg.I64(batches))
                .appendAll(longs(x.shape().toArray())).appendAll(longs(window)).appendAll(longs(us));
        return new Launch(kernel, new long[] {x.size()}, null, args);
    }

    /**
     * {@return {@code acc} combined with update {@code v}} as the CPU's combiners: integers wrap
     * (through unsigned arithmetic, since signed overflow is undefined in C), float min and max
     * propagate NaN and order -0.0 below 0.0 (Java's {@code Math.min}/{@code max}), u32 compares
     * unsigned, bool add/max are "or" and mul/min are "and".
     */
    private static String combine(ScatterFamily p, DType t) {
        return switch (p) {
            case Scatter _ -> "v";
            case ScatterAdd _ -> arithmetic(t, "+", "|");
            case ScatterMul _ -> arithmetic(t, "*", "&");
            case ScatterMin _ -> switch (t) {
                case F32, F64 -> "isnan(acc) ? acc : isnan(v) ? v : acc < v ? acc : v < acc ? v : signbit(acc) ? acc : v";
                case I32, I64, U32 -> "acc <= v ? acc : v";
                case BOOL -> "(bool_t) (acc & v)";
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(t);
            };
            case ScatterMax _ -> switch (t) {
                case F32, F64 -> "isnan(acc) ? acc : isnan(v) ? v : acc > v ? acc : v > acc ? v : signbit(acc) ? v : acc";
                case I32, I64, U32 -> "acc >= v ? acc : v";
                case BOOL -> "(bool_t) (acc | v)";
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(t);
            };
        };
    }

    private static String arithmetic(DType t, String op, String boolOp) {
        return switch (t) {
            case F32, F64, U32 -> "acc " + op + " v";
            case I32 -> "(i32_t) ((u32_t) acc " + op + " (u32_t) v)";
            case I64 -> "(i64_t) ((u64_t) acc " + op + " (u64_t) v)";
            case BOOL -> "(bool_t) (acc " + boolOp + " v)";
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(t);
        };
    }

    /**
     * Declares {@code s<a>}, the window's start along operand axis {@code a}: from index-vector
     * component {@code j} (row {@code i} of the indices, {@code k} components) clamped or
     * checked per {@code mode}, from a batch coordinate for an operand batching axis, else 0.
     */
    private static String start(int a, int j, int k, GatherScatterMode mode, int batching, java.util.function.IntFunction<String> batchCoord) {
        if (j >= 0) {
            String load = "    i64_t s%d = (i64_t) idx[b * %d + %d];\n".formatted(a, k, j);
            return load + switch (mode) {
                case CLIP, PROMISE_IN_BOUNDS -> "    s%d = s%d < 0 ? 0 : s%d > lim%d ? lim%d : s%d;\n".formatted(a, a, a, a, a, a);
                case FILL_OR_DROP -> "    if (s%d < 0 || s%d > lim%d) ok = 0;\n".formatted(a, a, a);
            };
        }
        if (batching >= 0) return "    i64_t s%d = %s;\n".formatted(a, batchCoord.apply(batching));
        return "    i64_t s%d = 0;\n".formatted(a);
    }

    /** JAX's fill of out-of-bounds gathers, as bits: NaN, the lowest signed integer, the largest unsigned, true. */
    private static long fillBits(DType t) {
        return switch (t) {
            case F32 -> Float.floatToRawIntBits(Float.NaN);
            case F64 -> Double.doubleToRawLongBits(Double.NaN);
            case I32 -> Integer.MIN_VALUE;
            case I64 -> Long.MIN_VALUE;
            case U32 -> -1;
            case BOOL -> 1;
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(t);
        };
    }
}
