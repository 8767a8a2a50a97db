package dev.jaxj.examples;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.Tuple;
import io.vavr.Tuple2;

import java.util.function.Function;

/**
 * Newton's method for a batch of root-finding problems: {@code x³ + x − c = 0} for many
 * {@code c} at once. One problem is a {@code Lax.whileLoop} that stops when {@code |f(x)|} is
 * small, with the derivative {@code f'} taken by {@code Jax.grad}; {@code Jax.vmap} runs the
 * whole batch (each problem stops at its own step), and {@code Jax.jit} compiles it. Run it with
 * {@code mvn -q compile exec:exec -pl examples -am -Djaxj.main=dev.jaxj.examples.Newton}.
 */
public final class Newton {
    private Newton() {}

    /** The most Newton steps one problem may take. */
    public static final int MAX_STEPS = 50;
    /** Stop once {@code |f(x)|} is below this. */
    public static final double TOLERANCE = 1e-12;

    /** The roots and how many steps each problem took: {@code f64[n]} and {@code i32[n]}. */
    public record Roots(Array x, Array steps) {}

    /** {@code f(x) = x³ + x − c}: increasing, so exactly one real root for each {@code c}. */
    static Array f(Array x, Array c) {
        return x.mul(x).mul(x).add(x).sub(c);
    }

    /** {@return the root of {@code f(·, c)} for one {@code c} ({@code f64[]}) and the steps taken}, from {@code x = 0} */
    public static Roots solveOne(Array c) {
        Function<Array, Array> df = Jax.grad((Array x) -> f(x, c));
        Array one = Jnp.scalar(1, DType.I32);
        Tuple2<Array, Array> r = Lax.whileLoop(
                (Tuple2<Array, Array> s) -> Lax.and(f(s._1, c).abs().gt(TOLERANCE), s._2.lt(Jnp.scalar(MAX_STEPS, DType.I32))),
                s -> Tuple.of(s._1.sub(f(s._1, c).div(df.apply(s._1))), s._2.add(one)),
                Tuple.of(Jnp.zerosLike(c), Jnp.scalar(0, DType.I32)));
        return new Roots(r._1, r._2);
    }

    /** {@return every problem solved at once}: {@code cs f64[n]} to roots {@code f64[n]} and steps {@code i32[n]} */
    public static Roots solve(Array cs) {
        return Jax.jit(Jax.vmap(Newton::solveOne)).apply(cs);
    }

    /**
     * {@return the real root of {@code x³ + x − c}} by Cardano's formula: with {@code d = sqrt(c²/4 + 1/27)},
     * {@code x = cbrt(c/2 + d) + cbrt(c/2 − d)}.
     */
    public static double closedForm(double c) {
        double d = Math.sqrt(c * c / 4 + 1.0 / 27);
        return Math.cbrt(c / 2 + d) + Math.cbrt(c / 2 - d);
    }

    public static void main(String[] args) {
        double[] cs = {-10, -2, -0.5, 0, 0.1, 1, 2, 10, 100};
        Roots r = solve(Jnp.array(cs));
        double[] x = r.x().toDoubleArray();
        long[] steps = r.steps().toLongArray();
        System.out.println("roots of x^3 + x - c = 0, vmap(whileLoop) under jit:");
        System.out.printf("%8s %22s %22s %6s%n", "c", "Newton", "Cardano", "steps");
        for (int i = 0; i < cs.length; i++) System.out.printf("%8.2f %22.16f %22.16f %6d%n", cs[i], x[i], closedForm(cs[i]), steps[i]);
    }
}
