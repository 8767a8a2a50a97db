package dev.jaxj.examples;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.JaxjException;
import dev.jaxj.ir.DType;

/**
 * A short tour of jaxj arrays: creation, broadcasting, promotion, reductions and the errors
 * that name shapes. Run it with {@code mvn -q compile exec:exec -pl examples -am}.
 */
public final class Tour {
    private Tour() {}

    public static void main(String[] args) {
        Array x = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}});
        System.out.println("x = " + x);
        System.out.println("x.shape() = " + x.shape() + ", x.dtype() = " + x.dtype());

        Array b = Jnp.array(new float[] {10, 20, 30});
        System.out.println("x + b (broadcast over rows) = " + x.add(b));
        System.out.println("tanh(x * 0.5) = " + x.mul(0.5).tanh());

        Array i = Jnp.arange(3);
        System.out.println("i32 + Java double keeps promotion weak: " + i.add(1.5).aval());
        System.out.println("i32 + f64 array promotes to " + i.add(Jnp.array(new double[] {1, 2, 3})).dtype());

        System.out.println("row sums = " + x.sum(1) + ", mean = " + x.mean().floatValue());
        System.out.println("x @ x^T = " + x.matmul(x.transpose()));
        System.out.println("eye(3) as i32 = " + Jnp.eye(3, 3, 0, DType.I32));

        try {
            x.add(Jnp.ones(4));
        } catch (JaxjException e) {
            System.out.println("A shape error names the op, the shapes and your line:\n" + e.getMessage());
        }
    }
}
