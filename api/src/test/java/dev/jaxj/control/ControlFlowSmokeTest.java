package dev.jaxj.control;

import dev.jaxj.lax.Lax;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import io.vavr.Tuple;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ControlFlowSmokeTest {
    static Array xs() { return Jnp.array(new double[] {0.5, -1.0, 2.0, 0.25}); }

    static Array scanned(Array w) {
        return Lax.scan((Array c, Array x) -> Tuple.of(Lax.tanh(c.mul(w).add(x)), c.mul(x)), Jnp.scalar(0.3, dev.jaxj.ir.DType.F64), xs()).carry();
    }

    static Array unrolled(Array w) {
        Array c = Jnp.scalar(0.3, dev.jaxj.ir.DType.F64);
        Array x = xs();
        for (int i = 0; i < 4; i++) c = Lax.tanh(c.mul(w).add(x.get(i)));
        return c;
    }

    @Test
    void smoke() {
        Array w = Jnp.scalar(0.7, dev.jaxj.ir.DType.F64);
        System.out.println(scanned(w) + " " + unrolled(w));
        System.out.println(Jax.grad(ControlFlowSmokeTest::scanned).apply(w) + " " + Jax.grad(ControlFlowSmokeTest::unrolled).apply(w));
        System.out.println(Jax.jit(ControlFlowSmokeTest::scanned).apply(w));
        System.out.println(Jax.makeJaxpr(ControlFlowSmokeTest::scanned, w));
        System.out.println(Jax.vmap(ControlFlowSmokeTest::scanned).apply(Jnp.array(new double[] {0.1, 0.7})));
        Array c = Lax.cond(w.gt(0.5), v -> v.mul(2.0), v -> v.neg(), w);
        System.out.println(c + " " + Jax.grad((Array v) -> Lax.cond(v.gt(0.5), u -> u.mul(u), u -> u.neg(), v)).apply(w));
        Array n = Lax.whileLoop((Array v) -> v.lt(10.0), v -> v.mul(1.5), w);
        System.out.println(n);
        System.out.println(Jax.grad((Array v) -> Lax.whileLoop((Array u) -> u.lt(10.0), u -> u.mul(1.5), v, 100)).apply(w));
        System.out.println(Jax.vmap((Array v) -> Lax.whileLoop((Array u) -> u.lt(10.0), u -> u.mul(1.5), v)).apply(Jnp.array(new double[] {0.1, 0.7, 20})));
        System.out.println(Lax.foriLoop(0, 10, (i, acc) -> acc.add(i), Jnp.scalar(0, dev.jaxj.ir.DType.I32)));
        System.out.println(Jax.vmap((Array v) -> Lax.cond(v.gt(0.5), u -> u.mul(u), u -> u.neg(), v)).apply(Jnp.array(new double[] {0.1, 0.7})));
    }
}
