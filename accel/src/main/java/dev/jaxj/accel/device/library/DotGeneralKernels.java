package dev.jaxj.accel.device.library;

import dev.jaxj.accel.device.DeviceCall;
import dev.jaxj.accel.device.KernelArg;
import dev.jaxj.accel.device.KernelSource;
import dev.jaxj.accel.device.Launch;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotGeneral;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.stream.IntStream;

/**
 * dot_general as a tiled GEMM: the output, laid out {@code [batch, m, n]} (batch axes in the
 * dimension numbers' order, then lhs free axes, then rhs free axes, as JAX has it), is cut into
 * {@value #TILE}×{@value #TILE} tiles, one per work-group of {@value #THREADS}×{@value #THREADS}
 * work-items (tiles numbered along launch dimension 0, rhs-free tiles fastest), each of which computes a {@value #REG}×{@value #REG} block of registers. The
 * contraction runs in steps of {@value #DEPTH}: the work-group stages a {@code TILE × DEPTH}
 * slice of each operand in local memory, synchronises, and multiplies from there.
 *
 * <p>Operands are read where they lie, through their strides (any batch, contracting and free
 * axes, in any order): there is no transpose copy. Each operand's slice is loaded with
 * consecutive work-items on whichever of its axes (contracting or free) is closer to
 * contiguous, so the loads coalesce for {@code x·W} and {@code x·Wᵀ} alike (rows of the staged
 * slices are padded by one element, so that stores along k do not collide in the same local
 * memory bank). Tiles at the edges
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
    static final int TILE = 64, DEPTH = 16, THREADS = 16, REG = TILE / THREADS;

    private DotGeneralKernels() {}

    /** {@return the launch contracting operand 0 (lhs) with operand 1 (rhs) into result 0} */
    public static DeviceCall lower(DotGeneral p, Seq<ShapedArray> inAvals, Seq<ShapedArray> outAvals) {
        ShapedArray lhs = inAvals.get(0), rhs = inAvals.get(1), out = outAvals.get(0);
        var dn = p.dimensionNumbers();
        int[] ld = lhs.shape().toArray(), rd = rhs.shape().toArray();
        long[] lst = KernelText.strides(ld), rst = KernelText.strides(rd);
        int[] lb = KernelText.ints(dn.lhsBatch()), lc = KernelText.ints(dn.lhsContracting());
        int[] rb = KernelText.ints(dn.rhsBatch()), rc = KernelText.ints(dn.rhsContracting());
        int[] lf = free(ld.length, lb, lc), rf = free(rd.length, rb, rc);
        long batch = KernelText.product(KernelText.pick(ld, lb)), m = KernelText.product(KernelText.pick(ld, lf));
        long n = KernelText.product(KernelText.pick(rd, rf)), k = KernelText.product(KernelText.pick(ld, lc));
        if (batch * m * n == 0) return DeviceCall.of(1);
        Operand a = new Operand(KernelText.offset("bb", KernelText.pick(ld, lb), KernelText.pick(lst, lb)),
                KernelText.offset("r", KernelText.pick(ld, lf), KernelText.pick(lst, lf)),
                KernelText.offset("q", KernelText.pick(ld, lc), KernelText.pick(lst, lc)),
                contiguousFirst(lst, lc, lf), m);
        Operand b = new Operand(KernelText.offset("bb", KernelText.pick(rd, rb), KernelText.pick(rst, rb)),
                KernelText.offset("r", KernelText.pick(rd, rf), KernelText.pick(rst, rf)),
                KernelText.offset("q", KernelText.pick(rd, rc), KernelText.pick(rst, rc)),
                contiguousFirst(rst, rc, rf), n);
        DType ct = out.dtype();
        String acc = switch (ct) {
            case F32 -> "float";
            case F64 -> "double";
            case I32, U32, BOOL -> "u32_t";     // bool: operands become 0 or 1; the sum counts true products, as on the CPU
            case I64 -> "u64_t";
        };
        String store = ct == DType.BOOL ? "(bool_t) (acc[i][j] != 0)" : "(" + KernelText.ctype(ct) + ") acc[i][j]";
        String text = """
                KERNEL void %1$s(GLOBAL const %2$s* RESTRICT a, GLOBAL const %3$s* RESTRICT b, GLOBAL %4$s* RESTRICT c) {
                    LOCAL %5$s as[%8$d][%7$d + 1];
                    LOCAL %5$s bs[%8$d][%7$d + 1];
                    int tx = LID0, ty = LID1, t = ty * %9$d + tx;
                    long g = GROUP0, bb = g / %18$dL;
                    long n0 = g %% %19$dL * %7$d, m0 = g / %19$dL %% %20$dL * %7$d;
                    GLOBAL const %2$s* ab = a + %11$s;
                    GLOBAL const %3$s* bp = b + %12$s;
                    %5$s acc[%10$d][%10$d];
                    for (int i = 0; i < %10$d; i++)
                        for (int j = 0; j < %10$d; j++) acc[i][j] = 0;
                    for (long k0 = 0; k0 < %6$dL; k0 += %8$d) {
                        for (int e = t; e < %7$d * %8$d; e += %9$d * %9$d) {
                %13$s
                %14$s
                        }
                        BARRIER();
                        for (int kk = 0; kk < %8$d; kk++) {
                            %5$s av[%10$d], bv[%10$d];
                            for (int i = 0; i < %10$d; i++) av[i] = as[kk][ty + %9$d * i];
                            for (int j = 0; j < %10$d; j++) bv[j] = bs[kk][tx + %9$d * j];
                            for (int i = 0; i < %10$d; i++)
                                for (int j = 0; j < %10$d; j++) acc[i][j] += av[i] * bv[j];
                        }
                        BARRIER();
                    }
                    for (int i = 0; i < %10$d; i++) {
                        long r = m0 + ty + %9$d * i;
                        if (r >= %15$dL) continue;
                        for (int j = 0; j < %10$d; j++) {
                            long col = n0 + tx + %9$d * j;
                            if (col < %16$dL) c[(bb * %15$dL + r) * %16$dL + col] = %17$s;
                        }
                    }
                }
                """;
        long nTiles = KernelText.roundUp(n, TILE) / TILE, mTiles = KernelText.roundUp(m, TILE) / TILE;
        String lt = KernelText.ctype(lhs.dtype()), rt = KernelText.ctype(rhs.dtype());
        String loadA = load("as", "ab", a, lhs.dtype(), ct, acc, k), loadB = load("bs", "bp", b, rhs.dtype(), ct, acc, k);
        KernelSource kernel = KernelSource.named("dot_" + lhs.dtype() + "_" + rhs.dtype() + "_" + ct, name -> text.formatted(
                name, lt, rt, KernelText.ctype(ct), acc, k, TILE, DEPTH, THREADS, REG, a.batch(), b.batch(), loadA, loadB, m, n, store,
                nTiles * mTiles, nTiles, mTiles),
                KernelText.usesF64(lhs.dtype(), rhs.dtype(), ct));
        // Tiles are numbered along one dimension, which allows far more work-groups than the others (CUDA: 65535).
        long[] global = {nTiles * mTiles * batch * THREADS, THREADS};
        return DeviceCall.of(1, new Launch(kernel, global, new long[] {THREADS, THREADS},
                Vector.of(new KernelArg.In(0), new KernelArg.In(1), new KernelArg.Out(0))));
    }

    /**
     * One operand's offsets as C expressions: of batch index {@code bb}, of free index
     * {@code r} (m or n) and of contracting index {@code q}.
     *
     * @param contractingFast whether consecutive contracting indices lie closer in memory than
     *                        consecutive free ones (then consecutive work-items load along k)
     * @param size            the free size (m or n)
     */
    private record Operand(String batch, String free, String contracting, boolean contractingFast, long size) {}

    /** The statement staging element {@code e} of the operand's {@code DEPTH x TILE} slice in {@code tile}. */
    private static String load(String tile, String base, Operand o, DType from, DType ct, String acc, long k) {
        String split = o.contractingFast()
                ? "int kk = e %% %d, rr = e / %d;".formatted(DEPTH, DEPTH)
                : "int rr = e %% %d, kk = e / %d;".formatted(TILE, TILE);
        String value = "(%s) %s".formatted(acc, KernelText.convert(from, ct, base + "[" + o.free() + " + " + o.contracting() + "]"));
        return """
                            {
                                %s
                                long r = %s0 + rr, q = k0 + kk;
                                %s[kk][rr] = r < %dL && q < %dL ? %s : (%s) 0;
                            }""".formatted(split, tile.equals("as") ? "m" : "n", tile, o.size(), k, value, acc).indent(12).stripTrailing();
    }

    /** {@return whether the innermost contracting axis has a smaller stride than the innermost free axis} */
    private static boolean contiguousFirst(long[] strides, int[] contracting, int[] free) {
        return innermost(strides, contracting) < innermost(strides, free);
    }

    private static long innermost(long[] strides, int[] axes) {
        long s = Long.MAX_VALUE;
        for (int a : axes) s = Math.min(s, strides[a]);
        return s;
    }

    private static int[] free(int rank, int[] batch, int[] contracting) {
        return IntStream.range(0, rank)
                .filter(i -> IntStream.of(batch).noneMatch(x -> x == i) && IntStream.of(contracting).noneMatch(x -> x == i))
                .toArray();
    }
}
