package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.Primitive.FftType;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The transforms of {@code jax.numpy.fft} behind {@link dev.jaxj.Fft}, on the {@code fft}
 * primitive: the chosen axes are moved last, cropped or zero-padded to the requested lengths,
 * transformed (in groups of at most three axes, the primitive's limit) and moved back; the
 * normalisation ({@code "backward"}, {@code "ortho"}, {@code "forward"}) scales the result.
 */
public final class FftTransforms {
    private FftTransforms() {}

    /** Normalisation modes, as NumPy names them; null means {@code "backward"}. */
    private static final java.util.List<String> NORMS = java.util.List.of("backward", "ortho", "forward");

    /**
     * The n-dimensional transform {@code name} of {@code type} over {@code axes} (null: the last
     * {@code s.length} axes, or all when {@code s} is null too) with output lengths {@code s}
     * (null: the input's, or {@code 2 (m - 1)} on the last axis of an inverse real transform).
     */
    public static Array transform(String name, FftType type, Array a, int[] s, int[] axes, String norm) {
        String op = "jnp.fft." + name;
        checkNorm(op, norm);
        int rank = a.ndim();
        if (s != null && axes != null && s.length != axes.length) {
            throw new ArgumentError(op, "needs s and axes of one length, got s=" + Arrays.toString(s) + " and axes=" + Arrays.toString(axes));
        }
        if (s != null) for (int v : s) if (v < 1) throw new ArgumentError(op, "needs transform lengths >= 1, got s=" + Arrays.toString(s) + " for " + a.aval());
        int[] ax;
        if (axes != null) {
            ax = Axes.normalizeUnique(op, axes, rank, a).toJavaStream().mapToInt(Integer::intValue).toArray();
        } else {
            int k = s == null ? rank : s.length;
            if (k > rank) throw new ShapeError(op, "has " + k + " transform lengths s=" + Arrays.toString(s) + " for an operand of rank " + rank + ", got " + a.aval());
            ax = IntStream.range(rank - k, rank).toArray();
        }
        int k = ax.length;
        if (k == 0) throw new ArgumentError(op, "needs at least one axis to transform, got " + a.aval());
        int[] last = IntStream.range(rank - k, rank).toArray();
        Array x = Manipulation.moveaxis(a, ax, last);
        int[] lengths = new int[k];
        for (int i = 0; i < k; i++) {
            int dim = x.shape().dim(rank - k + i);
            lengths[i] = s != null ? s[i] : type == FftType.IRFFT && i == k - 1 ? 2 * (dim - 1) : dim;
        }
        if (lengths[k - 1] < 1) throw new ArgumentError(op, "needs an output length >= 1 on its last axis, got " + lengths[k - 1] + " from " + a.aval());
        for (int i = 0; i < k; i++) {
            int want = type == FftType.IRFFT && i == k - 1 ? lengths[i] / 2 + 1 : lengths[i];
            x = fit(x, rank - k + i, want);
        }
        Array y = grouped(x, type, lengths);
        if (norm != null && !norm.equals("backward")) {
            double total = Arrays.stream(lengths).asDoubleStream().reduce(1, (p, q) -> p * q);
            double f = norm.equals("ortho") ? Math.sqrt(total) : total;
            y = Elementwise.multiply(y, Array.scalar(name.startsWith("i") ? f : 1 / f));
        }
        return Manipulation.moveaxis(y, last, ax);
    }

    /** A one-axis transform: {@code n} null keeps the input's length (see {@link #transform}). */
    public static Array transform1(String name, FftType type, Array a, Integer n, int axis, String norm) {
        return transform(name, type, a, n == null ? null : new int[] {n}, new int[] {axis}, norm);
    }

    /** {@code hfft}: the real spectrum of a signal whose half spectrum (Hermitian symmetric) is {@code a}. */
    public static Array hfft(Array a, Integer n, int axis, String norm) {
        int m = a.shape().dim(Axes.normalize("jnp.fft.hfft", axis, a));
        int nn = n != null ? n : 2 * (m - 1);
        Array y = transform1("hfft", FftType.IRFFT, a.dtype().isComplex() ? Lax.conj(a) : a, n, axis, norm);
        return Elementwise.multiply(y, Array.scalar((double) nn));
    }

    /** {@code ihfft}: the half spectrum of a real {@code a}, conjugated and divided by the length. */
    public static Array ihfft(Array a, Integer n, int axis, String norm) {
        int nn = n != null ? n : a.shape().dim(Axes.normalize("jnp.fft.ihfft", axis, a));
        Array y = transform1("ihfft", FftType.RFFT, a, n, axis, norm);
        return Elementwise.multiply(Lax.conj(y), Array.scalar(1.0 / nn));
    }

    /** Checks a two-axis call ({@code fft2} and relatives) before the n-dimensional one. */
    public static Array transform2(String name, FftType type, Array a, int[] s, int[] axes, String norm) {
        if (axes.length != 2) throw new ArgumentError("jnp.fft." + name, "takes exactly 2 axes, got axes=" + Arrays.toString(axes));
        return transform(name, type, a, s, axes, norm);
    }

    private static void checkNorm(String op, String norm) {
        if (norm != null && !NORMS.contains(norm)) {
            throw new ArgumentError(op, "needs norm \"backward\", \"ortho\" or \"forward\", got \"" + norm + "\"");
        }
    }

    /** {@return {@code x} cropped or zero-padded at the end of {@code axis} to length {@code want}} */
    private static Array fit(Array x, int axis, int want) {
        int have = x.shape().dim(axis);
        if (have == want) return x;
        int r = x.ndim();
        if (have > want) {
            Vector<Integer> start = Vector.fill(r, 0), limit = Vector.range(0, r).map(i -> i == axis ? want : x.shape().dim(i));
            return Lax.slice(x, start, limit, Vector.fill(r, 1));
        }
        int[] dims = IntStream.range(0, r).map(i -> i == axis ? want - have : x.shape().dim(i)).toArray();
        return Lax.concatenate(Vector.of(x, Lax.full(dev.jaxj.ir.Shape.of(dims), 0.0, x.dtype())), axis);
    }

    /**
     * The transform over the trailing {@code lengths.length} axes, in groups of at most three: the
     * real-input transform (or the real-output inverse) on the last group, plain complex ones on the
     * others, before (forward) or after (inverse) it, as the transforms separate.
     */
    private static Array grouped(Array x, FftType type, int[] lengths) {
        int k = lengths.length;
        if (k <= 3) return Lax.fft(x, type, lengths);
        int g = k == 4 ? 2 : 3, r = x.ndim();
        int[] head = Arrays.copyOf(lengths, k - g), tail = Arrays.copyOfRange(lengths, k - g, k);
        int[] src = IntStream.range(r - k, r - g).toArray(), dst = IntStream.range(r - k + g, r).toArray();
        boolean forward = type == FftType.FFT || type == FftType.RFFT;
        FftType rest = forward ? FftType.FFT : FftType.IFFT;
        Array y = forward ? Lax.fft(x, type, tail) : x;
        y = Manipulation.moveaxis(grouped(Manipulation.moveaxis(y, src, dst), rest, head), dst, src);
        return forward ? y : Lax.fft(y, type, tail);
    }
}
