package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.numpy.FftFunctions;

/**
 * {@code jax.numpy.fft}: discrete Fourier transforms and their helpers.
 *
 * <pre>{@code
 * Array f = Fft.fftfreq(4);                      // [0, 0.25, -0.5, -0.25]
 * Array s = Fft.fftshift(Jnp.arange(5));         // [3, 4, 0, 1, 2]
 * }</pre>
 */
public final class Fft {
    private Fft() {}

    // Frequencies and shifts ------------------------------------------------------------------

    /** {@return the sample frequencies of an {@code n}-point transform, {@code [0, 1, ..., -1] / n}}: f32 {@code [n]} */
    public static Array fftfreq(int n) { return FftFunctions.fftfreq(n, 1.0, DType.F32); }

    /** {@return the sample frequencies of an {@code n}-point transform with sample spacing {@code d}}: f32 {@code [n]} */
    public static Array fftfreq(int n, double d) { return FftFunctions.fftfreq(n, d, DType.F32); }

    /** {@return the sample frequencies of an {@code n}-point transform with sample spacing {@code d}, in {@code dtype}} */
    public static Array fftfreq(int n, double d, DType dtype) { return FftFunctions.fftfreq(n, d, dtype); }

    /** {@return the non-negative sample frequencies of an {@code n}-point real transform}: f32 {@code [n / 2 + 1]} */
    public static Array rfftfreq(int n) { return FftFunctions.rfftfreq(n, 1.0, DType.F32); }

    /** {@return the non-negative sample frequencies of an {@code n}-point real transform with spacing {@code d}} */
    public static Array rfftfreq(int n, double d) { return FftFunctions.rfftfreq(n, d, DType.F32); }

    /** {@return the non-negative sample frequencies of an {@code n}-point real transform with spacing {@code d}, in {@code dtype}} */
    public static Array rfftfreq(int n, double d, DType dtype) { return FftFunctions.rfftfreq(n, d, dtype); }

    /** {@return {@code x} with frequency 0 moved to the middle of every axis}: the shape and dtype of {@code x} */
    public static Array fftshift(Array x) { return FftFunctions.fftshift(x, null); }

    /** {@return {@code x} with frequency 0 moved to the middle of each of {@code axes} (negative ones count from the end)} */
    public static Array fftshift(Array x, int... axes) { return FftFunctions.fftshift(x, axes); }

    /** {@return the inverse of {@link #fftshift(Array)}}: frequency 0 moved back to the start of every axis */
    public static Array ifftshift(Array x) { return FftFunctions.ifftshift(x, null); }

    /** {@return the inverse of {@link #fftshift(Array, int...)} over {@code axes}} */
    public static Array ifftshift(Array x, int... axes) { return FftFunctions.ifftshift(x, axes); }
}
