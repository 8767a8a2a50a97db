package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Dense against a naive double-precision loop over the same params. */
class DenseTest {

    /** {@return {@code x · k + b} for row-major {@code x[n, in]}, {@code k[in, out]}} */
    static double[] affine(double[] x, double[] k, double[] b, int n, int in, int out) {
        double[] y = new double[n * out];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < out; j++) {
                double s = b == null ? 0 : b[j];
                for (int c = 0; c < in; c++) s += x[i * in + c] * k[c * out + j];
                y[i * out + j] = s;
            }
        return y;
    }

    @Test
    void shouldComputeTheAffineMapOfTheLastAxis() {
        var dense = Dense.of(5);
        Array x = random(1, DType.F64, Shape.of(2, 3, 4), -2, 2);
        var v = dense.init(Random.key(0), x);
        var p = v.params();
        assertEquals(Shape.of(4, 5), p.kernel().shape());
        assertEquals(DType.F64, p.kernel().dtype(), "params take the input's floating dtype");
        Array bias = random(2, DType.F64, Shape.of(5), -1, 1);
        v = v.withParams(new Dense.Params(p.kernel(), bias));
        double[] expected = affine(x.toDoubleArray(), p.kernel().toDoubleArray(), bias.toDoubleArray(), 6, 4, 5);
        assertNear(dense.apply(v, x), DType.F64, Shape.of(2, 3, 5), 1e-14, expected);
    }

    @Test
    void shouldStartWithZeroBiasAndLecunScaledKernel() {
        var v = Dense.of(200).init(Random.key(3), arr(DType.F32, Shape.of(1, 100), new double[100]));
        var p = v.params();
        assertArray(p.bias(), DType.F32, Shape.of(200), new double[200]);
        double[] k = p.kernel().toDoubleArray();
        double mean = 0, sq = 0;
        for (double w : k) {
            mean += w / k.length;
            sq += w * w / k.length;
        }
        // LeCun normal: variance 1/fan_in = 0.01; 20000 draws give the variance within about 2 %.
        assertEquals(0, mean, 0.003);
        assertEquals(0.01, sq - mean * mean, 0.0006);
        assertEquals(100 * 200 + 200, v.paramCount());
    }

    @Test
    void shouldLeaveOutTheBiasWhenAskedTo() {
        var dense = Dense.of(2).withoutBias();
        Array x = arr(DType.F32, Shape.of(1, 3), 1, 2, 3);
        var v = dense.init(Random.key(0), x);
        var p = v.params();
        assertFalse(p.hasBias());
        assertEquals(6, v.paramCount());
        assertNear(dense.apply(v, x), DType.F32, Shape.of(1, 2), 1e-6, affine(x.toDoubleArray(), p.kernel().toDoubleArray(), null, 1, 3, 2));
    }

    @Test
    void shouldCreateF32ParamsForIntegerInputs() {
        var v = Dense.of(2).init(Random.key(0), arr(DType.I32, Shape.of(1, 3), 1, 2, 3));
        assertEquals(DType.F32, (v.params()).kernel().dtype());
    }

    @Test
    void shouldRejectInputsOfAnotherWidthNamingTheShapes() {
        var dense = Dense.of(2);
        var v = dense.init(Random.key(0), arr(DType.F32, Shape.of(1, 3), 1, 2, 3));
        assertError(ShapeError.class, "Dense", () -> dense.apply(v, arr(DType.F32, Shape.of(1, 4), 1, 2, 3, 4)),
                "last axis must have size 3", "kernel f32[3,2]", "f32[1,4]");
        assertError(ShapeError.class, "Dense", () -> dense.init(Random.key(0), Array.scalar(1.0)), "feature axis");
    }
}
