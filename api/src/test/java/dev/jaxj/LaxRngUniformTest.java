package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.*;

/** {@link Lax#rngUniform}: the range, the seed policy, and moments within five standard errors. */
class LaxRngUniformTest {

    @Test
    void shouldFillTheHalfOpenRangeUniformly() {
        int n = 20000;
        for (DType d : new DType[] {DType.F32, DType.F64}) {
            double[] u = Lax.rngUniform(Array.scalar(-1.5, d), Array.scalar(2.5, d), Shape.of(n), 11).toDoubleArray();
            double mean = Arrays.stream(u).average().orElseThrow(), var = Arrays.stream(u).map(v -> (v - mean) * (v - mean)).sum() / n;
            assertTrue(Arrays.stream(u).allMatch(v -> v >= -1.5 && v < 2.5), d + ": a value outside [-1.5, 2.5)");
            // Uniform on [a, b): mean (a + b)/2 = 0.5, variance (b - a)²/12 = 4/3; standard error of the mean sqrt(4/3/n).
            assertEquals(0.5, mean, 5 * Math.sqrt(4.0 / 3 / n), d + " mean");
            assertEquals(4.0 / 3, var, 0.05, d + " variance");
        }
        int[] counts = new int[3];
        for (double v : Lax.rngUniform(Array.scalar(2L, DType.I32), Array.scalar(5L, DType.I32), Shape.of(3000), 5).toDoubleArray()) counts[(int) v - 2]++;
        for (int c : counts) assertEquals(1000, c, 5 * Math.sqrt(3000 * (1.0 / 3) * (2.0 / 3)));
    }

    @Test
    void shouldRepeatForASeedEagerOrJittedAndDifferAcrossSeeds() {
        Array a = Array.scalar(0.0, DType.F32), b = Array.scalar(1.0, DType.F32);
        double[] one = Lax.rngUniform(a, b, Shape.of(2, 3), 42).toDoubleArray();
        assertArrayEquals(one, Lax.rngUniform(a, b, Shape.of(2, 3), 42).toDoubleArray());
        java.util.function.Function<Array, Array> jitted = Jax.jit((Array lo) -> Lax.rngUniform(lo, b, Shape.of(2, 3), 42));
        assertArrayEquals(one, jitted.apply(a).toDoubleArray());
        assertFalse(Arrays.equals(one, Lax.rngUniform(a, b, Shape.of(2, 3), 43).toDoubleArray()));
        assertEquals(Shape.of(2, 3), Lax.rngUniform(a, b, Shape.of(2, 3), 42).shape());
    }

    @Test
    void shouldNameBadBounds() {
        assertError(ShapeError.class, "rng_uniform", () -> Lax.rngUniform(f32(0, 1), Array.scalar(1.0, DType.F32), Shape.of(2), 0), "f32[2]");
        assertError(ShapeError.class, "rng_uniform", () -> Lax.rngUniform(Array.scalar(0.0, DType.F64), Array.scalar(1.0, DType.F32), Shape.of(2), 0), "f64[]");
        assertError(DTypeError.class, "rng_uniform", () -> Lax.rngUniform(Array.scalar(false), Array.scalar(true), Shape.of(2), 0), "bool[]");
    }
}
