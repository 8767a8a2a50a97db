package dev.jaxj.control;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.transforms.ad.Ad;
import dev.jaxj.transforms.ad.Linearized;
import io.vavr.Tuple;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Zero tangents stay symbolic: data that is not differentiated adds nothing to the linearized
 * program — no zero arrays, no products with them — also through loops.
 */
class SymbolicZerosTest {
    private static final Array X = Random.normal(Random.key(1), Shape.of(8, 4), DType.F64);

    private static Linearized linearize(Function<Array, Array> f, Array w) {
        return Ad.linearize(args -> Vector.of(f.apply(args.head())), Vector.of(w));
    }

    /** Equations of a program and of every program nested in it. */
    private static Seq<Eqn> allEqns(Jaxpr j) {
        return j.eqns().flatMap(e -> e.prim() instanceof Primitive.ControlFlow c
                ? c.jaxprs().flatMap(SymbolicZerosTest::allEqns).prepend(e) : Vector.of(e));
    }

    private static long count(Jaxpr j, Class<? extends Primitive> p) {
        return allEqns(j).count(e -> p.isInstance(e.prim()));
    }

    @Test
    void aProductWithDataHasOneTerm() {
        Array w = Random.normal(Random.key(2), Shape.of(4, 3), DType.F64);
        Linearized lin = linearize(v -> Lax.tanh(X.matmul(v)).sum(), w);
        assertEquals(1, count(lin.linear().jaxpr(), Primitive.DotGeneral.class), lin.linear().jaxpr().toString());
        assertEquals(0, count(lin.linear().jaxpr(), Primitive.BroadcastInDim.class), "no zero tangent is materialized: " + lin.linear().jaxpr());
    }

    @Test
    void aScannedSequenceThatIsNotDifferentiatedCarriesNoTangent() {
        Array xs = Random.normal(Random.key(3), Shape.of(5, 8, 4), DType.F64);
        Array w = Random.normal(Random.key(4), Shape.of(4, 4), DType.F64);
        Function<Array, Array> f = v -> Lax.scan((Array h, Array x) -> Tuple.of(Lax.tanh(x.matmul(v).add(h.matmul(v))), h), Jnp.zeros(Shape.of(8, 4), DType.F64), xs).carry().sum();
        Jaxpr linear = linearize(f, w).linear().jaxpr();
        // Per step: d(x@v) = x@dv and d(h@v) = dh@v + h@dv: three products, none with a zero dx.
        assertEquals(3, count(linear, Primitive.DotGeneral.class), linear.toString());
        // The gradient agrees with the unrolled loop.
        Function<Array, Array> unrolled = v -> {
            Array h = Jnp.zeros(Shape.of(8, 4), DType.F64);
            for (int t = 0; t < 5; t++) h = Lax.tanh(xs.get(t).matmul(v).add(h.matmul(v)));
            return h.sum();
        };
        assertArrayEquals(Jax.grad(unrolled).apply(w).toDoubleArray(), Jax.grad(f).apply(w).toDoubleArray(), 1e-12);
    }

    @Test
    void aLoopCounterCarriesNoTangentAndOutputsThatIgnoreTheInputHaveZeroTangents() {
        Function<Array, Array> f = v -> Lax.foriLoop(0, 4, (i, c) -> c.mul(v).add(i.astype(DType.F64)), Jnp.scalar(1, DType.F64));
        Jaxpr linear = linearize(f, Jnp.scalar(0.5, DType.F64)).linear().jaxpr();
        assertEquals(0, count(linear, Primitive.ConvertElementType.class), "the counter's conversion has no tangent: " + linear);
        Jax.JvpResult<Array> r = Jax.jvp((Array v) -> Jnp.scalar(3, DType.F64).mul(2.0), Jnp.scalar(1, DType.F64), Jnp.scalar(1, DType.F64));
        assertEquals(0, r.tangent().doubleValue());
    }

    @Test
    void unusedStackedOutputsCostNoZeroCotangentsInTheBackwardScan() {
        Array xs = Random.normal(Random.key(5), Shape.of(64, 8, 4), DType.F64);
        // The scan stacks every step's h as ys, but the loss reads only the final carry.
        Function<Array, Array> f = v -> Lax.scan((Array h, Array x) -> Tuple.of(Lax.tanh(x.add(h.matmul(v))), h), Jnp.zeros(Shape.of(8, 4), DType.F64), xs).carry().sum();
        Jaxpr grad = Jax.makeJaxpr(Jax.grad(f), Random.normal(Random.key(6), Shape.of(4, 4), DType.F64));
        Seq<Eqn> stackedZeros = allEqns(grad).filter(e -> e.prim() instanceof Primitive.BroadcastInDim
                && e.out().head().aval().shape().equals(Shape.of(64, 8, 4)));
        assertEquals(0, stackedZeros.size(), grad.toString());
    }
}
