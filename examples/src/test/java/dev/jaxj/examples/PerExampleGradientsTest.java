package dev.jaxj.examples;

import dev.jaxj.Jax;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.examples.PerExampleGradients.Example;
import dev.jaxj.examples.PerExampleGradients.Params;
import dev.jaxj.lax.Lax;
import dev.jaxj.random.Key;
import dev.jaxj.tree.Tree;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example's vectorized per-example gradients against a plain loop of one {@code grad} per example. */
class PerExampleGradientsTest {
    private static Array row(Array x, int i) {
        Vector<Integer> start = Vector.fill(x.ndim(), 0).update(0, i);
        Vector<Integer> limit = x.shape().toSeq().update(0, i + 1);
        return Lax.squeeze(Lax.slice(x, start, limit, Vector.fill(x.ndim(), 1)), Vector.of(0));
    }

    @Test
    void shouldMatchTheNormsOfALoopOfPerExampleGradients() {
        Key key = Random.key(42);
        Params params = PerExampleGradients.init(key, 5, 6);
        Example batch = PerExampleGradients.data(key, 7, 5);
        Params grads = PerExampleGradients.perExampleGradients(params, batch);
        float[] norms = PerExampleGradients.norms(grads).toFloatArray();
        assertEquals(7, norms.length);
        for (int i = 0; i < 7; i++) {
            Params g = Jax.grad(PerExampleGradients::loss).apply(params, new Example(row(batch.x(), i), row(batch.y(), i)));
            double sq = 0;
            for (Object leaf : Tree.leaves(g)) {
                for (float v : ((Array) leaf).toFloatArray()) sq += (double) v * v;
            }
            // f32 sums of about 50 squares in another order: a few ulps apart.
            assertEquals(Math.sqrt(sq), norms[i], 1e-5 * Math.max(1, Math.sqrt(sq)), "norm of example " + i);
            assertArrayEquals(g.w1().toFloatArray(), row(grads.w1(), i).toFloatArray(), 1e-6f, "w1 gradient of example " + i);
        }
    }
}
