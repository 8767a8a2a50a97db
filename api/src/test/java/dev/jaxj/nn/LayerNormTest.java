package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** LayerNorm against each row normalised directly in double. */
class LayerNormTest {
    @Test
    void shouldNormaliseEachRowThenScaleAndShift() {
        var ln = LayerNorm.of();
        Array x = random(2, DType.F64, Shape.of(2, 3, 4), -5, 5);
        var v = ln.init(Random.key(0), x).withParams(new LayerNorm.Params(f64(1, 2, 0.5, -1), f64(0, 1, -1, 2)));
        double[] xs = x.toDoubleArray(), e = new double[xs.length], scale = {1, 2, 0.5, -1}, bias = {0, 1, -1, 2};
        for (int r = 0; r < 6; r++) {
            double mean = 0, var = 0;
            for (int j = 0; j < 4; j++) mean += xs[4 * r + j] / 4;
            for (int j = 0; j < 4; j++) var += Math.pow(xs[4 * r + j] - mean, 2) / 4;
            for (int j = 0; j < 4; j++) e[4 * r + j] = (xs[4 * r + j] - mean) / Math.sqrt(var + 1e-6) * scale[j] + bias[j];
        }
        assertNear(ln.apply(v, x), DType.F64, Shape.of(2, 3, 4), 1e-13, e);
        // Train mode changes nothing: there is no state.
        assertNear(ln.apply(v, x, Context.train()).value(), DType.F64, Shape.of(2, 3, 4), 1e-13, e);
        assertEquals(8, v.paramCount());
        assertEquals(0, v.stateCount());
    }
}
