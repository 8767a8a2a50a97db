package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;

/** RMSNorm against each row divided by its root mean square, in double. */
class RMSNormTest {
    @Test
    void shouldDivideEachRowByItsRootMeanSquare() {
        var rms = RMSNorm.of();
        Array x = random(3, DType.F64, Shape.of(3, 5), -2, 2);
        var v = rms.init(Random.key(0), x).withParams(new RMSNorm.Params(f64(1, 2, 3, 0.5, -1)));
        double[] xs = x.toDoubleArray(), e = new double[xs.length], scale = {1, 2, 3, 0.5, -1};
        for (int r = 0; r < 3; r++) {
            double ms = 0;
            for (int j = 0; j < 5; j++) ms += xs[5 * r + j] * xs[5 * r + j] / 5;
            for (int j = 0; j < 5; j++) e[5 * r + j] = xs[5 * r + j] / Math.sqrt(ms + 1e-6) * scale[j];
        }
        assertNear(rms.apply(v, x), DType.F64, Shape.of(3, 5), 1e-13, e);
        assertError(ShapeError.class, "RMSNorm", () -> rms.apply(v, random(1, DType.F64, Shape.of(3, 4), 0, 1)), "size 5");
    }
}
