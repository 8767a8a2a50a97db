package dev.jaxj;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.FftType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link Fft}'s fourteen transforms against NumPy's ({@code fft/fft_transforms_reference.txt},
 * written by {@code fft_transforms_reference.py} beside it): odd, even and prime lengths, cropping
 * and padding, the three normalisations, non-trailing axes and more than three axes; in f64 and
 * f32, eager and under {@code jit}; and the errors.
 *
 * <p>Tolerances: an error relative to the largest expected magnitude, of 1e-12 in f64 and 2e-6 in
 * f32 (the engine's own bound is 1e-14 and 1e-6 of the largest output; the inputs here are rounded
 * to f32 first, which adds a few units of f32 roundoff).
 */
class FftTransformsTest {
    private static final ReferenceFile REF = ReferenceFile.load(FftTransformsTest.class, "fft/fft_transforms_reference.txt");

    /** A call of the test: the input's shape, whether it is complex, and the transform. */
    record Case(int[] shape, boolean complex, Function<Array, Array> call) {}

    static final Map<String, Case> CASES = new LinkedHashMap<>();

    private static void add(String name, boolean complex, Function<Array, Array> call, int... shape) {
        CASES.put(name, new Case(shape, complex, call));
    }

    static {
        add("fft_8", true, Fft::fft, 8);
        add("fft_7_ortho", true, a -> Fft.fft(a, null, -1, "ortho"), 7);
        add("fft_real_5_forward", false, a -> Fft.fft(a, null, -1, "forward"), 5);
        add("fft_3x6_axis0_n4", true, a -> Fft.fft(a, 4, 0, null), 3, 6);
        add("fft_13_n10", true, a -> Fft.fft(a, 10), 13);
        add("ifft_2x9", true, Fft::ifft, 2, 9);
        add("ifft_8_ortho", true, a -> Fft.ifft(a, null, -1, "ortho"), 8);
        add("ifft_6_forward", true, a -> Fft.ifft(a, null, -1, "forward"), 6);
        add("rfft_8", false, Fft::rfft, 8);
        add("rfft_7_ortho", false, a -> Fft.rfft(a, null, -1, "ortho"), 7);
        add("rfft_4x5_axis0", false, a -> Fft.rfft(a, null, 0, null), 4, 5);
        add("rfft_11_n16_forward", false, a -> Fft.rfft(a, 16, -1, "forward"), 11);
        add("irfft_5", true, Fft::irfft, 5);
        add("irfft_4_n7", true, a -> Fft.irfft(a, 7), 4);
        add("irfft_3x4_axis0_n5_ortho", true, a -> Fft.irfft(a, 5, 0, "ortho"), 3, 4);
        add("irfft_6_forward", true, a -> Fft.irfft(a, null, -1, "forward"), 6);
        add("hfft_5", true, Fft::hfft, 5);
        add("hfft_4_n7_ortho", true, a -> Fft.hfft(a, 7, -1, "ortho"), 4);
        add("hfft_2x3_forward", true, a -> Fft.hfft(a, null, -1, "forward"), 2, 3);
        add("ihfft_8", false, Fft::ihfft, 8);
        add("ihfft_7_ortho", false, a -> Fft.ihfft(a, null, -1, "ortho"), 7);
        add("ihfft_6_n9_forward", false, a -> Fft.ihfft(a, 9, -1, "forward"), 6);
        add("fft2_3x5", true, Fft::fft2, 3, 5);
        add("fft2_3x5x2_s4x4_axes02_ortho", true, a -> Fft.fft2(a, new int[] {4, 4}, new int[] {0, 2}, "ortho"), 3, 5, 2);
        add("ifft2_4x6_forward", true, a -> Fft.ifft2(a, null, new int[] {-2, -1}, "forward"), 4, 6);
        add("rfft2_5x6", false, Fft::rfft2, 5, 6);
        add("rfft2_4x3x2_axes01", false, a -> Fft.rfft2(a, null, new int[] {0, 1}, null), 4, 3, 2);
        add("irfft2_4x4", true, Fft::irfft2, 4, 4);
        add("irfft2_4x4_s3x5", true, a -> Fft.irfft2(a, new int[] {3, 5}, new int[] {-2, -1}, null), 4, 4);
        add("fftn_2x3x4", true, Fft::fftn, 2, 3, 4);
        add("fftn_2x3x2x3", true, Fft::fftn, 2, 3, 2, 3);
        add("fftn_3x2x5_s3x4_axes20", true, a -> Fft.fftn(a, new int[] {3, 4}, new int[] {2, 0}, null), 3, 2, 5);
        add("ifftn_2x3x2x3", true, Fft::ifftn, 2, 3, 2, 3);
        add("ifftn_3x4_ortho", true, a -> Fft.ifftn(a, null, null, "ortho"), 3, 4);
        add("rfftn_2x3x4", false, Fft::rfftn, 2, 3, 4);
        add("rfftn_2x2x3x4", false, Fft::rfftn, 2, 2, 3, 4);
        add("rfftn_4x3x2_s3x5_axes01", false, a -> Fft.rfftn(a, new int[] {3, 5}, new int[] {0, 1}, null), 4, 3, 2);
        add("irfftn_2x3x3", true, Fft::irfftn, 2, 3, 3);
        add("irfftn_2x2x3x3", true, Fft::irfftn, 2, 2, 3, 3);
        add("irfftn_3x2x4_s2x5_axes02", true, a -> Fft.irfftn(a, new int[] {2, 5}, new int[] {0, 2}, null), 3, 2, 4);
    }

    /** {@return the script's closed-form input of {@code shape}}: complex (c64/c128) or real (f32/f64) for {@code precision} */
    static Array input(int[] shape, boolean complex, DType precision) {
        int n = 1;
        for (int d : shape) n *= d;
        double[] v = new double[complex ? 2 * n : n];
        for (int i = 0; i < n; i++) {
            double re = Math.sin(0.37 * i + 0.1) + 0.5 * Math.cos(1.3 * i);
            if (complex) {
                v[2 * i] = re;
                v[2 * i + 1] = Math.cos(0.23 * i) - 0.2;
            } else {
                v[i] = re;
            }
        }
        DType d = complex ? precision.complexType() : precision;
        Object storage = v;
        if (precision == DType.F32) {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
            storage = f;
        }
        return Array.fromHost(ShapedArray.of(d, Shape.of(shape)), HostData.ownStorage(d, storage));
    }

    /** {@return the values of {@code a}: interleaved (re, im) when complex} */
    static double[] values(Array a) { return a.dtype().isComplex() ? a.toComplexArray() : a.toDoubleArray(); }

    /** Checks {@code |a - e| <= tol max|e|} elementwise. */
    static void assertScaled(String what, double[] actual, double[] expected, double tol) {
        assertEquals(expected.length, actual.length, what + ": element count");
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(actual[i] - expected[i]) > tol * Math.max(scale, 1e-300)) {
                fail(what + ": element " + i + " expected " + expected[i] + " but was " + actual[i] + " (tol " + tol + " of " + scale + ")");
            }
        }
    }

    private static void check(DType precision, boolean jit, double tol) {
        for (var c : CASES.entrySet()) {
            Case k = c.getValue();
            Array x = input(k.shape(), k.complex(), precision);
            Array y = jit ? Jax.jit(k.call()).apply(x) : k.call().apply(x);
            boolean complexOut = !c.getKey().startsWith("irfft") && !c.getKey().startsWith("hfft");
            assertEquals(complexOut ? precision.complexType() : precision, y.dtype(), c.getKey() + ": dtype");
            assertScaled(c.getKey() + " " + precision + (jit ? " jit" : ""), values(y), REF.get(c.getKey()), tol);
        }
    }

    @Test
    void everyTransformMatchesNumpyInF64() { check(DType.F64, false, 1e-12); }

    @Test
    void everyTransformMatchesNumpyInF32() { check(DType.F32, false, 2e-6); }

    @Test
    void everyTransformUnderJitMatchesNumpy() { check(DType.F64, true, 1e-12); }

    @Test
    void everyTransformUnderJitMatchesNumpyInF32() { check(DType.F32, true, 2e-6); }

    @Test
    void shapesFollowTheLengths() {
        Array x = input(new int[] {3, 10}, false, DType.F32);
        assertEquals(Shape.of(3, 6), Fft.rfft(x).shape());
        assertEquals(Shape.of(3, 4), Fft.rfft(x, 7).shape());
        assertEquals(Shape.of(3, 10), Fft.irfft(Fft.rfft(x)).shape());
        assertEquals(Shape.of(3, 9), Fft.irfft(Fft.rfft(x, 9), 9).shape());
        assertEquals(Shape.of(3, 10), Fft.irfft(Fft.rfft(x), 10).shape());
        assertEquals(Shape.of(5, 10), Fft.fft2(x, new int[] {5, 10}, new int[] {0, 1}, null).shape());
        // Integer inputs become f32 / c64, as in JAX.
        assertEquals(DType.C64, Fft.fft(Jnp.arange(4)).dtype());
        assertEquals(DType.C64, Fft.rfft(Jnp.arange(4)).dtype());
    }

    @Test
    void roundTripsRestoreTheInput() {
        Array x = input(new int[] {4, 7}, false, DType.F64);
        assertScaled("irfft(rfft)", values(Fft.irfft(Fft.rfft(x), 7)), values(x), 1e-14);
        assertScaled("irfftn(rfftn) ortho", values(Fft.irfftn(Fft.rfftn(x, null, null, "ortho"), new int[] {4, 7}, null, "ortho")),
                values(x), 1e-14);
        assertScaled("ihfft(hfft)", values(Fft.ihfft(Fft.hfft(Fft.ihfft(x), 7))), values(Fft.ihfft(x)), 1e-14);
        Array z = input(new int[] {5, 3}, true, DType.F64);
        assertScaled("ifft2(fft2)", values(Fft.ifft2(Fft.fft2(z))), values(z), 1e-14);
    }

    @Test
    void badArgumentsAreNamed() {
        Array x = input(new int[] {3, 4}, false, DType.F32);
        Array z = input(new int[] {3, 4}, true, DType.F32);
        assertError(ArgumentError.class, "jnp.fft.fft", () -> Fft.fft(x, 0), "lengths >= 1", "f32[3,4]");
        assertError(ArgumentError.class, "jnp.fft.fft", () -> Fft.fft(x, null, -1, "sideways"), "norm", "sideways");
        assertError(ShapeError.class, "jnp.fft.fft", () -> Fft.fft(x, null, 2, null), "axis 2", "f32[3,4]");
        assertError(ArgumentError.class, "jnp.fft.fftn", () -> Fft.fftn(x, new int[] {2}, new int[] {0, 1}, null), "s and axes");
        assertError(ArgumentError.class, "jnp.fft.fftn", () -> Fft.fftn(x, null, new int[] {1, -1}, null), "repeated axis", "f32[3,4]");
        assertError(ArgumentError.class, "jnp.fft.fft2", () -> Fft.fft2(x, null, new int[] {0}, null), "2 axes");
        assertError(ArgumentError.class, "jnp.fft.irfft", () -> Fft.irfft(input(new int[] {1}, true, DType.F32)), "length >= 1", "c64[1]");
        assertError(DTypeError.class, "fft", () -> Fft.rfft(z), "RFFT of float32 or float64", "c64[3,4]");
        assertError(ShapeError.class, "fft", () -> Lax.fft(z, FftType.FFT, 5), "fft_lengths (5)", "c64[3,4]");
        assertError(ShapeError.class, "fft", () -> Lax.fft(z, FftType.IRFFT, 3, 4), "minor dimensions (3, 3)", "c64[3,4]");
        assertError(ShapeError.class, "fft", () -> Lax.fft(x, FftType.RFFT, 2, 3, 4), "rank >= 3", "f32[3,4]");
        assertError(ArgumentError.class, "fft", () -> Lax.fft(z, FftType.FFT, 1, 1, 3, 4), "1 to 3 positive fft_lengths");
    }
}
