package dev.jaxj.autodiff;

import dev.jaxj.ir.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The default tolerances are JAX's ({@code jax._src.public_test_util}), and closeness is absolute plus relative. */
class ToleranceTest {
    @Test
    void shouldUseJaxDefaults() {
        assertEquals(new Tolerance(1e-5, 1e-15), Tolerance.of(DType.F64));
        assertEquals(new Tolerance(2e-3, 1e-6), Tolerance.of(DType.F32));
        for (DType d : new DType[] {DType.I32, DType.I64, DType.U32, DType.BOOL}) assertEquals(new Tolerance(0, 0), Tolerance.of(d));
    }

    @Test
    void shouldAllowAbsolutePlusRelativeError() {
        assertTrue(Tolerance.close(1.0 + 1.9e-3, 0.0 + 1.0, 1e-3));
        assertFalse(Tolerance.close(1.0 + 2.1e-3, 1.0, 1e-3));
        assertTrue(Tolerance.close(0.9e-3, 0, 1e-3));
        assertTrue(Tolerance.close(1000.5, 1000, 1e-3));
        assertFalse(Tolerance.close(1002.1, 1000, 1e-3));
    }

    @Test
    void shouldMatchNonFiniteValuesExactly() {
        assertTrue(Tolerance.close(Double.NaN, Double.NaN, 1e-3));
        assertFalse(Tolerance.close(Double.NaN, 1, 1e-3));
        assertTrue(Tolerance.close(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0));
        assertFalse(Tolerance.close(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-3));
        assertFalse(Tolerance.close(1e300, Double.POSITIVE_INFINITY, 1e-3));
        assertTrue(Tolerance.close(2, 2, 0));
        assertFalse(Tolerance.close(2, 2.000001, 0));
    }

    @Test
    void shouldTakeTheLoosestOfTwo() {
        assertEquals(new Tolerance(2e-3, 1e-6), Tolerance.of(DType.F64).loosest(Tolerance.of(DType.F32)));
    }

    @Test
    void shouldRejectNegativeTolerances() {
        assertThrows(dev.jaxj.errors.ArgumentError.class, () -> new Tolerance(-1, 0));
        assertThrows(dev.jaxj.errors.ArgumentError.class, () -> new Tolerance(0, Double.NaN));
    }
}
