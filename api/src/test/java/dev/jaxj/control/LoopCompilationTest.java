package dev.jaxj.control;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.compiler.kernel.KernelProgram;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.lax.Lax;
import dev.jaxj.staging.Jitted;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A jitted loop compiles to a program whose size, and whose compilation work, do not depend on
 * its trip count: the body is traced and lowered once, and the loop is a step that runs it.
 */
class LoopCompilationTest {
    private static final int WIDTH = 8;

    /** c' = c * w + x, y = c * x over rows of xs; counts how often the body is traced. */
    private static Jitted<Tuple2<Array, Array>, Jitted.Unit, Tuple2<Array, Array>> rnn(AtomicInteger traces) {
        return Jitted.of((Tuple2<Array, Array> in) -> {
            Array w = in._1;
            var r = Lax.scan((Array c, Array x) -> {
                traces.incrementAndGet();
                return Tuple.of(c.mul(w).add(x), c.mul(x));
            }, Jnp.zeros(dev.jaxj.ir.Shape.of(WIDTH), DType.F64), in._2);
            return Tuple.of(r.carry(), r.ys());
        }, "rnn");
    }

    private static Tuple2<Array, Array> inputs(int n) {
        double[] w = new double[WIDTH], xs = new double[n * WIDTH];
        for (int j = 0; j < WIDTH; j++) w[j] = 0.5 + 0.0625 * j;
        for (int i = 0; i < xs.length; i++) xs[i] = ((i * 37) % 17 - 8) / 8.0;
        return Tuple.of(Jnp.array(w, DType.F64, WIDTH), Jnp.array(xs, DType.F64, n, WIDTH));
    }

    @Test
    void compiledProgramHasTheSameSizeForAnyTripCount() {
        AtomicInteger traces = new AtomicInteger();
        var f = rnn(traces);
        BufferPlan short_ = f.plan(inputs(64), Jitted.Unit.UNIT);
        int tracesForShort = traces.get();
        BufferPlan long_ = f.plan(inputs(4096), Jitted.Unit.UNIT);
        assertEquals(2, f.compilations(), "two trip counts, two compilations");
        assertEquals(tracesForShort, traces.get() - tracesForShort, "the body is traced as often for 4096 iterations as for 64");
        assertTrue(tracesForShort <= 2, "the body is traced once per compilation (at most once more for its avals), got " + tracesForShort);

        assertEquals(size(short_.program()), size(long_.program()), short_.program() + "\n---\n" + long_.program());
        assertEquals(loopLengths(short_.program()), 64);
        assertEquals(loopLengths(long_.program()), 4096);
        // Apart from the trip count and the scanned shapes, the two programs read the same.
        assertEquals(short_.program().toString().replaceAll("\\b64\\b", "N"), long_.program().toString().replaceAll("\\b4096\\b", "N"));
    }

    @Test
    void runningTheCompiledLoopNeverTracesTheBodyAgainAndMatchesAJavaLoop() {
        AtomicInteger traces = new AtomicInteger();
        var f = rnn(traces);
        for (int n : new int[] {64, 4096}) {
            var in = inputs(n);
            f.apply(in, Jitted.Unit.UNIT);
            int compiled = traces.get();
            Tuple2<Array, Array> out = f.apply(in, Jitted.Unit.UNIT);
            assertEquals(compiled, traces.get(), "a compiled call runs the lowered body");

            double[] w = in._1.toDoubleArray(), xs = in._2.toDoubleArray();
            double[] c = new double[WIDTH], ys = new double[n * WIDTH];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < WIDTH; j++) {
                    double x = xs[i * WIDTH + j];
                    ys[i * WIDTH + j] = c[j] * x;
                    c[j] = c[j] * w[j] + x;
                }
            }
            assertArrayEquals(c, out._1.toDoubleArray(), 0.0, "carry after " + n);
            assertArrayEquals(ys, out._2.toDoubleArray(), 0.0, "ys for " + n);
        }
    }

    /** Steps and loop nodes, counted through nested programs by this test's own walk. */
    private static int size(KernelProgram k) {
        int n = 0;
        for (Step s : k.steps()) {
            n += 1 + switch (s) {
                case Step.LibraryCall _ -> 0;
                case Step.FusedLoop f -> f.nodes().size();
                case Step.Nested nested -> nested.programs().map(p -> size(p.program())).sum().intValue();
            };
        }
        return n;
    }

    private static int loopLengths(KernelProgram k) {
        return k.steps().filter(s -> s instanceof Step.Loop).map(s -> ((Primitive.Scan) ((Step.Loop) s).primitive()).length()).single();
    }
}
