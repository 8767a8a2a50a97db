package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.Primitive.ScatterDimensionNumbers;
import dev.jaxj.ir.Primitive.WindowConfig;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.Domain;
import dev.jaxj.testing.GradCheck;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Bugs the gradient table found in derivative rules. Fixed ones stay here as regression tests;
 * an open one fails until its rule is fixed, and its row then leaves
 * {@link GradProperties#KNOWN_REVERSE_MODE_BUGS}.
 */
class GradRuleBugsTest {

    private static Seq<Array> args(Domain d, Shape... shapes) {
        return d.arrays(new SplittableRandom(1), Vector.of(shapes), DType.F64);
    }

    /**
     * Open: scatter_mul has a JVP rule, linear in the operand's tangent ({@code scatter_mul(t, idx, updates)}),
     * but no transpose rule, so reverse mode raises NotDifferentiable. JAX transposes it with respect
     * to the operand as {@code scatter_mul(ct, idx, updates)} (and rejects a linear {@code updates});
     * the updates' cotangent then comes from the JVP's replacing-scatter term, which already transposes.
     */
    @Test
    void scatterMulShouldHaveAReverseModeDerivative() {
        Array operand = Jnp.array(new double[][] {{0.5, -1.0}, {1.5, 2.0}, {0.3, 0.7}});
        Array updates = Jnp.array(new double[][] {{2.0, -0.5}});
        Array indices = Jnp.array(new int[][] {{1}});
        var dn = new ScatterDimensionNumbers(Vector.of(1), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
        var vjp = Jax.vjp((Seq<Array> xs) -> Lax.scatterMul(xs.get(0), indices, xs.get(1), dn, GatherScatterMode.PROMISE_IN_BOUNDS),
                Vector.of(operand, updates));
        Seq<Array> cts = vjp.pullback().apply(Jnp.onesLike(vjp.primal()));
        // out[1] = operand[1] * updates[0], the other rows are the operand's.
        assertArrayEquals(new double[] {1, 1, 2, -0.5, 1, 1}, cts.get(0).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {1.5, 2.0}, cts.get(1).toDoubleArray(), 1e-15);
    }

    /**
     * Fixed: the JVP of reduce_window_max/min sliced its window patches from start offsets past the
     * padded operand when an output axis is empty (here f64[0,2], window dilation 2 on axis 0),
     * raising a ShapeError instead of giving an empty tangent.
     */
    @Test
    void reduceWindowMaxShouldDifferentiateWhenAnOutputAxisIsEmpty() {
        var w = new WindowConfig(Vector.of(2, 2), Vector.of(2, 1), Vector.fill(2, new Padding(0, 1)), Vector.of(1, 1), Vector.of(2, 1));
        GradCheck.of("reduce_window_max", xs -> Lax.reduceWindowMax(xs.head(), w)).assertSecondOrder(args(Domain.NO_TIES, Shape.of(0, 2)), 1);
    }

    /**
     * Fixed: the JVP of sort permuted tangents with a batched gather whose batching axes need slice
     * size 1, which an empty axis cannot have (here f64[0,3] sorted along axis 1): a ShapeError
     * instead of an empty tangent.
     */
    @Test
    void sortShouldDifferentiateZeroSizeOperands() {
        GradCheck.of("sort", xs -> Lax.sort(xs, 1, true, 1).head()).assertSecondOrder(args(Domain.NO_TIES, Shape.of(0, 3)), 1);
    }
}
