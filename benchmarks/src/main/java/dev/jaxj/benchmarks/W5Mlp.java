package dev.jaxj.benchmarks;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.tree.Tree;
import io.vavr.collection.Vector;

import java.util.function.BiFunction;

/** W5: one SGD step (lr 0.01) of a 784-512-512-10 ReLU MLP with mean softmax cross-entropy. */
final class W5Mlp {
    private W5Mlp() {}

    record Linear(Array w, Array b) {}

    record Mlp(Linear l1, Linear l2, Linear l3) {}

    record Batch(Array x, Array onehot) {}

    private static Linear linear(long seed, int in, int out) {
        double bound = 1 / Math.sqrt(in);
        return new Linear(Inputs.uniform(seed, -bound, bound, in, out), Inputs.uniform(seed + 1, -bound, bound, out));
    }

    static Array loss(Mlp p, Batch b) {
        Array h = relu(b.x().matmul(p.l1().w()).add(p.l1().b()));
        h = relu(h.matmul(p.l2().w()).add(p.l2().b()));
        Array logits = h.matmul(p.l3().w()).add(p.l3().b());
        Array m = Lax.stopGradient(logits.max(true, 1));
        Array logSoftmax = logits.sub(m).sub(logits.sub(m).exp().sum(true, 1).log());
        return logSoftmax.mul(b.onehot()).sum().neg().div((double) b.x().shape().dim(0));
    }

    private static Array relu(Array x) {
        return x.maximum(0.0);
    }

    static Mlp step(Mlp p, Batch b) {
        Mlp g = Jax.grad(W5Mlp::loss).apply(p, b);
        return Tree.map2(p, g, (w, dw) -> ((Array) w).sub(((Array) dw).mul(0.01)));
    }

    private static Batch batch(int n) {
        Array labels = Inputs.labels(7, n, 10);
        Array classes = Lax.iota(DType.I32, Shape.of(n, 10), 1);
        Array onehot = Lax.eq(classes, Lax.broadcastInDim(labels, Shape.of(n, 10), Vector.of(0))).astype(DType.F32);
        return new Batch(Inputs.normal(5, n, 784), onehot);
    }

    static void run() {
        Mlp params = new Mlp(linear(1, 784, 512), linear(3, 512, 512), linear(5, 512, 10));
        for (int n : new int[] {128, 1024}) {
            Batch b = batch(n);
            Mlp[] p = {params};
            double eager = Harness.median(() -> p[0] = step(p[0], b));
            BiFunction<Mlp, Batch, Mlp> jitted = jitStep();
            Mlp[] q = {params};
            double compile = Inputs.millis(() -> q[0] = jitted.apply(q[0], b));
            double jit = Harness.median(() -> q[0] = jitted.apply(q[0], b));
            if (n == 128) {
                Harness.report("W5", "mlp_step_b128", "jaxj_eager", eager * 1e3, "ms");
                Harness.report("W5", "mlp_step_b128", "jaxj_jit", jit * 1e3, "ms");
                Harness.report("W5", "compile_ms", "jaxj_jit", compile, "ms");
            } else {
                Harness.report("W5", "mlp_steps_per_s_b1024", "jaxj_eager", 1 / eager, "steps/s");
                Harness.report("W5", "mlp_steps_per_s_b1024", "jaxj_jit", 1 / jit, "steps/s");
            }
        }
    }

    private static BiFunction<Mlp, Batch, Mlp> jitStep() {
        var j = Jax.jit((Vector<Object> pb) -> step((Mlp) pb.get(0), (Batch) pb.get(1)));
        return (p, b) -> j.apply(Vector.of(p, b));
    }
}
