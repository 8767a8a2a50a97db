package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Vector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static dev.jaxj.accel.cpu.RandomArrays.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reductions over sets of axes against naive double/long loops written here. */
class ReductionKernelsTest {
    private static final DType[] ALL = DType.computeTypes().toArray(DType[]::new);

    @Property(tries = 400)
    void reduceMatchesNaiveLoops(@ForAll long seed) {
        var rnd = new Random(seed);
        Shape s = shape(rnd, 0, 4, 4);
        Vector<Integer> axes = Vector.range(0, s.rank()).filter(_ -> rnd.nextBoolean());
        Reduction p = pick(rnd, new Reduction[] {new ReduceSum(axes), new ReduceProd(axes), new ReduceMax(axes),
                new ReduceMin(axes), new ReduceAnd(axes), new ReduceOr(axes)});
        DType d = pick(rnd, Arrays.stream(ALL).filter(p::accepts).toArray(DType[]::new));
        Operand x = p instanceof ReduceProd && d.isFloating() ? positiveNearOne(d, s, rnd) : random(d, s, rnd);
        checkReduce(p, x, "seed " + seed + ", " + p + " of " + x.aval());
    }

    @Test
    void shouldReduceEveryAcceptedDtype() {
        var rnd = new Random(1);
        Shape[] shapes = {Shape.SCALAR, Shape.of(5), Shape.of(2, 3, 4), Shape.of(3, 0, 2)};
        for (DType d : ALL) {
            for (Shape s : shapes) {
                Vector<Integer> axes = s.rank() == 3 ? Vector.of(0, 2) : Vector.range(0, s.rank());
                for (Reduction p : new Reduction[] {new ReduceSum(axes), new ReduceProd(axes), new ReduceMax(axes),
                        new ReduceMin(axes), new ReduceAnd(axes), new ReduceOr(axes)}) {
                    if (!p.accepts(d)) continue;
                    Operand x = p instanceof ReduceProd && d.isFloating() ? positiveNearOne(d, s, rnd) : random(d, s, rnd);
                    checkReduce(p, x, p + " of " + x.aval());
                }
            }
        }
    }

    @Test
    void shouldGiveIdentitiesForEmptyReductions() {
        Vector<Integer> ax = Vector.of(1);
        Shape s = Shape.of(2, 0);
        assertEmpty(new ReduceSum(ax), DType.F32, s, 0);
        assertEmpty(new ReduceProd(ax), DType.F64, s, 1);
        assertEmpty(new ReduceMax(ax), DType.F32, s, Double.NEGATIVE_INFINITY);
        assertEmpty(new ReduceMin(ax), DType.F64, s, Double.POSITIVE_INFINITY);
        assertEmpty(new ReduceMax(ax), DType.I32, s, Integer.MIN_VALUE);
        assertEmpty(new ReduceMin(ax), DType.I32, s, Integer.MAX_VALUE);
        assertEmpty(new ReduceMax(ax), DType.U32, s, 0);
        assertEmpty(new ReduceMin(ax), DType.U32, s, 4294967295.0);
        assertEmpty(new ReduceMax(ax), DType.I64, s, Long.MIN_VALUE);
        assertEmpty(new ReduceMin(ax), DType.I64, s, Long.MAX_VALUE);
        assertEmpty(new ReduceMax(ax), DType.BOOL, s, 0);
        assertEmpty(new ReduceMin(ax), DType.BOOL, s, 1);
        assertEmpty(new ReduceAnd(ax), DType.BOOL, s, 1);
        assertEmpty(new ReduceOr(ax), DType.BOOL, s, 0);
        assertEmpty(new ReduceAnd(ax), DType.U32, s, 4294967295.0);
        assertEmpty(new ReduceAnd(ax), DType.I32, s, -1);
        assertEmpty(new ReduceOr(ax), DType.I64, s, 0);
        assertEmpty(new ReduceProd(ax), DType.I32, s, 1);
    }

    private static void assertEmpty(Reduction p, DType d, Shape s, double identity) {
        Result r = KernelHarness.run(p, Operand.of(d, s));
        assertEquals(2, r.data().size(), p + " " + d);
        for (int i = 0; i < 2; i++) assertEquals(identity, r.data().getDouble(i), p + " " + d);
    }

    @Test
    void shouldReduceEverythingOrNothing() {
        Operand x = Operand.i32(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertArrayEquals(new int[] {21}, KernelHarness.run(new ReduceSum(Vector.of(0, 1)), x).data().i32());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, KernelHarness.run(new ReduceSum(Vector.empty()), x).data().i32());
        Operand scalar = Operand.f32(Shape.SCALAR, 2.5f);
        assertArrayEquals(new float[] {2.5f}, KernelHarness.run(new ReduceMax(Vector.empty()), scalar).data().f32());
    }

    @Test
    void shouldReduceNonAdjacentAxes() {
        double[] v = new double[24];
        for (int i = 0; i < 24; i++) v[i] = i;
        var r = KernelHarness.run(new ReduceSum(Vector.of(0, 2)), Operand.f64(Shape.of(2, 3, 4), v));
        // out[j] = sum over i, k of 12 i + 4 j + k = 12*4 + 4j*8 + 6*2
        assertArrayEquals(new double[] {60, 92, 124}, r.data().f64());
    }

    @Test
    void shouldPropagateNaNInMaxAndMinAlongRowsAndColumns() {
        Operand x = Operand.f32(Shape.of(2, 3), 1, Float.NaN, 3, 4, 5, 6);
        assertArrayEquals(new float[] {Float.NaN, 6}, KernelHarness.run(new ReduceMax(Vector.of(1)), x).data().f32());
        assertArrayEquals(new float[] {4, Float.NaN, 6}, KernelHarness.run(new ReduceMax(Vector.of(0)), x).data().f32());
        assertArrayEquals(new float[] {Float.NaN, 4}, KernelHarness.run(new ReduceMin(Vector.of(1)), x).data().f32());
        Operand y = Operand.f64(Shape.of(3), 1, Double.NaN, -1);
        assertEquals(Double.NaN, KernelHarness.run(new ReduceMin(Vector.of(0)), y).data().f64()[0]);
    }

    @Test
    void shouldOrderU32AsUnsigned() {
        Operand x = Operand.u32(Shape.of(3), 1, -1, 5);
        assertEquals(4294967295L, KernelHarness.run(new ReduceMax(Vector.of(0)), x).data().getLong(0));
        assertEquals(1L, KernelHarness.run(new ReduceMin(Vector.of(0)), x).data().getLong(0));
    }

    @Test
    void shouldWrapIntegerSumsAndProducts() {
        Operand x = Operand.i32(Shape.of(2), Integer.MAX_VALUE, 1);
        assertEquals(Integer.MIN_VALUE, KernelHarness.run(new ReduceSum(Vector.of(0)), x).data().i32()[0]);
        Operand y = Operand.i64(Shape.of(2), Long.MAX_VALUE, 2);
        assertEquals(-2L, KernelHarness.run(new ReduceProd(Vector.of(0)), y).data().i64()[0]);
        Operand u = Operand.u32(Shape.of(2), -1, 2);
        assertEquals(1L, KernelHarness.run(new ReduceSum(Vector.of(0)), u).data().getLong(0));
    }

    @Test
    void shouldReduceBoolMaxAsOrAndMinAsAnd() {
        Operand x = Operand.bool(Shape.of(2, 2), true, false, false, false);
        assertArrayEquals(new boolean[] {true, false}, KernelHarness.run(new ReduceMax(Vector.of(1)), x).data().bool());
        assertArrayEquals(new boolean[] {false, false}, KernelHarness.run(new ReduceMin(Vector.of(1)), x).data().bool());
        assertArrayEquals(new boolean[] {true, false}, KernelHarness.run(new ReduceOr(Vector.of(0)), x).data().bool());
        Operand i = Operand.i32(Shape.of(2), 0b1100, 0b1010);
        assertArrayEquals(new int[] {0b1000}, KernelHarness.run(new ReduceAnd(Vector.of(0)), i).data().i32());
        assertArrayEquals(new int[] {0b1110}, KernelHarness.run(new ReduceOr(Vector.of(0)), i).data().i32());
    }

    @Test
    void shouldSumLongF32RowsAccurately() {
        var rnd = new Random(7);
        int rows = 8, n = 4096;
        float[] v = new float[rows * n];
        for (int i = 0; i < v.length; i++) v[i] = (float) rnd.nextGaussian();
        float[] got = KernelHarness.run(new ReduceSum(Vector.of(1)), Operand.f32(Shape.of(rows, n), v)).data().f32();
        for (int r = 0; r < rows; r++) {
            double ref = 0;
            for (int i = 0; i < n; i++) ref += v[r * n + i];
            assertClose("row " + r, ref, got[r], 1e-5 * Math.max(1, Math.abs(ref)));
        }
    }

    @Test
    void shouldReduceLargeF32ArraysAlongRowsColumnsAndWhole() {
        // Large enough for every parallel path: many rows, few long rows, column tiles.
        var rnd = new Random(11);
        Shape s = Shape.of(512, 1024);
        Operand x = random(DType.F32, s, rnd);
        for (Reduction p : new Reduction[] {new ReduceSum(Vector.of(1)), new ReduceSum(Vector.of(0)), new ReduceSum(Vector.of(0, 1)),
                new ReduceMax(Vector.of(0)), new ReduceMin(Vector.of(1)), new ReduceMax(Vector.of(0, 1))}) {
            checkReduce(p, x, p + " of " + x.aval());
        }
        checkReduce(new ReduceSum(Vector.of(1)), random(DType.F32, Shape.of(2, 300_000), rnd), "two long rows");
        checkReduce(new ReduceSum(Vector.of(0)), random(DType.I32, s, rnd), "i32 columns");
    }

    private static void checkReduce(Reduction p, Operand x, String what) {
        Result r = KernelHarness.run(p, x);
        int[] dims = x.aval().shape().toArray();
        boolean[] reduced = new boolean[dims.length];
        for (int a : p.axes()) reduced[a] = true;
        int outSize = r.aval().size();
        DType d = x.aval().dtype();
        HostData in = x.data();
        if (d.isFloating()) {
            double[] acc = new double[outSize], mag = new double[outSize];
            Arrays.fill(acc, switch (p) {
                case ReduceSum _ -> 0;
                case ReduceProd _ -> 1;
                case ReduceMax _ -> Double.NEGATIVE_INFINITY;
                case ReduceMin _ -> Double.POSITIVE_INFINITY;
                case ReduceAnd _, ReduceOr _ -> throw new AssertionError();
            });
            for (int i = 0; i < in.size(); i++) {
                int o = outIndex(i, dims, reduced);
                double v = in.getDouble(i);
                mag[o] += Math.abs(v);
                acc[o] = switch (p) {
                    case ReduceSum _ -> acc[o] + v;
                    case ReduceProd _ -> acc[o] * v;
                    case ReduceMax _ -> Double.isNaN(acc[o]) || Double.isNaN(v) ? Double.NaN : Math.max(acc[o], v);
                    case ReduceMin _ -> Double.isNaN(acc[o]) || Double.isNaN(v) ? Double.NaN : Math.min(acc[o], v);
                    case ReduceAnd _, ReduceOr _ -> throw new AssertionError();
                };
            }
            double rel = d == DType.F32 ? 1e-5 : 1e-12;
            for (int o = 0; o < outSize; o++) {
                double tol = switch (p) {
                    case ReduceSum _ -> rel * Math.max(1, mag[o]);     // summation error scales with the sum of magnitudes
                    case ReduceProd _ -> rel * Math.abs(acc[o]);
                    case ReduceMax _, ReduceMin _, ReduceAnd _, ReduceOr _ -> 0;
                };
                assertClose(what + " at " + o, d == DType.F32 ? (float) acc[o] : acc[o], r.data().getDouble(o), tol);
            }
        } else {
            long[] acc = new long[outSize];
            Arrays.fill(acc, switch (p) {
                case ReduceSum _, ReduceOr _ -> 0;
                case ReduceProd _ -> 1;
                case ReduceAnd _ -> -1;
                case ReduceMax _ -> d == DType.I64 ? Long.MIN_VALUE : d == DType.I32 ? Integer.MIN_VALUE : 0;
                case ReduceMin _ -> d == DType.I64 ? Long.MAX_VALUE : d == DType.I32 ? Integer.MAX_VALUE : d == DType.U32 ? 0xFFFF_FFFFL : 1;
            });
            for (int i = 0; i < in.size(); i++) {
                int o = outIndex(i, dims, reduced);
                long v = in.getLong(i);       // u32 unsigned, bool 0/1
                acc[o] = switch (p) {
                    case ReduceSum _ -> acc[o] + v;
                    case ReduceProd _ -> acc[o] * v;
                    case ReduceMax _ -> Math.max(acc[o], v);
                    case ReduceMin _ -> Math.min(acc[o], v);
                    case ReduceAnd _ -> acc[o] & v;
                    case ReduceOr _ -> acc[o] | v;
                };
            }
            for (int o = 0; o < outSize; o++) assertWrapped(what, d, acc[o], r.data(), o);
        }
    }

    private static int outIndex(int flat, int[] dims, boolean[] reduced) {
        int[] idx = unravel(flat, dims);
        int o = 0;
        for (int a = 0; a < dims.length; a++) if (!reduced[a]) o = o * dims[a] + idx[a];
        return o;
    }
}
