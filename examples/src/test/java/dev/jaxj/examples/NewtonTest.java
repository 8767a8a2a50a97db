package dev.jaxj.examples;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batched Newton solver against Cardano's closed form, and each problem's own stopping step. */
class NewtonTest {
    @Test
    void shouldFindTheClosedFormRootOfEveryProblem() {
        double[] cs = {-10, -2, -0.5, 0, 0.1, 1, 2, 10, 100};
        Newton.Roots r = Newton.solve(Jnp.array(cs));
        double[] x = r.x().toDoubleArray();
        long[] steps = r.steps().toLongArray();
        for (int i = 0; i < cs.length; i++) {
            // |f(x)| < 1e-12 and f' = 3x² + 1 >= 1, so x is within 1e-12 of the root (plus Cardano's rounding).
            assertEquals(Newton.closedForm(cs[i]), x[i], 1e-11, "root for c = " + cs[i]);
            assertTrue(steps[i] < Newton.MAX_STEPS, "c = " + cs[i] + " converged before the step limit, took " + steps[i]);
        }
        assertEquals(0, steps[3], "c = 0: the start x = 0 is the root, no step taken");
        assertTrue(steps[8] > steps[5], "c = 100 starts farther from its root than c = 1: more steps");
    }

    @Test
    void shouldTakeAsManyStepsInABatchAsAlone() {
        double[] cs = {0.1, 10, 100};
        Newton.Roots batch = Newton.solve(Jnp.array(cs));
        for (int i = 0; i < cs.length; i++) {
            // The unbatched loop, run eagerly with Java's own count of steps.
            double x = 0;
            int k = 0;
            while (Math.abs(x * x * x + x - cs[i]) > Newton.TOLERANCE && k < Newton.MAX_STEPS) {
                x -= (x * x * x + x - cs[i]) / (3 * x * x + 1);
                k++;
            }
            assertEquals(k, batch.steps().toLongArray()[i], "steps for c = " + cs[i]);
            assertEquals(x, batch.x().toDoubleArray()[i], 1e-14, "root for c = " + cs[i]);
            Newton.Roots one = Newton.solveOne(Jnp.scalar(cs[i], dev.jaxj.ir.DType.F64));
            assertEquals(k, one.steps().intValue(), "steps of the unbatched while loop for c = " + cs[i]);
        }
    }
}
