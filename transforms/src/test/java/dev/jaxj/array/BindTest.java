package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.core.Trace;
import dev.jaxj.core.TraceStack;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.TracerLeakError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/** The trace stack and bind, exercised with a toy transform that only records what it sees. */
class BindTest {
    /** Records each primitive it processes and computes nothing. */
    static final class RecordingTrace extends Trace {
        final List<String> seen = new ArrayList<>();

        RecordingTrace(int level) { super(level); }

        @Override
        public Tracer lift(Array x) { return new Rec(this, x.aval()); }

        @Override
        public Seq<Array> process(Primitive p, Seq<Tracer> in) {
            seen.add(p.name() + "@" + level() + in.map(t -> ((Rec) t).trace.level()).mkString("(", ",", ")"));
            return p.abstractEval(in.map(Array::aval)).map(a -> new Rec(this, a));
        }
    }

    static final class Rec extends Tracer {
        final RecordingTrace trace;
        final ShapedArray aval;

        Rec(RecordingTrace trace, ShapedArray aval) {
            this.trace = trace;
            this.aval = aval;
        }

        @Override public Trace trace() { return trace; }

        @Override public ShapedArray aval() { return aval; }
    }

    private static Array f32(float... v) {
        return Array.fromHost(ShapedArray.of(DType.F32, v.length), HostData.own(v));
    }

    @Test
    void shouldHandEachPrimitiveToTheHighestLevelTrace() {
        List<String> outer = TraceStack.with(RecordingTrace::new, t1 -> {
            Array a = t1.lift(f32(1, 2));
            List<String> inner = TraceStack.with(RecordingTrace::new, t2 -> {
                Array b = t2.lift(f32(3, 4));
                Lax.mul(a, b);     // level 2 wins and lifts the level-1 operand
                return t2.seen;
            });
            Lax.neg(a);            // back at level 1
            assertEquals(List.of("mul@2(2,2)"), inner);
            return t1.seen;
        });
        assertEquals(List.of("neg@1(1)"), outer);
    }

    @Test
    void shouldRejectTracersThatEscapedTheirTransform() {
        Array leaked = TraceStack.with(RecordingTrace::new, t -> t.lift(f32(1)));
        TracerLeakError e = assertThrows(TracerLeakError.class, () -> Lax.sin(leaked));
        assertTrue(e.getMessage().startsWith("sin: got a tracer f32[1]"), e.getMessage());
        assertTrue(e.getMessage().contains("BindTest.java"), e.getMessage());
    }

    @Test
    void shouldRefuseConcreteDataFromATracer() {
        ConcretizationError e = TraceStack.with(RecordingTrace::new, t ->
                assertThrows(ConcretizationError.class, () -> t.lift(f32(1)).floatValue()));
        assertTrue(e.getMessage().contains("Lax.select") && e.getMessage().contains("Jax.jitStatic"), e.getMessage());
    }

    @Test
    void shouldKeepTraceStacksPerThread() throws Exception {
        TraceStack.with(RecordingTrace::new, t -> {
            assertEquals(1, TraceStack.current().traces().size());
            int other = CompletableFuture.supplyAsync(() -> TraceStack.current().traces().size()).join();
            assertEquals(0, other);
            return null;
        });
        assertTrue(TraceStack.current().traces().isEmpty());
    }

    @Test
    void shouldNotCaptureAnyTraceForEagerOperations() {
        Array x = f32(1, 2);
        assertSame(x, Lax.reshape(x, x.shape()));
        assertEquals("f32[2]", Lax.convertElementType(x, DType.F32).aval().toString());
    }
}
