package dev.jaxj.array;

import dev.jaxj.errors.ArgumentError;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Print options are validated where they are made, and the withers change one option each. */
class PrintOptionsTest {
    @Test
    void shouldDefaultToNumpysOptions() {
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
        assertEquals(new PrintOptions(3, 10, 2, 40), PrintOptions.DEFAULT.withPrecision(3).withThreshold(10).withEdgeItems(2).withLineWidth(40));
    }
}
