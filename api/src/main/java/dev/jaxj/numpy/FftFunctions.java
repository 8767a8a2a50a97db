package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;

import java.util.stream.IntStream;

/** The parts of {@code jax.numpy.fft} behind {@link dev.jaxj.Fft}: sample frequencies and shifts. */
public final class FftFunctions {
    private FftFunctions() {}

    /** {@code [0, 1, ..., ceil(n/2) - 1, -floor(n/2), ..., -1] / (d n)}, as JAX's fftfreq. */
    public static Array fftfreq(int n, double d, DType dtype) {
        positive("fftfreq", n);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) f[i] = (i < (n + 1) / 2 ? i : i - n) / (d * n);
        return Lax.convertElementType(Creation.fromJava(f), floating("fftfreq", dtype));
    }

    /** {@code [0, 1, ..., floor(n/2)] / (d n)}, as JAX's rfftfreq. */
    public static Array rfftfreq(int n, double d, DType dtype) {
        positive("rfftfreq", n);
        double[] f = new double[n / 2 + 1];
        for (int i = 0; i < f.length; i++) f[i] = i / (d * n);
        return Lax.convertElementType(Creation.fromJava(f), floating("rfftfreq", dtype));
    }

    /** Rolls each of {@code axes} (all when null) by half its length, moving frequency 0 to the middle. */
    public static Array fftshift(Array x, int[] axes) { return shift(x, axes, 1); }

    /** The inverse of {@link #fftshift}: rolls back by half of each length, rounded down. */
    public static Array ifftshift(Array x, int[] axes) { return shift(x, axes, -1); }

    private static Array shift(Array x, int[] axes, int sign) {
        int[] ax = axes != null ? axes.clone() : IntStream.range(0, x.ndim()).toArray();
        int[] shifts = new int[ax.length];
        for (int i = 0; i < ax.length; i++) {
            ax[i] = Axes.normalize(sign > 0 ? "fftshift" : "ifftshift", ax[i], x);
            shifts[i] = sign * (x.shape().dim(ax[i]) / 2);
        }
        return ax.length == 0 ? x : Manipulation.roll(x, shifts, ax);
    }

    private static void positive(String op, int n) {
        if (n < 1) throw new ArgumentError(op, "needs a positive window length n, got " + n);
    }

    private static DType floating(String op, DType dtype) {
        if (!dtype.isFloating()) throw new ArgumentError(op, "needs a floating-point dtype, got " + dtype);
        return dtype;
    }
}
