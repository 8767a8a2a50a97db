package dev.jaxj.examples;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.nn.Activation;
import dev.jaxj.nn.Losses;
import dev.jaxj.nn.MLP;
import dev.jaxj.optim.GradientTransformation;
import dev.jaxj.optim.Optim;
import dev.jaxj.random.Key;
import dev.jaxj.tree.Tree;

import io.vavr.collection.Vector;

import java.io.PrintStream;
import java.util.function.Function;

/**
 * Model-agnostic meta-learning (Finn, Abbeel and Levine, 2017) on the sine waves of the paper:
 * each task is {@code y = A sin(x - φ)} with a random amplitude and phase, seen through 10
 * points. MAML learns an initialisation from which <em>one</em> gradient step on a task's 10
 * points fits that task. Its objective is the loss <em>after</em> the inner step, so the outer
 * gradient differentiates through a gradient: {@code Jax.grad} of a function that calls
 * {@code Jax.grad}. The whole meta-step is compiled with {@code Jax.jit}.
 * {@snippet lang=text :
 * mvn -q compile exec:exec -pl examples -am -Djaxj.main=dev.jaxj.examples.Maml
 * }
 * At the end it compares, on 100 new tasks, the loss before adapting, after one and after ten
 * inner steps, with a baseline trained on all tasks jointly and adapted the same way.
 */
public final class Maml {
    private Maml() {}

    static final MLP NET = MLP.of(Activation.RELU, 40, 40, 1);
    static final double INNER_RATE = 0.01;
    static final int TASKS_PER_STEP = 8, SHOTS = 10;

    /** A batch of tasks: per task, 10 points to adapt on and 10 to be judged on, each {@code f32[tasks, 10, 1]}. */
    public record Tasks(Array xAdapt, Array yAdapt, Array xJudge, Array yJudge) {}

    /** One meta-step's inputs and outputs, as pytrees for {@code jit}. */
    public record StepIn(Vector<Object> params, Vector<Object> optState, Tasks tasks) {}

    public record StepOut(Vector<Object> params, Vector<Object> optState, Array loss) {}

    /**
     * Mean squared errors on 100 new tasks.
     *
     * @param before        MAML's initialisation, not adapted
     * @param afterOneStep  after one inner gradient step on each task's 10 points
     * @param afterTenSteps after ten inner steps
     * @param baselineAfterOneStep a network trained on all tasks jointly, after one inner step
     */
    public record Result(double before, double afterOneStep, double afterTenSteps, double baselineAfterOneStep) {}

    public static void main(String[] args) {
        int steps = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 2000;
        run(steps, System.out);
    }

    /** {@return {@code tasks} sine-wave tasks: amplitude in [0.1, 5], phase in [0, π], x in [-5, 5]} */
    static Tasks sample(Key key, int tasks) {
        var k = Random.split(key, 4).unstack();
        Shape perTask = Shape.of(tasks, 1, 1), points = Shape.of(tasks, SHOTS, 1);
        Array amplitude = Random.uniform(k.get(0), perTask, DType.F32, 0.1, 5);
        Array phase = Random.uniform(k.get(1), perTask, DType.F32, 0, Math.PI);
        Array xa = Random.uniform(k.get(2), points, DType.F32, -5, 5), xj = Random.uniform(k.get(3), points, DType.F32, -5, 5);
        return new Tasks(xa, amplitude.mul(xa.sub(phase).sin()), xj, amplitude.mul(xj.sub(phase).sin()));
    }

    static Array loss(Vector<Object> params, Array x, Array y) {
        return Losses.meanSquaredError(NET.apply(NET.variables(params), x), y);
    }

    /** {@return params after {@code steps} steps of gradient descent on one task's points}, written with plain {@code Jax.grad} */
    static Vector<Object> adapt(Vector<Object> params, Array x, Array y, int steps) {
        Vector<Object> p = params;
        for (int s = 0; s < steps; s++) {
            Vector<Object> g = Jax.grad((Vector<Object> q) -> loss(q, x, y)).apply(p);
            p = Tree.map2(p, g, (w, dw) -> ((Array) w).sub(((Array) dw).mul(INNER_RATE)));
        }
        return p;
    }

    /** MAML's objective: the mean over tasks of the loss on the judged points after one inner step on the others. */
    static Array metaLoss(Vector<Object> params, Tasks t) {
        Array total = Jnp.scalar(0f);
        int n = t.xAdapt().shape().dim(0);
        for (int i = 0; i < n; i++) {
            Vector<Object> adapted = adapt(params, t.xAdapt().get(i), t.yAdapt().get(i), 1);
            total = total.add(loss(adapted, t.xJudge().get(i), t.yJudge().get(i)));
        }
        return total.div((double) n);
    }

    /** The joint baseline's objective: the plain loss on all the tasks' points, no adaptation. */
    static Array jointLoss(Vector<Object> params, Tasks t) {
        return loss(params, t.xAdapt().reshape(-1, 1), t.yAdapt().reshape(-1, 1));
    }

    /** {@return the compiled step of Adam on {@code objective}} */
    static Function<StepIn, StepOut> step(GradientTransformation<Vector<Object>> opt,
                                          java.util.function.BiFunction<Vector<Object>, Tasks, Array> objective) {
        return Jax.jit((StepIn in) -> {
            var vg = Jax.valueAndGrad((Vector<Object> p) -> objective.apply(p, in.tasks())).apply(in.params());
            var update = opt.update(vg.grad(), in.optState(), in.params());
            return new StepOut(Optim.applyUpdates(in.params(), update.updates()), update.state(), vg.value());
        });
    }

    /** Meta-trains for {@code steps} steps (and the baseline as long) with fixed seeds, printing to {@code out}. */
    public static Result run(int steps, PrintStream out) {
        var opt = Optim.adam(3e-3);
        Vector<Object> init = NET.init(Random.key(0), Jnp.zeros(1, 1)).params();
        Vector<Object> maml = train("MAML", step(opt, Maml::metaLoss), init, opt.init(init), steps, out);
        Vector<Object> joint = train("joint baseline", step(opt, Maml::jointLoss), init, opt.init(init), steps, out);

        Tasks test = sample(Random.key(1_000_000), 100);
        double before = 0, one = 0, ten = 0, baseline = 0;
        for (int i = 0; i < 100; i++) {
            Array xa = test.xAdapt().get(i), ya = test.yAdapt().get(i), xj = test.xJudge().get(i), yj = test.yJudge().get(i);
            before += loss(maml, xj, yj).doubleValue() / 100;
            one += loss(adapt(maml, xa, ya, 1), xj, yj).doubleValue() / 100;
            ten += loss(adapt(maml, xa, ya, 10), xj, yj).doubleValue() / 100;
            baseline += loss(adapt(joint, xa, ya, 1), xj, yj).doubleValue() / 100;
        }
        out.printf("%nMean squared error on 100 new sine tasks (10 points to adapt on):%n");
        out.printf("  MAML, before adapting     %.3f%n  MAML, after 1 step        %.3f%n  MAML, after 10 steps      %.3f%n", before, one, ten);
        out.printf("  joint baseline, 1 step    %.3f%n", baseline);
        return new Result(before, one, ten, baseline);
    }

    private static Vector<Object> train(String name, Function<StepIn, StepOut> step, Vector<Object> params, Vector<Object> optState, int steps,
                                        PrintStream out) {
        Key key = Random.key(42);
        double recent = 0;
        int every = Math.max(1, steps / 8);
        for (int i = 1; i <= steps; i++) {
            StepOut o = step.apply(new StepIn(params, optState, sample(Random.foldIn(key, i), TASKS_PER_STEP)));
            params = o.params();
            optState = o.optState();
            recent += o.loss().doubleValue();
            if (i % every == 0) {
                out.printf("%s step %5d/%d  loss %.3f%n", name, i, steps, recent / every);
                recent = 0;
            }
        }
        return params;
    }
}
