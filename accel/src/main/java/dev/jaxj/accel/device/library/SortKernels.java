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
import dev.jaxj.ir.Primitive.Sort;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.ArrayList;

import static dev.jaxj.accel.device.library.KernelText2.*;

/**
 * Device kernels of the multi-operand sort: a bitonic sorting network along the sorted axis,
 * every lane (a line along that axis) at once, over a permutation held in a temporary
 * ({@code lanes x P} i32, {@code P} the lane length rounded up to a power of two), which a
 * last launch applies to every operand. Steps whose partners lie within a block of 256
 * positions run many per launch in work-group memory, so the permutation of a lane of up to 256
 * elements sorts in one launch; longer lanes add one launch per step of a larger stride.
 * {@snippet :
 * // keys f32[4, 100], payload i32[4, 100], sorted along axis 1
 * DeviceCall c = SortKernels.lower(new Sort(1, true, 1), Vector.of(keys, payload), Vector.of(keys, payload));
 * }
 * The order is the CPU backend's: lexicographic over the first {@code numKeys} operands,
 * -0.0 equal to 0.0, every NaN equal to every other and after +inf, u32 unsigned, false
 * before true. A bitonic network is not stable, so ties fall back to the original position:
 * the order is then total and equals the CPU's stable one. Positions past the lane's end
 * (the padding) sort after every element.
 */
public final class SortKernels {
    private SortKernels() {}

    /** Positions per work-group in the steps that run in work-group memory; a power of two. */
    private static final int BLOCK = 256;

    /**
     * {@return the launches sorting the operands}
     *
     * @param inAvals  the operands (one shape), keys first
     * @param outAvals the sorted results, one per operand
     */
    public static DeviceCall lower(Sort p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        ShapedArray first = inAvals.head();
        int[] dims = first.shape().toArray();
        int m = inAvals.size();
        if (first.size() == 0) return DeviceCall.of(m);
        long n = dims[p.dimension()], inner = product(dims, p.dimension() + 1, dims.length), size = first.size();
        long lanes = size / n, lanePow2 = Long.highestOneBit(n) == n ? n : Long.highestOneBit(n) << 1, total = lanes * lanePow2;
        Seq<DType> keys = inAvals.take(p.numKeys()).map(ShapedArray::dtype), all = inAvals.map(ShapedArray::dtype);
        var launches = new ArrayList<Launch>();
        long block = Math.min(lanePow2, BLOCK);
        Vector<KernelArg> keyArgs = Vector.range(0, keys.size()).<KernelArg>map(In::new).append(new Temp(0));
        // Steps whose partners lie within a block run in work-group memory, many per launch; the
        // first such launch also writes the identity permutation, so a lane of up to BLOCK is one launch.
        KernelSource inBlock = blockKernel(keys), step = stepKernel(keys);
        launches.add(new Launch(inBlock, new long[] {total}, new long[] {block}, keyArgs.appendAll(longs(n, lanePow2, inner, 2, block, 1))));
        for (long k = 2 * block; k <= lanePow2; k <<= 1) {
            for (long j = k >> 1; j >= block; j >>= 1) {
                launches.add(new Launch(step, new long[] {total}, null, keyArgs.appendAll(longs(total, n, lanePow2, inner, j, k))));
            }
            launches.add(new Launch(inBlock, new long[] {total}, new long[] {block}, keyArgs.appendAll(longs(n, lanePow2, inner, k, k, 0))));
        }
        Vector<KernelArg> args = Vector.range(0, m).<KernelArg>map(In::new).append(new Temp(0))
                .appendAll(Vector.range(0, m).map(Out::new)).appendAll(longs(size, n, inner, lanePow2));
        launches.add(new Launch(applyKernel(all), new long[] {size}, null, args));
        return new DeviceCall(Vector.ofAll(launches), Vector.of(total * Integer.BYTES), Vector.fill(m, -1));
    }

    /**
     * The steps {@code (k, j)} for {@code k} in {@code [kFrom, kTo]} and {@code j < block}, on one
     * block of a lane per work-group (the group's size), the block's permutation held in
     * work-group memory; {@code init} starts from the identity instead of reading {@code perm}.
     */
    private static KernelSource blockKernel(Seq<DType> keys) {
        String params = each(keys.size(), t -> "GLOBAL const " + Dialect.cType(keys.get(t)) + "* RESTRICT k" + t + ", ");
        String prefix = "sort_block_" + keys.map(DType::shortName).mkString("_");
        return KernelSource.named(prefix.length() > 40 ? "sort_block" : prefix, name -> """
                KERNEL void %s(%sGLOBAL i32_t* RESTRICT perm, i64_t n, i64_t P, i64_t inner, i64_t kFrom, i64_t kTo, i64_t init) {
                    LOCAL i32_t s[%d];
                    int t = LID0, size = LSIZE0;
                    i64_t i = GID0;
                    i64_t lane = i / P, p = i %% P;
                    i64_t base = lane / inner * n * inner + lane %% inner;
                    s[t] = init ? (i32_t) p : perm[i];
                    BARRIER();
                    for (i64_t kk = kFrom; kk <= kTo; kk <<= 1) {
                        for (int jj = (int) (kk >> 1 < size ? kk >> 1 : size >> 1); jj > 0; jj >>= 1) {
                            int u = t ^ jj;
                            if (u > t) {
                                i64_t a = s[t], c = s[u];
                                int ascending = (p & kk) == 0;
                                i64_t lo = ascending ? c : a, hi = ascending ? a : c;
                                int before;
                %s                if (before) {
                                    s[t] = (i32_t) c;
                                    s[u] = (i32_t) a;
                                }
                            }
                            BARRIER();
                        }
                    }
                    perm[i] = s[t];
                }
                """.formatted(name, params, BLOCK, before(keys).indent(12)), usesF64(keys));
    }

    /** One compare-exchange step {@code (k, j)} of the bitonic network, on every lane's permutation. */
    private static KernelSource stepKernel(Seq<DType> keys) {
        String params = each(keys.size(), t -> "GLOBAL const " + Dialect.cType(keys.get(t)) + "* RESTRICT k" + t + ", ");
        String prefix = "sort_step_" + keys.map(DType::shortName).mkString("_");
        return KernelSource.named(prefix.length() > 40 ? "sort_step" : prefix, name -> """
                KERNEL void %s(%sGLOBAL i32_t* RESTRICT perm, i64_t total, i64_t n, i64_t P, i64_t inner, i64_t j, i64_t k) {
                    i64_t i = GID0;
                    if (i >= total) return;
                    i64_t p = i %% P, q = p ^ j;
                    if (q <= p) return;
                    i64_t lane = i / P;
                    i64_t base = lane / inner * n * inner + lane %% inner;
                    GLOBAL i32_t* line = perm + lane * P;
                    i64_t a = line[p], c = line[q];
                    int ascending = (p & k) == 0;
                    i64_t lo = ascending ? c : a, hi = ascending ? a : c;
                    int before;
                %s    if (before) {
                        line[p] = (i32_t) c;
                        line[q] = (i32_t) a;
                    }
                }
                """.formatted(name, params, before(keys)), usesF64(keys));
    }

    /**
     * Sets {@code before} to whether position {@code lo} sorts strictly before position {@code hi}
     * (so that exchanging them orders the pair): keys in turn, then the positions themselves.
     */
    private static String before(Seq<DType> keys) {
        var sb = new StringBuilder("""
                    if (lo >= n || hi >= n) before = lo < hi;
                    else {
                        before = lo < hi;
                """);
        String indent = "        ";
        for (int t = 0; t < keys.size(); t++) {
            String T = Dialect.cType(keys.get(t));
            sb.append(t == 0 ? indent : "").append("{\n")
              .append(indent).append("    ").append(T).append(" x = k").append(t).append("[base + lo * inner], y = k").append(t).append("[base + hi * inner];\n")
              .append(indent).append("    int cmp = ").append(compare(keys.get(t))).append(";\n")
              .append(indent).append("    if (cmp != 0) before = cmp < 0;\n")
              .append(indent).append("    else ");
            indent = indent + "    ";
        }
        sb.append("{}\n");
        for (int t = keys.size() - 1; t >= 0; t--) sb.append("        ").append("    ".repeat(t)).append("}\n");
        return sb.append("    }\n").toString();
    }

    /** {@return -1, 0 or 1 as {@code x} sorts before, with or after {@code y}} */
    private static String compare(DType t) {
        return switch (t) {
            // Comparisons treat -0.0 as 0.0 already; NaNs are equal to each other and after everything.
            case F32, F64 -> "isnan(x) ? (isnan(y) ? 0 : 1) : isnan(y) ? -1 : x < y ? -1 : x > y ? 1 : 0";
            case I32, I64, U32, BOOL -> "x < y ? -1 : x > y ? 1 : 0";
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(t);
        };
    }

    /** {@code y_t[e] = x_t[e + (perm[lane, c] - c) * inner]}: the element at lane position {@code c} comes from position {@code perm[lane, c]}. */
    private static KernelSource applyKernel(Seq<DType> all) {
        String ins = each(all.size(), t -> "GLOBAL const " + Dialect.cType(all.get(t)) + "* RESTRICT x" + t + ", ");
        String outs = each(all.size(), t -> "GLOBAL " + Dialect.cType(all.get(t)) + "* RESTRICT y" + t + ", ");
        String moves = each(all.size(), t -> "    y" + t + "[e] = x" + t + "[src];\n");
        return KernelSource.named("sort_apply_" + all.size(), name -> """
                KERNEL void %s(%sGLOBAL const i32_t* RESTRICT perm, %si64_t size, i64_t n, i64_t inner, i64_t P) {
                    i64_t e = GID0;
                    if (e >= size) return;
                    i64_t c = e / inner %% n;
                    i64_t lane = e / (n * inner) * inner + e %% inner;
                    i64_t src = e + ((i64_t) perm[lane * P + c] - c) * inner;
                %s}
                """.formatted(name, ins, outs, moves), usesF64(all));
    }
}
