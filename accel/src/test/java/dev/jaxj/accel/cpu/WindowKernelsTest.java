package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Vector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.jaxj.accel.cpu.RandomArrays.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** reduce_window (through {@link ConvKernels#reduceWindow}) against a direct loop over windows that follows XLA's definition, written here. */
class WindowKernelsTest {
    @Property(tries = 400)
    void reduceWindowMatchesTheDefinition(@ForAll long seed) {
        var rnd = new Random(seed);
        Shape s = shape(rnd, 0, 3, 5);
        int rank = s.rank();
        var window = new Integer[rank];
        var strides = new Integer[rank];
        var baseDil = new Integer[rank];
        var winDil = new Integer[rank];
        var padding = new Padding[rank];
        for (int d = 0; d < rank; d++) {
            window[d] = rnd.nextInt(12) == 0 ? 0 : 1 + rnd.nextInt(3);
            strides[d] = 1 + rnd.nextInt(3);
            baseDil[d] = 1 + rnd.nextInt(2);
            winDil[d] = 1 + rnd.nextInt(2);
            padding[d] = new Padding(rnd.nextInt(4) - 1, rnd.nextInt(4) - 1);
        }
        var w = new WindowConfig(Vector.of(window), Vector.of(strides), Vector.of(padding), Vector.of(baseDil), Vector.of(winDil));
        ReduceWindow p = pick(rnd, new ReduceWindow[] {new ReduceWindowSum(w), new ReduceWindowMax(w), new ReduceWindowMin(w)});
        DType[] dtypes = p instanceof ReduceWindowSum ? new DType[] {DType.F32, DType.F64, DType.I32, DType.U32, DType.I64} : DType.computeTypes().toArray(DType[]::new);
        DType d = pick(rnd, dtypes);
        Operand x = p instanceof ReduceWindowSum ? random(d, s, rnd) : tieRich(d, s, rnd);
        checkWindow(p, x, "seed " + seed + ", " + p + " of " + x.aval());
    }

    @Test
    void shouldReduceWindowsOfEveryAcceptedDtype() {
        var rnd = new Random(6);
        var w = new WindowConfig(Vector.of(2, 3), Vector.of(1, 2), Vector.of(new Padding(1, 0), new Padding(0, 2)), Vector.of(2, 1), Vector.of(1, 2));
        for (DType d : DType.computeTypes()) {
            for (Shape s : new Shape[] {Shape.of(3, 5), Shape.of(0, 4)}) {
                for (ReduceWindow p : new ReduceWindow[] {new ReduceWindowSum(w), new ReduceWindowMax(w), new ReduceWindowMin(w)}) {
                    if (p instanceof ReduceWindowSum && d == DType.BOOL) continue;
                    checkWindow(p, p instanceof ReduceWindowSum ? random(d, s, rnd) : tieRich(d, s, rnd), p + " of " + d + s);
                }
            }
        }
        var scalar = new WindowConfig(Vector.empty(), Vector.empty(), Vector.empty(), Vector.empty(), Vector.empty());
        assertArrayEquals(new float[] {3}, KernelHarness.run(new ReduceWindowSum(scalar), Operand.f32(Shape.SCALAR, 3)).data().f32());
    }

    @Test
    void shouldPoolTwoByTwo() {
        Operand x = Operand.f32(Shape.of(1, 4, 4), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        var w = new WindowConfig(Vector.of(1, 2, 2), Vector.of(1, 2, 2), Vector.of(new Padding(0, 0), new Padding(0, 0), new Padding(0, 0)),
                Vector.of(1, 1, 1), Vector.of(1, 1, 1));
        assertArrayEquals(new float[] {6, 8, 14, 16}, KernelHarness.run(new ReduceWindowMax(w), x).data().f32());
        assertArrayEquals(new float[] {14, 22, 46, 54}, KernelHarness.run(new ReduceWindowSum(w), x).data().f32());
        assertArrayEquals(new float[] {1, 3, 9, 11}, KernelHarness.run(new ReduceWindowMin(w), x).data().f32());
    }

    @Test
    void shouldReadPaddingAsTheIdentity() {
        var w = new WindowConfig(Vector.of(2), Vector.of(1), Vector.of(new Padding(1, 1)), Vector.of(1), Vector.of(1));
        Operand neg = Operand.i32(Shape.of(2), -5, -7);
        assertArrayEquals(new int[] {-5, -5, -7}, KernelHarness.run(new ReduceWindowMax(w), neg).data().i32());
        Operand pos = Operand.f64(Shape.of(2), 5, 7);
        assertArrayEquals(new double[] {5, 5, 7}, KernelHarness.run(new ReduceWindowMin(w), pos).data().f64());
        assertArrayEquals(new double[] {5, 12, 7}, KernelHarness.run(new ReduceWindowSum(w), pos).data().f64());
        Operand u = Operand.u32(Shape.of(2), -1, -2);
        assertArrayEquals(new int[] {-1, -2, -2}, KernelHarness.run(new ReduceWindowMin(w), u).data().i32());
        Operand b = Operand.bool(Shape.of(2), true, true);
        assertArrayEquals(new boolean[] {true, true, true}, KernelHarness.run(new ReduceWindowMin(w), b).data().bool());
        var empty = new WindowConfig(Vector.of(0), Vector.of(1), Vector.of(new Padding(0, 0)), Vector.of(1), Vector.of(1));
        float[] none = KernelHarness.run(new ReduceWindowMax(empty), Operand.f32(Shape.of(2), 1, 2)).data().f32();
        assertEquals(Float.NEGATIVE_INFINITY, none[0]);
    }

    @Test
    void shouldSkipBaseDilationHoles() {
        // Base dilation 2 reads [1, h, 2, h, 3]; windows of 2 each hold one value and one hole.
        var w = new WindowConfig(Vector.of(2), Vector.of(1), Vector.of(new Padding(0, 0)), Vector.of(2), Vector.of(1));
        assertArrayEquals(new float[] {1, 2, 2, 3}, KernelHarness.run(new ReduceWindowMax(w), Operand.f32(Shape.of(3), 1, 2, 3)).data().f32());
    }

    /** XLA's definition, one output element at a time, holes and padding read as the identity. */
    private static void checkWindow(ReduceWindow p, Operand x, String what) {
        Result r = KernelHarness.run(p, x);
        WindowConfig w = p.window();
        int[] dims = x.aval().shape().toArray(), od = r.aval().shape().toArray();
        int[] window = w.windowDimensions().toJavaStream().mapToInt(Integer::intValue).toArray();
        DType d = x.aval().dtype();
        boolean sum = p instanceof ReduceWindowSum, max = p instanceof ReduceWindowMax;
        for (int o = 0; o < r.aval().size(); o++) {
            int[] oi = unravel(o, od);
            double facc = sum ? 0 : max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, mag = 0;
            long lacc = sum ? 0 : max ? switch (d) {
                case I32 -> Integer.MIN_VALUE;
                case I64 -> Long.MIN_VALUE;
                case U32, BOOL, F32, F64 -> 0;
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            } : switch (d) {
                case I32 -> Integer.MAX_VALUE;
                case I64 -> Long.MAX_VALUE;
                case U32 -> 0xFFFF_FFFFL;
                case BOOL -> 1;
                case F32, F64 -> 0;
                case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
            };
            int[] idx = new int[dims.length];
            window:
            for (int kk = 0; kk < Layouts.product(window); kk++) {
                int[] ki = unravel(kk, window);
                for (int a = 0; a < dims.length; a++) {
                    int u = oi[a] * w.windowStrides().get(a) - w.padding().get(a).lo() + ki[a] * w.windowDilation().get(a);
                    int dil = w.baseDilation().get(a), v = Math.floorDiv(u, dil);
                    if (Math.floorMod(u, dil) != 0 || v < 0 || v >= dims[a]) continue window;
                    idx[a] = v;
                }
                int i = ravel(idx, dims);
                double fv = x.data().getDouble(i);
                long lv = x.data().getLong(i);
                mag += Math.abs(fv);
                facc = sum ? facc + fv : Double.isNaN(facc) || Double.isNaN(fv) ? Double.NaN : max ? Math.max(facc, fv) : Math.min(facc, fv);
                lacc = sum ? lacc + lv : max ? Math.max(lacc, lv) : Math.min(lacc, lv);
            }
            if (d.isFloating()) {
                double tol = sum ? (d == DType.F32 ? 1e-5 : 1e-12) * Math.max(1, mag) : 0;
                assertClose(what + " at " + o, d == DType.F32 ? (float) facc : facc, r.data().getDouble(o), tol);
            } else {
                assertWrapped(what, d, lacc, r.data(), o);
            }
        }
    }
}
