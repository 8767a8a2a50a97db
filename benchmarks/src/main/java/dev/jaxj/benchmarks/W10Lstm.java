package dev.jaxj.benchmarks;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.nn.LSTMCell;
import dev.jaxj.nn.RNN;
import dev.jaxj.nn.Variables;
import dev.jaxj.staging.Jitted;
import io.vavr.Tuple;
import io.vavr.Tuple2;


/**
 * W10: one LSTM layer (I = 64, H = 256, B = 32) over a time-major sequence, h0 = c0 = 0; the
 * loss mean(hs²) and its gradients with respect to Wx, Wh and b, and the forward pass alone.
 * The layer is {@link RNN} over {@link LSTMCell}: one {@code Lax.scan} over time, inside one
 * jit-compiled function, whose gate order and equations are WORKLOADS.md's. Runs at T = 64
 * (the workload) and at T = 4096 under the metric suffix {@code _t4096}: the program, and so
 * the compile time, should not grow with T.
 */
final class W10Lstm {
    private W10Lstm() {}

    static final int B = 32, I = 64, H = 256;
    static final RNN<LSTMCell.Params, LSTMCell.Carry> LAYER = RNN.of(LSTMCell.of(H)).withTimeMajor();

    static Array hiddenStates(LSTMCell.Params p, Array xs) { return LAYER.apply(Variables.of(p), xs); }

    static void run() {
        // -Djaxj.bench.w10.steps=64 runs the workload's length only.
        for (String t : System.getProperty("jaxj.bench.w10.steps", "64,4096").split(",")) {
            int steps = Integer.parseInt(t.strip());
            run(steps, steps == 64 ? "" : "_t" + steps);
        }
    }

    static void run(int steps, String suffix) {
        double bound = 1 / Math.sqrt(H);
        var params = new LSTMCell.Params(Inputs.uniform(1, -bound, bound, I, 4 * H), Inputs.uniform(2, -bound, bound, H, 4 * H),
                Jnp.zeros(4 * H));
        Array xs = Inputs.normal(3, steps, B, I);
        // The sequence is an argument, not a constant baked into the program. compile_ms is tracing,
        // optimising, lowering and planning alone (the first of the process for T = 64, so it
        // includes the JVM warming up jaxj's own code); the runs are timed after it.
        var args = Tuple.of(params, xs);
        var grad = Jitted.of((Tuple2<LSTMCell.Params, Array> a) ->
                Jax.grad((LSTMCell.Params q) -> Jnp.mean(hiddenStates(q, a._2).square())).apply(a._1), "lstm_fwd_bwd");
        Harness.report("W10", "compile_ms" + suffix, "jaxj_jit", Inputs.millis(() -> grad.plan(args, Jitted.Unit.UNIT)), "ms");
        Harness.report("W10", "lstm_fwd_bwd" + suffix, "jaxj_jit", Harness.median(() -> grad.apply(args, Jitted.Unit.UNIT)) * 1e3, "ms");
        var forward = Jitted.of((Tuple2<LSTMCell.Params, Array> a) -> hiddenStates(a._1, a._2), "lstm_fwd");
        Harness.report("W10", "fwd_compile_ms" + suffix, "jaxj_jit", Inputs.millis(() -> forward.plan(args, Jitted.Unit.UNIT)), "ms");
        Harness.report("W10", "lstm_fwd" + suffix, "jaxj_jit", Harness.median(() -> forward.apply(args, Jitted.Unit.UNIT)) * 1e3, "ms");
    }
}
