package dev.jaxj.examples;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import dev.jaxj.tree.Tree;

import java.io.PrintStream;

/**
 * A neural ODE: {@code dz/dt = tanh(z W1 + b1) W2} for a state {@code z} in the plane,
 * integrated with fourth-order Runge–Kutta steps in a {@code Lax.foriLoop}, and fitted by
 * gradient descent to the trajectory of a damped oscillator {@code x'' = −x − 0.2 x'}. The
 * gradient flows back through the loop (reverse mode through a scan); it is checked against f64
 * central differences before training. Run it with
 * {@code mvn -q compile exec:exec -pl examples -am -Djaxj.main=dev.jaxj.examples.NeuralOde}.
 */
public final class NeuralOde {
    private NeuralOde() {}

    /** Integration steps between two observations, and their size. */
    public static final int STEPS = 10;
    public static final double DT = 0.05;
    /** Observations of the trajectory after the start. */
    public static final int OBSERVATIONS = 6;

    /** The vector field's weights: {@code w1 f64[2, h]}, {@code b1 f64[h]}, {@code w2 f64[h, 2]}. */
    public record Params(Array w1, Array b1, Array w2) {}

    /** {@return small random weights with {@code hidden} units} */
    public static Params init(long seed, int hidden) {
        var key = Random.key(seed);
        return new Params(Random.normal(Random.foldIn(key, 1), dev.jaxj.ir.Shape.of(2, hidden), DType.F64).mul(0.5),
                Jnp.zeros(dev.jaxj.ir.Shape.of(hidden), DType.F64),
                Random.normal(Random.foldIn(key, 2), dev.jaxj.ir.Shape.of(hidden, 2), DType.F64).mul(0.5 / Math.sqrt(hidden)));
    }

    static Array field(Params p, Array z) {
        return z.matmul(p.w1()).add(p.b1()).tanh().matmul(p.w2());
    }

    /** {@return {@code z} after {@code n} RK4 steps of size {@link #DT}}, {@code f64[2] -> f64[2]} */
    public static Array integrate(Params p, Array z, int n) {
        return Lax.foriLoop(0, n, (i, y) -> {
            Array k1 = field(p, y);
            Array k2 = field(p, y.add(k1.mul(DT / 2)));
            Array k3 = field(p, y.add(k2.mul(DT / 2)));
            Array k4 = field(p, y.add(k3.mul(DT)));
            return y.add(k1.add(k2.mul(2.0)).add(k3.mul(2.0)).add(k4).mul(DT / 6));
        }, z);
    }

    /** {@return the damped oscillator's exact state {@code (x, x')} at time {@code t}}, from {@code (1, 0)} */
    public static double[] oscillator(double t) {
        double w = Math.sqrt(1 - 0.01), e = Math.exp(-0.1 * t);
        double x = e * (Math.cos(w * t) + 0.1 / w * Math.sin(w * t));
        double v = -e * (1 / w) * Math.sin(w * t);
        return new double[] {x, v};
    }

    /** {@return the targets: the oscillator after every {@link #STEPS} steps}, {@code f64[OBSERVATIONS, 2]} */
    public static Array targets() {
        double[] out = new double[2 * OBSERVATIONS];
        for (int k = 0; k < OBSERVATIONS; k++) System.arraycopy(oscillator((k + 1) * STEPS * DT), 0, out, 2 * k, 2);
        return Jnp.array(out, DType.F64, OBSERVATIONS, 2);
    }

    /** {@return the mean squared distance between the integrated trajectory and {@code targets}} */
    public static Array loss(Params p, Array targets) {
        Array z = Jnp.array(new double[] {1, 0});
        Array total = Jnp.scalar(0, DType.F64);
        for (int k = 0; k < OBSERVATIONS; k++) {
            z = integrate(p, z, STEPS);
            Array d = z.sub(targets.get(k));
            total = total.add(d.mul(d).sum());
        }
        return total.div((double) OBSERVATIONS);
    }

    /** {@return the largest difference between the gradient and f64 central differences of the loss}, over every weight */
    public static double gradientCheck(Params p, Array targets, double eps) {
        Params g = Jax.grad((Params q) -> loss(q, targets)).apply(p);
        double worst = 0;
        var leaves = Tree.leaves(p);
        var grads = Tree.leaves(g);
        for (int l = 0; l < leaves.size(); l++) {
            double[] w = ((Array) leaves.get(l)).toDoubleArray(), dw = ((Array) grads.get(l)).toDoubleArray();
            int[] shape = ((Array) leaves.get(l)).shape().toArray();
            for (int i = 0; i < w.length; i++) {
                double[] up = w.clone(), down = w.clone();
                up[i] += eps;
                down[i] -= eps;
                double fd = (loss(replace(p, l, Jnp.array(up, DType.F64, shape)), targets).doubleValue()
                        - loss(replace(p, l, Jnp.array(down, DType.F64, shape)), targets).doubleValue()) / (2 * eps);
                worst = Math.max(worst, Math.abs(fd - dw[i]));
            }
        }
        return worst;
    }

    private static Params replace(Params p, int leaf, Array a) {
        return switch (leaf) {
            case 0 -> new Params(a, p.b1(), p.w2());
            case 1 -> new Params(p.w1(), a, p.w2());
            default -> new Params(p.w1(), p.b1(), a);
        };
    }

    /** What training did: the loss before and after, and the gradient check. */
    public record Result(double before, double after, double gradientError) {}

    /** {@return the result of {@code steps} steps of gradient descent at rate {@code lr}}, printing progress to {@code out} */
    public static Result run(int steps, double lr, PrintStream out) {
        Params p = init(0, 8);
        Array targets = targets();
        double err = gradientCheck(p, targets, 1e-5);
        out.printf("gradient through %d RK4 steps vs f64 central differences: max |difference| = %.3g%n", OBSERVATIONS * STEPS, err);
        var step = Jax.jit((Params q) -> {
            Params g = Jax.grad((Params r) -> loss(r, targets)).apply(q);
            return new Params(q.w1().sub(g.w1().mul(lr)), q.b1().sub(g.b1().mul(lr)), q.w2().sub(g.w2().mul(lr)));
        });
        double before = loss(p, targets).doubleValue();
        for (int i = 0; i < steps; i++) {
            p = step.apply(p);
            if ((i + 1) % Math.max(1, steps / 5) == 0) out.printf("step %4d  loss %.6f%n", i + 1, loss(p, targets).doubleValue());
        }
        double after = loss(p, targets).doubleValue();
        out.printf("loss %.6f -> %.6f%n", before, after);
        return new Result(before, after, err);
    }

    public static void main(String[] args) {
        run(200, 0.5, System.out);
    }
}
