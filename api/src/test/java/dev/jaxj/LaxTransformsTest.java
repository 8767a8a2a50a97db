package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.autodiff.GradChecks;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.lax.PaddingType;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.BinaryOperator;
import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.assertError;
import static dev.jaxj.ArrayAssertions.f32;
import static dev.jaxj.ArrayAssertions.f64;
import static dev.jaxj.ArrayAssertions.i32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The functions of {@link LaxReferenceTest} under transforms: derivatives against f64 central
 * differences ({@link GradChecks}), {@code jit} equal to eager, {@code vmap} equal to the stacked
 * loop, and the errors that name the op, the requirement and the user's avals.
 */
class LaxTransformsTest {
    /**
     * An init value one step from the monoid's identity still counts: a 64-bit integer that a
     * double would round onto the identity, and a complex number whose real part is the identity.
     */
    @Test
    void reduceShouldApplyAnInitValueNextToTheIdentity() {
        long min = Long.MIN_VALUE;
        Array i64 = Jnp.array(new long[] {min, min}, DType.I64, 2);
        assertEquals(min + 1, Lax.reduce(i64, Jnp.array(new long[] {min + 1}, DType.I64), Lax::max, Vector.of(0)).longValue());
        Array u64 = Jnp.array(new long[] {-1L, -1L}, DType.U64, 2);
        assertEquals(-2L, Lax.reduce(u64, Jnp.array(new long[] {-2L}, DType.U64), Lax::min, Vector.of(0)).longValue(), "u64 2^64 - 2");
        assertEquals(-1L, Lax.reduce(u64, Jnp.array(new long[] {-1L}, DType.U64), Lax::min, Vector.of(0)).longValue(), "u64 identity");
        Array z = ComplexProductsTest.complexArray(DType.C128, Shape.of(2), 1, 2, 3, 4);
        Array init = ComplexProductsTest.complexArray(DType.C128, Shape.of(), 0, 1);
        assertArrayEquals(new double[] {4, 7}, Lax.reduce(z, init, Lax::add, Vector.of(0)).toComplexArray());
        assertArrayEquals(new double[] {4, 7}, Jax.jit((Array a) -> Lax.reduce(a, init, Lax::add, Vector.of(0))).apply(z).toComplexArray());
    }

    private static final HashSet<Mode> BOTH = HashSet.of(Mode.FWD, Mode.REV);

    private static void grads(String label, Function<Seq<Array>, Array> f, int order, Array... args) {
        GradChecks.checkGrads(f, Vector.of(args), order, BOTH, GradChecks.Settings.DEFAULT.withLabel(label));
    }

    private static Array f64s(long seed, double lo, double hi, int... shape) {
        return ArrayAssertions.random(seed, DType.F64, Shape.of(shape), lo, hi);
    }

    private static final BinaryOperator<Array> AFFINE = (a, b) -> Lax.add(Lax.add(Lax.mul(a, b), a), b);

    private static final BinaryOperator<Tuple2<Array, Array>> COMPOSE = (p, q) ->
            Tuple.of(Lax.mul(q._1, p._1), Lax.add(Lax.mul(q._1, p._2), q._2));

    // Derivatives ------------------------------------------------------------------------------

    @Test
    void shouldDifferentiateReductionsAndScans() {
        Array r = f64s(1, -0.5, 0.5, 3, 5), zero = Array.scalar(0.0, DType.F64);
        grads("reduce add init", a -> Lax.reduce(a.get(0), Array.scalar(2.0, DType.F64), Lax::add, Vector.of(1)), 2, r);
        grads("reduce tree", a -> Lax.reduce(a.get(0), zero, AFFINE, Vector.of(0, 1)), 2, r);
        grads("reduce max", a -> Lax.reduce(a.get(0), Array.scalar(Double.NEGATIVE_INFINITY, DType.F64), Lax::max, Vector.of(0)), 1, r);
        grads("cumlogsumexp", a -> Lax.cumlogsumexp(a.get(0), 1, false), 2, r);
        grads("cumlogsumexp rev", a -> Lax.cumlogsumexp(a.get(0), 0, true), 1, r);
        Array sa = f64s(2, 0.5, 1.5, 2, 9), sb = f64s(3, -1, 1, 2, 9);
        grads("associative_scan", a -> Lax.associativeScan(COMPOSE, Tuple.of(a.get(0), a.get(1)), false, 1)._2, 2, sa, sb);
        grads("associative_scan rev", a -> Lax.associativeScan(COMPOSE, Tuple.of(a.get(0), a.get(1)), true, 1)._2, 1, sa, sb);
    }

    @Test
    void shouldDifferentiateSelectionsAndContractions() {
        // Distinct values: top_k's derivative is the values' own, gathered.
        Array t = f64(0.3, -1.2, 2.5, 0.9, -0.4, 1.7, 0.1, -2.2);
        grads("top_k", a -> Lax.topK(Lax.reshape(a.get(0), Shape.of(2, 4)), 2).get(0), 2, t);
        grads("approx_min_k", a -> Lax.approxMinK(a.get(0), 3, 0, 0.95).get(0), 1, t);
        Array lhs = f64s(4, -1, 1, 7, 3), rhs = f64s(5, -1, 1, 3, 3, 2);
        grads("ragged_dot", a -> Lax.raggedDot(a.get(0), a.get(1), i32(2, 0, 4)), 1, lhs, rhs);
        grads("dot", a -> Lax.dot(a.get(0), a.get(1)), 1, f64s(6, -1, 1, 3, 4), f64s(7, -1, 1, 4));
        grads("batch_matmul", a -> Lax.batchMatmul(a.get(0), a.get(1)), 1, f64s(8, -1, 1, 2, 3, 4), f64s(9, -1, 1, 2, 4, 2));
        Array x = f64s(10, -1, 1, 1, 3, 3, 2), k = f64s(11, -1, 1, 3, 3, 2, 4);
        grads("conv_transpose", a -> Lax.convTranspose(a.get(0), a.get(1), Vector.of(2, 2), PaddingType.SAME, false), 1, x, k);
        grads("patches", a -> Lax.convGeneralDilatedPatches(a.get(0), Vector.of(2, 2), Vector.of(1, 1), PaddingType.SAME), 1,
                f64s(12, -1, 1, 1, 2, 3, 3));
        grads("index_take", a -> Lax.indexTake(a.get(0), Vector.of(i32(0, -1, 2), i32(1, 1, -3)), Vector.of(0, 1)), 1, f64s(13, -1, 1, 3, 4));
        grads("dynamic_update_index_in_dim", a -> Lax.dynamicUpdateIndexInDim(a.get(0), a.get(1), Array.scalar(1L), 0), 1,
                f64s(14, -1, 1, 3, 2), f64s(15, -1, 1, 2));
    }

    @Test
    void shouldDifferentiateWindows() {
        Array w = f64s(16, 0.5, 1.5, 4, 5);
        Seq<Padding> pads = Vector.of(new Padding(1, 0), new Padding(0, 1));
        grads("reduce_window prod", a -> Lax.reduceWindow(a.get(0), Array.scalar(1.0, DType.F64), Lax::mul, Vector.of(2, 2), Vector.of(1, 2),
                pads, Vector.of(1, 1), Vector.of(1, 1)), 2, w);
        grads("reduce_window sum init", a -> Lax.reduceWindow(a.get(0), Array.scalar(2.0, DType.F64), Lax::add, Vector.of(2, 3), Vector.of(1, 1),
                PaddingType.SAME), 1, w);
        Seq<Integer> one = Vector.of(1, 1);
        grads("conv_general_dilated_local", a -> Lax.convGeneralDilatedLocal(a.get(0), a.get(1), one, Vector.of(new Padding(0, 0), new Padding(0, 0)),
                Vector.of(2, 2), one, one, dev.jaxj.ir.Primitive.ConvDimensionNumbers.channelsFirst(2)), 1,
                f64s(17, -1, 1, 1, 2, 3, 3), f64s(18, -1, 1, 2, 8, 2, 2));
    }

    @Test
    void shouldDifferentiateScatterApply() {
        var points = new dev.jaxj.ir.Primitive.ScatterDimensionNumbers(Vector.empty(), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
        Array idx = arr(DType.I32, Shape.of(3, 1), 2, 0, 2);
        grads("scatter_apply", a -> Lax.scatterApply(a.get(0), idx, Lax::sin, points, Shape.of(3),
                dev.jaxj.ir.Primitive.GatherScatterMode.PROMISE_IN_BOUNDS), 1, f64s(19, -1, 1, 4));
        jitAndVmap("scatter_apply", a -> Lax.scatterApply(a, idx, Lax::tanh, points, Shape.of(3), dev.jaxj.ir.Primitive.GatherScatterMode.CLIP),
                f64s(22, -1, 1, 3, 5));
    }

    @Test
    void shouldDifferentiateSpecialFunctions() {
        Array a = f64(0.7, 2.5, 6.0), x = f64(0.4, 3.0, 5.5);
        grads("igamma x", v -> LaxSpecial.igamma(a, v.get(0)), 1, x);
        grads("igammac a", v -> LaxSpecial.igammac(v.get(0), x), 1, a);
        grads("betainc x", v -> LaxSpecial.betainc(a, f64(1.5, 0.8, 3.0), v.get(0)), 1, f64(0.2, 0.5, 0.85));
        grads("zeta q", v -> LaxSpecial.zeta(f64(2.5, 3.0, 4.0), v.get(0)), 1, f64(0.5, 1.5, 4.0));
        grads("bessel_i1e", v -> LaxSpecial.besselI1e(v.get(0)), 1, f64(-3, 0.5, 8));
    }

    @Test
    void shouldRoundTangentsAndCotangentsOfReducePrecision() {
        Array x = f32(1.5, -3.25, 100.0), t = f32(1.00390625f, 3.14159265f, -2.718281828f);
        // (8, 7) keeps 8 significant bits: the tangents round to 1.0, 3.140625 and -2.71875.
        double[] rounded = {1.0, 3.140625, -2.71875};
        Jax.JvpResult<Array> j = Jax.jvp((Array v) -> Lax.reducePrecision(v, 8, 7), x, t);
        assertArrayEquals(rounded, j.tangent().toDoubleArray(), 0);
        Array ct = Jax.vjp((Array v) -> Lax.reducePrecision(v, 8, 7), x).pullback().apply(t);
        assertArrayEquals(rounded, ct.toDoubleArray(), 0);
    }

    // jit equals eager, vmap equals the stacked loop --------------------------------------------

    private static void jitAndVmap(String label, Function<Array, Array> f, Array batch) {
        Array eager = Lax.concatenate(Vector.range(0, batch.shape().dim(0)).map(i ->
                Lax.expandDims(f.apply(Lax.indexInDim(batch, i, 0, false)), Vector.of(0))), 0);
        Array vmapped = Jax.vmap(f).apply(batch);
        assertEquals(eager.aval(), vmapped.aval(), label + ": vmap aval");
        assertArrayEquals(eager.toDoubleArray(), vmapped.toDoubleArray(), 0, label + ": vmap values");
        Array x = Lax.indexInDim(batch, 0, 0, false);
        Array jitted = Jax.jit(f).apply(x), plain = f.apply(x);
        assertEquals(plain.aval(), jitted.aval(), label + ": jit aval");
        assertArrayEquals(plain.toDoubleArray(), jitted.toDoubleArray(), 0, label + ": jit values");
    }

    @Test
    void shouldBatchAndCompileLikeEager() {
        Array b = f64s(20, -2, 2, 3, 4, 6);
        jitAndVmap("top_k", a -> Lax.topK(a, 3).get(1), b);
        jitAndVmap("top_k values", a -> Lax.topK(a, 2).get(0), b);
        jitAndVmap("reduce tree", a -> Lax.reduce(a, Array.scalar(0.0, DType.F64), AFFINE, Vector.of(1)), b);
        jitAndVmap("reduce xor", a -> Lax.reduceXor(Lax.convertElementType(Lax.mul(a, Lax.fullLike(a, 1000)), DType.I32), Vector.of(0)), b);
        jitAndVmap("associative_scan", a -> Lax.associativeScan(Lax::mul, a, true, 1), b);
        jitAndVmap("cumlogsumexp", a -> Lax.cumlogsumexp(a, 0, false), b);
        jitAndVmap("population_count", a -> Lax.populationCount(Lax.convertElementType(Lax.mul(a, Lax.fullLike(a, 1e6)), DType.I64)), b);
        jitAndVmap("clz", a -> Lax.clz(Lax.convertElementType(Lax.mul(a, Lax.fullLike(a, 1e6)), DType.I32)), b);
        jitAndVmap("reduce_precision", a -> Lax.reducePrecision(a, 5, 10), b);
        jitAndVmap("index_take", a -> Lax.indexTake(a, Vector.of(i32(3, -1), i32(0, 5)), Vector.of(0, 1)), b);
        jitAndVmap("ragged_dot", a -> Lax.raggedDot(Lax.transpose(a, Vector.of(1, 0)), Lax.reshape(Lax.sliceInDim(a, 0, 2, 1, 1), Shape.of(2, 4, 1)), i32(4, 2)), b);
        jitAndVmap("patches", a -> Lax.convGeneralDilatedPatches(Lax.reshape(a, Shape.of(1, 1, 4, 6)), Vector.of(2, 3), Vector.of(2, 1), PaddingType.SAME), b);
        jitAndVmap("conv_transpose", a -> Lax.convTranspose(Lax.reshape(a, Shape.of(1, 4, 6, 1)), Lax.reshape(Lax.sliceInDim(a, 0, 2, 1, 0), Shape.of(2, 2, 3, 1)),
                Vector.of(2, 1), PaddingType.VALID, true), b);
        jitAndVmap("dynamic_slice_in_dim", a -> Lax.dynamicSliceInDim(a, Lax.convertElementType(Lax.reduceSum(Lax.abs(a), 0, 1), DType.I32), 2, 1), b);
        jitAndVmap("reduce_window", a -> Lax.reduceWindow(a, Array.scalar(1.0, DType.F64), Lax::mul, Vector.of(2, 2), Vector.of(1, 2), PaddingType.SAME), b);
        jitAndVmap("conv_general_dilated_local", a -> Lax.convGeneralDilatedLocal(Lax.reshape(a, Shape.of(1, 1, 4, 6)),
                Lax.reshape(Lax.sliceInDim(Lax.reshape(a, Shape.of(24)), 0, 18, 1, 0), Shape.of(1, 2, 3, 3)), Vector.of(1, 2),
                Vector.of(new Padding(0, 0), new Padding(0, 0)), Vector.of(2, 1), Vector.of(1, 1), Vector.of(1, 1),
                dev.jaxj.ir.Primitive.ConvDimensionNumbers.channelsFirst(2)), b);
        jitAndVmap("igamma", a -> LaxSpecial.igamma(Lax.abs(a), Lax.abs(Lax.neg(a))), b);
    }

    @Test
    void shouldGenerateBitsFromAnExplicitState() {
        Array key = arr(DType.U32, Shape.of(4), 1, 2, 3, 4);
        Seq<Array> first = Lax.rngBitGenerator(key, Shape.of(64, 64), DType.U32);
        Seq<Array> again = Lax.rngBitGenerator(key, Shape.of(64, 64), DType.U32);
        assertEquals(Shape.of(4), first.get(0).shape());
        assertEquals(DType.U32, first.get(1).dtype());
        assertArrayEquals(first.get(1).toDoubleArray(), again.get(1).toDoubleArray(), 0, "the same key gives the same bits");
        assertArrayEquals(first.get(0).toDoubleArray(), again.get(0).toDoubleArray(), 0, "and the same next key");
        double[] bits = first.get(1).toDoubleArray();
        double[] next = Lax.rngBitGenerator(first.get(0), Shape.of(64, 64), DType.U32).get(1).toDoubleArray();
        int same = 0;
        for (int i = 0; i < bits.length; i++) if (bits[i] == next[i]) same++;
        assertTrue(same < 5, "the next key gives other bits, " + same + " of 4096 equal");
        // 4096 uniform words: the mean of u / 2^32 has standard deviation 0.0045, each bit's frequency 0.0078.
        double mean = 0;
        int[] ones = new int[32];
        for (double b : bits) {
            mean += b / 0x1p32 / bits.length;
            for (int k = 0; k < 32; k++) if ((((long) b) >>> k & 1) == 1) ones[k]++;
        }
        assertEquals(0.5, mean, 0.02, "mean of the words");
        for (int k = 0; k < 32; k++) assertEquals(0.5, ones[k] / 4096.0, 0.05, "frequency of bit " + k);
        Array keys = arr(DType.U32, Shape.of(3, 4), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        jitAndVmap("rng_bit_generator", k -> Lax.rngBitGenerator(k, Shape.of(5), DType.U32).get(1), keys);
        jitAndVmap("rng_bit_generator key", k -> Lax.rngBitGenerator(k, Shape.of(2, 2), DType.U32).get(0), keys);
    }

    @Test
    void shouldKeepAnOptimizationBarrierThroughCompilationAndDerivatives() {
        Array x = f64(0.5, -2.0, 3.0);
        Tuple2<Array, Array> pair = Lax.optimizationBarrier(Tuple.of(x, Lax.neg(x)));
        assertArrayEquals(x.toDoubleArray(), pair._1.toDoubleArray(), 0);
        assertArrayEquals(new double[] {-0.5, 2.0, -3.0}, pair._2.toDoubleArray(), 0);
        dev.jaxj.ir.Jaxpr j = Jax.makeJaxpr((Array a) -> Lax.mul(Lax.optimizationBarrier(Lax.sin(a)), a), x);
        assertEquals(1, j.eqns().count(e -> e.prim() instanceof dev.jaxj.ir.Primitive.Copy), "one copy in " + j);
        // d/dx sum(barrier(x)^2) = 2x: the barrier is the identity for derivatives.
        Array g = Jax.grad((Array a) -> Lax.reduceSum(Lax.square(Lax.optimizationBarrier(a)), 0)).apply(x);
        assertArrayEquals(new double[] {1.0, -4.0, 6.0}, g.toDoubleArray(), 0);
        jitAndVmap("optimization_barrier", a -> Lax.mul(Lax.optimizationBarrier(Lax.sin(a)), a), f64s(21, -1, 1, 3, 4));
    }

    // Errors -----------------------------------------------------------------------------------

    @Test
    void shouldRejectBadInputWithTheOpAndAvals() {
        Array x = f32(1, 2, 3);
        assertError(DTypeError.class, "population_count", () -> Lax.populationCount(x), "i32, u32, i64 or u64", "f32[3]");
        assertError(DTypeError.class, "clz", () -> Lax.clz(x), "f32[3]");
        assertError(DTypeError.class, "reduce_precision", () -> Lax.reducePrecision(i32(1), 5, 10), "floating", "i32[1]");
        assertError(ArgumentError.class, "reduce_precision", () -> Lax.reducePrecision(x, 0, 10), "exponent_bits >= 1");
        assertError(ShapeError.class, "top_k", () -> Lax.topK(x, 4), "k must be in [0, 3]", "f32[3]");
        assertError(ShapeError.class, "top_k", () -> Lax.topK(Array.scalar(1.0), 1), "rank >= 1");
        assertError(ArgumentError.class, "approx_max_k", () -> Lax.approxMaxK(x, 1, 0, 1.5), "recall_target");
        assertError(ShapeError.class, "reduce", () -> Lax.reduce(x, Array.scalar(0.0, DType.F64), Lax::add, Vector.of(0)), "f32[3]", "f64[]");
        assertError(ShapeError.class, "dot", () -> Lax.dot(x, f32(1, 2)), "f32[3], f32[2]");
        assertError(ShapeError.class, "batch_matmul", () -> Lax.batchMatmul(x, x), "rank >= 2");
        assertError(ShapeError.class, "split", () -> Lax.split(x, Vector.of(1, 1), 0), "sum to the size 3");
        assertError(ShapeError.class, "slice_in_dim", () -> Lax.sliceInDim(x, 2, 1, 1, 0), "start 2, limit 1");
        assertError(ShapeError.class, "index_in_dim", () -> Lax.indexInDim(x, 3, 0, true), "index 3");
        assertError(ShapeError.class, "index_take", () -> Lax.indexTake(x, Vector.of(f32(0)), Vector.of(0)), "integer vectors");
        assertError(ShapeError.class, "ragged_dot", () -> Lax.raggedDot(x, x, i32(1)), "lhs [m, k]");
        assertError(ArgumentError.class, "conv_dimension_numbers", () -> Lax.convDimensionNumbers(4, "NHWC", "HWIO", "NCHX"), "spatial");
        assertError(ArgumentError.class, "associative_scan", () -> Lax.associativeScan((a, b) -> a, "no arrays", false, 0), "pytree of arrays");
        assertError(ShapeError.class, "associative_scan", () -> Lax.associativeScan(COMPOSE, Tuple.of(x, f32(1, 2)), false, 0), "one length");
        assertError(ShapeError.class, "igamma", () -> LaxSpecial.igamma(x, f64(1, 2, 3)), "f32[3], f64[3]");
        assertError(ShapeError.class, "reduce_window", () -> Lax.reduceWindow(x, Array.scalar(0.0, DType.F32), Lax::add, Vector.of(2, 2),
                Vector.of(1, 1), PaddingType.VALID), "window of the operand's rank", "f32[3]");
        assertError(ShapeError.class, "rng_bit_generator", () -> Lax.rngBitGenerator(arr(DType.U32, Shape.of(2), 1, 2), Shape.of(3), DType.U32), "u32[4]", "u32[2]");
        assertError(DTypeError.class, "rng_bit_generator", () -> Lax.rngBitGenerator(arr(DType.U32, Shape.of(4), 1, 2, 3, 4), Shape.of(3), DType.F32), "f32");
        assertError(DTypeError.class, "bessel_i0e", () -> LaxSpecial.besselI0e(i32(1)), "i32[1]");
        assertError(ShapeError.class, "conv_general_dilated_patches", () -> Lax.convGeneralDilatedPatches(f64s(1, 0, 1, 1, 2, 3), Vector.of(2, 2),
                Vector.of(1, 1), Vector.of(new Padding(0, 0), new Padding(0, 0)), Vector.of(1, 1), Vector.of(1, 1),
                dev.jaxj.ir.Primitive.ConvDimensionNumbers.channelsFirst(2)), "4-d input");
    }
}
