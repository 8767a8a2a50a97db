package dev.jaxj.transforms.transpose;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Primitive.Fft;
import dev.jaxj.ir.Primitive.FftType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Transposes of the {@code fft} primitive under the pairing {@code Re(ct · t)} (no conjugation),
 * as JAX's: the DFT matrix is symmetric, so {@code FFT} and {@code IFFT} are their own
 * transposes; {@code RFFT} is a full {@code FFT} of the real operand cropped to {@code n / 2 + 1}
 * frequencies, whose transpose zero-pads, transforms and keeps the real part; {@code IRFFT}
 * reads {@code Re(z_k e^{2 pi i j k / n})} of each kept frequency (twice but for the zero and,
 * for even {@code n}, the Nyquist one), so its transpose is the conjugated {@code RFFT} of the
 * cotangent, weighted so and divided by {@code n}, as JAX's rule (checked against central
 * differences in FftDerivativesTest).
 */
final class FftTranspose {
    private FftTranspose() {}

    static Array transpose(Fft f, Array ct) {
        Seq<Integer> lengths = f.fftLengths();
        return switch (f.fftType()) {
            case FFT, IFFT -> Lax.fft(ct, f.fftType(), lengths);
            case RFFT -> {
                int n = lengths.last(), kept = n / 2 + 1;
                Array full = n == kept ? ct : Lax.concatenate(Vector.of(ct, filled(ct, n - kept, 0.0)), ct.ndim() - 1);
                yield Lax.real(Lax.fft(full, FftType.FFT, lengths));
            }
            case IRFFT -> {
                Array x = Lax.fft(ct, FftType.RFFT, lengths);
                int n = lengths.last(), m = x.shape().dim(-1), odd = n % 2;
                double scale = 1.0 / lengths.foldLeft(1.0, (a, b) -> a * b);
                Seq<Array> parts = Vector.of(filled(x, 1, scale), filled(x, m - 2 + odd, 2 * scale), filled(x, 1 - odd, scale))
                        .filter(a -> a.shape().dim(-1) > 0);
                yield Lax.conj(Lax.mul(x, parts.size() == 1 ? parts.head() : Lax.concatenate(parts, x.ndim() - 1)));
            }
        };
    }

    /** {@return an array shaped like {@code like} but with {@code last} entries on its last axis, all {@code v}} */
    private static Array filled(Array like, int last, double v) {
        return Lax.full(lastAxis(like, Math.max(0, last)), v, like.dtype());
    }

    private static Shape lastAxis(Array like, int last) {
        int[] dims = new int[like.ndim()];
        for (int i = 0; i < dims.length; i++) dims[i] = like.shape().dim(i);
        dims[dims.length - 1] = last;
        return Shape.of(dims);
    }
}
