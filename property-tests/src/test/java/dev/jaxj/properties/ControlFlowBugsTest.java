package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.WindowConfig;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bugs the control-flow properties found, reduced to a few lines, kept as regression tests.
 */
class ControlFlowBugsTest {
    /**
     * Fixed, in the CPU backend: a window that changes no axis handed back its operand's own
     * array in a new buffer, which the executor could not see as the operand's, so a later loop
     * wrote over it (here with {@code neg(v1)}).
     */
    @Test
    void reduceWindowSumOfAComputedScalarUnderJit() {
        WindowConfig none = new WindowConfig(Vector.empty(), Vector.empty(), Vector.empty(), Vector.empty(), Vector.empty());
        Function<Vector<Array>, Vector<Array>> f = v -> Vector.of(v.get(0),
                Lax.reduceWindowSum(Lax.dynamicUpdateSlice(v.get(0), v.get(0), Vector.empty()), none), v.get(1).neg());
        Vector<Array> in = Vector.of(Jnp.scalar(0.5, DType.F32), Jnp.scalar(1.5, DType.F32));
        assertEquals(0.5f, f.apply(in).get(1).floatValue(), "eager");
        assertEquals(0.5f, Jax.jit(f).apply(in).get(1).floatValue(), "jit");
    }

    /**
     * Fixed with the runner that lowers each loop and branch once as a nested kernel step: a bounded while (one step) whose step is a cond, whose branches capture {@code xs1}
     * and {@code xs2} (two arrays of one aval): one scans a body over them, the other runs one
     * step on {@code (xs1[0], xs2[0])}; only {@code xs1} reaches the carry ({@code xs2} feeds the
     * scan's ys, which are dropped). The gradient of {@code xs2} must be zero; reverse mode gives
     * it {@code xs1}'s gradient when the step branch runs, and drops {@code xs1}'s when the scan
     * branch runs last. The random case of {@link NestedControlFlowProperties}, fixed:
     * {@code a' = tanh(xs1[k]); b' = tanh(sin(b)); y = (xs2[k]^2, b')} over f32[], one input.
     */
    @Test
    void gradientsOfValuesCapturedByTheBranchesOfACondInAWhile() {
        Function<Integer, Program> one = k -> new Program(Vector.of(new Program.Step(OpCases.all().find(r -> r.name().equals(k == 0 ? "tanh" : k == 1 ? "sin" : "mul")).get(),
                k == 0 ? Vector.of(1) : k == 1 ? Vector.of(0) : Vector.of(1, 1))), Loops.loopInputs(dev.jaxj.ir.Shape.SCALAR, DType.F32, 1, 0).take(2), 1);
        LoopBody body = new LoopBody(one.apply(0), one.apply(1), one.apply(2), dev.jaxj.ir.Shape.SCALAR, DType.F32);
        for (long seed = 0; seed < 4; seed++) {
            Vector<Array> in = Loops.loopInputs(dev.jaxj.ir.Shape.SCALAR, DType.F32, 1, seed);
            var taken = NestedControlFlowProperties.decisions(body, 1, in);
            Vector<Array> g = Jax.grad((Vector<Array> v) -> NestedControlFlowProperties.nested(body, 1, v)).apply(in);
            Vector<Array> want = Jax.grad((Vector<Array> v) -> NestedControlFlowProperties.replayed(body, taken, v)).apply(in);
            assertArrayEquals(new float[] {0f}, g.get(3).toFloatArray(), 0f, "d/dxs2 (xs2 only feeds dropped ys), seed " + seed + ", branches " + taken);
            assertArrayEquals(want.get(2).toFloatArray(), g.get(2).toFloatArray(), 1e-6f, "d/dxs1 as unrolled, seed " + seed + ", branches " + taken);
        }
    }
}
