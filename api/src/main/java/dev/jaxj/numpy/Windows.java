package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;

import java.util.function.UnaryOperator;

import static dev.jaxj.numpy.Operands.fullLike;

/**
 * NumPy's window functions: {@code M} samples of a symmetric taper, f32 as in JAX. A window of
 * length 0 or 1 is empty or {@code [1]}.
 */
public final class Windows {
    private Windows() {}

    /** {@return {@code 0.54 - 0.46 cos(2 pi n / (M - 1))}} */
    public static Array hamming(int m) { return cosineSum("hamming", m, 0.54, 0.46, 0); }

    /** {@return {@code 0.5 - 0.5 cos(2 pi n / (M - 1))}} */
    public static Array hanning(int m) { return cosineSum("hanning", m, 0.5, 0.5, 0); }

    /** {@return {@code 0.42 - 0.5 cos(2 pi n / (M - 1)) + 0.08 cos(4 pi n / (M - 1))}} */
    public static Array blackman(int m) { return cosineSum("blackman", m, 0.42, 0.5, 0.08); }

    /** {@return the triangle {@code 1 - |2n + 1 - M| / (M - 1)}} */
    public static Array bartlett(int m) {
        return window("bartlett", m, n -> Lax.sub(fullLike(n, 1), Operands.mul(Lax.abs(Operands.add(Operands.mul(n, 2), 1 - m)), 1.0 / (m - 1))));
    }

    /** {@return {@code I0(beta sqrt(1 - ((n - a) / a)²)) / I0(beta)} with {@code a = (M - 1) / 2}} */
    public static Array kaiser(int m, double beta) {
        return window("kaiser", m, n -> {
            double alpha = 0.5 * (m - 1);
            Array r = Operands.mul(Operands.add(n, -alpha), 1 / alpha);
            Array arg = Operands.mul(Lax.sqrt(Lax.sub(fullLike(r, 1), Lax.mul(r, r))), beta);
            return Lax.div(Bessel.i0(arg), Bessel.i0(fullLike(arg, beta)));
        });
    }

    private static Array cosineSum(String op, int m, double a0, double a1, double a2) {
        return window(op, m, n -> {
            Array t = Operands.mul(n, 2 * Math.PI / (m - 1));
            Array w = Lax.sub(fullLike(t, a0), Operands.mul(Lax.cos(t), a1));
            return a2 == 0 ? w : Lax.add(w, Operands.mul(Lax.cos(Operands.mul(t, 2)), a2));
        });
    }

    /** {@code shape} applied to {@code n = 0 .. M-1} in f32, after the checks every window shares. */
    private static Array window(String op, int m, UnaryOperator<Array> shape) {
        if (m < 0) throw new ArgumentError(op, "window length must be >= 0, got M=" + m);
        if (m <= 1) return Creation.full(Shape.of(m), 1.0, DType.F32);
        return shape.apply(Lax.iota(DType.F32, Shape.of(m), 0));
    }
}
