package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.errors.FloatingPointError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.SourceInfo;
import dev.jaxj.lax.Lax;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/** NaN debugging: the first primitive that turns NaN-free operands into a NaN raises, named, at the user's line. */
class DebugNansTest {

    /**
     * Primitives that make a NaN from finite operands, with an input whose second element does it
     * (IEEE 754 invalid operations). Lambdas, not method references, so that the user's line is
     * the constant's own line whichever mode calls it.
     */
    enum NanCase {
        LOG("log", -1, x -> Lax.log(x)),
        SQRT("sqrt", -4, x -> x.sqrt()),
        RSQRT("rsqrt", -4, x -> x.rsqrt()),
        LOG1P("log1p", -3, x -> x.log1p()),
        ACOS("acos", 2, x -> Lax.acos(x)),
        POW("pow", -8, x -> x.pow(0.5)),
        ZERO_OVER_ZERO("div", 0, x -> x.div(x)),
        INF_MINUS_INF("sub", 1000, x -> x.exp().sub(x.exp())),
        ZERO_TIMES_INF("mul", 1000, x -> x.exp().mul(x.sub(x)));

        final String primitive;
        final double trigger;
        final UnaryOperator<Array> f;

        NanCase(String primitive, double trigger, UnaryOperator<Array> f) {
            this.primitive = primitive;
            this.trigger = trigger;
            this.f = f;
        }

        Array input(DType dtype) {
            return Jnp.array(new double[] {0.5, trigger}).astype(dtype);
        }
    }

    /** Where the function runs: eagerly, compiled, batched, or under forward or reverse differentiation. */
    enum Mode {
        EAGER, JIT, VMAP, JIT_OF_VMAP, JVP, GRAD;

        void run(NanCase c, Array x) {
            Function<Array, Array> f = c.f;
            switch (this) {
                case EAGER -> f.apply(x);
                case JIT -> Jax.jit(f).apply(x);
                case VMAP -> Jax.vmap(f).apply(Jnp.stack(x, x));
                case JIT_OF_VMAP -> Jax.jit(Jax.vmap(f)).apply(Jnp.stack(x, x));
                case JVP -> Jax.jvp(f, x, Jnp.onesLike(x));
                case GRAD -> Jax.grad((Array y) -> f.apply(y).sum()).apply(x);
            }
        }
    }

    enum Precision {
        F32(DType.F32), F64(DType.F64);

        final DType dtype;

        Precision(DType dtype) { this.dtype = dtype; }
    }

    private static FloatingPointError raised(Runnable body) {
        return assertThrows(FloatingPointError.class, () -> Jax.withDebugNans(true, () -> {
            body.run();
            return null;
        }));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void theFirstPrimitiveMakingANanRaisesAtTheUsersLine(@ForAll NanCase c, @ForAll Mode mode, @ForAll Precision p) {
        Array x = c.input(p.dtype);
        FloatingPointError e = raised(() -> mode.run(c, x));
        assertEquals(c.primitive, e.op(), e.getMessage());
        assertTrue(e.getMessage().startsWith(c.primitive + ": invalid value (nan) encountered in " + c.primitive), e.getMessage());
        assertTrue(e.getMessage().contains(p.dtype + "["), "names the operands' avals: " + e.getMessage());
        SourceInfo eager = raised(() -> Mode.EAGER.run(c, x)).where();
        assertEquals("DebugNansTest.java", e.where().fileName(), e.getMessage());
        assertEquals(eager, e.where(), "every mode points at the line of the primitive, as running it eagerly does");
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void withoutDebuggingNansFlowThrough(@ForAll NanCase c, @ForAll Precision p) {
        Array y = Jax.withDebugNans(false, () -> Jax.jit(c.f).apply(c.input(p.dtype)));
        double[] v = y.toDoubleArray();
        assertFalse(Double.isNaN(v[0]));
        assertTrue(Double.isNaN(v[1]), "the second element is an invalid operation: " + y);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void aNanThatCameInIsNotReported(@ForAll Mode mode, @ForAll Precision p) {
        Array x = Jnp.array(new double[] {Double.NaN, 2}).astype(p.dtype);
        NanCase passThrough = NanCase.LOG;   // log(NaN) is NaN, log(2) is not
        Jax.withDebugNans(true, () -> {
            mode.run(passThrough, x);
            return null;
        });
    }

    @Test
    void aNanFromACapturedConstantIsNotReported() {
        Array captured = Jnp.array(new float[] {Float.NaN, 1});
        Function<Array, Array> f = Jax.jit(x -> x.add(captured));
        Array y = Jax.withDebugNans(true, () -> f.apply(Jnp.ones(2)));
        assertTrue(Float.isNaN(y.toFloatArray()[0]), "as in eager code, a NaN that came in flows through");
    }

    @Test
    void aNanMadeInTheBackwardPassNamesItsPrimitive() {
        // Forward: sqrt(0) * 0 = 0. Backward: the sqrt rule divides the zero cotangent by 2 sqrt(0) = 0.
        int forwardLine = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        Function<Array, Array> f = x -> x.sqrt().mul(0.0).sum();
        Array zeros = Jnp.zeros(3);
        assertEquals(0f, Jax.withDebugNans(true, () -> f.apply(zeros)).floatValue());
        for (Function<Array, Array> g : java.util.List.of(Jax.grad(f), Jax.jit(Jax.grad(f)))) {
            FloatingPointError e = raised(() -> g.apply(zeros));
            assertEquals("div", e.op(), e.getMessage());
            assertTrue(e.getMessage().contains("f32[3]"), e.getMessage());
            assertTrue(e.getMessage().startsWith("div: invalid value (nan) encountered in div in the backward pass"), e.getMessage());
            assertEquals("DebugNansTest.java", e.where().fileName(), e.getMessage());
            assertEquals(forwardLine, e.where().line(), "the line of the forward operation: " + e.getMessage());
        }
    }

    @Test
    void theProcessWideSwitchReachesEveryThreadAndAScopeOverridesIt() throws Exception {
        Array x = NanCase.LOG.input(DType.F32);
        try {
            Jax.debugNans(true);
            var other = CompletableFuture.supplyAsync(() -> assertThrows(FloatingPointError.class, () -> Lax.log(x)));
            assertEquals("log", other.get().op());
            assertTrue(Double.isNaN(Jax.withDebugNans(false, () -> Lax.log(x)).toDoubleArray()[1]), "the scope turns it off here");
        } finally {
            Jax.debugNans(false);
        }
        assertTrue(Double.isNaN(Lax.log(x).toDoubleArray()[1]), "off again");
    }

    @Test
    void aJittedCallKeepsItsDonatedInputsWhileDebuggingNans() {
        Function<Array, Array> f = Jax.jit(x -> x.mul(2.0), Jax.JitOptions.donateArgnums(0));
        Array x = Jnp.array(new float[] {1, 2});
        assertArrayEquals(new float[] {2, 4}, Jax.withDebugNans(true, () -> f.apply(x)).toFloatArray(), 0f);
        assertArrayEquals(new float[] {1, 2}, x.toFloatArray(), 0f, "not donated: a NaN would need it for the second run");
    }
}
