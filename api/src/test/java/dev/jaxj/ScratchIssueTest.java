package dev.jaxj;
import dev.jaxj.array.Array;
import dev.jaxj.nn.Activations;
import dev.jaxj.nn.Losses;
import dev.jaxj.ir.DType;
import org.junit.jupiter.api.Test;
import java.util.*;
import java.util.function.*;
class ScratchIssueTest {
    static void show(String name, Supplier<Object> s) {
        try { Object o = s.get(); System.out.println("OK   " + name + " -> " + (o instanceof Array a ? a.aval() + " " + a : o)); }
        catch (Throwable t) { System.out.println("EXC  " + name + " -> " + t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).split("\n")[0]); }
    }
    @Test void all() {
        Array f = Jnp.array(new float[] {1, -1, 0, 5});
        show("1 floorDivide", () -> Jnp.floorDivide(f, 0f));
        show("1 floorDivide jit", () -> Jax.jit((Array x) -> Jnp.floorDivide(x, 0.0)).apply(f));
        show("1b floorDivide i32 by 0", () -> Jnp.floorDivide(Jnp.array(new int[] {7, -7}), 0L));
        show("2 heaviside", () -> Jnp.heaviside(Jnp.array(new float[] {Float.NaN}), Jnp.array(new float[] {0.5f})));
        for (float b : new float[] {1, -1}) for (float e : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
            show("3 pow jit " + b + "^" + e, () -> Jax.jit((Array x) -> Jnp.power(x, Jnp.full(x.shape(), e, DType.F32))).apply(Jnp.full(Shape(17), b, DType.F32)));
        show("4 relu6", () -> Activations.relu6(Jnp.array(new int[] {-3, 2, 7})));
        show("5 logaddexp grad x,2", () -> Jax.grad((Array x) -> Jnp.logaddexp(x, Jnp.array(2f))).apply(Jnp.array(2f)));
        show("5 logaddexp grad 2,x", () -> Jax.grad((Array x) -> Jnp.logaddexp(Jnp.array(2f), x)).apply(Jnp.array(2f)));
        show("5 softplus'", () -> Jax.grad((Array x) -> Activations.softplus(x)).apply(Jnp.array(0f)));
        show("5 logSigmoid'", () -> Jax.grad((Array x) -> Activations.logSigmoid(x)).apply(Jnp.array(0f)));
        show("5 bce'", () -> Jax.grad((Array x) -> Losses.sigmoidBinaryCrossEntropy(x, Jnp.array(new float[]{1f})).sum()).apply(Jnp.array(new float[]{0f})));
        Array d = Jnp.array(new double[] {1, 2});
        show("6 Jnp.add f64", () -> Jnp.add(d, 0.1).toDoubleArray()[0] - 1.0);
        show("6 where f64", () -> Jnp.where(Jnp.array(new boolean[]{true,false}), d, 0.1).toDoubleArray()[1]);
        show("6 clip f64", () -> Jnp.clip(d, 0.1, 1.7).toDoubleArray()[1]);
        show("6 power f64", () -> Jnp.power(d, 0.1).toDoubleArray()[1] - Math.pow(2, 0.1));
        Array b = Jnp.array(new boolean[] {true, false});
        show("6 bools.add", () -> b.add(b));
        show("7 ones huge", () -> Jnp.ones(65536, 65536, 65536, 65536));
        show("8 arange huge", () -> Jnp.arange(0.0, 1e10, 1e-3));
        show("8 arange nan", () -> Jnp.arange(0.0, Double.NaN, 1.0));
        show("9 i32 + 2^40", () -> Jnp.array(new int[] {1, 2, 3}).add(1L << 40));
        record Cfg(double[] w) {}
        show("10 jitStatic array record", () -> Jax.jitStatic((Array x, Cfg c) -> x.mul(c.w()[0])).apply(f, new Cfg(new double[] {2})));
        show("10 jitStatic int[]", () -> Jax.jitStatic((Array x, int[] c) -> x.mul(c[0])).apply(f, new int[] {2}));
        show("11 chain 1500 jit", () -> { var g = Jax.jit((Array x) -> { Array y = x; for (int i = 0; i < 1500; i++) y = y.mul(1.0001).add(0.001); return y; }); return g.apply(f); });
        show("13 zeros 1e6x1e6", () -> Jnp.zeros(1_000_000, 1_000_000));
        show("13 matmul", () -> Jnp.matmul(Jnp.zeros(100000, 1), Jnp.zeros(1, 100000)));
        show("13 eye", () -> Jnp.eye(100000));
        show("13 zeros -1", () -> Jnp.zeros(-1));
        show("13 split -1", () -> Random.split(Random.key(0), -1));
        show("13 zeros MAX", () -> Jnp.zeros(Integer.MAX_VALUE));
        show("13 zeros big f64", () -> Jnp.zeros(Shape(60_000, 30_000), DType.F64));
        show("13 after", () -> Jnp.ones(3).add(1.0));
        show("13 normal", () -> Random.normal(Random.key(0), 1_000_000, 1_000_000));
        show("13 jit zeros", () -> Jax.jit((Array x) -> Jnp.zeros(1_000_000, 1_000_000).add(x)).apply(Jnp.ones(1)));
        Array[] kept = new Array[1];
        Jax.jit((Array x) -> { kept[0] = x.mul(2.0); return x; }).apply(f);
        show("14 leaked read", () -> kept[0].toFloatArray());
        show("14 leaked through jit", () -> Jax.jit((Array x) -> x).apply(kept[0]));
        show("15 matmul batch", () -> Jnp.matmul(Jnp.zeros(2, 3, 4), Jnp.zeros(5, 4, 6)));
        show("16 categorical", () -> Random.categorical(Random.key(0), Jnp.zeros(0)));
        show("17 dense 1d", () -> { var dense = dev.jaxj.nn.Dense.of(3); var v = dense.init(Random.key(0), Jnp.zeros(64)); return dense.apply(v, Jnp.zeros(64)); });
        show("clip i32 huge", () -> Jnp.clip(Jnp.array(new int[] {1}), 0L, 1L << 40));
    }
    static dev.jaxj.ir.Shape Shape(int... d) { return dev.jaxj.ir.Shape.of(d); }
}
