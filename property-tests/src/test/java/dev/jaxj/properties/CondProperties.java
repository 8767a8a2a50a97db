package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.GradCheck;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.function.Function;

/**
 * {@code Lax.cond} and {@code Lax.switchCase} equal running the selected branch in Java, over
 * random branches (the programs of a {@link LoopBody}) of two operands: in value, eagerly and
 * under {@code jit}, in gradient (and against f64 central differences), and under {@code vmap}
 * with a batched predicate or index, where examples take different branches.
 */
class CondProperties {
    /** The body's programs as branches of the operand {@code (x, y)}. */
    static Seq<Function<Vector<Array>, Array>> branches(LoopBody body) {
        return Vector.of(body.pa(), body.pb(), body.py()).map(p -> v -> p.f().apply(v));
    }

    /** {@code switchCase} over the branches, the index read from {@code in.get(0)}, the operand {@code in.drop(1)}. */
    static Array switched(LoopBody body, Vector<Array> in) {
        return Lax.switchCase(in.get(0), branches(body), in.drop(1));
    }

    /** The reference: the branch whose index is {@code clamp(0, k, 2)}, as {@code lax.switch} clamps. */
    static Array selected(LoopBody body, Vector<Array> in) {
        int k = Math.clamp(in.get(0).intValue(), 0, 2);
        return branches(body).get(k).apply(in.drop(1));
    }

    static Vector<Array> operands(LoopBody body, long seed) {
        return Loops.loopInputs(body.shape(), body.dtype(), 0, seed).take(2);
    }

    @Property(tries = 20)
    void condEqualsTheChosenBranch(@ForAll("bodies") LoopBody body, @ForAll long seed) {
        Vector<Array> in = operands(body, seed);
        for (boolean p : new boolean[] {true, false}) {
            String what = "cond(" + p + ") of " + body;
            Array pred = Array.scalar(p);
            Function<Vector<Array>, Array> f = v -> Lax.cond(pred, body.pa().f()::apply, body.pb().f()::apply, v);
            Function<Vector<Array>, Array> ref = p ? body.pa().f()::apply : body.pb().f()::apply;
            Loops.assertAllClose(Vector.of(ref.apply(in)), Vector.of(f.apply(in)), what);
            Loops.assertAllClose(Vector.of(ref.apply(in)), Vector.of(Jax.jit(f).apply(in)), "jit(" + what + ")");
            Loops.assertAllClose(Jax.grad((Vector<Array> v) -> ref.apply(v).sum()).apply(in), Jax.grad((Vector<Array> v) -> f.apply(v).sum()).apply(in),
                    "grad of " + what);
            GradCheck check = GradCheck.of(what, v -> Lax.cond(pred, body.pa().f()::apply, body.pb().f()::apply, Vector.ofAll(v)));
            check.assertJvpMatchesCentralDifferences(in, seed);
            check.assertVjpMatchesCentralDifferences(in, seed);
        }
    }

    @Property(tries = 20)
    void switchEqualsTheClampedBranch(@ForAll("bodies") LoopBody body, @ForAll @IntRange(min = -1, max = 3) int index, @ForAll long seed) {
        Vector<Array> in = operands(body, seed).prepend(Jnp.scalar(index, DType.I32));
        String what = "switch(" + index + ") of " + body;
        Loops.assertAllClose(Vector.of(selected(body, in)), Vector.of(switched(body, in)), what);
        Loops.assertAllClose(Vector.of(selected(body, in)), Vector.of(Jax.jit((Vector<Array> v) -> switched(body, v)).apply(in)), "jit(" + what + ")");
        Function<Vector<Array>, Array> loss = v -> switched(body, in.take(1).appendAll(v)).sum();
        Loops.assertAllClose(Jax.grad((Vector<Array> v) -> selected(body, in.take(1).appendAll(v)).sum()).apply(in.drop(1)),
                Jax.grad(loss).apply(in.drop(1)), "grad of " + what);
        GradCheck check = GradCheck.of(what, v -> switched(body, in.take(1).appendAll(v)));
        check.assertJvpMatchesCentralDifferences(in.drop(1), seed);
        check.assertVjpMatchesCentralDifferences(in.drop(1), seed);
    }

    /** A batched index sends each example to its own branch: values and per-example gradients, eagerly and under jit. */
    @Property(tries = 15)
    void vmapOfSwitchWithABatchedIndexTakesEachExamplesBranch(@ForAll("bodies") LoopBody body, @ForAll @IntRange(min = 1, max = 4) int batch,
                                                                @ForAll long seed) {
        var rng = new java.util.SplittableRandom(seed);
        int[] k = rng.ints(batch, -1, 4).toArray();
        Seq<Boolean> mapped = Vector.of(true).appendAll(ScanProperties.mappedSubset(2, seed));
        Vector<Array> in = Loops.batched(operands(body, seed), mapped.drop(1), batch, seed + 1).prepend(Jnp.array(k));
        String what = "switch(" + java.util.Arrays.toString(k) + ") batched " + mapped + " of " + body;
        Function<Vector<Array>, Vector<Array>> f = v -> Vector.of(switched(body, v));
        Loops.assertAllClose(Loops.perExample(v -> Vector.of(selected(body, v)), in, mapped, batch), Jax.vmap(f, ScanProperties.axes(mapped), 0).apply(in),
                "vmap(" + what + ")");
        // Per-example gradients of the operand: grad inside vmap, the whole thing under jit.
        Function<Vector<Array>, Vector<Array>> grads = v -> Jax.grad((Vector<Array> o) -> switched(body, v.take(1).appendAll(o)).sum()).apply(v.drop(1));
        Function<Vector<Array>, Vector<Array>> refGrads = v -> Jax.grad((Vector<Array> o) -> selected(body, v.take(1).appendAll(o)).sum()).apply(v.drop(1));
        Loops.assertAllClose(Loops.perExample(refGrads, in, mapped, batch), Jax.jit(Jax.vmap(grads, ScanProperties.axes(mapped), 0)).apply(in),
                "jit(vmap(grad(" + what + ")))");
    }

    /** A predicate computed from batched data: {@code cond(sum(x) > 0, ...)} under vmap. */
    @Property(tries = 15)
    void vmapOfCondWithADataDependentPredicate(@ForAll("bodies") LoopBody body, @ForAll @IntRange(min = 1, max = 4) int batch, @ForAll long seed) {
        Seq<Boolean> mapped = Vector.of(true, true);
        Vector<Array> in = Loops.batched(operands(body, seed), mapped, batch, seed + 1);
        Function<Vector<Array>, Vector<Array>> f = v -> Vector.of(Lax.cond(v.get(0).sum().gt(0.0), body.pa().f()::apply, body.pb().f()::apply, v));
        Function<Vector<Array>, Vector<Array>> ref = v -> Vector.of(v.get(0).sum().doubleValue() > 0 ? body.pa().f().apply(v) : body.pb().f().apply(v));
        Loops.assertAllClose(Loops.perExample(ref, in, mapped, batch), Jax.vmap(f).apply(in), "vmap(cond(sum(x) > 0)) of " + body);
        Loops.assertAllClose(Loops.perExample(ref, in, mapped, batch), Jax.jit(Jax.vmap(f)).apply(in), "jit(vmap(cond(sum(x) > 0))) of " + body);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<LoopBody> bodies() { return ScanProperties.bodies(); }
}
