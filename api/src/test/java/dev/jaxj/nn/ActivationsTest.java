package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The activations against their closed forms evaluated in double precision. */
class ActivationsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static final double[] X = {-6, -2.5, -1, -0.25, 0, 0.3, 1, 2, 7.5};

    /** Applies {@code f} to f32 and f64 copies of {@link #X} and compares with {@code ref} in double. */
    private static void check(UnaryOperator<Array> f, DoubleUnaryOperator ref) {
        for (DType d : List.of(DType.F32, DType.F64)) {
            Array x = arr(d, Shape.of(3, 3), X);
            double[] in = x.toDoubleArray(), e = new double[in.length];
            for (int i = 0; i < in.length; i++) e[i] = ref.applyAsDouble(in[i]);
            // f32: each elementary op rounds (~6e-8 relative); composites chain three to five of them.
            assertNear(f.apply(x), d, Shape.of(3, 3), d == DType.F32 ? 2e-6 : 1e-14, e);
        }
    }

    private static double sigmoid(double v) { return 1 / (1 + Math.exp(-v)); }

    @Test
    void shouldMatchClosedForms() {
        check(Activations::relu, v -> Math.max(v, 0));
        check(Activations::relu6, v -> Math.min(Math.max(v, 0), 6));
        check(Activations::sigmoid, ActivationsTest::sigmoid);
        check(Activations::softplus, v -> Math.log1p(Math.exp(v)));
        check(Activations::logSigmoid, v -> Math.log(sigmoid(v)));
        check(Activations::silu, v -> v * sigmoid(v));
        check(Activations::swish, v -> v * sigmoid(v));
        check(Activations::elu, v -> v > 0 ? v : Math.expm1(v));
        check(x -> Activations.elu(x, 0.5), v -> v > 0 ? v : 0.5 * Math.expm1(v));
        check(Activations::leakyRelu, v -> v >= 0 ? v : 0.01 * v);
        check(x -> Activations.leakyRelu(x, 0.2), v -> v >= 0 ? v : 0.2 * v);
        check(Activations::tanh, Math::tanh);
        check(Activations::gelu, v -> 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))));
    }

    @Test
    void shouldComputeExactGeluFromTheNormalCdf() {
        // x * Phi(x) with Phi from standard tables: Phi(1) = 0.8413447460685429, Phi(2) = 0.9772498680518208,
        // Phi(0.5) = 0.6914624612740131, Phi(-1) = 0.15865525393145707.
        Array r = Activations.gelu(f64(1, 2, 0.5, -1, 0), false);
        assertNear(r, DType.F64, Shape.of(5), 1e-14, 0.8413447460685429, 2 * 0.9772498680518208, 0.5 * 0.6914624612740131,
                -0.15865525393145707, 0);
    }

    @Test
    void shouldKeepReluIntegerAndComputeOthersInF32() {
        assertArray(Activations.relu(i32(-3, 0, 4)), DType.I32, Shape.of(3), 0, 0, 4);
        // jax.nn.relu6 clips at the float 6., so integers come back as f32.
        assertArray(Activations.relu6(i32(-3, 9)), DType.F32, Shape.of(2), 0, 6);
        assertEquals(DType.F32, Activations.sigmoid(i32(1)).dtype());
        assertEquals(Shape.SCALAR, Activations.gelu(Jnp.scalar(1f)).shape());
        assertEquals(Shape.of(0, 2), Activations.silu(Jnp.zeros(0, 2)).shape());
    }

    @Test
    void shouldStaySaturatedForLargeInputs() {
        assertArray(Activations.softplus(f32(1000, -1000)), DType.F32, Shape.of(2), 1000, 0);
        assertArray(Activations.logSigmoid(f32(-1000, 1000)), DType.F32, Shape.of(2), -1000, 0);
        assertArray(Activations.elu(f32(-1000, 1000)), DType.F32, Shape.of(2), -1, 1000);
    }

    @Test
    void shouldNormaliseSoftmaxAlongTheLastAxis() {
        double[] v = uniform(5, 12, -4, 4);
        Array x = arr(DType.F64, Shape.of(3, 4), v);
        double[] e = new double[12], le = new double[12];
        for (int r = 0; r < 3; r++) {
            double s = 0;
            for (int c = 0; c < 4; c++) s += Math.exp(v[r * 4 + c]);
            for (int c = 0; c < 4; c++) {
                e[r * 4 + c] = Math.exp(v[r * 4 + c]) / s;
                le[r * 4 + c] = v[r * 4 + c] - Math.log(s);
            }
        }
        assertNear(Activations.softmax(x), DType.F64, Shape.of(3, 4), 1e-14, e);
        assertNear(Activations.logSoftmax(x), DType.F64, Shape.of(3, 4), 1e-14, le);
        assertNear(Activations.softmax(x, 1), DType.F64, Shape.of(3, 4), 1e-14, e);
    }

    @Test
    void shouldNormaliseSoftmaxOverOtherAxes() {
        Array x = arr(DType.F32, Shape.of(2, 2), 0, 1, 2, 3);
        double a = 1 / (1 + Math.exp(2));
        assertArray(Activations.softmax(x, 0), DType.F32, Shape.of(2, 2), a, a, 1 - a, 1 - a);
        double s = Math.exp(0) + Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArray(Activations.softmax(x, 0, 1), DType.F32, Shape.of(2, 2), 1 / s, Math.E / s, Math.exp(2) / s, Math.exp(3) / s);
        assertError(ShapeError.class, "softmax", () -> Activations.softmax(x, 2), "f32[2,2]");
        assertError(ShapeError.class, "log_softmax", () -> Activations.logSoftmax(x, -3), "f32[2,2]");
    }

    @Test
    void shouldNotOverflowSoftmaxForLargeLogits() {
        double b = 1 / (1 + Math.exp(-1));
        assertArray(Activations.softmax(f32(1000, 1001)), DType.F32, Shape.of(2), 1 - b, b);
        assertArray(Activations.logSoftmax(f32(1000, 1001)), DType.F32, Shape.of(2), Math.log(1 - b), Math.log(b));
        assertArray(Activations.softmax(f32(-INF, 0)), DType.F32, Shape.of(2), 0, 1);
        assertArray(Activations.logsumexp(f32(1000, 1000)), DType.F32, Shape.SCALAR, 1000 + Math.log(2));
    }

    @Test
    void shouldEncodeOneHotWithOutOfRangeLabelsAllZero() {
        Array r = Activations.oneHot(i32(0, 2, -1, 3), 3);
        assertArray(r, DType.F32, Shape.of(4, 3), 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0);
        Array m = Activations.oneHot(arr(DType.I32, Shape.of(2, 1), 1, 0), 2, DType.I32);
        assertArray(m, DType.I32, Shape.of(2, 1, 2), 0, 1, 1, 0);
        assertArray(Activations.oneHot(Jnp.array(new int[0]), 4), DType.F32, Shape.of(0, 4));
        assertArray(Activations.oneHot(Jnp.scalar(2, DType.I32), 3), DType.F32, Shape.of(3), 0, 0, 1);
    }
}
