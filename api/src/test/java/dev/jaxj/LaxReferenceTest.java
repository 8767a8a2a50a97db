package dev.jaxj;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ConvDimensionNumbers;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.lax.PaddingType;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.jaxj.ArrayAssertions.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jax.lax functions composed from existing primitives, against NumPy, SciPy and mpmath
 * results stored in {@code lax/lax_reference.txt} (written by {@code lax_reference.py} beside it).
 * Inputs are f64 unless a case says otherwise, so that the comparison measures the algorithm.
 */
class LaxReferenceTest {
    private static final Map<String, MiscReference.Entry> REF = MiscReference.load("lax/lax_reference.txt");
    /** f64 composites of a few dozen primitives: each rounds once. */
    private static final double F64 = 1e-13;

    private static MiscReference.Entry get(String name) {
        MiscReference.Entry e = REF.get(name);
        assertTrue(e != null, () -> "no case '" + name + "' in lax_reference.txt");
        return e;
    }

    static Array in(String name, DType dtype) {
        MiscReference.Entry e = get("in." + name);
        return ArrayAssertions.arr(dtype, e.shape(), e.doubles());
    }

    static Array in(String name) {
        return in(name, get("in." + name).kind().equals("int") ? DType.I32 : DType.F64);
    }

    static void check(String name, Array actual, DType dtype, double tol) {
        MiscReference.Entry e = get(name);
        assertNear(actual, dtype, e.shape(), tol, e.doubles());
    }

    static double[] expected(String name) {
        return get(name).doubles();
    }

    // Shapes ---------------------------------------------------------------------------------------

    @Test
    void shouldMatchNumpyShapeHelpers() {
        Array x = in("x234");
        check("broadcast", Lax.broadcast(x, Vector.of(5)), DType.F64, 0);
        check("collapse1", Lax.collapse(x, 1), DType.F64, 0);
        check("collapse02", Lax.collapse(x, 0, 2), DType.F64, 0);
        check("collapse02", Lax.collapse(x, -3, -1), DType.F64, 0);
        check("collapse1", Lax.collapse(x, 1, 10), DType.F64, 0);
        check("slice_in_dim", Lax.sliceInDim(x, -3, 4, 2, -1), DType.F64, 0);
        check("index_in_dim", Lax.indexInDim(x, -1, 1, false), DType.F64, 0);
        assertEquals(Shape.of(2, 1, 4), Lax.indexInDim(x, 2, 1, true).shape());
        Seq<Array> parts = Lax.split(x, Vector.of(1, 3), 2);
        check("split0", parts.get(0), DType.F64, 0);
        check("split1", parts.get(1), DType.F64, 0);
        check("index_take", Lax.indexTake(in("src"), Vector.of(in("i0"), in("i2")), Vector.of(0, 2)), DType.F64, 0);
        assertEquals(Shape.of(3, 4), Lax.broadcastShapes(Shape.of(3, 1), Shape.of(4)));
        assertEquals(Shape.of(1, 1, 3), Lax.broadcastToRank(ArrayAssertions.f32(1, 2, 3), 3).shape());
        ArrayAssertions.assertArray(Lax.broadcastedIota(DType.I32, Shape.of(2, 3), -1), DType.I32, Shape.of(2, 3), 0, 1, 2, 0, 1, 2);
        ArrayAssertions.assertArray(Lax.full(Shape.of(2), 7, DType.I64), DType.I64, Shape.of(2), 7, 7);
        Array fl = Lax.fullLike(Array.scalar(1.5), 2);
        assertTrue(fl.weakType(), "full_like keeps the weak type");
        ArrayAssertions.assertArray(Lax.empty(DType.F32), DType.F32, Shape.SCALAR, 0);
        ArrayAssertions.assertArray(Lax.square(ArrayAssertions.i32(-3, 4)), DType.I32, Shape.of(2), 9, 16);
        ArrayAssertions.assertArray(Lax.reciprocal(ArrayAssertions.f32(4, -0.5)), DType.F32, Shape.of(2), 0.25, -2);
    }

    @Test
    void shouldSliceAndUpdateAtTracedIndices() {
        Array x = in("x234");
        // Starts past the end clamp, as lax.dynamic_slice does: 3 elements from 5 start at 1.
        check("split1", Lax.dynamicSliceInDim(x, Array.scalar(5L), 3, 2), DType.F64, 0);
        check("index_in_dim", Lax.dynamicIndexInDim(x, Array.scalar(2L), 1, false), DType.F64, 0);
        Array zeros = Lax.fullLike(x, 0);
        Array row = Lax.dynamicIndexInDim(x, Array.scalar(2L), 1, false);
        Array updated = Lax.dynamicUpdateIndexInDim(zeros, row, Array.scalar(2L), 1);
        check("index_in_dim", Lax.indexInDim(updated, 2, 1, false), DType.F64, 0);
        ArrayAssertions.assertArray(Lax.reduceSum(Lax.abs(Lax.sliceInDim(updated, 0, 2, 1, 1)), 0, 1, 2), DType.F64, Shape.SCALAR, 0);
        Array back = Lax.dynamicUpdateSliceInDim(zeros, Lax.split(x, Vector.of(1, 3), 2).get(1), Array.scalar(1L), 2);
        check("split1", Lax.sliceInDim(back, 1, 4, 1, 2), DType.F64, 0);
    }

    // Bits -----------------------------------------------------------------------------------------

    @Test
    void shouldCountBitsExactly() {
        Array i32 = in("bits_i32", DType.I32), i64 = in("bits_i64", DType.I64), u32 = in("bits_u32", DType.U32);
        check("popcount_i32", Lax.populationCount(i32), DType.I32, 0);
        check("clz_i32", Lax.clz(i32), DType.I32, 0);
        check("popcount_i64", Lax.populationCount(i64), DType.I64, 0);
        check("clz_i64", Lax.clz(i64), DType.I64, 0);
        check("popcount_u32", Lax.populationCount(u32), DType.U32, 0);
        check("clz_u32", Lax.clz(u32), DType.U32, 0);
    }

    @Test
    void shouldReducePrecisionBitExactly() {
        Array f32 = in("rp32", DType.F32), f64 = in("rp64", DType.F64);
        assertBits("rp32_8_7", Lax.reducePrecision(f32, 8, 7), DType.F32);
        assertBits("rp32_5_10", Lax.reducePrecision(f32, 5, 10), DType.F32);
        assertBits("rp32_5_2", Lax.reducePrecision(f32, 5, 2), DType.F32);
        assertBits("rp64_8_23", Lax.reducePrecision(f64, 8, 23), DType.F64);
        assertBits("rp64_11_40", Lax.reducePrecision(f64, 11, 40), DType.F64);
        assertBits("in.rp32", Lax.reducePrecision(f32, 8, 23), DType.F32);
    }

    /** Equal bit patterns (signed zeros distinguished), any NaN matching NaN. */
    private static void assertBits(String name, Array actual, DType dtype) {
        MiscReference.Entry e = get(name);
        assertEquals(dtype, actual.dtype());
        assertEquals(e.shape(), actual.shape());
        double[] want = e.doubles(), got = actual.toDoubleArray();
        for (int i = 0; i < want.length; i++) {
            int k = i;
            boolean same = Double.isNaN(want[i]) ? Double.isNaN(got[i]) : Double.doubleToRawLongBits(want[i]) == Double.doubleToRawLongBits(got[i]);
            assertTrue(same, () -> name + "[" + k + "]: expected " + want[k] + " but was " + got[k]);
        }
    }

    // Reductions and scans -------------------------------------------------------------------------

    @Test
    void shouldReduceWithPrimitiveAndGeneralMonoids() {
        Array r = in("r"), zero = Array.scalar(0.0, DType.F64);
        check("reduce_sum_1", Lax.reduce(r, zero, Lax::add, Vector.of(1)), DType.F64, F64);
        check("reduce_sum_init", Lax.reduce(r, Array.scalar(5.0, DType.F64), Lax::add, Vector.of(0, -1)), DType.F64, F64);
        check("reduce_max_1", Lax.reduce(r, Array.scalar(Double.NEGATIVE_INFINITY, DType.F64), Lax::max, Vector.of(1)), DType.F64, 0);
        java.util.function.BinaryOperator<Array> affine = (a, b) -> Lax.add(Lax.add(Lax.mul(a, b), a), b);
        check("reduce_affine_1", Lax.reduce(r, zero, affine, Vector.of(1)), DType.F64, F64);
        check("reduce_affine_all", Lax.reduce(r, zero, affine, Vector.of(0, 1, 2)), DType.F64, F64);
        // A variadic reduction: (value, index) pairs keeping the larger value, the lower index on ties.
        Array idx = Lax.iota(DType.I32, r.shape(), 1);
        Seq<Array> am = Lax.reduce(Vector.of(r, idx), Vector.of(Array.scalar(Double.NEGATIVE_INFINITY, DType.F64), Array.scalar(0, DType.I32)),
                (a, b) -> {
                    Array takeB = Lax.or(Lax.gt(b.get(0), a.get(0)), Lax.and(Lax.eq(b.get(0), a.get(0)), Lax.lt(b.get(1), a.get(1))));
                    return Vector.of(Lax.select(takeB, b.get(0), a.get(0)), Lax.select(takeB, b.get(1), a.get(1)));
                }, Vector.of(1));
        check("reduce_max_1", am.get(0), DType.F64, 0);
        check("reduce_argmax_1", am.get(1), DType.I32, 0);
        Array xi = in("xor_in");
        check("reduce_xor_1", Lax.reduceXor(xi, Vector.of(1)), DType.I32, 0);
        check("reduce_xor_all", Lax.reduceXor(xi, Vector.of(0, 1)), DType.I32, 0);
        check("reduce_xor_all", Lax.reduce(xi, Array.scalar(0, DType.I32), Lax::xor, Vector.of(0, 1)), DType.I32, 0);
    }

    @Test
    void shouldScan() {
        Array c = in("clse");
        check("cumlogsumexp_1", Lax.cumlogsumexp(c, 1, false), DType.F64, F64);
        check("cumlogsumexp_1_rev", Lax.cumlogsumexp(c, -1, true), DType.F64, F64);
        check("scan_cumsum_0", Lax.associativeScan(Lax::add, in("scan_x"), false, 0), DType.F64, F64);
        Tuple2<Array, Array> maps = Tuple.of(in("scan_a"), in("scan_b"));
        // Composition of affine maps is associative but not commutative: the order of fn's arguments shows.
        java.util.function.BinaryOperator<Tuple2<Array, Array>> compose = (p, q) ->
                Tuple.of(Lax.mul(q._1, p._1), Lax.add(Lax.mul(q._1, p._2), q._2));
        Tuple2<Array, Array> fwd = Lax.associativeScan(compose, maps, false, 1);
        check("affine_a", fwd._1, DType.F64, F64);
        check("affine_b", fwd._2, DType.F64, F64);
        Tuple2<Array, Array> rev = Lax.associativeScan(compose, maps, true, -1);
        check("affine_a_rev", rev._1, DType.F64, F64);
        check("affine_b_rev", rev._2, DType.F64, F64);
    }

    // Sorting --------------------------------------------------------------------------------------

    @Test
    void shouldSelectTopK() {
        Array t = in("topk");
        Seq<Array> top = Lax.topK(t, 3);
        check("topk_values", top.get(0), DType.F64, 0);
        check("topk_indices", top.get(1), DType.I32, 0);
        Seq<Array> approx = Lax.approxMaxK(t, 3, -1, 0.95);
        check("topk_values", approx.get(0), DType.F64, 0);
        check("topk_indices", approx.get(1), DType.I32, 0);
        Seq<Array> min = Lax.approxMinK(t, 2, 1, 0.9);
        check("mink_values", min.get(0), DType.F64, 0);
        check("mink_indices", min.get(1), DType.I32, 0);
        Seq<Array> kv = Lax.sortKeyVal(t, in("skv_vals"), -1, true);
        check("skv_keys", kv.get(0), DType.F64, 0);
        check("skv_vals_sorted", kv.get(1), DType.I32, 0);
        assertEquals(Shape.of(2, 0), Lax.topK(t, 0).get(0).shape());
    }

    // Contractions ---------------------------------------------------------------------------------

    @Test
    void shouldMatchNumpyProducts() {
        Array a = in("mat_a"), b = in("mat_b"), v = in("vec_v");
        check("dot_mm", Lax.dot(a, b), DType.F64, F64);
        check("dot_mv", Lax.dot(a, v), DType.F64, F64);
        check("dot_vv", Lax.dot(v, v), DType.F64, F64);
        check("batch_matmul", Lax.batchMatmul(in("bm_a"), in("bm_b")), DType.F64, F64);
        check("ragged_dot", Lax.raggedDot(in("rd_lhs"), in("rd_rhs"), in("rd_groups")), DType.F64, F64);
    }

    @Test
    void shouldMatchReferenceConvolutions() {
        Array lhs = in("conv_lhs"), rhs = in("conv_rhs");
        check("conv_valid_s2", Lax.conv(lhs, rhs, Vector.of(2, 1), PaddingType.VALID), DType.F64, F64);
        check("conv_same_s2", Lax.conv(lhs, rhs, Vector.of(2, 2), PaddingType.SAME), DType.F64, F64);
        check("conv_general", Lax.convWithGeneralPadding(lhs, rhs, Vector.of(1, 2), Vector.of(new Padding(1, 2), new Padding(0, 1)),
                Vector.of(2, 1), Vector.of(1, 2)), DType.F64, F64);
        // Channel-last layouts give the same numbers, moved.
        ConvDimensionNumbers nhwc = Lax.convDimensionNumbers(4, "NHWC", "HWIO", "NHWC");
        Array y = Lax.convGeneralDilated(Lax.transpose(lhs, Vector.of(0, 2, 3, 1)), Lax.transpose(rhs, Vector.of(2, 3, 1, 0)), Vector.of(2, 1),
                Vector.of(new Padding(0, 0), new Padding(0, 0)), Vector.of(1, 1), Vector.of(1, 1), nhwc, 1, 1);
        check("conv_valid_s2", Lax.transpose(y, Vector.of(0, 3, 1, 2)), DType.F64, F64);
    }

    @Test
    void shouldTransposeConvolutionsAsTheirAdjoint() {
        // NCHW/OIHW data moved to JAX's default NHWC/HWIO layouts of conv_transpose.
        Array ct = Lax.transpose(in("ct_lhs"), Vector.of(0, 2, 3, 1));
        Array kernel = Lax.transpose(in("ct_rhs"), Vector.of(2, 3, 1, 0));
        Array y = Lax.convTranspose(ct, kernel, Vector.of(2, 2), PaddingType.VALID, true);
        check("conv_transpose_valid", Lax.transpose(y, Vector.of(0, 3, 1, 2)), DType.F64, F64);
    }

    @Test
    void shouldExtractPatches() {
        Array p = Lax.convGeneralDilatedPatches(in("patch_lhs"), Vector.of(3, 2), Vector.of(1, 2), PaddingType.VALID);
        check("patches_valid", p, DType.F64, 0);
    }

    @Test
    void shouldReduceWindowsWithAnyComputation() {
        Array w = in("win");
        Seq<Integer> one = Vector.of(1, 1);
        check("window_prod", Lax.reduceWindow(w, Array.scalar(1.0, DType.F64), Lax::mul, Vector.of(2, 3), Vector.of(1, 2),
                Vector.of(new Padding(1, 0), new Padding(0, 2)), one, one), DType.F64, F64);
        check("window_max_dilated", Lax.reduceWindow(w, Array.scalar(Double.NEGATIVE_INFINITY, DType.F64), Lax::max, Vector.of(2, 2),
                Vector.of(2, 1), Vector.of(new Padding(0, 1), new Padding(1, 1)), Vector.of(2, 1), Vector.of(1, 2)), DType.F64, 0);
        check("window_sum_init", Lax.reduceWindow(w, Array.scalar(3.0, DType.F64), Lax::add, Vector.of(3, 2), one,
                Vector.of(new Padding(0, 0), new Padding(0, 0)), one, one), DType.F64, F64);
        check("window_sum_valid", Lax.reduceWindow(w, Array.scalar(0.0, DType.F64), Lax::add, Vector.of(2, 2), Vector.of(2, 2),
                PaddingType.VALID), DType.F64, F64);
        // A computation that is not a bare monoid takes the general path: max written by hand.
        check("window_max_dilated", Lax.reduceWindow(w, Array.scalar(Double.NEGATIVE_INFINITY, DType.F64),
                (a, b) -> Lax.select(Lax.gt(a, b), a, b), Vector.of(2, 2), Vector.of(2, 1),
                Vector.of(new Padding(0, 1), new Padding(1, 1)), Vector.of(2, 1), Vector.of(1, 2)), DType.F64, 0);
    }

    @Test
    void shouldConvolveWithUnsharedKernels() {
        Seq<Integer> one = Vector.of(1, 1);
        Array y = Lax.convGeneralDilatedLocal(in("local_lhs"), in("local_rhs"), Vector.of(1, 2), Vector.of(new Padding(0, 0), new Padding(0, 0)),
                Vector.of(3, 2), one, one, ConvDimensionNumbers.channelsFirst(2));
        check("conv_local", y, DType.F64, F64);
    }

    @Test
    void shouldApplyAFunctionOncePerScatteredUpdate() {
        var points = new dev.jaxj.ir.Primitive.ScatterDimensionNumbers(Vector.empty(), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
        Array idx = ArrayAssertions.arr(DType.I32, Shape.of(4, 1), 1, 4, 1, 7);
        check("scatter_apply_1d", Lax.scatterApply(in("sa_x"), idx, a -> Lax.add(Lax.mul(a, Lax.fullLike(a, 2)), Lax.fullLike(a, 1)), points,
                Shape.of(4), dev.jaxj.ir.Primitive.GatherScatterMode.FILL_OR_DROP), DType.F64, 0);
        var rows = new dev.jaxj.ir.Primitive.ScatterDimensionNumbers(Vector.of(1), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
        check("scatter_apply_rows", Lax.scatterApply(in("sa_m"), ArrayAssertions.arr(DType.I32, Shape.of(3, 1), 0, 2, 0), Lax::sin, rows,
                Shape.of(3, 3), dev.jaxj.ir.Primitive.GatherScatterMode.PROMISE_IN_BOUNDS), DType.F64, 0);
    }

    // Special functions ----------------------------------------------------------------------------

    @Test
    void shouldMatchScipySpecialFunctions() {
        Array a = in("ga"), x = in("gx");
        check("igamma", LaxSpecial.igamma(a, x), DType.F64, 1e-12);
        check("igammac", LaxSpecial.igammac(a, x), DType.F64, 1e-12);
        check("igamma_grad_a", LaxSpecial.igammaGradA(a, x), DType.F64, 1e-10);
        check("random_gamma_grad", LaxSpecial.randomGammaGrad(a, x), DType.F64, 1e-10);
        check("betainc", LaxSpecial.betainc(a, in("bb"), in("bx")), DType.F64, 1e-12);
        check("polygamma", LaxSpecial.polygamma(in("pm"), in("px")), DType.F64, 1e-12);
        check("zeta", LaxSpecial.zeta(in("zx"), in("zq")), DType.F64, 1e-12);
        check("i0e", LaxSpecial.besselI0e(in("bi")), DType.F64, 1e-13);
        check("i1e", LaxSpecial.besselI1e(in("bi")), DType.F64, 1e-13);
    }
}
