package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.assertArray;
import static dev.jaxj.ArrayAssertions.assertError;

/**
 * {@link Fft}'s frequencies and shifts against NumPy's, stored in {@code fft/fft_reference.txt}
 * by {@code fft_reference.py} beside it; the shifts also under {@code jit} and {@code vmap}.
 */
class FftTest {
    private static final ReferenceFile REF = ReferenceFile.load(FftTest.class, "fft/fft_reference.txt");

    @Test
    void frequenciesMatchNumpy() {
        for (int n : new int[] {1, 2, 5, 8}) {
            assertArray(Fft.fftfreq(n), DType.F32, Shape.of(n), REF.get("fftfreq_" + n));
            assertArray(Fft.rfftfreq(n), DType.F32, Shape.of(n / 2 + 1), REF.get("rfftfreq_" + n));
        }
        assertArray(Fft.fftfreq(7, 0.1, DType.F64), DType.F64, Shape.of(7), REF.get("fftfreq_7_d0.1"));
        assertArray(Fft.rfftfreq(7, 0.1), DType.F32, Shape.of(4), REF.get("rfftfreq_7_d0.1"));
    }

    private static Array cube() { return Jnp.reshape(Jnp.arange(60), 3, 4, 5); }

    @Test
    void shiftsMatchNumpy() {
        Shape s = Shape.of(3, 4, 5);
        assertArray(Fft.fftshift(cube()), DType.I32, s, REF.get("fftshift_all"));
        assertArray(Fft.ifftshift(cube()), DType.I32, s, REF.get("ifftshift_all"));
        assertArray(Fft.fftshift(cube(), 2), DType.I32, s, REF.get("fftshift_axis2"));
        assertArray(Fft.ifftshift(cube(), 0, -1), DType.I32, s, REF.get("ifftshift_axes_0_-1"));
    }

    @Test
    void shiftsWorkUnderJitAndVmap() {
        Shape s = Shape.of(3, 4, 5);
        Function<Array, Array> shift = x -> Fft.fftshift(x, -1);
        assertArray(Jax.jit(shift).apply(cube()), DType.I32, s, REF.get("fftshift_axis2"));
        // vmap over the leading axis shifts each [4, 5] slice along its last axis
        assertArray(Jax.vmap(shift).apply(cube()), DType.I32, s, REF.get("fftshift_axis2"));
        assertArray(Jax.jit((Function<Array, Array>) Fft::ifftshift).apply(cube()), DType.I32, s, REF.get("ifftshift_all"));
    }

    @Test
    void badArgumentsAreNamed() {
        assertError(ArgumentError.class, "fftfreq", () -> Fft.fftfreq(0), "positive", "got 0");
        assertError(ArgumentError.class, "rfftfreq", () -> Fft.rfftfreq(4, 1.0, DType.I32), "floating-point", "i32");
        assertError(ShapeError.class, "fftshift", () -> Fft.fftshift(cube(), 3), "i32[3,4,5]");
    }
}
