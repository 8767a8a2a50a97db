package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dropout's mask, scaling and randomness. */
class DropoutTest {
    private static final Variables<Variables.Empty, Variables.Empty> NONE = Variables.of(Variables.EMPTY);

    @Test
    void shouldZeroAboutRateOfTheElementsAndScaleTheRest() {
        Array x = Jnp.full(Shape.of(100, 100), 2, DType.F32);
        double[] y = new Dropout(0.25).apply(NONE, x, Context.train(Random.key(0))).value().toDoubleArray();
        int zeros = 0;
        for (double v : y) {
            assertTrue(v == 0 || Math.abs(v - 2 / 0.75) < 1e-6, () -> "value " + v);
            if (v == 0) zeros++;
        }
        // 10000 Bernoulli(0.25) draws: standard deviation 43, so 2500 +- 200 is more than 4 sigma.
        assertEquals(2500, zeros, 200);
    }

    @Test
    void shouldPassThroughInEvalModeAndAtRateZero() {
        Array x = random(1, DType.F32, Shape.of(3, 4), -1, 1);
        assertEquals(x, new Dropout(0.5).apply(NONE, x, Context.eval()).value());
        assertEquals(x, new Dropout(0).apply(NONE, x, Context.train(Random.key(0))).value());
        assertArray(new Dropout(1).apply(NONE, x, Context.train(Random.key(0))).value(), DType.F32, Shape.of(3, 4), new double[12]);
    }

    @Test
    void shouldDrawTheSameMaskFromTheSameKeyAndOthersForOtherLayers() {
        Array x = Jnp.ones(50);
        var drop = new Dropout(0.5);
        double[] a = drop.apply(NONE, x, Context.train(Random.key(7))).value().toDoubleArray();
        double[] b = drop.apply(NONE, x, Context.train(Random.key(7))).value().toDoubleArray();
        assertTrue(Arrays.equals(a, b));
        // Two layers in one model get two streams: the second mask is not the first one again.
        double[] first = drop.apply(NONE, x, Context.train(Random.key(7)).child(0)).value().toDoubleArray();
        double[] second = drop.apply(NONE, x, Context.train(Random.key(7)).child(1)).value().toDoubleArray();
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void shouldAskForAKeyInTrainMode() {
        assertError(ArgumentError.class, "Dropout", () -> new Dropout(0.5).apply(NONE, Jnp.ones(3), Context.train()), "Context.train(key)");
        assertError(ArgumentError.class, "Dropout", () -> new Dropout(1.5), "[0, 1]");
    }
}
