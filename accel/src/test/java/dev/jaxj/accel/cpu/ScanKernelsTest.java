package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.jaxj.accel.cpu.RandomArrays.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Cumulative scans (through {@link ReductionKernels#cumulative}) against naive running folds written here. */
class ScanKernelsTest {
    @Property(tries = 300)
    void cumulativeMatchesNaiveLoops(@ForAll long seed) {
        var rnd = new Random(seed);
        Shape s = shape(rnd, 1, 4, 5);
        int axis = rnd.nextInt(s.rank());
        boolean reverse = rnd.nextBoolean();
        Cumulative p = pick(rnd, new Cumulative[] {new Cumsum(axis, reverse), new Cumprod(axis, reverse),
                new Cummax(axis, reverse), new Cummin(axis, reverse)});
        DType d = pick(rnd, new DType[] {DType.F32, DType.F64, DType.I32, DType.U32, DType.I64});
        Operand x = p instanceof Cumprod && d.isFloating() ? positiveNearOne(d, s, rnd)
                : p instanceof Cummax || p instanceof Cummin ? tieRich(d, s, rnd) : random(d, s, rnd);
        checkScan(p, x, "seed " + seed + ", " + p + " of " + x.aval());
    }

    @Test
    void shouldScanEveryAcceptedDtype() {
        var rnd = new Random(4);
        for (DType d : new DType[] {DType.F32, DType.F64, DType.I32, DType.U32, DType.I64}) {
            for (Shape s : new Shape[] {Shape.of(6), Shape.of(3, 4, 2), Shape.of(2, 0)}) {
                for (int axis = 0; axis < s.rank(); axis++) {
                    for (Cumulative p : new Cumulative[] {new Cumsum(axis, false), new Cumprod(axis, true),
                            new Cummax(axis, axis == 0), new Cummin(axis, axis != 0)}) {
                        Operand x = p instanceof Cumprod && d.isFloating() ? positiveNearOne(d, s, rnd) : random(d, s, rnd);
                        checkScan(p, x, p + " of " + x.aval());
                    }
                }
            }
        }
    }

    @Test
    void shouldScanForwardAndInReverse() {
        Operand x = Operand.i32(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertArrayEquals(new int[] {1, 3, 6, 4, 9, 15}, KernelHarness.run(new Cumsum(1, false), x).data().i32());
        assertArrayEquals(new int[] {6, 5, 3, 15, 11, 6}, KernelHarness.run(new Cumsum(1, true), x).data().i32());
        assertArrayEquals(new int[] {4, 10, 18, 4, 5, 6}, KernelHarness.run(new Cumprod(0, true), x).data().i32());
    }

    @Test
    void shouldPropagateNaNInCummaxAndCummin() {
        Operand x = Operand.f32(Shape.of(4), 1, Float.NaN, 3, 0);
        assertArrayEquals(new float[] {1, Float.NaN, Float.NaN, Float.NaN}, KernelHarness.run(new Cummax(0, false), x).data().f32());
        assertArrayEquals(new float[] {Float.NaN, Float.NaN, 0, 0}, KernelHarness.run(new Cummin(0, true), x).data().f32());
    }

    @Test
    void shouldWrapIntegerScans() {
        Operand x = Operand.i32(Shape.of(3), Integer.MAX_VALUE, 1, 1);
        assertArrayEquals(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1},
                KernelHarness.run(new Cumsum(0, false), x).data().i32());
        Operand u = Operand.u32(Shape.of(3), 3, -1, 2);
        assertArrayEquals(new int[] {3, -1, -1}, KernelHarness.run(new Cummax(0, false), u).data().i32());
    }

    @Test
    void shouldScanLargeArraysAlongEitherAxis() {
        var rnd = new Random(3);
        Operand x = random(DType.F32, Shape.of(256, 300), rnd);
        for (int axis = 0; axis < 2; axis++) {
            checkScan(new Cumsum(axis, axis == 1), x, "cumsum axis " + axis);
            checkScan(new Cummax(axis, axis == 0), x, "cummax axis " + axis);
        }
    }

    private static void checkScan(Cumulative p, Operand x, String what) {
        Result r = KernelHarness.run(p, x);
        int[] dims = x.aval().shape().toArray();
        int axis = p.axis(), n = dims[axis];
        DType d = x.aval().dtype();
        HostData in = x.data();
        int[] laneDims = x.aval().shape().with(axis, 1).toArray();
        for (int lane = 0; lane < Layouts.product(laneDims); lane++) {
            int[] idx = unravel(lane, laneDims);
            double facc = 0, mag = 0;
            long lacc = 0;
            for (int step = 0; step < n; step++) {
                idx[axis] = p.reverse() ? n - 1 - step : step;
                int j = ravel(idx, dims);
                double v = in.getDouble(j);
                long lv = in.getLong(j);
                mag += Math.abs(v);
                facc = step == 0 ? v : switch (p) {
                    case Cumsum _ -> facc + v;
                    case Cumprod _ -> facc * v;
                    case Cummax _ -> Double.isNaN(facc) || Double.isNaN(v) ? Double.NaN : Math.max(facc, v);
                    case Cummin _ -> Double.isNaN(facc) || Double.isNaN(v) ? Double.NaN : Math.min(facc, v);
                };
                lacc = step == 0 ? lv : switch (p) {
                    case Cumsum _ -> lacc + lv;
                    case Cumprod _ -> lacc * lv;
                    case Cummax _ -> Math.max(lacc, lv);
                    case Cummin _ -> Math.min(lacc, lv);
                };
                if (d.isFloating()) {
                    double rel = d == DType.F32 ? 1e-5 : 1e-12;
                    double tol = switch (p) {
                        case Cumsum _ -> rel * Math.max(1, mag);
                        case Cumprod _ -> rel * Math.abs(facc);
                        case Cummax _, Cummin _ -> 0;
                    };
                    assertClose(what + " at " + j, d == DType.F32 ? (float) facc : facc, r.data().getDouble(j), tol);
                } else {
                    assertWrapped(what, d, lacc, r.data(), j);
                }
            }
        }
    }
}
