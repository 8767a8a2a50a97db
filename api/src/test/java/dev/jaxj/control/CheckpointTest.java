package dev.jaxj.control;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.CheckpointPolicy;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.ad.Ad;
import dev.jaxj.transforms.ad.Linearized;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** {@code checkpoint}: the same values and gradients, fewer residuals saved for reverse mode. */
class CheckpointTest {
    private static final int LAYERS = 10, WIDTH = 16, BATCH = 8;

    private static Seq<Array> weights() {
        return Vector.range(0, LAYERS).map(i -> Random.normal(Random.key(i), Shape.of(WIDTH, WIDTH), DType.F64).mul(0.3));
    }

    private static Array layer(Array w, Array h) {
        return Lax.tanh(h.matmul(w));
    }

    /** A 10-layer tanh MLP; each layer is checkpointed when {@code policy} is given. */
    private static Function<Seq<Array>, Array> mlp(Array x, CheckpointPolicy policy) {
        return ws -> {
            Array h = x;
            for (Array w : ws) {
                Array wi = w;
                h = policy == null ? layer(wi, h) : Lax.checkpoint((Array a) -> layer(wi, a), policy).apply(h);
            }
            return h.mul(h).sum();
        };
    }

    private static long residualBytes(Function<Seq<Array>, Array> f, Seq<Array> ws) {
        Linearized lin = Ad.linearize(args -> Vector.of(f.apply(args)), ws);
        return lin.linear().consts().map(a -> (long) a.size() * (a.dtype().bits() / 8)).sum().longValue();
    }

    private static Array input() {
        return Random.normal(Random.key(99), Shape.of(BATCH, WIDTH), DType.F64);
    }

    @ParameterizedTest
    @EnumSource(CheckpointPolicy.class)
    void valuesAndGradientsAreThoseWithoutTheCheckpoint(CheckpointPolicy policy) {
        Seq<Array> ws = weights();
        Array x = input();
        assertEquals(mlp(x, null).apply(ws).doubleValue(), mlp(x, policy).apply(ws).doubleValue(), 1e-12);
        Seq<Array> plain = Jax.grad(mlp(x, null)).apply(ws);
        Seq<Array> remat = Jax.grad(mlp(x, policy)).apply(ws);
        Seq<Array> jitted = Jax.jit(Jax.grad(mlp(x, policy))).apply(ws);
        for (int i = 0; i < LAYERS; i++) {
            assertArrayEquals(plain.get(i).toDoubleArray(), remat.get(i).toDoubleArray(), 1e-12);
            assertArrayEquals(plain.get(i).toDoubleArray(), jitted.get(i).toDoubleArray(), 1e-12);
        }
    }

    @Test
    void nothingSaveableKeepsOnlyEachLayersInputs() {
        Seq<Array> ws = weights();
        Array x = input();
        long plain = residualBytes(mlp(x, null), ws);
        long nothing = residualBytes(mlp(x, CheckpointPolicy.nothingSaveable()), ws);
        long dots = residualBytes(mlp(x, CheckpointPolicy.dotsSaveable()), ws);
        // Without a checkpoint each layer saves its weights, its input and 1 - tanh² (about two
        // activations a layer); with nothing saveable only the weights and the inputs (one), plus
        // the loss's own h; saving dots adds each layer's product back.
        long weightBytes = (long) LAYERS * WIDTH * WIDTH * 8, activation = (long) BATCH * WIDTH * 8;
        assertTrue(nothing <= weightBytes + (LAYERS + 2) * activation, "nothingSaveable saves " + nothing + " bytes");
        assertTrue(plain - nothing >= (LAYERS - 2) * activation, "no checkpoint saves " + plain + " bytes, nothingSaveable " + nothing);
        assertTrue(dots >= nothing + LAYERS * activation, "dotsSaveable saves the products: " + dots + " vs " + nothing);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Array x = input();
        Array w = weights().head();
        Function<Array, Array> f = v -> Jax.checkpoint((Array a) -> layer(v, a)).apply(x).sum();
        Array g = Jax.grad(f).apply(w);
        double eps = 1e-6;
        double[] wv = w.toDoubleArray();
        for (int i : new int[] {0, 17, 255}) {
            double[] up = wv.clone(), down = wv.clone();
            up[i] += eps;
            down[i] -= eps;
            double fd = (f.apply(Jnp.array(up, DType.F64, WIDTH, WIDTH)).doubleValue() - f.apply(Jnp.array(down, DType.F64, WIDTH, WIDTH)).doubleValue()) / (2 * eps);
            assertEquals(fd, g.toDoubleArray()[i], 1e-7);
        }
    }
}
