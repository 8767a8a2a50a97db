package dev.jaxj.properties;

import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.GradCheck;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.Tuple3;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.function.Function;

/**
 * {@code Lax.whileLoop} equals the loop run in Java with the predicate read eagerly, over random
 * bodies and a data-dependent predicate {@code i < n && sum(a) < t} (so batched examples stop at
 * different steps): unbounded in value, eagerly, under {@code jit} and {@code vmap}; bounded by
 * {@code maxSteps} (fewer or more steps than the predicate allows) in value and in reverse mode,
 * against the steps it took unrolled, and against central differences. Inputs:
 * {@code (a0, b0, x1, x2)}, the {@code x} the same at every step.
 */
class WhileProperties {
    @Provide
    Arbitrary<LoopBody> bodies() { return ScanProperties.bodies(); }

    /** The loop as {@code Lax.whileLoop}, with the counter in the carry; {@code maxSteps} &lt; 0 for unbounded. */
    static Vector<Array> looped(LoopBody body, int n, double t, int maxSteps, Seq<Array> in) {
        Tuple2<Array, Array> x = Tuple.of(in.get(2), in.get(3));
        Function<Tuple3<Array, Array, Array>, Array> cond = c -> Lax.and(c._1.lt(Array.scalar((long) n).astype(DType.I32)), c._2.sum().lt(t));
        Function<Tuple3<Array, Array, Array>, Tuple3<Array, Array, Array>> step = c -> {
            Tuple2<Array, Array> next = body.next(Tuple.of(c._2, c._3), x);
            return Tuple.of(c._1.add(Array.scalar(1L).astype(DType.I32)), next._1, next._2);
        };
        Tuple3<Array, Array, Array> init = Tuple.of(Array.scalar(0L).astype(DType.I32), in.get(0), in.get(1));
        Tuple3<Array, Array, Array> r = maxSteps < 0 ? Lax.whileLoop(cond, step, init) : Lax.whileLoop(cond, step, init, maxSteps);
        return Vector.of(r._1.astype(in.get(0).dtype()), r._2, r._3);
    }

    /** {@return how many steps the loop takes}: the predicate read in Java from eager values */
    static int steps(LoopBody body, int n, double t, int maxSteps, Seq<Array> in) {
        Tuple2<Array, Array> c = Tuple.of(in.get(0), in.get(1));
        int k = 0;
        while (k < n && c._1.sum().doubleValue() < t && (maxSteps < 0 || k < maxSteps)) {
            c = body.next(c, Tuple.of(in.get(2), in.get(3)));
            k++;
        }
        return k;
    }

    /** The reference: {@code steps} steps unrolled, no predicate. */
    static Vector<Array> unrolled(LoopBody body, int steps, Seq<Array> in) {
        Tuple2<Array, Array> c = Tuple.of(in.get(0), in.get(1));
        for (int k = 0; k < steps; k++) c = body.next(c, Tuple.of(in.get(2), in.get(3)));
        return Vector.of(Array.scalar((double) steps, in.get(0).dtype()), c._1, c._2);
    }

    static Vector<Array> inputs(LoopBody body, long seed) {
        Vector<Array> in = Loops.loopInputs(body.shape(), body.dtype(), 1, seed);
        return in.take(2).append(VmapLoops.take(in.get(2), 0, 0)).append(VmapLoops.take(in.get(3), 0, 0));
    }

    @Property(tries = 15)
    void unboundedWhileEqualsTheJavaLoop(@ForAll("bodies") LoopBody body, @ForAll @IntRange(max = 5) int n, @ForAll @DoubleRange(min = -1, max = 3) double t,
                                         @ForAll @IntRange(min = 1, max = 3) int batch, @ForAll long seed) {
        Vector<Array> in = inputs(body, seed);
        String what = "while(i < " + n + " && sum(a) < " + t + ") of " + body;
        Vector<Array> want = unrolled(body, steps(body, n, t, -1, in), in);
        Function<Vector<Array>, Vector<Array>> f = v -> looped(body, n, t, -1, v);
        Loops.assertAllClose(want, f.apply(in), what);
        Loops.assertAllClose(want, Jax.jit(f).apply(in), "jit(" + what + ")");
        Seq<Boolean> mapped = ScanProperties.mappedSubset(in.size(), seed);
        Vector<Array> xs = Loops.batched(in, mapped, batch, seed + 1);
        Function<Vector<Array>, Vector<Array>> ref = v -> unrolled(body, steps(body, n, t, -1, v), v);
        Loops.assertAllClose(Loops.perExample(ref, xs, mapped, batch), Jax.vmap(f, ScanProperties.axes(mapped), 0).apply(xs), "vmap(" + what + "), batched " + mapped);
        Loops.assertAllClose(Loops.perExample(ref, xs, mapped, batch), Jax.jit(Jax.vmap(f, ScanProperties.axes(mapped), 0)).apply(xs),
                "jit(vmap(" + what + ")), batched " + mapped);
    }

    @Property(tries = 15)
    void boundedWhileDifferentiatesAsTheStepsItTook(@ForAll("bodies") LoopBody body, @ForAll @IntRange(max = 4) int n,
                                                    @ForAll @DoubleRange(min = -1, max = 3) double t, @ForAll @IntRange(max = 4) int maxSteps,
                                                    @ForAll long seed) {
        Vector<Array> in = inputs(body, seed);
        int k = steps(body, n, t, maxSteps, in);
        String what = "while(i < " + n + " && sum(a) < " + t + ", maxSteps " + maxSteps + ") of " + body + " (" + k + " steps)";
        Function<Vector<Array>, Vector<Array>> f = v -> looped(body, n, t, maxSteps, v);
        Function<Vector<Array>, Vector<Array>> ref = v -> unrolled(body, k, v);
        Loops.assertAllClose(ref.apply(in), f.apply(in), what);
        Loops.assertAllClose(ref.apply(in), Jax.jit(f).apply(in), "jit(" + what + ")");
        Vector<Array> u = Loops.like(in.take(3), seed + 3);
        // The counter leaf is not differentiable: cotangents flow through a and b only.
        Function<Vector<Array>, Array> loss = v -> Loops.flat(f.apply(v).drop(1)).mul(Loops.flat(u.drop(1))).sum();
        Function<Vector<Array>, Array> refLoss = v -> Loops.flat(ref.apply(v).drop(1)).mul(Loops.flat(u.drop(1))).sum();
        Loops.assertAllClose(Jax.grad(refLoss).apply(in), Jax.grad(loss).apply(in), "grad of " + what);
        Loops.assertAllClose(Jax.grad(refLoss).apply(in), Jax.jit(Jax.grad(loss)).apply(in), "jit(grad) of " + what);
    }

    /** Against central differences, the predicate on the counter only (no perturbation can change the number of steps). */
    @Property(tries = 15)
    void whileDerivativesMatchCentralDifferences(@ForAll("bodies") LoopBody body, @ForAll @IntRange(max = 3) int n, @ForAll @IntRange(max = 4) int maxSteps,
                                                 @ForAll long seed) {
        Vector<Array> in = inputs(body, seed);
        String what = "while(i < " + n + ") of " + body;
        GradCheck.of(what, v -> Loops.flat(looped(body, n, Double.POSITIVE_INFINITY, -1, v).drop(1))).assertJvpMatchesCentralDifferences(in, seed);
        GradCheck bounded = GradCheck.of(what + ", maxSteps " + maxSteps, v -> Loops.flat(looped(body, n, Double.POSITIVE_INFINITY, maxSteps, v).drop(1)));
        bounded.assertJvpMatchesCentralDifferences(in, seed);
        bounded.assertVjpMatchesCentralDifferences(in, seed);
    }

    /** Scans over the same body (for the central-difference rows of scan and fori). */
    @Property(tries = 15)
    void scanDerivativesMatchCentralDifferences(@ForAll("bodies") LoopBody body, @ForAll @IntRange(max = 3) int length, @ForAll boolean reverse,
                                                @ForAll long seed) {
        Vector<Array> in = Loops.loopInputs(body.shape(), body.dtype(), length, seed);
        String what = "scan of " + body + ", " + length + " steps" + (reverse ? " reversed" : "");
        GradCheck check = GradCheck.of(what, v -> Loops.flat(ScanProperties.scanned(body, reverse, v)));
        check.assertJvpMatchesCentralDifferences(in, seed);
        check.assertVjpMatchesCentralDifferences(in, seed);
        Vector<Array> fin = Loops.loopInputs(body.shape(), body.dtype(), length + 1, seed);
        GradCheck fori = GradCheck.of("fori_loop " + what, v -> Loops.flat(ScanProperties.fori(body, 0, length, v)));
        fori.assertJvpMatchesCentralDifferences(fin, seed);
        fori.assertVjpMatchesCentralDifferences(fin, seed);
    }
}
