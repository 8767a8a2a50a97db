package dev.jaxj.properties;

import dev.jaxj.Axes;
import dev.jaxj.Jax;
import dev.jaxj.array.Array;
import dev.jaxj.lax.Lax;
import dev.jaxj.lax.ScanOptions;
import dev.jaxj.testing.JaxjArbitraries;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * {@code Lax.scan} and static {@code Lax.foriLoop} equal the loop unrolled in Java (see
 * {@link Loops}) over random {@link LoopBody bodies} with two-leaf carries, inputs and outputs,
 * for 0 to 4 steps, forwards and in reverse: in value, eager and under {@code jit}, and under
 * {@code jvp}, {@code vjp} and {@code vmap} (with any subset of the inputs batched). The
 * unrolled reference runs each transform's rules for straight-line code only.
 */
class ScanProperties {
    @Provide
    static Arbitrary<LoopBody> bodies() {
        return Combinators.combine(JaxjArbitraries.shapes(0, 2, 0, 3), JaxjArbitraries.floatDtypes(), Arbitraries.integers().between(1, 3), Arbitraries.longs())
                .as(LoopBody::random);
    }

    static Vector<Array> scanned(LoopBody body, boolean reverse, Seq<Array> in) {
        var r = Lax.scan(body::step, Tuple.of(in.get(0), in.get(1)), Tuple.of(in.get(2), in.get(3)), ScanOptions.DEFAULT.withReverse(reverse));
        return Vector.of(r.carry()._1, r.carry()._2, r.ys()._1, r.ys()._2);
    }

    /** Steps {@code lower..upper-1} of the body as a static {@code foriLoop}, reading input {@code i} by a traced index. */
    static Vector<Array> fori(LoopBody body, int lower, int upper, Seq<Array> in) {
        Tuple2<Array, Array> c = Lax.foriLoop(lower, upper, (i, carry) -> body.next(carry, Tuple.of(in.get(2).get(i), in.get(3).get(i))),
                Tuple.of(in.get(0), in.get(1)));
        return Vector.of(c._1, c._2);
    }

    static Vector<Array> foriUnrolled(LoopBody body, int lower, int upper, Seq<Array> in) {
        Tuple2<Array, Array> c = Tuple.of(in.get(0), in.get(1));
        for (int k = lower; k < upper; k++) c = body.next(c, Loops.xAt(in, k));
        return Vector.of(c._1, c._2);
    }

    @Property(tries = 15)
    void scanEqualsTheUnrolledLoop(@ForAll("bodies") LoopBody body, @ForAll @IntRange(max = 4) int length, @ForAll boolean reverse, @ForAll long seed) {
        Vector<Array> in = Loops.loopInputs(body.shape(), body.dtype(), length, seed);
        String what = body + ", " + length + " steps" + (reverse ? " reversed" : "");
        Vector<Array> want = Loops.scanUnrolled(body, reverse, in);
        Loops.assertAllClose(want, scanned(body, reverse, in), "scan of " + what);
        Loops.assertAllClose(want, Jax.jit((Vector<Array> x) -> scanned(body, reverse, x)).apply(in), "jit(scan) of " + what);
    }

    @Property(tries = 12)
    void scanDerivativesEqualTheUnrolledLoops(@ForAll("bodies") LoopBody body, @ForAll @IntRange(max = 4) int length, @ForAll boolean reverse,
                                              @ForAll long seed) {
        Vector<Array> in = Loops.loopInputs(body.shape(), body.dtype(), length, seed);
        String what = body + ", " + length + " steps" + (reverse ? " reversed" : "");
        Function<Vector<Array>, Vector<Array>> f = x -> scanned(body, reverse, x), ref = x -> Loops.scanUnrolled(body, reverse, x);
        assertSameDerivatives(f, ref, in, seed, what);
    }

    @Property(tries = 12)
    void vmapOfScanStacksTheUnrolledLoops(@ForAll("bodies") LoopBody body, @ForAll @IntRange(max = 3) int length, @ForAll boolean reverse,
                                          @ForAll @IntRange(min = 1, max = 3) int batch, @ForAll long seed) {
        Vector<Array> in = Loops.loopInputs(body.shape(), body.dtype(), length, seed);
        Seq<Boolean> mapped = mappedSubset(in.size(), seed);
        Vector<Array> xs = Loops.batched(in, mapped, batch, seed + 1);
        Function<Vector<Array>, Vector<Array>> f = x -> scanned(body, reverse, x);
        String what = body + ", " + length + " steps" + (reverse ? " reversed" : "") + ", batched " + mapped;
        Vector<Array> want = Loops.perExample(x -> Loops.scanUnrolled(body, reverse, x), xs, mapped, batch);
        Loops.assertAllClose(want, Jax.vmap(f, axes(mapped), 0).apply(xs), "vmap(scan) of " + what);
        Loops.assertAllClose(want, Jax.jit(Jax.vmap(f, axes(mapped), 0)).apply(xs), "jit(vmap(scan)) of " + what);
    }

    @Property(tries = 12)
    void staticForiLoopEqualsTheUnrolledLoop(@ForAll("bodies") LoopBody body, @ForAll @IntRange(max = 4) int lower, @ForAll @IntRange(max = 4) int upper,
                                             @ForAll @IntRange(min = 1, max = 3) int batch, @ForAll long seed) {
        // One input more than the highest index, so that the traced index is in bounds even for an empty range.
        Vector<Array> in = Loops.loopInputs(body.shape(), body.dtype(), Math.max(lower, upper) + 1, seed);
        String what = body + ", fori " + lower + ".." + upper;
        Function<Vector<Array>, Vector<Array>> f = x -> fori(body, lower, upper, x), ref = x -> foriUnrolled(body, lower, upper, x);
        Loops.assertAllClose(ref.apply(in), f.apply(in), "fori_loop of " + what);
        Loops.assertAllClose(ref.apply(in), Jax.jit(f).apply(in), "jit(fori_loop) of " + what);
        assertSameDerivatives(f, ref, in, seed, what);
        Seq<Boolean> mapped = mappedSubset(in.size(), seed);
        Vector<Array> xs = Loops.batched(in, mapped, batch, seed + 1);
        Loops.assertAllClose(Loops.perExample(ref, xs, mapped, batch), Jax.vmap(f, axes(mapped), 0).apply(xs), "vmap(fori_loop) of " + what + ", batched " + mapped);
    }

    /**
     * {@code jvp} along random tangents and {@code vjp} of random cotangents of {@code f} equal
     * those of {@code ref}, eagerly and under {@code jit}.
     */
    static void assertSameDerivatives(Function<Vector<Array>, Vector<Array>> f, Function<Vector<Array>, Vector<Array>> ref, Vector<Array> in,
                                      long seed, String what) {
        Vector<Array> t = Loops.like(in, seed + 2);
        var want = Jax.jvp(ref, in, t);
        Function<Vector<Array>, Vector<Array>> jvp = x -> Jax.jvp(f, x, t).tangent();
        Loops.assertAllClose(want.primal(), Jax.jvp(f, in, t).primal(), "jvp primal of " + what);
        Loops.assertAllClose(want.tangent(), jvp.apply(in), "jvp of " + what);
        Loops.assertAllClose(want.tangent(), Jax.jit(jvp).apply(in), "jit(jvp) of " + what);

        Vector<Array> u = Loops.like(want.primal(), seed + 3);
        Seq<Array> wantCt = Jax.vjp(ref, in).pullback().apply(u);
        Function<Vector<Array>, Seq<Array>> vjp = x -> Jax.vjp(f, x).pullback().apply(u);
        Loops.assertAllClose(wantCt, vjp.apply(in), "vjp of " + what);
        Loops.assertAllClose(wantCt, Jax.jit(vjp).apply(in), "jit(vjp) of " + what);
        Function<Vector<Array>, Array> loss = x -> Loops.flat(f.apply(x)).sum();
        Loops.assertAllClose(Jax.grad((Vector<Array> x) -> Loops.flat(ref.apply(x)).sum()).apply(in), Jax.grad(loss).apply(in), "grad of " + what);
    }

    /** {@return which of {@code n} inputs to batch}: a random nonempty subset */
    static Seq<Boolean> mappedSubset(int n, long seed) {
        var rng = new SplittableRandom(seed);
        int first = rng.nextInt(n);
        return Vector.range(0, n).map(j -> j == first || rng.nextBoolean());
    }

    static Vector<Object> axes(Seq<Boolean> mapped) {
        return Vector.ofAll(mapped).map(m -> m ? (Object) 0 : Axes.NOT_MAPPED);
    }
}
