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

import java.util.List;

import static dev.jaxj.ArrayAssertions.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the typed variables promise: params of a layer's own type out of init and back into
 * apply and grad, a bias-less layer's params without a bias entry, a container's layers read
 * with a checked type. Written without casts, as a user's first program would be.
 */
class TypedVariablesTest {
    private static final Array X = arr(DType.F32, Shape.of(1, 3), 1, 2, 3);

    private static List<String> paths(Object tree) {
        return Tree.flattenWithPath(tree).map(e -> e.path().dotted()).toJavaList();
    }

    @Test
    void shouldNameTheBiasOnlyWhenThereIsOne() {
        assertEquals(List.of("kernel", "bias"), paths(Dense.of(2).init(Random.key(0), X).params()));
        assertEquals(List.of("kernel"), paths(Dense.of(2).withoutBias().init(Random.key(0), X).params()));
        assertEquals(List.of("kernel"), paths(Conv.of(2, 3).withoutBias().init(Random.key(0), arr(DType.F32, Shape.of(1, 5, 1), 1, 2, 3, 4, 5)).params()));
    }

    @Test
    void shouldDifferentiateABiasLessLayerIntoParamsOfItsOwnType() {
        var dense = Dense.of(2).withoutBias();
        var v = dense.init(Random.key(0), X);
        // d/dK sum(x · K) = x^T · ones: row i of the gradient is x_i in every column.
        Dense.Params g = Jax.grad((Dense.Params p) -> dense.apply(v.withParams(p), X).sum()).apply(v.params());
        assertFalse(g.hasBias());
        assertNull(g.bias());
        assertArray(g.kernel(), DType.F32, Shape.of(3, 2), 1, 1, 2, 2, 3, 3);
        // Under jit too: the tree definition records that there is no bias.
        Dense.Params jitted = Jax.jit((Dense.Params p) -> Jax.grad((Dense.Params q) -> dense.apply(v.withParams(q), X).sum()).apply(p))
                .apply(v.params());
        assertFalse(jitted.hasBias());
        assertArray(jitted.kernel(), DType.F32, Shape.of(3, 2), 1, 1, 2, 2, 3, 3);
    }

    @Test
    void shouldApplyParamsBuiltByHandWithAndWithoutBias() {
        Array kernel = arr(DType.F32, Shape.of(3, 1), 1, 0, -1);
        Array bias = arr(DType.F32, Shape.of(1), 10);
        // x · K = 1 - 3 = -2, plus the bias 10.
        assertArray(Dense.of(1).apply(Variables.of(new Dense.Params(kernel, bias)), X), DType.F32, Shape.of(1, 1), 8);
        assertArray(Dense.of(1).apply(Variables.of(Dense.Params.noBias(kernel)), X), DType.F32, Shape.of(1, 1), -2);
    }

    @Test
    void shouldHandOutALayersParamsOfTheTypeAskedFor() {
        var model = Sequential.of(Dense.of(4), Activation.RELU, Dense.of(2));
        var v = model.init(Random.key(1), X);
        Dense.Params first = model.layerParams(v, 0, Dense.Params.class);
        assertEquals(Shape.of(3, 4), first.kernel().shape());
        assertSame(v.params().get(0), first);
        var e = assertThrows(TreeError.class, () -> model.layerParams(v, 1, Dense.Params.class));
        assertTrue(e.getMessage().contains("params of layer 1 (Activation) must be a Params") && e.getMessage().contains("got a Empty"), e.getMessage());
    }

    @Test
    void shouldHandOutALayersStateOfTheTypeAskedFor() {
        var model = Sequential.of(Dense.of(4), BatchNorm.of());
        var v = model.init(Random.key(1), X);
        BatchNorm.Stats stats = model.layerState(v, 1, BatchNorm.Stats.class);
        assertSame(v.state().get(1), stats);
        assertArrayEquals(new double[4], stats.mean().toDoubleArray());   // running mean starts at 0
        var e = assertThrows(TreeError.class, () -> model.layerState(v, 0, BatchNorm.Stats.class));
        assertTrue(e.getMessage().contains("state of layer 0 (Dense) must be a Stats") && e.getMessage().contains("got a Empty"), e.getMessage());
    }

    @Test
    void shouldApplyAStatelessSequenceFromItsParamsAlone() {
        var model = MLP.of(Activation.TANH, 4, 2);
        var v = model.init(Random.key(2), X);
        Vector<Object> params = v.params();
        assertArrayEquals(model.apply(v, X).toDoubleArray(), model.apply(model.variables(params), X).toDoubleArray());
        assertEquals(Vector.fill(3, () -> Variables.EMPTY), model.variables(params).state());
    }
}
