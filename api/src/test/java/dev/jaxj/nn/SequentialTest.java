package dev.jaxj.nn;

import dev.jaxj.Jax;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.TreeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.tree.Tree;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Sequential and MLP against the composition of their layers written out by hand. */
class SequentialTest {

    @Test
    void shouldApplyLayersInOrder() {
        var model = MLP.of(Activation.TANH, 4, 3);
        Array x = random(5, DType.F64, Shape.of(6, 2), -2, 2);
        var v = model.init(Random.key(1), x);
        var d0 = model.layers().layerParams(v, 0, Dense.Params.class);
        var d1 = model.layers().layerParams(v, 2, Dense.Params.class);
        // The reference: the same params through a double loop, tanh from StrictMath.
        double[] h = DenseTest.affine(x.toDoubleArray(), d0.kernel().toDoubleArray(), d0.bias().toDoubleArray(), 6, 2, 4);
        for (int i = 0; i < h.length; i++) h[i] = StrictMath.tanh(h[i]);
        double[] y = DenseTest.affine(h, d1.kernel().toDoubleArray(), d1.bias().toDoubleArray(), 6, 4, 3);
        assertNear(model.apply(v, x), DType.F64, Shape.of(6, 3), 1e-14, y);
    }

    @Test
    void shouldInitialiseEachLayerWithItsOwnKey() {
        var model = Sequential.of(Dense.of(3), Dense.of(3));
        var v = model.init(Random.key(0), arr(DType.F32, Shape.of(1, 3), 1, 2, 3));
        var k0 = model.layerParams(v, 0, Dense.Params.class).kernel().toDoubleArray();
        var k1 = model.layerParams(v, 1, Dense.Params.class).kernel().toDoubleArray();
        assertFalse(java.util.Arrays.equals(k0, k1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDifferentiateThroughTheParamsPytree() {
        var model = MLP.of(Activation.TANH, 3, 1);
        Array x = random(7, DType.F64, Shape.of(4, 2), -1, 1);
        Array t = random(8, DType.F64, Shape.of(4, 1), -1, 1);
        var v = model.init(Random.key(2), x);
        java.util.function.Function<Vector<Object>, Array> loss = p -> Losses.meanSquaredError(model.apply(v.withParams(p), x), t);
        Vector<Object> g = Jax.grad(loss).apply(v.params());
        // Central differences on every leaf, one coordinate at a time, in f64.
        var flat = Tree.flatten(v.params());
        var grads = Tree.leaves(g);
        double eps = 1e-6;
        for (int l = 0; l < flat.leaves().size(); l++) {
            Array leaf = (Array) flat.leaves().get(l);
            double[] base = leaf.toDoubleArray(), gl = ((Array) grads.get(l)).toDoubleArray();
            for (int i = 0; i < base.length; i++) {
                double[] up = base.clone(), down = base.clone();
                up[i] += eps;
                down[i] -= eps;
                final int li = l;
                var pu = (Vector<Object>) flat.treeDef().unflatten(flat.leaves().update(li, arr(DType.F64, leaf.shape(), up)));
                var pd = (Vector<Object>) flat.treeDef().unflatten(flat.leaves().update(li, arr(DType.F64, leaf.shape(), down)));
                double fd = (loss.apply(pu).doubleValue() - loss.apply(pd).doubleValue()) / (2 * eps);
                assertEquals(fd, gl[i], 1e-8, "leaf " + l + " element " + i);
            }
        }
    }

    @Test
    void shouldRejectVariablesOfAnotherStructure() {
        var model = Sequential.of(Dense.of(3), Dense.of(3));
        var bad = new Variables<Vector<Object>, Vector<Object>>(Vector.of(Variables.EMPTY), Vector.of(Variables.EMPTY));
        assertError(TreeError.class, "Sequential", () -> model.apply(bad, arr(DType.F32, Shape.of(1, 3), 1, 2, 3)),
                "one entry per layer (2)");
    }

    @Test
    void shouldListTheLayersOfTheEquivalentSequential() {
        var mlp = MLP.of(Activation.RELU, 64, 3);
        assertEquals(Sequential.of(Dense.of(64), Activation.RELU, Dense.of(3)), mlp.layers());
    }
}
