package dev.jaxj.control;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.CheckpointPolicy;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.Tuple;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** A jitted function called under a transform or inside another jit is one {@code pjit} call. */
class NestedJitTest {
    private static final Function<Array, Array> INNER = Jax.jit((Array x) -> Lax.tanh(x).mul(x));

    private static Array xs() { return Jnp.array(new double[] {0.3, -1.2, 2.0}); }

    @Test
    void anEnclosingProgramShowsTheCall() {
        String text = Jax.makeJaxpr((Array x) -> INNER.apply(x.mul(2.0)).sum(), xs()).toString();
        assertTrue(text.contains("pjit["), text);
        assertTrue(text.contains("tanh"), text);
    }

    @Test
    void valuesAndDerivativesThroughTheCall() {
        Function<Array, Array> f = x -> INNER.apply(x.mul(2.0)).sum();
        double[] x = xs().toDoubleArray();
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            double u = 2 * x[i], t = Math.tanh(u);
            expected[i] = 2 * (t + u * (1 - t * t));   // d/dx of tanh(2x)·2x
        }
        assertArrayEquals(expected, Jax.grad(f).apply(xs()).toDoubleArray(), 1e-12);
        assertArrayEquals(expected, Jax.jit(Jax.grad(f)).apply(xs()).toDoubleArray(), 1e-12);
        assertArrayEquals(expected, Jax.vmap(Jax.grad((Array v) -> INNER.apply(v.mul(2.0)))).apply(xs()).toDoubleArray(), 1e-12);
        assertEquals(expected[1], Jax.jvp(f, xs(), Jnp.array(new double[] {0, 1, 0})).tangent().doubleValue(), 1e-12);
        assertEquals(f.apply(xs()).doubleValue(), Jax.jit(f).apply(xs()).doubleValue(), 1e-12);
    }

    @Test
    void aJittedFunctionHoldingALoopDifferentiatesInsideACheckpoint() {
        // A scan inside a jitted call inside a checkpoint: reverse mode splits the loop inside both.
        Function<Array, Array> stepper = Jax.jit((Array w) -> Lax.scan((Array c, Array x) -> Tuple.of(Lax.sin(c.mul(w).add(x)), c), Jnp.scalar(0.1, DType.F64), xs()).carry());
        Function<Array, Array> f = w -> Jax.checkpoint(stepper, CheckpointPolicy.NOTHING_SAVEABLE).apply(w);
        Function<Array, Array> unrolled = w -> {
            Array c = Jnp.scalar(0.1, DType.F64);
            for (int i = 0; i < 3; i++) c = Lax.sin(c.mul(w).add(xs().get(i)));
            return c;
        };
        Array w = Jnp.scalar(0.8, DType.F64);
        double want = Jax.grad(unrolled).apply(w).doubleValue();
        assertEquals(want, Jax.grad(f).apply(w).doubleValue(), 1e-12);
        assertEquals(want, Jax.grad(stepper).apply(w).doubleValue(), 1e-12);
        assertEquals(want, Jax.jit(Jax.grad(f)).apply(w).doubleValue(), 1e-12);
    }
}
