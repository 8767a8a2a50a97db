package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.array.PrintOptions;
import dev.jaxj.ir.DType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The printing options through {@link Jnp}. Expected strings are NumPy 2.4's
 * {@code array2string} of the same values under the same options, wrapped as JAX wraps it.
 */
class JnpPrintOptionsTest {
    private static final Array SMALL_AND_ONE = Jnp.array(new double[] {1e-10, 1.0, 0.5}, DType.F64, 3);

    @Test
    void shouldPrintWithScopedOptionsAndRestoreTheProcessOnes() {
        var options = PrintOptions.DEFAULT.withPrecision(3).withThreshold(20);
        // np.arange(0, 1, 0.01, dtype=np.float32) under precision=3, threshold=20
        assertEquals("Array([0.  , 0.01, 0.02, ..., 0.97, 0.98, 0.99], dtype=float32)",
                Jnp.withPrintOptions(options, () -> Jnp.arange(0, 1, 0.01).toString()));
        assertEquals(PrintOptions.DEFAULT, Jnp.printOptions());
        assertEquals("Array([1.e-10, 1.e+00, 5.e-01], dtype=float64)", SMALL_AND_ONE.toString());
    }

    @Test
    void shouldRunABodyWithTheOptions() {
        var printed = new ArrayList<String>();
        Jnp.withPrintOptions(PrintOptions.DEFAULT.withSuppress(true), () -> { printed.add(SMALL_AND_ONE.toString()); });
        assertEquals("Array([0. , 1. , 0.5], dtype=float64)", printed.getFirst());
    }

    @Test
    void shouldSetTheProcessOptions() {
        try {
            Jnp.setPrintOptions(PrintOptions.DEFAULT.withSuppress(true));
            assertEquals("Array([0. , 1. , 0.5], dtype=float64)", SMALL_AND_ONE.toString());
        } finally {
            Jnp.setPrintOptions(PrintOptions.DEFAULT);
        }
    }
}
