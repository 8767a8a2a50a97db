package dev.jaxj.examples;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.tree.Tree;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MAML's second-order gradient against finite differences, and its meta-learning target. */
class MamlTest {

    @Test
    void shouldDifferentiateThroughTheInnerGradientStep() {
        // f64 params (the data promotes to f64), so central differences are accurate to ~1e-9.
        var params = Maml.NET.init(Random.key(3), Jnp.zeros(dev.jaxj.ir.Shape.of(1, 1), DType.F64)).params();
        var tasks = Maml.sample(Random.key(4), 2);
        var grad = Jax.grad((Vector<Object> p) -> Maml.metaLoss(p, tasks)).apply(params);
        // A random direction v, and the directional derivative <grad, v> against (f(p + εv) - f(p - εv)) / 2ε.
        var v = Tree.map(params, leaf -> Random.normal(Random.key(((Array) leaf).size()), ((Array) leaf).shape(), DType.F64));
        double analytic = Tree.leaves(Tree.map2(grad, v, (g, d) -> ((Array) g).mul((Array) d).sum()))
                .map(s -> ((Array) s).doubleValue()).sum().doubleValue();
        double eps = 1e-5;
        var up = Tree.map2(params, v, (p, d) -> ((Array) p).add(((Array) d).mul(eps)));
        var down = Tree.map2(params, v, (p, d) -> ((Array) p).sub(((Array) d).mul(eps)));
        double numeric = (Maml.metaLoss(up, tasks).doubleValue() - Maml.metaLoss(down, tasks).doubleValue()) / (2 * eps);
        assertEquals(numeric, analytic, 1e-6 * Math.max(1, Math.abs(numeric)));
    }

    @Test
    void shouldLearnToFitANewSineWaveInOneStep() {
        // The example's default is 2000 meta-steps; 1000 keep the test short and still show the effect.
        var r = Maml.run(1000, new PrintStream(OutputStream.nullOutputStream()));
        assertTrue(r.afterOneStep() < 0.6 * r.before(), () -> r.toString());
        assertTrue(r.afterTenSteps() < r.afterOneStep(), () -> r.toString());
        assertTrue(r.afterOneStep() < 0.8 * r.baselineAfterOneStep(), () -> r.toString());
    }
}
