package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.function.Function;

/**
 * Nested control flow under compositions of {@code grad}, {@code vmap} and {@code jit}: a
 * bounded while loop whose step is a cond, one branch of which scans the body over {@code xs}:
 * {@code while (i < n) { a, b = sum(a) > 0 ? scan(body, (a, b), xs).carry : body.next((a, b), xs[0]); i++ }}.
 * The reference runs the branch decisions read eagerly in Java, then differentiates the same
 * steps unrolled; per-example results are stacked in a Java loop.
 */
class NestedControlFlowProperties {
    @Provide
    Arbitrary<LoopBody> bodies() { return ScanProperties.bodies(); }

    static Tuple2<Array, Array> scanBranch(LoopBody body, Tuple2<Array, Array> c, Seq<Array> in) {
        return Lax.scan(body::step, c, Tuple.of(in.get(2), in.get(3))).carry();
    }

    static Tuple2<Array, Array> stepBranch(LoopBody body, Tuple2<Array, Array> c, Seq<Array> in) {
        return body.next(c, Loops.xAt(in, 0));
    }

    static Array nested(LoopBody body, int n, Seq<Array> in) {
        Array one = Array.scalar(1L).astype(DType.I32);
        Tuple2<Array, Tuple2<Array, Array>> r = Lax.whileLoop((Tuple2<Array, Tuple2<Array, Array>> c) -> c._1.lt(Array.scalar((long) n).astype(DType.I32)),
                c -> Tuple.of(c._1.add(one), Lax.cond(c._2._1.sum().gt(0.0), d -> scanBranch(body, d, in), d -> stepBranch(body, d, in), c._2)),
                Tuple.of(Array.scalar(0L).astype(DType.I32), Tuple.of(in.get(0), in.get(1))), n);
        return Loops.flat(Vector.of(r._2._1, r._2._2)).sum();
    }

    /** {@return the branch taken at each of the {@code n} steps}, read eagerly */
    static Seq<Boolean> decisions(LoopBody body, int n, Seq<Array> in) {
        Tuple2<Array, Array> c = Tuple.of(in.get(0), in.get(1));
        Seq<Boolean> taken = Vector.empty();
        for (int k = 0; k < n; k++) {
            boolean scan = c._1.sum().doubleValue() > 0;
            taken = taken.append(scan);
            c = scan ? Loops.scanUnrolledCarry(body, c, in) : stepBranch(body, c, in);
        }
        return taken;
    }

    static Array replayed(LoopBody body, Seq<Boolean> taken, Seq<Array> in) {
        Tuple2<Array, Array> c = Tuple.of(in.get(0), in.get(1));
        for (boolean scan : taken) c = scan ? Loops.scanUnrolledCarry(body, c, in) : stepBranch(body, c, in);
        return Loops.flat(Vector.of(c._1, c._2)).sum();
    }

    @Property(tries = 10)
    void nestedControlFlowCommutesWithGradVmapAndJit(@ForAll("bodies") LoopBody body, @ForAll @IntRange(max = 3) int n, @ForAll @IntRange(min = 1, max = 2) int length,
                                                     @ForAll @IntRange(min = 1, max = 3) int batch, @ForAll long seed) {
        Vector<Array> in = Loops.loopInputs(body.shape(), body.dtype(), length, seed);
        Seq<Boolean> mapped = ScanProperties.mappedSubset(in.size(), seed);
        Vector<Array> xs = Loops.batched(in, mapped, batch, seed + 1);
        String what = "while(cond(scan)) of " + body + ", n " + n + ", batched " + mapped;
        Function<Vector<Array>, Array> loss = v -> nested(body, n, v);
        Function<Vector<Array>, Vector<Array>> refValue = v -> Vector.of(replayed(body, decisions(body, n, v), v));
        Function<Vector<Array>, Vector<Array>> refGrad = v -> Jax.grad((Vector<Array> w) -> replayed(body, decisions(body, n, v), w)).apply(v);
        Loops.assertAllClose(refValue.apply(in), Vector.of(loss.apply(in)), what);
        Loops.assertAllClose(refValue.apply(in), Vector.of(Jax.jit(loss).apply(in)), "jit of " + what);
        Loops.assertAllClose(refGrad.apply(in), Jax.grad(loss).apply(in), "grad of " + what);
        Vector<Object> axes = ScanProperties.axes(mapped);
        Vector<Array> perExample = Loops.perExample(refGrad, xs, mapped, batch);
        Function<Vector<Array>, Vector<Array>> g = Jax.grad(loss);
        var orders = Vector.<Tuple2<String, Function<Vector<Array>, Vector<Array>>>>of(
                Tuple.of("vmap(grad)", Jax.vmap(g, axes, 0)),
                Tuple.of("jit(vmap(grad))", Jax.jit(Jax.vmap(g, axes, 0))),
                Tuple.of("vmap(jit(grad))", Jax.vmap(Jax.jit(g), axes, 0)),
                Tuple.of("vmap(grad(jit))", Jax.vmap(Jax.grad(Jax.jit(loss)), axes, 0)));
        for (var o : orders) Loops.assertAllClose(perExample, o._2.apply(xs), o._1 + " of " + what);
        Loops.assertAllClose(Loops.perExample(refValue, xs, mapped, batch), Vector.of(Jax.vmap(loss, axes, 0).apply(xs)), "vmap of " + what);
    }
}
