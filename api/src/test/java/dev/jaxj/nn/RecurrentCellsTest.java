package dev.jaxj.nn;

import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One step of each cell against its equations written out in f64 ({@link RecurrentReference}). */
class RecurrentCellsTest {
    static final int B = 2, IN = 3, H = 4;
    static final double TOL = 1e-14;

    static Array rand(long seed, int... shape) { return random(seed, DType.F64, Shape.of(shape), -1, 1); }

    @Test
    void simpleCellShouldFollowItsEquation() {
        Array x = rand(1, B, IN), h = rand(2, B, H);
        var p = new SimpleCell.Params(rand(3, IN, H), rand(4, H, H), rand(5, H));
        for (boolean residual : new boolean[] {false, true}) {
            var cell = residual ? SimpleCell.of(H).withResidual() : SimpleCell.of(H);
            var step = cell.apply(Variables.of(p), h, x);
            double[] expected = RecurrentReference.simple(x.toDoubleArray(), h.toDoubleArray(), p.inputKernel().toDoubleArray(),
                    p.recurrentKernel().toDoubleArray(), p.bias().toDoubleArray(), residual, B, IN, H);
            assertNear(step.output(), DType.F64, Shape.of(B, H), TOL, expected);
            assertNear(step.carry(), DType.F64, Shape.of(B, H), TOL, expected);
        }
    }

    @Test
    void lstmCellShouldFollowItsEquationsWithGatesInFlaxOrder() {
        Array x = rand(1, B, IN), c = rand(2, B, H), h = rand(3, B, H);
        var p = new LSTMCell.Params(rand(4, IN, 4 * H), rand(5, H, 4 * H), rand(6, 4 * H));
        var step = LSTMCell.of(H).apply(Variables.of(p), new LSTMCell.Carry(c, h), x);
        double[][] expected = RecurrentReference.lstm(x.toDoubleArray(), c.toDoubleArray(), h.toDoubleArray(),
                p.inputKernel().toDoubleArray(), p.recurrentKernel().toDoubleArray(), p.bias().toDoubleArray(), B, IN, H);
        assertNear(step.carry().c(), DType.F64, Shape.of(B, H), TOL, expected[0]);
        assertNear(step.carry().h(), DType.F64, Shape.of(B, H), TOL, expected[1]);
        assertNear(step.output(), DType.F64, Shape.of(B, H), TOL, expected[1]);
    }

    @Test
    void gruCellShouldFollowItsEquationsWithGatesInFlaxOrder() {
        Array x = rand(1, B, IN), h = rand(2, B, H);
        var p = new GRUCell.Params(rand(3, IN, 3 * H), rand(4, 3 * H), rand(5, H, 3 * H), rand(6, H));
        var step = GRUCell.of(H).apply(Variables.of(p), h, x);
        double[] expected = RecurrentReference.gru(x.toDoubleArray(), h.toDoubleArray(), p.inputKernel().toDoubleArray(),
                p.inputBias().toDoubleArray(), p.recurrentKernel().toDoubleArray(), p.recurrentBias().toDoubleArray(), B, IN, H);
        assertNear(step.output(), DType.F64, Shape.of(B, H), TOL, expected);
        assertNear(step.carry(), DType.F64, Shape.of(B, H), TOL, expected);
    }

    @Test
    void cellsShouldTakeASingleExampleWithoutBatchAxis() {
        Array x = rand(1, IN), h = rand(2, H);
        var p = new SimpleCell.Params(rand(3, IN, H), rand(4, H, H), rand(5, H));
        double[] expected = RecurrentReference.simple(x.toDoubleArray(), h.toDoubleArray(), p.inputKernel().toDoubleArray(),
                p.recurrentKernel().toDoubleArray(), p.bias().toDoubleArray(), false, 1, IN, H);
        assertNear(SimpleCell.of(H).apply(Variables.of(p), h, x).output(), DType.F64, Shape.of(H), TOL, expected);
    }

    @Test
    void initShouldMakeFlaxShapedParamsAndZeroCarries() {
        Array x = rand(1, 5, IN);   // five examples of one step
        var lstm = LSTMCell.of(H);
        var p = lstm.init(Random.key(0), x).params();
        assertEquals(Shape.of(IN, 4 * H), p.inputKernel().shape());
        assertEquals(Shape.of(H, 4 * H), p.recurrentKernel().shape());
        assertArray(p.bias(), DType.F64, Shape.of(4 * H), new double[4 * H]);
        LSTMCell.Carry c = lstm.initializeCarry(Random.key(1), x.aval());
        assertArray(c.c(), DType.F64, Shape.of(5, H), new double[5 * H]);
        assertArray(c.h(), DType.F64, Shape.of(5, H), new double[5 * H]);
        // Each gate's recurrent block is orthogonal on its own, as Flax's per-gate Dense kernels are.
        for (int g = 0; g < 4; g++) assertOrthogonal(p.recurrentKernel().toDoubleArray(), H, 4 * H, g * H);

        var gru = GRUCell.of(H).init(Random.key(0), x).params();
        assertEquals(Shape.of(IN, 3 * H), gru.inputKernel().shape());
        assertEquals(Shape.of(3 * H), gru.inputBias().shape());
        assertEquals(Shape.of(H, 3 * H), gru.recurrentKernel().shape());
        assertEquals(Shape.of(H), gru.recurrentBias().shape());
        assertEquals(IN * 3 * H + 3 * H + H * 3 * H + H, GRUCell.of(H).init(Random.key(0), x).paramCount());

        var s = SimpleCell.of(H).init(Random.key(0), random(1, DType.I32, Shape.of(2, IN), 0, 5));
        assertEquals(DType.F32, (s.params()).inputKernel().dtype(), "integer inputs get f32 params");
    }

    /** Asserts that the {@code n} columns from {@code col0} of a row-major {@code [n, cols]} matrix are orthonormal. */
    static void assertOrthogonal(double[] w, int n, int cols, int col0) {
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) {
                double dot = 0;
                for (int r = 0; r < n; r++) dot += w[r * cols + col0 + a] * w[r * cols + col0 + b];
                assertEquals(a == b ? 1 : 0, dot, 1e-12, "column " + a + " · column " + b);
            }
    }

    @Test
    void shouldRejectInputsOfAnotherWidthNamingTheKernel() {
        Array x = rand(1, B, IN);
        var cell = LSTMCell.of(H);
        var v = cell.init(Random.key(0), x);
        assertError(ShapeError.class, "LSTMCell", () -> cell.apply(v, cell.initializeCarry(Random.key(0), x.aval()), rand(2, B, IN + 1)),
                "inputKernel", "f64[" + B + "," + (IN + 1) + "]");
    }
}
