package dev.jaxj.numpy;

import dev.jaxj.ArrayAssertions;
import dev.jaxj.Jnp;
import dev.jaxj.Jnp.GridSlice;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.array.PrintOptions;
import dev.jaxj.array.Take;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.bools;
import static dev.jaxj.ArrayAssertions.f64;
import static dev.jaxj.ArrayAssertions.i32;
import static dev.jaxj.numpy.RestReference.check;
import static dev.jaxj.numpy.RestReference.input;
import static dev.jaxj.numpy.RestReference.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remaining jax.numpy functions (editing, assembling, vector products, bits, histograms,
 * unwrap, polydiv, index helpers, einsum_path, ufunc methods, vectorize) against NumPy's
 * results stored in {@code rest_reference.txt} by {@code rest_reference.py} beside it. Moving
 * data is exact; arithmetic in f64 agrees to 1e-13 relative (a handful of roundings in another
 * order), integers and bools exactly.
 */
class JnpRestReferenceTest {
    private static final double F64 = 1e-13;
    private static final Array X1 = input("x1"), A2 = input("a2"), A3 = input("a3");

    private static Array ints(String name) { return input(name, DType.I32); }

    // Editing ----------------------------------------------------------------------------------

    @Test
    void shouldAppendInsertDeleteAndResizeAsNumpy() {
        check("append_flat", Jnp.append(A2, X1), DType.F64, 0);
        check("append_axis0", Jnp.append(A2, A2.get(Index.slice(0, 1)), 0), DType.F64, 0);
        check("insert_scalar_block", Jnp.insert(X1, 1, f64(9, 8)), DType.F64, 0);
        check("insert_many", Jnp.insert(X1, i32(0, 2, 2, 6), f64(10, 11, 12, 13)), DType.F64, 0);
        check("insert_negative", Jnp.insert(X1, -1, Array.scalar(5.5, DType.F64)), DType.F64, 0);
        check("insert_axis1_scalar", Jnp.insert(A2, 1, f64(7, 8, 9), 1), DType.F64, 0);
        check("insert_axis1_list", Jnp.insert(A2, i32(1, 3), arr(DType.F64, Shape.of(3, 1), 7, 8, 9), 1), DType.F64, 0);
        check("insert_axis0_block", Jnp.insert(A2, 2, arr(DType.F64, Shape.of(2, 4), -1, -2, -3, -4, -5, -6, -7, -8), 0), DType.F64, 0);
        check("delete_flat", Jnp.delete(X1, new int[] {0, 3, -1}, 0), DType.F64, 0);
        check("delete_axis1", Jnp.delete(A2, 1, 1), DType.F64, 0);
        check("delete_slice", Jnp.delete(A3, Index.slice(0, 4, 2), 0), DType.F64, 0);
        check("delete_array", Jnp.delete(A2, i32(0, 2), 0, false), DType.F64, 0);
        check("delete_array", Jnp.delete(A2, i32(0, 2), 0, true), DType.F64, 0);
        check("resize_grow", Jnp.resize(Jnp.arange(0.0, 5.0, 1.0, DType.F64), 3, 4), DType.F64, 0);
        check("resize_shrink", Jnp.resize(A2, 2, 3), DType.F64, 0);
    }

    @Test
    void shouldCompressExtractPlaceAndPutAsNumpy() {
        Array c3 = input("c3", DType.BOOL), m2 = input("m2", DType.BOOL);
        check("compress_axis0", Jnp.compress(c3, A2, 0), DType.F64, 0);
        check("compress_axis1_short", Jnp.compress(bools(false, true), A2, 1), DType.F64, 0);
        check("compress_flat", Jnp.compress(c3, A2), DType.F64, 0);
        check("extract", Jnp.extract(m2, A2), DType.F64, 0);
        check("place", Jnp.place(A2, m2, f64(100, 200, 300)), DType.F64, 0);
        check("put", Jnp.put(A2, i32(0, 5, -1), f64(10, 20, 30)), DType.F64, 0);
        check("put_clip", Jnp.put(A2, i32(1, 22, -30), f64(7, 8, 9), Take.Mode.CLIP), DType.F64, 0);
        check("put_wrap", Jnp.put(A2, i32(13, -14), f64(7, 8), Take.Mode.WRAP), DType.F64, 0);
        check("put_cycle", Jnp.put(A2, i32(2, 3), f64(5)), DType.F64, 0);
        Array ia = ints("ia");
        check("put_along_axis1", Jnp.putAlongAxis(A2, ia.get(Index.all(), Index.slice(0, 1)), arr(DType.F64, Shape.of(3, 1), -9, -8, -7), 1), DType.F64, 0);
        check("put_along_axis0", Jnp.putAlongAxis(A2, ints("ib"), Array.scalar(0.5, DType.F64), 0), DType.F64, 0);
        check("take_axis1", Jnp.take(A2, arr(DType.I32, Shape.of(2, 2), 0, 2, 1, 1), 1), DType.F64, 0);
        check("take_flat", Jnp.take(A2, i32(11, 0, 5)), DType.F64, 0);
        check("take_along_axis", Jnp.takeAlongAxis(A3, Jnp.argsort(A3, 1), 1), DType.F64, 0);
    }

    @Test
    void shouldFillDiagonalsAndChooseAsNumpy() {
        check("fill_diag_sq", Jnp.fillDiagonal(Jnp.zeros(Shape.of(3, 3), DType.F64), 5.0), DType.F64, 0);
        check("fill_diag_tall", Jnp.fillDiagonal(Jnp.zeros(Shape.of(7, 3), DType.F64), f64(1, 2), false), DType.F64, 0);
        check("fill_diag_wrap", Jnp.fillDiagonal(Jnp.zeros(Shape.of(7, 3), DType.F64), f64(1, 2), true), DType.F64, 0);
        check("fill_diag_cube", Jnp.fillDiagonal(Jnp.zeros(Shape.of(3, 3, 3), DType.F64), 4.0), DType.F64, 0);
        Seq<Array> choices = Vector.of(A2, Jnp.negative(A2), f64(0.5, 1.5, 2.5, 3.5));
        check("choose", Jnp.choose(ints("ch"), choices), DType.F64, 0);
        Seq<Array> three = Vector.of(A2, Jnp.negative(A2), Jnp.multiply(A2, 10.0));
        check("choose_wrap", Jnp.choose(ints("chw"), three, Jnp.RavelMode.WRAP), DType.F64, 0);
        check("choose_clip", Jnp.choose(ints("chw"), three, Jnp.RavelMode.CLIP), DType.F64, 0);
    }

    // Assembling -------------------------------------------------------------------------------

    @Test
    void shouldAssembleBlocksAndStacksAsNumpy() {
        Array a = input("A"), b = input("B"), c = input("C");
        check("block2d", Jnp.block(Vector.of(Vector.of(a, b), Vector.of(c))), DType.F64, 0);
        check("block2d", Jnp.block(new Array[][] {{a, b}, {c}}), DType.F64, 0);
        check("block2d", Jnp.block(List.of(List.of(a, b), new Array[] {c})), DType.F64, 0);
        check("block1d", Jnp.block(X1, f64(0, 1)), DType.F64, 0);
        check("block_mixed", Jnp.block(new Array[][] {{a, a}, {Jnp.ones(Shape.of(4), DType.F64)}}), DType.F64, 0);
        check("column_stack", Jnp.columnStack(X1, Jnp.multiply(X1, 2.0), Jnp.arange(0.0, 6.0, 1.0, DType.F64)), DType.F64, 0);
        check("dstack", Jnp.dstack(a, Jnp.multiply(a, 10.0)), DType.F64, 0);
        check("dstack1d", Jnp.dstack(X1, X1), DType.F64, 0);
        checkParts("hsplit", Jnp.hsplit(A2, 2));
        checkParts("vsplit", Jnp.vsplit(A2, new int[] {1}));
        checkParts("dsplit", Jnp.dsplit(A3, 2));
        check("diagflat", Jnp.diagflat(a, 1), DType.F64, 0);
        check("diagflat_neg", Jnp.diagflat(X1.get(Index.slice(0, 3)), -2), DType.F64, 0);
        check("fromfunction", Jnp.fromfunction(ij -> Jnp.add(Jnp.multiply(ij.get(0), 10L), Jnp.square(ij.get(1))), DType.F64, 3, 4), DType.F64, 0);
    }

    private static void checkParts(String name, Seq<Array> parts) {
        for (int i = 0; i < parts.size(); i++) check(name + i, parts.get(i), DType.F64, 0);
        assertEquals(2, parts.size());
    }

    @Test
    void shouldGiveTheSimpleCreationAndLayoutHelpers() {
        ArrayAssertions.assertArray(Jnp.identity(2), DType.F32, Shape.of(2, 2), 1, 0, 0, 1);
        ArrayAssertions.assertArray(Jnp.identity(2, DType.I32), DType.I32, Shape.of(2, 2), 1, 0, 0, 1);
        ArrayAssertions.assertArray(Jnp.empty(2, 1), DType.F32, Shape.of(2, 1), 0, 0);
        ArrayAssertions.assertArray(Jnp.emptyLike(i32(4, 5)), DType.I32, Shape.of(2), 0, 0);
        ArrayAssertions.assertArray(Jnp.emptyLike(i32(4, 5), DType.F64), DType.F64, Shape.of(2), 0, 0);
        ArrayAssertions.assertArray(Jnp.copy(X1), DType.F64, Shape.of(6), values("in.x1"));
        ArrayAssertions.assertArray(Jnp.asarray(new double[] {1, 2}), DType.F64, Shape.of(2), 1, 2);
        ArrayAssertions.assertArray(Jnp.asarray(new int[][] {{1}, {2}}, DType.F32), DType.F32, Shape.of(2, 1), 1, 2);
        assertTrue(Jnp.asarray(X1) == X1, "an Array passes through");
        assertTrue(Jnp.asarray(3).weakType(), "a Java number is weakly typed");
        ArrayAssertions.assertArray(Jnp.matrixTranspose(A3), DType.F64, Shape.of(4, 2, 3), Jnp.swapaxes(A3, 1, 2).toDoubleArray());
        assertEquals(Shape.of(5, 3, 4), Jnp.broadcastShapes(Shape.of(3, 1), Shape.of(5, 1, 4)));
        assertArrayEquals(new int[] {2, 0}, Jnp.broadcastShapes(new int[] {2, 1}, new int[] {0}, new int[0]));
        Seq<Array> rows = Jnp.unstack(A3, 1);
        assertEquals(3, rows.size());
        for (int i = 0; i < 3; i++) ArrayAssertions.assertArray(rows.get(i), DType.F64, Shape.of(4, 2), A3.get(Index.all(), i).toDoubleArray());
    }

    // Products, bits ---------------------------------------------------------------------------

    @Test
    void shouldTakeVectorProductsAsNumpy() {
        Array v4 = input("v4"), b3 = input("b3");
        check("vecdot", Jnp.vecdot(b3, v4), DType.F64, F64);
        check("vecdot_axis0", Jnp.vecdot(A2, Jnp.add(Jnp.multiply(A2, 0.5), 1.0), 0), DType.F64, F64);
        check("matvec", Jnp.matvec(b3, v4), DType.F64, F64);
        check("vecmat", Jnp.vecmat(b3, input("m43")), DType.F64, F64);
    }

    @Test
    void shouldCountPackAndStepBitsAsNumpy() {
        check("bitwise_count32", Jnp.bitwiseCount(input("ints", DType.I32)), DType.U8, 0);
        // in.longs, written out: doubles cannot carry 2^63 - 1.
        Array longs = Jnp.array(new long[] {0, -1, (1L << 40) + 3, -(1L << 62), Long.MAX_VALUE});
        check("bitwise_count64", Jnp.bitwiseCount(longs), DType.U8, 0);
        Array bits = input("bits", DType.BOOL);
        check("packbits", Jnp.packbits(bits), DType.U8, 0);
        check("packbits_axis1", Jnp.packbits(bits, 1), DType.U8, 0);
        check("packbits_little", Jnp.packbits(bits, 0, Jnp.BitOrder.LITTLE), DType.U8, 0);
        Array bytes = input("bytes", DType.U32);
        check("unpackbits", Jnp.unpackbits(bytes), DType.U8, 0);
        check("unpackbits_axis1", Jnp.unpackbits(bytes, 1), DType.U8, 0);
        check("unpackbits_count", Jnp.unpackbits(bytes, 1, 10, Jnp.BitOrder.LITTLE), DType.U8, 0);
        check("unpackbits_negcount", Jnp.unpackbits(bytes, 0, -3, Jnp.BitOrder.BIG), DType.U8, 0);
        check("unpackbits_longcount", Jnp.unpackbits(bytes, 1, 27, Jnp.BitOrder.BIG), DType.U8, 0);
        check("nextafter64", Jnp.nextafter(input("na"), input("nb")), DType.F64, 0);
        check("nextafter32", Jnp.nextafter(input("na", DType.F32), input("nb", DType.F32)), DType.F32, 0);
        ArrayAssertions.assertArray(Jnp.fabs(i32(-3, 2)), DType.F32, Shape.of(2), 3, 2);
        ArrayAssertions.assertArray(Jnp.fabs(f64(-0.5)), DType.F64, Shape.of(1), 0.5);
    }

    // Histograms, unwrap, polydiv --------------------------------------------------------------

    @Test
    void shouldBinPointsAsNumpy() {
        Array pts = input("pts"), w = input("w40");
        Array x = pts.get(Index.all(), 0), y = pts.get(Index.all(), 1), z = pts.get(Index.all(), 2);
        Jnp.Histogram2d h = Jnp.histogram2d(x, y, 4);
        check("h2d", h.hist(), DType.I32, 0);
        check("h2d_xe", h.xedges(), DType.F64, F64);
        check("h2d_ye", h.yedges(), DType.F64, F64);
        h = Jnp.histogram2d(x, y, new int[] {3, 5}, new double[][] {{-1, 1}, {-2, 2}}, w, true);
        check("h2d_wd", h.hist(), DType.F64, F64);
        check("h2d_wd_xe", h.xedges(), DType.F64, F64);
        check("h2d_wd_ye", h.yedges(), DType.F64, F64);
        Jnp.HistogramDd d = Jnp.histogramdd(pts, new int[] {2, 3, 4}, null, null, false);
        check("hdd", d.hist(), DType.I32, 0);
        for (int i = 0; i < 3; i++) check("hdd_e" + i, d.edges().get(i), DType.F64, F64);
        d = Jnp.histogramdd(pts, new int[] {2, 2, 3}, new double[][] {{-1, 1}, {-1, 2}, {-3, 3}}, null, true);
        check("hdd_d", d.hist(), DType.F64, F64);
        Array ex = input("ex");
        check("h2d_edges", Jnp.histogram2d(x, z, ex, ex, w, false).hist(), DType.F64, F64);
    }

    @Test
    void shouldUnwrapAndDividePolynomialsAsNumpy() {
        Array ph = input("ph");
        check("unwrap", Jnp.unwrap(ph), DType.F64, F64);
        check("unwrap_disc", Jnp.unwrap(ph, 4.0, -1, 2 * Math.PI), DType.F64, F64);
        check("unwrap_period", Jnp.unwrap(ph, 2.5, -1, 5.0), DType.F64, F64);
        check("unwrap_axis0", Jnp.unwrap(input("ph2"), 2.0, 0, 4.0), DType.F64, F64);
        check("unwrap_exact_half", Jnp.unwrap(f64(0, Math.PI, 0, -Math.PI)), DType.F64, F64);
        var qr = Jnp.polydiv(input("pu"), input("pv"));
        check("polydiv_q", qr._1, DType.F64, F64);
        // JAX keeps the remainder at u's length; NumPy's is its nonzero tail.
        double[] r = qr._2.toDoubleArray(), tail = values("polydiv_r");
        assertEquals(5, r.length);
        for (int i = 0; i < 3; i++) assertEquals(0, r[i], 1e-15, "cancelled coefficient " + i);
        ArrayAssertions.assertClose(java.util.Arrays.copyOfRange(r, 3, 5), tail, F64);
    }

    // Index helpers ----------------------------------------------------------------------------

    @Test
    void shouldBuildRangesAndGridsAsNumpy() {
        check("r_basic", Jnp.r_(Jnp.array(new int[] {1, 2, 3}), 0, 0, Jnp.array(new int[] {4, 5, 6})), DType.I32, 0);
        check("r_points", Jnp.r_(GridSlice.points(-1, 1, 6), 0, 0), DType.F32, 1e-7);
        check("r_range", Jnp.r_(Index.slice(3, 7), Jnp.array(new int[] {1, 2})), DType.I32, 0);
        int[] r1 = {1, 2, 3}, r2 = {4, 5, 6};
        check("r_2d", Jnp.r_("0,2", r1, r2), DType.I32, 0);
        check("r_2d_trans0", Jnp.r_("0,2,0", r1, r2), DType.I32, 0);
        check("r_axis1", Jnp.r_("1,2,0", r1, r2), DType.I32, 0);
        check("r_3d", Jnp.r_("0,3,1", input("A"), input("A")), DType.F64, 0);
        check("c_", Jnp.c_(Jnp.array(r1), Jnp.array(r2)), DType.I32, 0);
        check("c_2d", Jnp.c_(input("A"), input("B"), Jnp.array(new int[] {9, 9})), DType.F64, 0);
        check("mgrid2", Jnp.mgrid(GridSlice.range(0, 2), GridSlice.range(0, 3)), DType.I32, 0);
        check("mgrid2", Jnp.mgrid(Index.slice(0, 2), Index.to(3)), DType.I32, 0);
        check("mgrid_points", Jnp.mgrid(GridSlice.points(-1, 1, 5)), DType.F32, 1e-7);
        check("mgrid_float", Jnp.mgrid(GridSlice.range(0.0, 1.0, 0.25), GridSlice.range(1, 3)), DType.F32, 0);
        Seq<Array> og = Jnp.ogrid(GridSlice.range(0, 3), GridSlice.range(1, 5, 2));
        check("ogrid0", og.get(0), DType.I32, 0);
        check("ogrid1", og.get(1), DType.I32, 0);
        Seq<Array> ix = Jnp.ix_(i32(0, 2), i32(1, 3, 0));
        check("ix0", ix.get(0), DType.I32, 0);
        check("ix1", ix.get(1), DType.I32, 0);
        check("ix_take", A2.get(ix.get(0), ix.get(1)), DType.F64, 0);
        check("s_get", A3.get(Jnp.s_(Index.slice(1, 4, 2), Index.ELLIPSIS, 0)), DType.F64, 0);
        check("index_exp_get", A2.get(Jnp.indexExp(Index.step(-1), 1)), DType.F64, 0);
        assertEquals(Index.slice(1, 5, 2), Jnp.s_(Index.slice(1, 5, 2)));
        assertEquals(new Index.Int(3), Jnp.s_(3));
    }

    @Test
    void shouldFindTheEinsumPathsOfNumpysOptimalAndGreedyStrategies() {
        Array p = input("P"), q = input("Q"), r = input("R"), s = input("S");
        assertPath("path_chain", Jnp.einsumPath("ij,jk,kl->il", p, q, r));
        assertPath("path_chain4", Jnp.einsumPath("ij,jk,kl,lm->im", p, q, r, s));
        assertPath("path_greedy5", Jnp.einsumPath("ij,jk,kl,lm,mn->in", p, q, r, s, input("T")));
        assertPath("path_outer", Jnp.einsumPath("i,j,ij->", Jnp.ones(30), Jnp.ones(40), Jnp.ones(30, 40)));
        assertTrue(Jnp.einsumPath("ij,jk,kl->il", p, q, r).report().contains("Complete contraction:  ij,jk,kl->il"));
    }

    private static void assertPath(String name, Jnp.EinsumPath path) {
        double[] flat = path.path().flatMap(step -> Vector.of(step.first(), step.second())).map(Integer::doubleValue).toJavaStream().mapToDouble(d -> d).toArray();
        assertArrayEquals(values(name), flat, name);
    }

    // ufunc and vectorize ----------------------------------------------------------------------

    @Test
    void shouldRunUfuncMethodsAsNumpy() {
        Jnp.Ufunc add = Jnp.Ufunc.of("add", Jnp::add, 0), mul = Jnp.Ufunc.of("multiply", Jnp::multiply, 1);
        check("add_reduce", add.reduce(A3, 1), DType.F64, F64);
        check("add_accumulate", add.accumulate(A2, 1), DType.F64, F64);
        check("maximum_accumulate", Jnp.Ufunc.of("maximum", Jnp::maximum).accumulate(X1), DType.F64, 0);
        check("multiply_outer", mul.outer(X1.get(Index.slice(0, 3)), input("A")), DType.F64, 0);
        check("add_at", add.at(A2, i32(0, 2, 0), arr(DType.F64, Shape.of(3, 1), 1, 2, 3)), DType.F64, 0);
        check("multiply_at", mul.at(X1, i32(1, 1, 4), f64(2, 3, -1)), DType.F64, 0);
        check("negative_at", Jnp.Ufunc.of("negative", Jnp::negative).at(X1, i32(0, 0, 2)), DType.F64, 0);
        check("subtract_reduce", Jnp.Ufunc.of("subtract", Jnp::subtract).reduce(X1), DType.F64, F64);
        ArrayAssertions.assertArray(add.reduce(Jnp.zeros(Shape.of(2, 0), DType.F64), 1), DType.F64, Shape.of(2), 0, 0);
        ArrayAssertions.assertArray(mul.call(f64(2), f64(3)), DType.F64, Shape.of(1), 6);
    }

    @Test
    void shouldVectorizeBySignatureAsNumpy() {
        Array b3 = input("b3"), v4 = input("v4");
        var dot = Jnp.vectorize((a, b) -> Jnp.sum(Jnp.multiply(a, b)), "(n),(n)->()");
        check("vec_dot", dot.apply(b3, v4), DType.F64, F64);
        var mv = Jnp.vectorize(xs -> Jnp.matmul(xs.get(0), xs.get(1)), "(m,n),(n)->(m)");
        check("vec_matvec", mv.apply(Vector.of(b3, input("b24"))), DType.F64, F64);
        var scalar = Jnp.vectorize(xs -> Jnp.where(Jnp.greater(xs.get(0), 0.0), xs.get(0), Jnp.multiply(xs.get(1), 2.0)));
        ArrayAssertions.assertArray(scalar.apply(Vector.of(f64(1, -1, 3), Array.scalar(0.5, DType.F64))), DType.F64, Shape.of(3), 1, 1, 3);
    }

    // Comparison and text ----------------------------------------------------------------------

    @Test
    void shouldCompareAndPrintAsNumpy() {
        assertTrue(Jnp.arrayEqual(A2, Jnp.copy(A2)).booleanValue());
        assertFalse(Jnp.arrayEqual(A2, A2.get(Index.slice(0, 1))).booleanValue(), "shapes differ");
        Array nan = f64(1, Double.NaN);
        assertFalse(Jnp.arrayEqual(nan, nan).booleanValue());
        assertTrue(Jnp.arrayEqual(nan, nan, true).booleanValue());
        assertTrue(Jnp.arrayEquiv(f64(1, 2), arr(DType.F64, Shape.of(2, 2), 1, 2, 1, 2)).booleanValue());
        assertFalse(Jnp.arrayEquiv(f64(1, 2), f64(1, 2, 3)).booleanValue(), "shapes do not broadcast");
        assertEquals(Shape.SCALAR, Jnp.arrayEqual(i32(1), i32(1)).shape());
        // NumPy 2: str(np.array([[1.5, -2.0], [3.25, 0.5]])) and str(np.array([1, 2, 3])).
        assertEquals("[[ 1.5  -2.  ]\n [ 3.25  0.5 ]]", Jnp.arrayStr(arr(DType.F64, Shape.of(2, 2), 1.5, -2, 3.25, 0.5)));
        assertEquals("[1 2 3]", Jnp.arrayStr(i32(1, 2, 3)));
        assertEquals("[]", Jnp.arrayStr(f64()));
        assertEquals("1.5", Jnp.arrayStr(Array.scalar(1.5, DType.F64)));
        assertEquals("[0.33 0.67]", Jnp.arrayStr(f64(1.0 / 3, 2.0 / 3), PrintOptions.DEFAULT.withPrecision(2)));
        assertEquals("Array([1, 2, 3], dtype=int32)", Jnp.arrayRepr(i32(1, 2, 3)));
        assertEquals("Array([0.33, 0.67], dtype=float64)", Jnp.arrayRepr(f64(1.0 / 3, 2.0 / 3), PrintOptions.DEFAULT.withPrecision(2)));
    }
}
