package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.Conversions;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Primitive.DotGeneral;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static dev.jaxj.accel.cpu.RandomArrays.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** dot_general against a naive loop over output and contraction multi-indices, written here. */
class DotKernelsTest {
    private static final DType[] NUMERIC = {DType.F32, DType.F64, DType.I32, DType.U32, DType.I64};

    @Property(tries = 400)
    void dotGeneralMatchesNaiveLoops(@ForAll long seed) {
        var rnd = new Random(seed);
        int nb = rnd.nextInt(3), nc = rnd.nextInt(3), nlf = rnd.nextInt(3), nrf = rnd.nextInt(3);
        int[] batch = dims(rnd, nb), contract = dims(rnd, nc), lhsFree = dims(rnd, nlf), rhsFree = dims(rnd, nrf);
        // Scatter each operand's batch, contracting and free axes over random positions.
        int[] lp = permutation(rnd, nb + nc + nlf), rp = permutation(rnd, nb + nc + nrf);
        int[] ld = new int[lp.length], rd = new int[rp.length];
        place(ld, lp, batch, 0);
        place(ld, lp, contract, nb);
        place(rd, rp, batch, 0);
        place(rd, rp, contract, nb);
        placeFree(ld, lp, lhsFree, nb + nc);
        placeFree(rd, rp, rhsFree, nb + nc);
        var dn = new DotDimensionNumbers(axes(lp, nb, nc), axes(rp, nb, nc), axes(lp, 0, nb), axes(rp, 0, nb));
        DType d = pick(rnd, NUMERIC);
        Option<DType> preferred = rnd.nextInt(4) == 0 ? Option.of(pick(rnd, NUMERIC)) : Option.none();
        Operand lhs = random(d, Shape.of(ld), rnd), rhs = random(d, Shape.of(rd), rnd);
        checkDot(new DotGeneral(dn, preferred), lhs, rhs, "seed " + seed + ", " + dn + " " + preferred + " of " + lhs.aval() + ", " + rhs.aval());
    }

    private static int[] dims(Random rnd, int n) {
        return IntStream.range(0, n).map(_ -> rnd.nextInt(12) == 0 ? 0 : 1 + rnd.nextInt(3)).toArray();
    }

    private static void place(int[] shape, int[] positions, int[] sizes, int from) {
        for (int i = 0; i < sizes.length; i++) shape[positions[from + i]] = sizes[i];
    }

    /** Free axes keep their order, so they go to the remaining positions in increasing order. */
    private static void placeFree(int[] shape, int[] positions, int[] sizes, int from) {
        int[] free = IntStream.range(from, positions.length).map(i -> positions[i]).sorted().toArray();
        for (int i = 0; i < sizes.length; i++) shape[free[i]] = sizes[i];
    }

    private static Vector<Integer> axes(int[] positions, int from, int count) {
        return Vector.ofAll(IntStream.range(from, from + count).map(i -> positions[i]).boxed().toList());
    }

    @Test
    void shouldMultiplyMatrices() {
        var p = matmul(Option.none());
        Result f = KernelHarness.run(p, Operand.f32(Shape.of(2, 2), 1, 2, 3, 4), Operand.f32(Shape.of(2, 2), 5, 6, 7, 8));
        assertArrayEquals(new float[] {19, 22, 43, 50}, f.data().f32());
        Result i = KernelHarness.run(p, Operand.i64(Shape.of(1, 3), 1, 2, 3), Operand.i64(Shape.of(3, 1), 4, 5, 6));
        assertArrayEquals(new long[] {32}, i.data().i64());
    }

    @Test
    void shouldGiveZerosWhenTheContractionIsEmpty() {
        Result r = KernelHarness.run(matmul(Option.none()), Operand.f32(Shape.of(2, 0)), Operand.f32(Shape.of(0, 3)));
        assertEquals(Shape.of(2, 3), r.aval().shape());
        assertArrayEquals(new float[6], r.data().f32());
    }

    @Test
    void shouldHandleEmptyAndScalarOperands() {
        Result empty = KernelHarness.run(matmul(Option.none()), Operand.f64(Shape.of(0, 3)), Operand.f64(Shape.of(3, 2), 1, 2, 3, 4, 5, 6));
        assertEquals(Shape.of(0, 2), empty.aval().shape());
        assertEquals(0, empty.data().size());
        var outer = new DotGeneral(new DotDimensionNumbers(Vector.empty(), Vector.empty(), Vector.empty(), Vector.empty()), Option.none());
        Result scaled = KernelHarness.run(outer, Operand.i32(Shape.SCALAR, 3), Operand.i32(Shape.of(2), 4, -5));
        assertArrayEquals(new int[] {12, -15}, scaled.data().i32());
    }

    @Test
    void shouldContractTransposedAndBatchedOperands() {
        // out[b, i, j] = sum_k lhs[k, b, i] * rhs[b, j, k]
        var dn = new DotDimensionNumbers(Vector.of(0), Vector.of(2), Vector.of(1), Vector.of(0));
        Operand lhs = Operand.i32(Shape.of(2, 2, 1), 1, 2, 3, 4);        // lhs[k, b, 0]
        Operand rhs = Operand.i32(Shape.of(2, 1, 2), 10, 20, 30, 40);    // rhs[b, 0, k]
        Result r = KernelHarness.run(new DotGeneral(dn, Option.none()), lhs, rhs);
        assertEquals(Shape.of(2, 1, 1), r.aval().shape());
        assertArrayEquals(new int[] {1 * 10 + 3 * 20, 2 * 30 + 4 * 40}, r.data().i32());
    }

    @Test
    void shouldMatchTheReferenceOnLargeF32Products() {
        // Big enough to split over workers, with partial tiles in every direction and a k remainder.
        var rnd = new Random(5);
        var batched = new DotGeneral(new DotDimensionNumbers(Vector.of(2), Vector.of(1), Vector.of(0), Vector.of(0)), Option.none());
        checkDot(batched, random(DType.F32, Shape.of(2, 70, 301), rnd), random(DType.F32, Shape.of(2, 301, 270), rnd), "batched");
        var xwT = new DotGeneral(new DotDimensionNumbers(Vector.of(1), Vector.of(1), Vector.empty(), Vector.empty()), Option.none());
        checkDot(xwT, random(DType.F32, Shape.of(130, 67), rnd), random(DType.F32, Shape.of(300, 67), rnd), "x times w transposed");
        checkDot(xwT, random(DType.F64, Shape.of(65, 40), rnd), random(DType.F64, Shape.of(257, 40), rnd), "f64");
    }

    @Test
    void shouldMultiplyOperandsStoredTransposed() {
        // Layouts the f32 GEMM reads in place: lhs as [k, m], rhs as [n, k], with batch axes
        // leading, and size-1 free axes after the contracting one (which move no data).
        var rnd = new Random(6);
        var tn = new DotGeneral(new DotDimensionNumbers(Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty()), Option.none());
        checkDot(tn, random(DType.F32, Shape.of(67, 130), rnd), random(DType.F32, Shape.of(67, 90), rnd), "lhs transposed");
        var batchedTT = new DotGeneral(new DotDimensionNumbers(Vector.of(1), Vector.of(2), Vector.of(0), Vector.of(0)), Option.none());
        checkDot(batchedTT, random(DType.F32, Shape.of(2, 40, 50), rnd), random(DType.F32, Shape.of(2, 60, 40), rnd), "both transposed, batched");
        var unitAxes = new DotGeneral(new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty()), Option.none());
        checkDot(unitAxes, random(DType.F32, Shape.of(70, 301, 1), rnd), random(DType.F32, Shape.of(301, 1, 33), rnd), "size-1 free axes");
        checkDot(tn, random(DType.F64, Shape.of(30, 20), rnd), random(DType.F64, Shape.of(30, 10), rnd), "f64 permutes instead");
    }

    @Test
    void shouldWrapIntegerProducts() {
        Result r = KernelHarness.run(matmul(Option.none()), Operand.i32(Shape.of(1, 2), 65536, 3), Operand.i32(Shape.of(2, 1), 65536, 1));
        assertArrayEquals(new int[] {3}, r.data().i32());
        Result u = KernelHarness.run(matmul(Option.none()), Operand.u32(Shape.of(1, 1), -1), Operand.u32(Shape.of(1, 1), 2));
        assertEquals(4294967294L, u.data().getLong(0));
    }

    @Test
    void shouldComputeInThePreferredElementType() {
        // 2^24 + 1 is not an f32: the f32 sum rounds it away, the f64 one keeps it.
        Operand lhs = Operand.f32(Shape.of(1, 2), 16777216f, 1f), rhs = Operand.f32(Shape.of(2, 1), 1f, 1f);
        assertArrayEquals(new float[] {16777216f}, KernelHarness.run(matmul(Option.none()), lhs, rhs).data().f32());
        Result wide = KernelHarness.run(matmul(Option.of(DType.F64)), lhs, rhs);
        assertEquals(DType.F64, wide.aval().dtype());
        assertArrayEquals(new double[] {16777217.0}, wide.data().f64());
        Result fromInts = KernelHarness.run(matmul(Option.of(DType.F32)), Operand.i32(Shape.of(1, 1), 3), Operand.i32(Shape.of(1, 1), -2));
        assertArrayEquals(new float[] {-6f}, fromInts.data().f32());
        Result anyBoth = KernelHarness.run(matmul(Option.of(DType.BOOL)), Operand.i32(Shape.of(2, 2), 0, 5, 0, 0), Operand.i32(Shape.of(2, 1), 7, 9));
        assertArrayEquals(new boolean[] {true, false}, anyBoth.data().bool());
    }

    private static DotGeneral matmul(Option<DType> preferred) {
        return new DotGeneral(new DotDimensionNumbers(Vector.of(1), Vector.of(0), Vector.empty(), Vector.empty()), preferred);
    }

    /** Sums products over every contraction multi-index, in double (floats) or wrapping long (integers). */
    private static void checkDot(DotGeneral p, Operand lhs, Operand rhs, String what) {
        Result r = KernelHarness.run(p, lhs, rhs);
        var dn = p.dimensionNumbers();
        int[] ld = lhs.aval().shape().toArray(), rd = rhs.aval().shape().toArray();
        int[] lb = ints(dn.lhsBatch()), rb = ints(dn.rhsBatch()), lc = ints(dn.lhsContracting()), rc = ints(dn.rhsContracting());
        int[] lf = IntStream.range(0, ld.length).filter(a -> !dn.lhsBatch().contains(a) && !dn.lhsContracting().contains(a)).toArray();
        int[] rf = IntStream.range(0, rd.length).filter(a -> !dn.rhsBatch().contains(a) && !dn.rhsContracting().contains(a)).toArray();
        int[] cd = IntStream.of(lc).map(a -> ld[a]).toArray();
        int[] ls = Shape.of(ld).strides(), rs = Shape.of(rd).strides();
        // Flat offsets contributed by each contraction multi-index, computed once.
        int[] lOff = new int[Layouts.product(cd)], rOff = new int[lOff.length];
        for (int c = 0; c < lOff.length; c++) {
            int[] ci = unravel(c, cd);
            for (int i = 0; i < lc.length; i++) {
                lOff[c] += ci[i] * ls[lc[i]];
                rOff[c] += ci[i] * rs[rc[i]];
            }
        }
        int[] od = r.aval().shape().toArray();
        DType ct = r.aval().dtype();
        for (int o = 0; o < r.aval().size(); o++) {
            int[] oi = unravel(o, od);
            int lBase = 0, rBase = 0;
            for (int i = 0; i < lb.length; i++) {
                lBase += oi[i] * ls[lb[i]];
                rBase += oi[i] * rs[rb[i]];
            }
            for (int i = 0; i < lf.length; i++) lBase += oi[lb.length + i] * ls[lf[i]];
            for (int i = 0; i < rf.length; i++) rBase += oi[lb.length + lf.length + i] * rs[rf[i]];
            double fsum = 0, mag = 0;
            long lsum = 0;
            for (int c = 0; c < lOff.length; c++) {
                int a = lBase + lOff[c], b = rBase + rOff[c];
                if (ct.isFloating()) {
                    double prod = asFloat(ct, lhs.data(), a) * asFloat(ct, rhs.data(), b);
                    fsum += prod;
                    mag += Math.abs(prod);
                } else {
                    lsum += asInt(ct, lhs.data(), a) * asInt(ct, rhs.data(), b);
                }
            }
            if (ct.isFloating()) {
                double tol = (ct == DType.F32 ? 1e-5 : 1e-12) * Math.max(1, mag);
                assertClose(what + " at " + o, ct == DType.F32 ? (float) fsum : fsum, r.data().getDouble(o), tol);
            } else {
                assertWrapped(what, ct, lsum, r.data(), o);
            }
        }
    }

    /** Element {@code i} converted to the floating computation dtype. */
    private static double asFloat(DType ct, HostData b, int i) {
        double v = b.dtype().isFloating() ? b.getDouble(i) : (double) b.getLong(i);
        return ct == DType.F32 ? (b.dtype().isFloating() ? (float) v : (float) b.getLong(i)) : v;
    }

    /** Element {@code i} converted to the integer computation dtype (floats truncate and saturate). */
    private static long asInt(DType ct, HostData b, int i) {
        return b.dtype().isFloating() ? Conversions.toLong(ct, b.getDouble(i)) : Conversions.wrap(ct, b.getLong(i));
    }

    private static int[] ints(Vector<Integer> v) {
        return v.toJavaStream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] ints(io.vavr.collection.Seq<Integer> s) {
        return ints(Vector.ofAll(s));
    }
}
