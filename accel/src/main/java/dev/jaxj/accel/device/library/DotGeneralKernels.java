package dev.jaxj.accel.device.library;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.device.Dialect;
import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotGeneral;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.stream.IntStream;

/**
 * dot_general as a tiled GEMM: the output, laid out {@code [batch, m, n]} (batch axes in the
 * dimension numbers' order, then lhs free axes, then rhs free axes, as JAX has it), is cut into
 * square tiles, one per work-group of {@value #THREADS}×{@value #THREADS} work-items (tiles
 * numbered along launch dimension 0, rhs-free tiles fastest), each of which computes a square
 * block of registers: 64×64 tiles of 4×4 registers, or, where the output
 * holds at least {@value #LARGE_FROM} tiles of 128×128 (enough to occupy every multiprocessor
 * of a large GPU), 128×128 tiles of 8×8 registers, which read local memory
 * half as often per multiply-add. The contraction runs in steps of {@value #DEPTH}: the
 * work-group stages a {@code tile × DEPTH} slice of each operand in local memory, synchronises,
 * and multiplies from there.
 *
 * <p>Operands are read where they lie, through their strides (any batch, contracting and free
 * axes, in any order): there is no transpose copy. Each operand's slice is loaded with
 * consecutive work-items on whichever of its axes (contracting or free) is closer to
 * contiguous, so the loads coalesce for {@code x·W} and {@code x·Wᵀ} alike. An f32 operand
 * whose loading axis is its last, with a length divisible by 4, is loaded four elements at a
 * time ({@code LOAD4}): every other stride is then a multiple of 4 too, so each group of four
 * starts on a 16-byte boundary and lies wholly inside or wholly outside the operand's edges.
 * Other operands (ragged lengths, strided or batch-minor layouts, conversions, other dtypes)
 * are loaded one element at a time. In f32, a work-item's registers hold rows and columns in
 * runs of four, which it reads from the staged slices four at a time. Rows of the staged slices
 * are padded by four elements, which keeps the runs on 16-byte boundaries and lets at most
 * two work-items of a warp that store along k meet in a local memory bank. Tiles at the edges
 * load zeros past the ends and store only what lies inside.
 *
 * <p>Operands are converted to the computation dtype (the preferred element type, else
 * theirs) as they load, as the CPU backend converts them. f32 accumulates in f32 (a relative
 * error of order K·eps against an exact sum); f64 in f64; integers exactly, wrapping as their
 * arithmetic does; a bool result is whether any product is true.
 * {@snippet :
 * // f32[32, 100, 70] · f32[32, 70, 50] -> f32[32, 100, 50], batched over axis 0
 * var dn = new DotDimensionNumbers(Vector.of(2), Vector.of(1), Vector.of(0), Vector.of(0));
 * DeviceCall c = DotGeneralKernels.lower(new DotGeneral(dn, Option.none()), Vector.of(a, b), Vector.of(ShapedArray.of(DType.F32, 32, 100, 50)));
 * }
 */
public final class DotGeneralKernels {
    static final int DEPTH = 16, THREADS = 16, VECTOR = 4;
    /** Large tiles from this many of them on: fewer would leave multiprocessors of a large GPU idle. */
    static final long LARGE_FROM = 128;

    /** A work-group's output tile: {@code tile × tile} elements, {@code reg × reg} per work-item. */
    enum Tiling {
        SMALL(64), LARGE(128);

        final int tile, reg;

        Tiling(int tile) {
            this.tile = tile;
            this.reg = tile / THREADS;
        }
    }

    private DotGeneralKernels() {}

    /** {@return the launch contracting operand 0 (lhs) with operand 1 (rhs) into result 0} */
    public static DeviceCall lower(DotGeneral p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        return lower(p, inAvals, outAvals, Option.none());
    }

    /** {@return the launch of {@link #lower(DotGeneral, Seq, Seq)}, with {@code forced} tiles instead of those chosen by size} */
    static DeviceCall lower(DotGeneral p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals, Option<Tiling> forced) {
        ShapedArray lhs = inAvals.get(0), rhs = inAvals.get(1), out = outAvals.get(0);
        var dn = p.dimensionNumbers();
        int[] ld = lhs.shape().toArray(), rd = rhs.shape().toArray();
        int[] lb = KernelText.ints(dn.lhsBatch()), lc = KernelText.ints(dn.lhsContracting());
        int[] rb = KernelText.ints(dn.rhsBatch()), rc = KernelText.ints(dn.rhsContracting());
        int[] lf = free(ld.length, lb, lc), rf = free(rd.length, rb, rc);
        long batch = KernelText.product(KernelText.pick(ld, lb)), m = KernelText.product(KernelText.pick(ld, lf));
        long n = KernelText.product(KernelText.pick(rd, rf)), k = KernelText.product(KernelText.pick(ld, lc));
        if (batch * m * n == 0) return DeviceCall.of(1);
        DType ct = out.dtype();
        Operand a = Operand.of(ld, lb, lc, lf, lhs.dtype(), ct), b = Operand.of(rd, rb, rc, rf, rhs.dtype(), ct);
        Tiling tl = forced.getOrElse(() -> batch * tiles(m, Tiling.LARGE) * tiles(n, Tiling.LARGE) >= LARGE_FROM ? Tiling.LARGE : Tiling.SMALL);
        String acc = switch (ct) {
            case F32 -> "float";
            case F64 -> "double";
            case I32, U32, BOOL -> "u32_t";     // bool: operands become 0 or 1; the sum counts true products, as on the CPU
            case I64 -> "u64_t";
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(ct);
        };
        String store = ct == DType.BOOL ? "(bool_t) (acc[i][j] != 0)" : "(" + Dialect.cType(ct) + ") acc[i][j]";
        String text = """
                KERNEL void %1$s(GLOBAL const %2$s* RESTRICT a, GLOBAL const %3$s* RESTRICT b, GLOBAL %4$s* RESTRICT c) {
                    LOCAL ALIGN16 %5$s as[%8$d][%7$d + 4];
                    LOCAL ALIGN16 %5$s bs[%8$d][%7$d + 4];
                    int tx = LID0, ty = LID1, t = ty * %9$d + tx;
                    long g = GROUP0, bb = g / %18$dL;
                    long n0 = g %% %19$dL * %7$d, m0 = g / %19$dL %% %20$dL * %7$d;
                    GLOBAL const %2$s* ab = a + %11$s;
                    GLOBAL const %3$s* bp = b + %12$s;
                    %5$s acc[%10$d][%10$d];
                    for (int i = 0; i < %10$d; i++)
                        for (int j = 0; j < %10$d; j++) acc[i][j] = 0;
                    for (long k0 = 0; k0 < %6$dL; k0 += %8$d) {
                %13$s
                %14$s
                        BARRIER();
                        for (int kk = 0; kk < %8$d; kk++) {
                            %5$s av[%10$d], bv[%10$d];
                %21$s
                            for (int i = 0; i < %10$d; i++)
                                for (int j = 0; j < %10$d; j++) acc[i][j] += av[i] * bv[j];
                        }
                        BARRIER();
                    }
                    for (int i = 0; i < %10$d; i++) {
                        long r = m0 + %22$s;
                        if (r >= %15$dL) continue;
                        for (int j = 0; j < %10$d; j++) {
                            long col = n0 + %23$s;
                            if (col < %16$dL) c[(bb * %15$dL + r) * %16$dL + col] = %17$s;
                        }
                    }
                }
                """;
        long nTiles = tiles(n, tl), mTiles = tiles(m, tl);
        String lt = Dialect.cType(lhs.dtype()), rt = Dialect.cType(rhs.dtype());
        String loadA = load("as", "ab", a, tl, lhs.dtype(), ct, acc, m, k), loadB = load("bs", "bp", b, tl, rhs.dtype(), ct, acc, n, k);
        String prefix = "dot_" + lhs.dtype() + "_" + rhs.dtype() + "_" + ct + "_" + tl.tile + (a.vector() ? "v" : "s") + (b.vector() ? "v" : "s");
        KernelSource kernel = KernelSource.named(prefix, name -> text.formatted(
                name, lt, rt, Dialect.cType(ct), acc, k, tl.tile, DEPTH, THREADS, tl.reg, a.batch(), b.batch(), loadA, loadB, m, n, store,
                nTiles * mTiles, nTiles, mTiles, reads(ct, tl), lane(ct, "i", "ty"), lane(ct, "j", "tx")),
                KernelText.usesF64(lhs.dtype(), rhs.dtype(), ct));
        // Tiles are numbered along one dimension, which allows far more work-groups than the others (CUDA: 65535).
        long[] global = {nTiles * mTiles * batch * THREADS, THREADS};
        return DeviceCall.of(1, new Launch(kernel, global, new long[] {THREADS, THREADS},
                Vector.of(new KernelArg.In(0), new KernelArg.In(1), new KernelArg.Out(0))));
    }

    /**
     * {@return the row (or column) within the tile of a work-item's register {@code i}, the
     * work-item being {@code t} along that side} f32 registers hold runs of four,
     * {@code 4·THREADS} apart ({@code t·4 + {0..3}}, then 64 further on for an 8×8 block), which
     * are read four at a time: a quarter-warp of work-items reads one run (the same {@code t})
     * or eight side by side, without bank conflicts. Other dtypes read one element at a time,
     * and their registers interleave ({@code t + THREADS·i}), so that work-items side by side
     * read elements side by side.
     */
    private static String lane(DType ct, String i, String t) {
        return ct == DType.F32
                ? "%1$s / 4 * %3$d + %2$s * 4 + %1$s %% 4".formatted(i, t, 4 * THREADS)
                : "%2$s + %3$d * %1$s".formatted(i, t, THREADS);
    }

    /** {@return the statements reading step {@code kk}'s registers {@code av} and {@code bv} from the staged slices} */
    private static String reads(DType ct, Tiling tl) {
        if (ct != DType.F32) {
            return """
                    for (int i = 0; i < %d; i++) av[i] = as[kk][%s];
                    for (int j = 0; j < %d; j++) bv[j] = bs[kk][%s];"""
                    .formatted(tl.reg, lane(ct, "i", "ty"), tl.reg, lane(ct, "j", "tx")).indent(12).stripTrailing();
        }
        return """
                for (int h = 0; h < %d; h++) {
                    f32x4 x = LOAD4(as[kk], h * %d + ty * 4), y = LOAD4(bs[kk], h * %d + tx * 4);
                    av[4 * h] = x.x; av[4 * h + 1] = x.y; av[4 * h + 2] = x.z; av[4 * h + 3] = x.w;
                    bv[4 * h] = y.x; bv[4 * h + 1] = y.y; bv[4 * h + 2] = y.z; bv[4 * h + 3] = y.w;
                }""".formatted(tl.reg / 4, 4 * THREADS, 4 * THREADS).indent(12).stripTrailing();
    }

    private static long tiles(long size, Tiling t) {
        return KernelText.roundUp(size, t.tile) / t.tile;
    }

    /**
     * One operand's offsets as C expressions: of batch index {@code bb}, of free index
     * {@code r} (m or n) and of contracting index {@code q}.
     *
     * @param contractingFast whether consecutive contracting indices lie closer in memory than
     *                        consecutive free ones (then consecutive work-items load along k)
     * @param vector          whether it is loaded {@value #VECTOR} elements at a time along that axis
     */
    private record Operand(String batch, String free, String contracting, boolean contractingFast, boolean vector) {
        static Operand of(int[] dims, int[] batch, int[] contracting, int[] free, DType from, DType ct) {
            long[] st = KernelText.strides(dims);
            boolean contractingFast = innermost(dims, st, contracting) < innermost(dims, st, free);
            boolean vector = from == DType.F32 && ct == DType.F32 && lastAndDivisible(dims, contractingFast ? contracting : free);
            return new Operand(KernelText.offset("bb", KernelText.pick(dims, batch), KernelText.pick(st, batch)),
                    KernelText.offset("r", KernelText.pick(dims, free), KernelText.pick(st, free)),
                    KernelText.offset("q", KernelText.pick(dims, contracting), KernelText.pick(st, contracting)),
                    contractingFast, vector);
        }
    }

    /**
     * {@return whether the fastest-varying of {@code axes} (the last one longer than 1) is the
     * operand's contiguous one and its length a multiple of {@value #VECTOR}} Then index
     * {@code 4i .. 4i + 3} of a walk over {@code axes} lie side by side, and as every other
     * stride of the row-major operand is a multiple of that length, the first of them is
     * aligned to four elements.
     */
    private static boolean lastAndDivisible(int[] dims, int[] axes) {
        for (int i = axes.length - 1; i >= 0; i--) {
            int ax = axes[i];
            if (dims[ax] == 1) continue;
            for (int later = ax + 1; later < dims.length; later++) if (dims[later] != 1) return false;
            return dims[ax] % VECTOR == 0;
        }
        return false;
    }

    /**
     * {@return the loop staging the operand's {@code DEPTH × tile} slice in {@code tile}},
     * element {@code [kk][rr]} holding the operand's free index {@code r0 + rr} (r0: m0 or n0)
     * and contracting index {@code k0 + kk}. Every work-item stages as many elements (or groups
     * of four) as the others, as {@code DEPTH × tile} is a multiple of {@code 4 × THREADS²}: the
     * loop's trip count is a constant, which device compilers unroll.
     */
    private static String load(String tile, String base, Operand o, Tiling tl, DType from, DType ct, String acc, long size, long k) {
        String r0 = tile.equals("as") ? "m0" : "n0";
        String at = base + "[" + o.free() + " + " + o.contracting() + "]";
        if (!o.vector()) {
            String split = o.contractingFast()
                    ? "int kk = e %% %d, rr = e / %d;".formatted(DEPTH, DEPTH)
                    : "int rr = e %% %d, kk = e / %d;".formatted(tl.tile, tl.tile);
            return """
                    for (int s = 0; s < %d; s++) {
                        int e = t + %d * s;
                        %s
                        long r = %s + rr, q = k0 + kk;
                        %s[kk][rr] = r < %dL && q < %dL ? (%s) %s : (%s) 0;
                    }""".formatted(tl.tile * DEPTH / (THREADS * THREADS), THREADS * THREADS, split, r0, tile, size, k, acc, KernelText.convert(from, ct, at), acc)
                    .indent(8).stripTrailing();
        }
        // Groups of four along the loading axis: consecutive work-items take consecutive groups.
        String split, stores;
        if (o.contractingFast()) {
            split = "int kk = e %% %d * 4, rr = e / %d;".formatted(DEPTH / VECTOR, DEPTH / VECTOR);
            stores = "%1$s[kk][rr] = v.x; %1$s[kk + 1][rr] = v.y; %1$s[kk + 2][rr] = v.z; %1$s[kk + 3][rr] = v.w;".formatted(tile);
        } else {
            split = "int rr = e %% %d * 4, kk = e / %d;".formatted(tl.tile / VECTOR, tl.tile / VECTOR);
            stores = "%1$s[kk][rr] = v.x; %1$s[kk][rr + 1] = v.y; %1$s[kk][rr + 2] = v.z; %1$s[kk][rr + 3] = v.w;".formatted(tile);
        }
        return """
                for (int s = 0; s < %d; s++) {
                    int e = t + %d * s;
                    %s
                    long r = %s + rr, q = k0 + kk;
                    f32x4 v;
                    if (r < %dL && q < %dL) v = LOAD4(%s, %s + %s);
                    else v.x = v.y = v.z = v.w = 0.0f;
                    %s
                }""".formatted(tl.tile * DEPTH / VECTOR / (THREADS * THREADS), THREADS * THREADS, split, r0, size, k, base, o.free(), o.contracting(), stores)
                .indent(8).stripTrailing();
    }

    /** {@return the smallest stride among {@code axes} longer than 1} (a length-1 axis is never stepped along) */
    private static long innermost(int[] dims, long[] strides, int[] axes) {
        long s = Long.MAX_VALUE;
        for (int a : axes) if (dims[a] != 1) s = Math.min(s, strides[a]);
        return s;
    }

    private static int[] free(int rank, int[] batch, int[] contracting) {
        return IntStream.range(0, rank)
                .filter(i -> IntStream.of(batch).noneMatch(x -> x == i) && IntStream.of(contracting).noneMatch(x -> x == i))
                .toArray();
    }
}
