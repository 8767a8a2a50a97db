package dev.jaxj.control;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import dev.jaxj.nn.Activations;
import io.vavr.Tuple;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * User-defined derivatives survive staging: inside a loop body or a jitted function the rule,
 * not the derivative of the function's own code, differentiates the call.
 */
class CustomRulesInProgramsTest {
    /** round() with the straight-through estimator: its own derivative is 0, the rule's is 1. */
    private static final UnaryOperator<Array> STRAIGHT_THROUGH = Jax.customVjp(Lax::round,
            x -> new Jax.Residuals(Lax.round(x), Vector.empty()), (res, ct) -> ct);

    /** x³ with a deliberately different rule (tangent 5·t), so that which one ran is visible. */
    private static final UnaryOperator<Array> CUBE_WITH_RULE = Jax.customJvp(x -> x.mul(x).mul(x),
            (x, t) -> new Jax.JvpResult<>(x.mul(x).mul(x), t.mul(5.0)));

    private static Array xs() { return Jnp.array(new double[] {0.4, 1.6, -0.7}); }

    @Test
    void aCustomVjpInsideAScanBodyUsesItsRule() {
        // carry = round(carry * w + x): with the estimator, d carry / d w follows the identity through round.
        Function<Array, Array> f = w -> Lax.scan((Array c, Array x) -> Tuple.of(STRAIGHT_THROUGH.apply(c.mul(w).add(x)), c), Jnp.scalar(1, DType.F64), xs()).carry();
        Function<Array, Array> unrolled = w -> {
            Array c = Jnp.scalar(1, DType.F64);
            for (int i = 0; i < 3; i++) c = STRAIGHT_THROUGH.apply(c.mul(w).add(xs().get(i)));
            return c;
        };
        Array w = Jnp.scalar(1.3, DType.F64);
        double expected = Jax.grad(unrolled).apply(w).doubleValue();
        assertNotEquals(0, expected);
        assertEquals(expected, Jax.grad(f).apply(w).doubleValue(), 1e-12);
        assertEquals(expected, Jax.grad(Jax.jit(f)).apply(w).doubleValue(), 1e-12);
        assertEquals(expected, Jax.jit(Jax.grad(f)).apply(w).doubleValue(), 1e-12);
    }

    @Test
    void aCustomJvpInsideAScanBodyUsesItsRuleInBothModes() {
        Function<Array, Array> f = w -> Lax.scan((Array c, Array x) -> Tuple.of(c.add(CUBE_WITH_RULE.apply(x.mul(w))), c), Jnp.scalar(0, DType.F64), xs()).carry();
        // d/dw Σ cube(x_i w) under the rule: Σ 5 x_i.
        double expected = 5 * (0.4 + 1.6 - 0.7);
        Array w = Jnp.scalar(0.9, DType.F64);
        assertEquals(expected, Jax.grad(f).apply(w).doubleValue(), 1e-12);
        assertEquals(expected, Jax.jvp(f, w, Jnp.scalar(1, DType.F64)).tangent().doubleValue(), 1e-12);
        Array batched = Jax.vmap(Jax.grad(f)).apply(Jnp.array(new double[] {0.9, -2}));
        assertArrayEquals(new double[] {expected, expected}, batched.toDoubleArray(), 1e-12);
    }

    @Test
    void reluKeepsJaxsDerivativeAtZeroInsideACond() {
        Function<Array, Array> f = x -> Lax.cond(Array.scalar(true), (Array v) -> Activations.relu(v).sum(), v -> v.sum(), x);
        assertArrayEquals(new double[] {0, 1, 0}, Jax.grad(f).apply(Jnp.array(new double[] {0, 2, -1})).toDoubleArray(), 0);
    }

    @Test
    void stagedProgramsShowTheCallAndCompiledOnesFuseThroughIt() {
        Function<Array, Array> f = x -> Activations.relu(x.mul(2.0)).add(1.0);
        assertTrue(Jax.makeJaxpr(f, Jnp.ones(4)).toString().contains("custom_jvp_call"));
        assertArrayEquals(new float[] {1, 5, 1, 3}, Jax.jit(f).apply(Jnp.array(new float[] {-1, 2, 0, 1})).toFloatArray(), 0);
    }
}
