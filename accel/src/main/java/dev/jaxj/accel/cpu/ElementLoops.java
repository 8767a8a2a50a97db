package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HeapArrays;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Loops that apply a scalar function to every element, split across the {@link Parallel} pool
 * when large.
 *
 * <p>Two kinds: the generic ones take the scalar function as an object, so one loop serves every
 * operation at the price of a call per element; the {@code F32…} loop interfaces let a kernel
 * write the loop body itself (one lambda per operation), which HotSpot compiles separately and
 * vectorises where it can. The f32 kernels of cheap operations use the latter.
 */
final class ElementLoops {
    private ElementLoops() {}

    /**
     * Grain of the generic loops: a call per element costs a few ns, transcendental functions
     * 10–100 ns, so 8192 elements are tens of µs, well above the cost of handing work to a thread.
     */
    static final int GENERIC_GRAIN = 1 << 13;

    /** A loop body over {@code [lo, hi)} of one f32 operand. */
    @FunctionalInterface
    interface F32Unary {
        void run(float[] x, float[] r, int lo, int hi);
    }

    /** A loop body over {@code [lo, hi)} of two f32 operands. */
    @FunctionalInterface
    interface F32Binary {
        void run(float[] x, float[] y, float[] r, int lo, int hi);
    }

    static float[] map(float[] x, F32Unary loop) {
        float[] r = HeapArrays.floats(x.length);
        Parallel.forRange(x.length, (lo, hi) -> loop.run(x, r, lo, hi));
        return r;
    }

    static float[] zip(float[] x, float[] y, F32Binary loop) {
        float[] r = HeapArrays.floats(x.length);
        Parallel.forRange(x.length, (lo, hi) -> loop.run(x, y, r, lo, hi));
        return r;
    }

    /** {@return {@code (float) f(x[i])}}: f32 through the double-precision function, rounded once */
    static float[] map(float[] x, DoubleUnaryOperator f) {
        float[] r = HeapArrays.floats(x.length);
        Parallel.forRange(x.length, GENERIC_GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) r[i] = (float) f.applyAsDouble(x[i]);
        });
        return r;
    }

    static double[] map(double[] x, DoubleUnaryOperator f) {
        double[] r = HeapArrays.doubles(x.length);
        Parallel.forRange(x.length, GENERIC_GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) r[i] = f.applyAsDouble(x[i]);
        });
        return r;
    }

    static int[] map(int[] x, IntUnaryOperator f) {
        int[] r = HeapArrays.ints(x.length);
        Parallel.forRange(x.length, GENERIC_GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) r[i] = f.applyAsInt(x[i]);
        });
        return r;
    }

    static long[] map(long[] x, LongUnaryOperator f) {
        long[] r = HeapArrays.longs(x.length);
        Parallel.forRange(x.length, GENERIC_GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) r[i] = f.applyAsLong(x[i]);
        });
        return r;
    }

    /** {@return {@code (float) f(x[i], y[i])}}: f32 through the double-precision function, rounded once */
    static float[] zip(float[] x, float[] y, DoubleBinaryOperator f) {
        float[] r = HeapArrays.floats(x.length);
        Parallel.forRange(x.length, GENERIC_GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) r[i] = (float) f.applyAsDouble(x[i], y[i]);
        });
        return r;
    }

    static double[] zip(double[] x, double[] y, DoubleBinaryOperator f) {
        double[] r = HeapArrays.doubles(x.length);
        Parallel.forRange(x.length, GENERIC_GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) r[i] = f.applyAsDouble(x[i], y[i]);
        });
        return r;
    }

    static int[] zip(int[] x, int[] y, IntBinaryOperator f) {
        int[] r = HeapArrays.ints(x.length);
        Parallel.forRange(x.length, GENERIC_GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) r[i] = f.applyAsInt(x[i], y[i]);
        });
        return r;
    }

    static long[] zip(long[] x, long[] y, LongBinaryOperator f) {
        long[] r = HeapArrays.longs(x.length);
        Parallel.forRange(x.length, GENERIC_GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) r[i] = f.applyAsLong(x[i], y[i]);
        });
        return r;
    }
}
