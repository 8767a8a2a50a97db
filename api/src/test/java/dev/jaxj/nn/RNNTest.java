package dev.jaxj.nn;

import dev.jaxj.Jax;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.*;

/**
 * RNN against the f64 equations run in a Java loop over time, and against a Java loop over the
 * cell; its gradients against central differences, eagerly and under jit; vmap against the batch.
 */
class RNNTest {
    static final int B = 2, T = 5, IN = 3, H = 4;
    static final double TOL = 1e-13;

    static Array rand(long seed, int... shape) { return random(seed, DType.F64, Shape.of(shape), -1, 1); }

    static LSTMCell.Params lstmParams() { return new LSTMCell.Params(rand(4, IN, 4 * H), rand(5, H, 4 * H), rand(6, 4 * H)); }

    /** {@return the f64 LSTM run over {@code x[B, T, IN]} from zeros: {@code [h for every step (B, T, H)], c_T, h_T}} */
    static double[][] lstmReference(double[] x, LSTMCell.Params p) {
        double[] c = new double[B * H], h = new double[B * H], ys = new double[B * T * H];
        for (int t = 0; t < T; t++) {
            double[] xt = new double[B * IN];
            for (int b = 0; b < B; b++) System.arraycopy(x, (b * T + t) * IN, xt, b * IN, IN);
            double[][] ch = RecurrentReference.lstm(xt, c, h, p.inputKernel().toDoubleArray(), p.recurrentKernel().toDoubleArray(),
                    p.bias().toDoubleArray(), B, IN, H);
            c = ch[0];
            h = ch[1];
            for (int b = 0; b < B; b++) System.arraycopy(h, b * H, ys, (b * T + t) * H, H);
        }
        return new double[][] {ys, c, h};
    }

    @Test
    void lstmLayerShouldEqualTheEquationsStepByStep() {
        Array x = rand(1, B, T, IN);
        var rnn = RNN.of(LSTMCell.of(H));
        var v = Variables.of(lstmParams());
        double[][] expected = lstmReference(x.toDoubleArray(), lstmParams());
        assertNear(rnn.apply(v, x), DType.F64, Shape.of(B, T, H), TOL, expected[0]);
        RNN.Result<LSTMCell.Carry> r = rnn.run(v, x);
        assertNear(r.outputs(), DType.F64, Shape.of(B, T, H), TOL, expected[0]);
        assertNear(r.carry().c(), DType.F64, Shape.of(B, H), TOL, expected[1]);
        assertNear(r.carry().h(), DType.F64, Shape.of(B, H), TOL, expected[2]);
    }

    /** {@return the GRU's outputs {@code [B, T, H]} by a Java loop over the cell, visiting steps in {@code order}} */
    static double[] cellLoop(GRUCell cell, Variables<GRUCell.Params, Variables.Empty> v, Array x, Array h0, int[] order, boolean outputsInVisitOrder) {
        double[] ys = new double[B * T * H];
        Array h = h0;
        for (int k = 0; k < T; k++) {
            int t = order[k];
            h = cell.apply(v, h, x.get(Index.all(), t)).output();
            double[] hv = h.toDoubleArray();
            int slot = outputsInVisitOrder ? k : t;
            for (int b = 0; b < B; b++) System.arraycopy(hv, b * H, ys, (b * T + slot) * H, H);
        }
        return ys;
    }

    @Test
    void reverseAndTimeMajorShouldEqualALoopOverTheCell() {
        var cell = GRUCell.of(H);
        Array x = rand(1, B, T, IN), h0 = rand(2, B, H);
        var v = Variables.of(new GRUCell.Params(rand(3, IN, 3 * H), rand(4, 3 * H), rand(5, H, 3 * H), rand(6, H)));
        int[] forward = {0, 1, 2, 3, 4}, backward = {4, 3, 2, 1, 0};

        assertNear(RNN.of(cell).run(v, x, h0).outputs(), DType.F64, Shape.of(B, T, H), TOL, cellLoop(cell, v, x, h0, forward, false));
        // Flax: reverse without keep_order gives the outputs in the order they were computed.
        var back = RNN.of(cell).withReverse(false).run(v, x, h0);
        assertNear(back.outputs(), DType.F64, Shape.of(B, T, H), TOL, cellLoop(cell, v, x, h0, backward, true));
        assertNear(RNN.of(cell).withReverse(true).run(v, x, h0).outputs(), DType.F64, Shape.of(B, T, H), TOL,
                cellLoop(cell, v, x, h0, backward, false));
        double[] expected = cellLoop(cell, v, x, h0, backward, true);
        double[] lastRead = new double[B * H];   // the carry after step 0, the last one read
        for (int b = 0; b < B; b++) System.arraycopy(expected, (b * T + T - 1) * H, lastRead, b * H, H);
        assertNear(back.carry(), DType.F64, Shape.of(B, H), TOL, lastRead);

        Array timeMajor = x.transpose(1, 0, 2);
        Array ys = RNN.of(cell).withTimeMajor().run(v, timeMajor, h0).outputs();
        assertNear(ys.transpose(1, 0, 2), DType.F64, Shape.of(B, T, H), TOL, cellLoop(cell, v, x, h0, forward, false));
    }

    @Test
    void vmapOverExamplesShouldEqualTheBatchedLayer() {
        var rnn = RNN.of(SimpleCell.of(H)).withUnroll(2);
        Array x = rand(1, B, T, IN);
        var v = Variables.of(new SimpleCell.Params(rand(3, IN, H), rand(4, H, H), rand(5, H)));
        Array batched = rnn.apply(v, x);
        Array mapped = Jax.vmap((Array one) -> rnn.apply(v, one)).apply(x);   // each example [T, IN]
        assertNear(mapped, DType.F64, Shape.of(B, T, H), TOL, batched.toDoubleArray());
        Array jitted = Jax.jit((Array xs) -> rnn.apply(v, xs)).apply(x);
        assertNear(jitted, DType.F64, Shape.of(B, T, H), TOL, batched.toDoubleArray());
    }

    /** A scalar of the LSTM layer's outputs, weighted so that every output counts differently. */
    static Function<Seq<Array>, Array> weightedOutputs(RNN<LSTMCell.Params, LSTMCell.Carry> rnn, Array weights) {
        return args -> {
            var p = new LSTMCell.Params(args.get(0), args.get(1), args.get(2));
            return rnn.apply(Variables.of(p), args.get(3)).mul(weights).sum();
        };
    }

    @Test
    void gradientsShouldMatchCentralDifferences() {
        var p = lstmParams();
        Seq<Array> args = Vector.of(p.inputKernel(), p.recurrentKernel(), p.bias(), rand(1, B, T, IN));
        Array weights = rand(9, B, T, H);
        var rnn = RNN.of(LSTMCell.of(H));
        Jax.checkGrads(weightedOutputs(rnn, weights), args, 1, HashSet.of(Mode.FWD, Mode.REV));
        Jax.checkGrads(weightedOutputs(rnn.withReverse(true), weights), args, 1, HashSet.of(Mode.REV));
    }

    @Test
    void gradientsUnderJitShouldMatchCentralDifferences() {
        var p = lstmParams();
        Seq<Array> args = Vector.of(p.inputKernel(), p.recurrentKernel(), p.bias(), rand(1, B, T, IN));
        var f = Jax.jit(weightedOutputs(RNN.of(LSTMCell.of(H)), rand(9, B, T, H)));
        Jax.checkGrads(f, args, 1, HashSet.of(Mode.FWD, Mode.REV));
        Jax.checkGrads(Jax.jit((Seq<Array> a) -> Jax.grad(f).apply(a).get(1).sum()), args, 1, HashSet.of(Mode.REV));
    }

    @Test
    void initShouldMakeTheCellsParamsForOneStep() {
        var rnn = RNN.of(LSTMCell.of(H));
        var p = rnn.init(Random.key(0), rand(1, B, T, IN)).params();
        assertNear(p.bias(), DType.F64, Shape.of(4 * H), 0, new double[4 * H]);
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(IN, 4 * H), p.inputKernel().shape(), "the time axis is not a feature");
        org.junit.jupiter.api.Assertions.assertEquals(Shape.of(H, 4 * H), p.recurrentKernel().shape());
    }

    @Test
    void shouldRejectInputsWithoutATimeAxis() {
        var rnn = RNN.of(LSTMCell.of(H));
        assertError(ShapeError.class, "RNN", () -> rnn.init(Random.key(0), rand(1, IN)), "[..., T, in]", "f64[3]");
    }
}
