package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.accel.cpu.KernelHarness.Result;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link ElementwiseKernels}: select_n, clamp and copy against closed forms; every unary and
 * binary primitive (found by walking the sealed hierarchy) on every dtype its rule accepts, at
 * rank 0, zero size and rank 2, where each element must equal the primitive applied to that
 * element alone; and arrays large enough to be split across threads, against StrictMath.
 */
class ElementwiseKernelsTest {
    private static final Shape[] SHAPES = {Shape.SCALAR, Shape.of(0), Shape.of(3, 0), Shape.of(2, 3)};

    // ---------------------------------------------------------------------------------------
    // Every primitive, every accepted dtype, every kind of shape
    // ---------------------------------------------------------------------------------------

    /** Instances of every Unary and Binary record, with a few values of their static params. */
    static Stream<Primitive> elementwisePrimitives() {
        List<Primitive> all = new ArrayList<>();
        for (Class<?> leaf : leaves(Unary.class)) if (kernelsSee(leaf)) all.addAll(instances(leaf));
        for (Class<?> leaf : leaves(Binary.class)) if (kernelsSee(leaf)) all.addAll(instances(leaf));
        return all.stream();
    }

    /** The primitives that make or take complex numbers are lowered to others before kernels run (StorageAndComplexTypesTest covers them). */
    private static boolean kernelsSee(Class<?> leaf) {
        return !ComplexUnary.class.isAssignableFrom(leaf) && leaf != Complex.class;
    }

    private static List<Class<?>> leaves(Class<?> sealed) {
        if (!sealed.isSealed()) return List.of(sealed);
        return Stream.of(sealed.getPermittedSubclasses()).flatMap(c -> leaves(c).stream()).toList();
    }

    private static List<Primitive> instances(Class<?> leaf) {
        if (leaf == Round.class) return List.of(new Round(RoundingMethod.AWAY_FROM_ZERO), new Round(RoundingMethod.TO_NEAREST_EVEN));
        if (leaf == IntegerPow.class) return List.of(new IntegerPow(0), new IntegerPow(3));
        if (leaf == ConvertElementType.class) return DType.computeTypes().stream().<Primitive>map(d -> new ConvertElementType(d, false)).toList();
        if (leaf == BitcastConvertType.class) {
            return DType.computeTypes().stream().filter(d -> !d.isBool()).<Primitive>map(BitcastConvertType::new).toList();
        }
        assertEquals(0, leaf.getRecordComponents().length, leaf + " has static params: give it instances here");
        try {
            return List.of((Primitive) leaf.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean accepts(Primitive p, DType d) {
        return p instanceof Unary u ? u.accepts(d) : ((Binary) p).accepts(d);
    }

    /** Deterministic values that include zeros and negatives; {@code salt} varies them between operands. */
    private static Operand sample(DType d, Shape s, int salt) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            int k = i * 7 + salt * 3;
            v[i] = d.isFloating() ? 0.37 * (k % 11) - 1.5 : k % 5 - 2 + (k % 3 == 0 ? 40 : 0);
        }
        return Operand.of(d, s, v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwisePrimitives")
    void shouldHandleEveryAcceptedDtypeAtRankZeroZeroSizeAndRankTwo(Primitive p) {
        int arity = p instanceof Unary ? 1 : 2;
        int checked = 0;
        for (DType d : DType.computeTypes()) {
            if (!accepts(p, d)) continue;
            for (Shape s : SHAPES) {
                Operand[] in = arity == 1 ? new Operand[] {sample(d, s, 0)} : new Operand[] {sample(d, s, 0), sample(d, s, 1)};
                Result r = KernelHarness.run(p, in);
                assertEquals(r.aval().dtype(), r.data().dtype(), p + " on " + d + s);
                assertEquals(s.size(), r.data().size(), p + " on " + d + s);
                for (int i = 0; i < s.size(); i++) {
                    Operand[] one = new Operand[arity];
                    for (int j = 0; j < arity; j++) one[j] = element(in[j], i);
                    HostData alone = KernelHarness.run(p, one).data();
                    assertEquals(bits(alone, 0), bits(r.data(), i), p + " on " + d + s + " at " + i + " differs from the scalar result");
                }
                checked++;
            }
        }
        assertTrue(checked > 0, p + " accepts no dtype");
    }

    private static Operand element(Operand x, int i) {
        HostData b = HostData.allocate(x.aval().dtype(), 1);
        b.copyFrom(x.data(), i, 0);
        return new Operand(x.aval().withShape(Shape.SCALAR), b);
    }

    /** Element {@code i} as comparable bits (all NaNs alike). */
    private static long bits(HostData b, int i) {
        return switch (b.dtype()) {
            case F32 -> Float.floatToIntBits(b.f32()[i]);
            case F64 -> Double.doubleToLongBits(b.f64()[i]);
            case I32, U32 -> b.i32()[i];
            case I64 -> b.i64()[i];
            case BOOL -> b.bool()[i] ? 1 : 0;
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("kernels compute in lowered types only, got " + b.dtype());
        };
    }

    // ---------------------------------------------------------------------------------------
    // select_n
    // ---------------------------------------------------------------------------------------

    @Test
    void shouldSelectWithAScalarBoolForAllElements() {
        Operand a = Operand.f32(Shape.of(2, 2), 1, 2, 3, 4), b = Operand.f32(Shape.of(2, 2), -1, -2, -3, -4);
        HostData t = KernelHarness.run(new SelectN(), Operand.bool(Shape.SCALAR, true), a, b).data();
        assertArrayEquals(new float[] {-1, -2, -3, -4}, t.f32());
        assertNotSame(b.data().array(), t.array(), "select_n must return a fresh buffer");
        assertArrayEquals(new float[] {1, 2, 3, 4}, KernelHarness.run(new SelectN(), Operand.bool(Shape.SCALAR, false), a, b).data().f32());
    }

    @Test
    void shouldSelectPerElementForEveryDtype() {
        boolean[] which = {true, false, false, true, true};
        for (DType d : DType.computeTypes()) {
            Operand c0 = Operand.of(d, Shape.of(5), 0, 1, 0, 1, 0), c1 = Operand.of(d, Shape.of(5), 1, 1, 1, 0, 0);
            HostData r = KernelHarness.run(new SelectN(), Operand.bool(Shape.of(5), which), c0, c1).data();
            assertEquals(d, r.dtype());
            for (int i = 0; i < 5; i++) {
                assertEquals((which[i] ? c1 : c0).data().getDouble(i), r.getDouble(i), "select_n in " + d + " at " + i);
            }
        }
    }

    @Test
    void shouldClampIntegerSelectorsIntoTheCases() {
        Operand c0 = Operand.i64(Shape.of(6), 10, 10, 10, 10, 10, 10), c1 = Operand.i64(Shape.of(6), 11, 11, 11, 11, 11, 11);
        Operand c2 = Operand.i64(Shape.of(6), 12, 12, 12, 12, 12, 12);
        Operand which = Operand.i32(Shape.of(6), -5, 0, 1, 2, 3, Integer.MAX_VALUE);
        assertArrayEquals(new long[] {10, 10, 11, 12, 12, 12}, KernelHarness.run(new SelectN(), which, c0, c1, c2).data().i64());
        assertArrayEquals(new long[] {12, 12, 12, 12, 12, 12}, KernelHarness.run(new SelectN(), Operand.i32(Shape.SCALAR, 9), c0, c1, c2).data().i64());
        assertArrayEquals(new long[] {11, 11, 11, 11, 11, 11}, KernelHarness.run(new SelectN(), Operand.i32(Shape.SCALAR, 1), c0, c1, c2).data().i64());
        assertArrayEquals(new long[] {10, 10, 10, 10, 10, 10}, KernelHarness.run(new SelectN(), Operand.i32(Shape.of(6), 0, 1, 2, 3, 4, 5), c0).data().i64());
    }

    @Test
    void shouldSelectScalarsAndEmptyArrays() {
        assertArrayEquals(new int[] {7}, KernelHarness.run(new SelectN(), Operand.bool(Shape.SCALAR, true), Operand.u32(Shape.SCALAR, 3), Operand.u32(Shape.SCALAR, 7)).data().i32());
        Operand e0 = Operand.f64(Shape.of(0, 2)), e1 = Operand.f64(Shape.of(0, 2));
        assertEquals(0, KernelHarness.run(new SelectN(), Operand.bool(Shape.SCALAR, true), e0, e1).data().size());
        assertEquals(0, KernelHarness.run(new SelectN(), Operand.bool(Shape.of(0, 2)), e0, e1).data().size());
    }

    // ---------------------------------------------------------------------------------------
    // clamp
    // ---------------------------------------------------------------------------------------

    @Test
    void shouldClampFloatsToScalarBoundsPropagatingNaN() {
        float nan = Float.NaN, inf = Float.POSITIVE_INFINITY;
        Operand x = Operand.f32(Shape.of(7), -2, 0.5f, 3, nan, -inf, inf, -0f);
        float[] r = KernelHarness.run(new Clamp(), Operand.f32(Shape.SCALAR, 0), x, Operand.f32(Shape.SCALAR, 1)).data().f32();
        assertArrayEquals(new float[] {0, 0.5f, 1, nan, 0, 1, 0}, r);
        assertEquals(0, Float.floatToRawIntBits(r[6]), "max(-0, +0) is +0");
        float[] nanBound = KernelHarness.run(new Clamp(), Operand.f32(Shape.SCALAR, nan), x, Operand.f32(Shape.SCALAR, 1)).data().f32();
        for (float v : nanBound) assertTrue(Float.isNaN(v));
    }

    @Test
    void shouldClampToBoundsShapedLikeX() {
        Operand lo = Operand.f64(Shape.of(2, 2), 0, 1, 2, 5), hi = Operand.f64(Shape.of(2, 2), 10, 1.5, 3, 4);
        Operand x = Operand.f64(Shape.of(2, 2), -1, 7, 2.5, 4.5);
        // min(max(x, lo), hi): a lower bound above the upper one yields the upper one.
        assertArrayEquals(new double[] {0, 1.5, 2.5, 4}, KernelHarness.run(new Clamp(), lo, x, hi).data().f64());
        assertArrayEquals(new double[] {-1, 1.5, 2.5, 4}, KernelHarness.run(new Clamp(), Operand.f64(Shape.SCALAR, -9), x, hi).data().f64());
    }

    @Test
    void shouldClampIntegersInTheirOrder() {
        Operand x = Operand.i32(Shape.of(4), -1, 5, 0, Integer.MIN_VALUE);
        assertArrayEquals(new int[] {1, 5, 1, 1}, KernelHarness.run(new Clamp(), Operand.i32(Shape.SCALAR, 1), x, Operand.i32(Shape.SCALAR, 6)).data().i32());
        // As u32, -1 is 4294967295 and MIN is 2^31: both lie above the upper bound 2^31 - 1.
        Operand u = Operand.u32(Shape.of(4), -1, 5, 0, Integer.MIN_VALUE);
        assertArrayEquals(new int[] {Integer.MAX_VALUE, 5, 1, Integer.MAX_VALUE},
                KernelHarness.run(new Clamp(), Operand.u32(Shape.SCALAR, 1), u, Operand.u32(Shape.SCALAR, Integer.MAX_VALUE)).data().i32());
        Operand l = Operand.i64(Shape.of(3), Long.MIN_VALUE, 0, Long.MAX_VALUE);
        assertArrayEquals(new long[] {-3, 0, 3}, KernelHarness.run(new Clamp(), Operand.i64(Shape.SCALAR, -3), l, Operand.i64(Shape.SCALAR, 3)).data().i64());
    }

    @Test
    void shouldClampScalarsAndEmptyArrays() {
        assertEquals(2.0, KernelHarness.run(new Clamp(), Operand.f64(Shape.SCALAR, 0), Operand.f64(Shape.SCALAR, 7), Operand.f64(Shape.SCALAR, 2)).data().f64()[0]);
        assertEquals(0, KernelHarness.run(new Clamp(), Operand.f32(Shape.SCALAR, 0), Operand.f32(Shape.of(0, 3)), Operand.f32(Shape.SCALAR, 1)).data().size());
    }

    // ---------------------------------------------------------------------------------------
    // copy, and arrays split across threads
    // ---------------------------------------------------------------------------------------

    @Test
    void shouldCopyEveryDtypeIntoAFreshBuffer() {
        for (DType d : DType.computeTypes()) {
            Operand x = sample(d, Shape.of(3, 2), 0);
            HostData r = KernelHarness.run(new Copy(), x).data();
            assertNotSame(x.data().array(), r.array(), "copy of " + d);
            for (int i = 0; i < 6; i++) assertEquals(bits(x.data(), i), bits(r, i), "copy of " + d + " at " + i);
        }
    }

    @Test
    void shouldSplitLargeArraysWithoutChangingResults() {
        int n = 3 * Parallel.DEFAULT_GRAIN + 17;
        float[] a = new float[n], b = new float[n];
        boolean[] which = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) Math.sin(i) * 40;
            b[i] = (float) Math.cos(i * 0.7) * 3;
            which[i] = i % 3 == 0;
        }
        Shape s = Shape.of(n);
        Operand x = Operand.f32(s, a), y = Operand.f32(s, b);
        float[] sum = KernelHarness.run(new Add(), x, y).data().f32();
        float[] exp = KernelHarness.run(new Exp(), y).data().f32();
        boolean[] less = KernelHarness.run(new Lt(), x, y).data().bool();
        int[] ints = KernelHarness.run(new ConvertElementType(DType.I32, false), x).data().i32();
        float[] clamped = KernelHarness.run(new Clamp(), Operand.f32(Shape.SCALAR, -1), x, Operand.f32(Shape.SCALAR, 1)).data().f32();
        float[] selected = KernelHarness.run(new SelectN(), Operand.bool(s, which), x, y).data().f32();
        for (int i = 0; i < n; i++) {
            assertEquals((float) ((double) a[i] + b[i]), sum[i], "add at " + i);
            assertTrue(Ulps.between(exp[i], (float) StrictMath.exp(b[i])) <= 1, "exp at " + i);
            assertEquals(a[i] < b[i], less[i], "lt at " + i);
            assertEquals((long) a[i], ints[i], "convert at " + i);
            assertEquals(a[i] < -1 ? -1 : a[i] > 1 ? 1 : a[i], clamped[i], "clamp at " + i);
            assertEquals(which[i] ? b[i] : a[i], selected[i], "select_n at " + i);
        }
    }
}
