package dev.jaxj.testing;

import dev.jaxj.autodiff.Tolerance;
import dev.jaxj.ir.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Overrides replace the default of their dtype only, and keep the value tolerance. */
class TolTest {
    @Test
    void shouldFallBackToTheDefaults() {
        for (DType d : DType.values()) assertEquals(Tolerance.of(d), Tol.DEFAULT.of(d));
        assertTrue(Tol.DEFAULT.override(DType.F32).isEmpty());
    }

    @Test
    void shouldOverrideOneDtypesGradientTolerance() {
        Tol t = Tol.DEFAULT.withGrad(DType.F32, 1e-2);
        assertEquals(new Tolerance(1e-2, 1e-6), t.of(DType.F32));
        assertEquals(Tolerance.of(DType.F64), t.of(DType.F64));
        assertEquals(new Tolerance(1e-2, 1e-6), t.override(DType.F32).get());
    }
}
