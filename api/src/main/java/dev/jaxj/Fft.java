package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.FftType;
import dev.jaxj.numpy.FftFunctions;
import dev.jaxj.numpy.FftTransforms;

/**
 * {@code jax.numpy.fft}: discrete Fourier transforms and their helpers.
 *
 * <pre>{@code
 * Array f = Fft.fftfreq(4);                      // [0, 0.25, -0.5, -0.25]
 * Array s = Fft.fftshift(Jnp.arange(5));         // [3, 4, 0, 1, 2]
 * Array X = Fft.fft(Jnp.array(1f, 2f, 3f, 4f));  // c64[4]: [10, -2+2i, -2, -2-2i]
 * Array x = Fft.ifft(X);                         // c64[4]: [1, 2, 3, 4]
 * }</pre>
 *
 * <p>The transforms follow {@code jax.numpy.fft}: {@code n} (or {@code s}) crops or zero-pads
 * each transformed axis to that length before the transform (null keeps the input's length);
 * {@code norm} is {@code "backward"} (null: no scaling forward, {@code 1/n} inverse),
 * {@code "ortho"} ({@code 1/sqrt(n)} both ways) or {@code "forward"} ({@code 1/n} forward, none
 * inverse). Real inputs of complex transforms become complex (f64 to c128, others to c64);
 * real transforms take floats (integers become f32). Errors name the function, what it needs
 * and the operand's aval.
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

    // Transforms ------------------------------------------------------------------------------

    /** {@return the discrete Fourier transform of {@code a} along its last axis}: complex, of {@code a}'s shape with the transformed axes at their lengths */
    public static Array fft(Array a) { return fft(a, null, -1, null); }

    /** {@return the discrete Fourier transform of {@code a} along its last axis, cropped or zero-padded to {@code n}} */
    public static Array fft(Array a, int n) { return fft(a, n, -1, null); }

    /**
     * {@return the discrete Fourier transform of {@code a} along {@code axis}} ({@code jnp.fft.fft}): complex, of {@code a}'s shape with the transformed axes at their lengths.
     *
     * @param n    the transform length (null: the input's)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array fft(Array a, Integer n, int axis, String norm) {
        return FftTransforms.transform1("fft", FftType.FFT, a, n, axis, norm);
    }

    /** {@return the inverse discrete Fourier transform of {@code a} along its last axis}: complex, of {@code a}'s shape with the transformed axes at their lengths */
    public static Array ifft(Array a) { return ifft(a, null, -1, null); }

    /** {@return the inverse discrete Fourier transform of {@code a} along its last axis, cropped or zero-padded to {@code n}} */
    public static Array ifft(Array a, int n) { return ifft(a, n, -1, null); }

    /**
     * {@return the inverse discrete Fourier transform of {@code a} along {@code axis}} ({@code jnp.fft.ifft}): complex, of {@code a}'s shape with the transformed axes at their lengths.
     *
     * @param n    the transform length (null: the input's)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array ifft(Array a, Integer n, int axis, String norm) {
        return FftTransforms.transform1("ifft", FftType.IFFT, a, n, axis, norm);
    }

    /** {@return the non-negative frequencies of the transform of the real {@code a} along its last axis}: complex, the last transformed axis of length {@code n / 2 + 1} */
    public static Array rfft(Array a) { return rfft(a, null, -1, null); }

    /** {@return the non-negative frequencies of the transform of the real {@code a} along its last axis, cropped or zero-padded to {@code n}} */
    public static Array rfft(Array a, int n) { return rfft(a, n, -1, null); }

    /**
     * {@return the non-negative frequencies of the transform of the real {@code a} along {@code axis}} ({@code jnp.fft.rfft}): complex, the last transformed axis of length {@code n / 2 + 1}.
     *
     * @param n    the transform length (null: the input's)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array rfft(Array a, Integer n, int axis, String norm) {
        return FftTransforms.transform1("rfft", FftType.RFFT, a, n, axis, norm);
    }

    /** {@return the real signal whose non-negative frequencies are {@code a} along its last axis}: real, the last transformed axis of length {@code n} */
    public static Array irfft(Array a) { return irfft(a, null, -1, null); }

    /** {@return the real signal whose non-negative frequencies are {@code a} along its last axis, cropped or zero-padded to {@code n}} */
    public static Array irfft(Array a, int n) { return irfft(a, n, -1, null); }

    /**
     * {@return the real signal whose non-negative frequencies are {@code a} along {@code axis}} ({@code jnp.fft.irfft}): real, the last transformed axis of length {@code n}.
     *
     * @param n    the transform length (null: the input's, 2 (m - 1) for a half spectrum of m)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array irfft(Array a, Integer n, int axis, String norm) {
        return FftTransforms.transform1("irfft", FftType.IRFFT, a, n, axis, norm);
    }

    /** {@return the real spectrum of the signal whose Hermitian-symmetric first half is {@code a} along its last axis}: real, the last transformed axis of length {@code n} */
    public static Array hfft(Array a) { return hfft(a, null, -1, null); }

    /** {@return the real spectrum of the signal whose Hermitian-symmetric first half is {@code a} along its last axis, cropped or zero-padded to {@code n}} */
    public static Array hfft(Array a, int n) { return hfft(a, n, -1, null); }

    /**
     * {@return the real spectrum of the signal whose Hermitian-symmetric first half is {@code a} along {@code axis}} ({@code jnp.fft.hfft}): real, the last transformed axis of length {@code n}.
     *
     * @param n    the transform length (null: the input's, 2 (m - 1) for a half spectrum of m)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array hfft(Array a, Integer n, int axis, String norm) {
        return FftTransforms.hfft(a, n, axis, norm);
    }

    /** {@return the conjugated non-negative frequencies, divided by {@code n}, of the real {@code a} along its last axis}: complex, the last transformed axis of length {@code n / 2 + 1} */
    public static Array ihfft(Array a) { return ihfft(a, null, -1, null); }

    /** {@return the conjugated non-negative frequencies, divided by {@code n}, of the real {@code a} along its last axis, cropped or zero-padded to {@code n}} */
    public static Array ihfft(Array a, int n) { return ihfft(a, n, -1, null); }

    /**
     * {@return the conjugated non-negative frequencies, divided by {@code n}, of the real {@code a} along {@code axis}} ({@code jnp.fft.ihfft}): complex, the last transformed axis of length {@code n / 2 + 1}.
     *
     * @param n    the transform length (null: the input's)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array ihfft(Array a, Integer n, int axis, String norm) {
        return FftTransforms.ihfft(a, n, axis, norm);
    }

    /** {@return the 2-D discrete Fourier transform of {@code a} over its last two axes}: complex, of {@code a}'s shape with the transformed axes at their lengths */
    public static Array fft2(Array a) { return fft2(a, null, new int[] {-2, -1}, null); }

    /**
     * {@return the 2-D discrete Fourier transform of {@code a} over the two {@code axes}} ({@code jnp.fft.fft2}): complex, of {@code a}'s shape with the transformed axes at their lengths.
     *
     * @param s    the transform lengths, one per axis (null: the input's)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array fft2(Array a, int[] s, int[] axes, String norm) {
        return FftTransforms.transform2("fft2", FftType.FFT, a, s, axes, norm);
    }

    /** {@return the 2-D inverse discrete Fourier transform of {@code a} over its last two axes}: complex, of {@code a}'s shape with the transformed axes at their lengths */
    public static Array ifft2(Array a) { return ifft2(a, null, new int[] {-2, -1}, null); }

    /**
     * {@return the 2-D inverse discrete Fourier transform of {@code a} over the two {@code axes}} ({@code jnp.fft.ifft2}): complex, of {@code a}'s shape with the transformed axes at their lengths.
     *
     * @param s    the transform lengths, one per axis (null: the input's)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array ifft2(Array a, int[] s, int[] axes, String norm) {
        return FftTransforms.transform2("ifft2", FftType.IFFT, a, s, axes, norm);
    }

    /** {@return the 2-D transform of the real {@code a} over its last two axes}: complex, the last transformed axis of length {@code n / 2 + 1} */
    public static Array rfft2(Array a) { return rfft2(a, null, new int[] {-2, -1}, null); }

    /**
     * {@return the 2-D transform of the real {@code a} over the two {@code axes}} ({@code jnp.fft.rfft2}): complex, the last transformed axis of length {@code n / 2 + 1}.
     *
     * @param s    the transform lengths, one per axis (null: the input's)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array rfft2(Array a, int[] s, int[] axes, String norm) {
        return FftTransforms.transform2("rfft2", FftType.RFFT, a, s, axes, norm);
    }

    /** {@return the real 2-D inverse transform of the half spectrum of {@code a} over its last two axes}: real, the last transformed axis of length {@code n} */
    public static Array irfft2(Array a) { return irfft2(a, null, new int[] {-2, -1}, null); }

    /**
     * {@return the real 2-D inverse transform of the half spectrum of {@code a} over the two {@code axes}} ({@code jnp.fft.irfft2}): real, the last transformed axis of length {@code n}.
     *
     * @param s    the transform lengths, one per axis (null: the input's; 2 (m - 1) on the last for a half spectrum of m)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array irfft2(Array a, int[] s, int[] axes, String norm) {
        return FftTransforms.transform2("irfft2", FftType.IRFFT, a, s, axes, norm);
    }

    /** {@return the n-dimensional discrete Fourier transform of {@code a} over all its axes}: complex, of {@code a}'s shape with the transformed axes at their lengths */
    public static Array fftn(Array a) { return fftn(a, null, null, null); }

    /**
     * {@return the n-dimensional discrete Fourier transform of {@code a} over {@code axes}} ({@code jnp.fft.fftn}): complex, of {@code a}'s shape with the transformed axes at their lengths.
     *
     * @param s    the transform lengths (null: the input's)
     * @param axes the axes (null: the last {@code s.length}, or all when {@code s} is null too)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array fftn(Array a, int[] s, int[] axes, String norm) {
        return FftTransforms.transform("fftn", FftType.FFT, a, s, axes, norm);
    }

    /** {@return the n-dimensional inverse discrete Fourier transform of {@code a} over all its axes}: complex, of {@code a}'s shape with the transformed axes at their lengths */
    public static Array ifftn(Array a) { return ifftn(a, null, null, null); }

    /**
     * {@return the n-dimensional inverse discrete Fourier transform of {@code a} over {@code axes}} ({@code jnp.fft.ifftn}): complex, of {@code a}'s shape with the transformed axes at their lengths.
     *
     * @param s    the transform lengths (null: the input's)
     * @param axes the axes (null: the last {@code s.length}, or all when {@code s} is null too)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array ifftn(Array a, int[] s, int[] axes, String norm) {
        return FftTransforms.transform("ifftn", FftType.IFFT, a, s, axes, norm);
    }

    /** {@return the n-dimensional transform of the real {@code a} over all its axes}: complex, the last transformed axis of length {@code n / 2 + 1} */
    public static Array rfftn(Array a) { return rfftn(a, null, null, null); }

    /**
     * {@return the n-dimensional transform of the real {@code a} over {@code axes}} ({@code jnp.fft.rfftn}): complex, the last transformed axis of length {@code n / 2 + 1}.
     *
     * @param s    the transform lengths (null: the input's)
     * @param axes the axes (null: the last {@code s.length}, or all when {@code s} is null too)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array rfftn(Array a, int[] s, int[] axes, String norm) {
        return FftTransforms.transform("rfftn", FftType.RFFT, a, s, axes, norm);
    }

    /** {@return the real n-dimensional inverse transform of the half spectrum of {@code a} over all its axes}: real, the last transformed axis of length {@code n} */
    public static Array irfftn(Array a) { return irfftn(a, null, null, null); }

    /**
     * {@return the real n-dimensional inverse transform of the half spectrum of {@code a} over {@code axes}} ({@code jnp.fft.irfftn}): real, the last transformed axis of length {@code n}.
     *
     * @param s    the transform lengths (null: the input's; 2 (m - 1) on the last for a half spectrum of m)
     * @param axes the axes (null: the last {@code s.length}, or all when {@code s} is null too)
     * @param norm {@code "backward"} (or null), {@code "ortho"} or {@code "forward"}
     */
    public static Array irfftn(Array a, int[] s, int[] axes, String norm) {
        return FftTransforms.transform("irfftn", FftType.IRFFT, a, s, axes, norm);
    }
}
