package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Print options are validated where they are made, the withers change one option each, and a scoped setting wins. */
class PrintOptionsTest {
    @Test
    void shouldDefaultToNumpysOptions() {
        assertEquals(new PrintOptions(8, 1000, 3, 75, false), PrintOptions.DEFAULT);
        assertEquals(new PrintOptions(8, 1000, 3, 75), PrintOptions.DEFAULT);
    }

    @Property(tries = 40)
    void shouldRefuseOptionsOutOfRangeNamingThem(@ForAll @IntRange(min = -1000, max = -1) int negative) {
        for (var bad : new Runnable[] {() -> PrintOptions.DEFAULT.withPrecision(negative), () -> PrintOptions.DEFAULT.withThreshold(negative),
                () -> PrintOptions.DEFAULT.withEdgeItems(negative + 1), () -> PrintOptions.DEFAULT.withLineWidth(negative + 1)}) {
            ArgumentError e = assertThrows(ArgumentError.class, bad::run);
            assertTrue(e.getMessage().startsWith("set_printoptions: "), e.getMessage());
            assertTrue(e.getMessage().contains("PrintOptionsTest.java:"), e.getMessage());
        }
    }

    @Test
    void shouldChangeOneOptionPerWither() {
        assertEquals(new PrintOptions(3, 10, 2, 40, true),
                PrintOptions.DEFAULT.withPrecision(3).withThreshold(10).withEdgeItems(2).withLineWidth(40).withSuppress(true));
    }

    @Test
    void shouldApplyScopedOptionsOnlyWithinTheCall() {
        var outer = PrintOptions.DEFAULT.withPrecision(2);
        var inner = PrintOptions.DEFAULT.withSuppress(true);
        String seen = PrintOptions.with(outer, () -> {
            assertEquals(outer, PrintOptions.current());
            assertEquals(inner, PrintOptions.with(inner, PrintOptions::current));
            return Array.fromHost(ShapedArray.of(DType.F64, 1), HostData.own(new double[] {1.0 / 3})).toString();
        });
        // NumPy: np.array([1/3]) under precision=2 prints [0.33].
        assertEquals("Array([0.33], dtype=float64)", seen);
        assertEquals(PrintOptions.DEFAULT, PrintOptions.current());
    }

    @Test
    void shouldKeepTheScopedOptionsWhenTheProcessOptionsChange() {
        var scoped = PrintOptions.DEFAULT.withThreshold(5);
        try {
            PrintOptions.with(scoped, () -> {
                PrintOptions.set(PrintOptions.DEFAULT.withLineWidth(40));
                assertEquals(scoped, PrintOptions.current());
                return null;
            });
            assertEquals(PrintOptions.DEFAULT.withLineWidth(40), PrintOptions.current());
        } finally {
            PrintOptions.set(PrintOptions.DEFAULT);
        }
    }
}
