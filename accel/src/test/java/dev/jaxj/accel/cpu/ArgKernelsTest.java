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
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Argmax and argmin (through {@link ReductionKernels#argReduce}) against a naive first-extreme search written here. */
class ArgKernelsTest {
    private static final DType[] ALL = DType.computeTypes().toArray(DType[]::new);

    @Property(tries = 300)
    void argReduceMatchesNaiveLoops(@ForAll long seed) {
        var rnd = new Random(seed);
        Shape s = shape(rnd, 1, 4, 4);
        int axis = rnd.nextInt(s.rank());
        if (s.dim(axis) == 0) s = s.with(axis, 1 + rnd.nextInt(4));
        DType index = pick(rnd, new DType[] {DType.I32, DType.I64, DType.U32});
        boolean max = rnd.nextBoolean();
        ArgReduction p = max ? new Argmax(axis, index) : new Argmin(axis, index);
        Operand x = tieRich(pick(rnd, ALL), s, rnd);
        checkArg(p, x, "seed " + seed + ", " + p + " of " + x.aval());
    }

    @Test
    void shouldArgReduceEveryDtype() {
        var rnd = new Random(2);
        for (DType d : ALL) {
            for (Shape s : new Shape[] {Shape.of(7), Shape.of(3, 4, 2), Shape.of(0, 3)}) {
                checkArg(new Argmax(s.rank() - 1, DType.I32), tieRich(d, s, rnd), "argmax of " + d + s);
                checkArg(new Argmin(0, DType.I64), tieRich(d, s.dim(0) == 0 ? Shape.of(2, 0) : s, rnd), "argmin of " + d + s);
            }
        }
    }

    @Test
    void shouldPickTheFirstOfTiedExtremes() {
        Operand x = Operand.f32(Shape.of(2, 4), 1, 3, 3, 0, 2, -1, 2, -1);
        assertArrayEquals(new int[] {1, 0}, KernelHarness.run(new Argmax(1, DType.I32), x).data().i32());
        assertArrayEquals(new int[] {3, 1}, KernelHarness.run(new Argmin(1, DType.I32), x).data().i32());
        assertArrayEquals(new int[] {1, 0, 0, 0}, KernelHarness.run(new Argmax(0, DType.I32), x).data().i32());
    }

    @Test
    void shouldPickTheFirstNaN() {
        Operand x = Operand.f64(Shape.of(5), 1, 7, Double.NaN, 9, Double.NaN);
        assertArrayEquals(new long[] {2}, KernelHarness.run(new Argmax(0, DType.I64), x).data().i64());
        assertArrayEquals(new long[] {2}, KernelHarness.run(new Argmin(0, DType.I64), x).data().i64());
    }

    @Test
    void shouldOrderIntegersByTheirDtype() {
        Operand u = Operand.u32(Shape.of(3), 5, -1, 7);
        assertEquals(1L, KernelHarness.run(new Argmax(0, DType.U32), u).data().getLong(0));
        Operand i = Operand.i32(Shape.of(3), 5, -1, 7);
        assertEquals(1L, KernelHarness.run(new Argmin(0, DType.I32), i).data().getLong(0));
        Operand b = Operand.bool(Shape.of(3), false, true, true);
        assertEquals(1L, KernelHarness.run(new Argmax(0, DType.I32), b).data().getLong(0));
    }

    private static void checkArg(ArgReduction p, Operand x, String what) {
        Result r = KernelHarness.run(p, x);
        assertEquals(p.indexDtype(), r.aval().dtype(), what);
        int[] dims = x.aval().shape().toArray();
        int axis = p.axis(), n = dims[axis];
        boolean max = p instanceof Argmax;
        HostData in = x.data();
        for (int o = 0; o < r.aval().size(); o++) {
            int[] outIdx = unravel(o, x.aval().shape().without(axis).toArray());
            int[] idx = new int[dims.length];
            int best = -1;
            for (int k = 0; k < n; k++) {
                for (int a = 0, b = 0; a < dims.length; a++) idx[a] = a == axis ? k : outIdx[b++];
                int flat = ravel(idx, dims);
                if (best < 0 || better(in, flat, bestFlat(in, dims, idx, axis, best), max)) best = k;
            }
            assertEquals(best, r.data().getLong(o), what + " at " + o);
        }
    }

    private static int bestFlat(HostData in, int[] dims, int[] idx, int axis, int best) {
        int[] j = idx.clone();
        j[axis] = best;
        return ravel(j, dims);
    }

    /** Whether element {@code i} beats the current best {@code b}: strictly more extreme, or the first NaN. */
    private static boolean better(HostData in, int i, int b, boolean max) {
        if (in.dtype().isFloating()) {
            double v = in.getDouble(i), w = in.getDouble(b);
            if (Double.isNaN(w)) return false;
            if (Double.isNaN(v)) return true;
            return max ? v > w : v < w;
        }
        long v = in.getLong(i), w = in.getLong(b);
        return max ? v > w : v < w;
    }
}
