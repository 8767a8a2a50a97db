package dev.jaxj.numpy;

import dev.jaxj.ArrayAssertions;
import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.Jnp.GridSlice;
import dev.jaxj.array.Array;
import dev.jaxj.array.Index;
import dev.jaxj.autodiff.GradChecks;
import dev.jaxj.autodiff.GradChecks.Mode;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.assertError;
import static dev.jaxj.ArrayAssertions.bools;
import static dev.jaxj.ArrayAssertions.f64;
import static dev.jaxj.ArrayAssertions.i32;
import static dev.jaxj.ArrayAssertions.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The functions of {@link JnpRestReferenceTest} under transforms: derivatives against f64
 * central differences ({@link GradChecks}), {@code jit} equal to eager, {@code vmap} equal to
 * the stacked loop, and errors that name the public function and the user's avals.
 */
class JnpRestTransformsTest {
    private static final HashSet<Mode> BOTH = HashSet.of(Mode.FWD, Mode.REV);

    private static void grads(String label, Function<Seq<Array>, Array> f, Array... args) {
        GradChecks.checkGrads(f, Vector.of(args), 1, BOTH, GradChecks.Settings.DEFAULT.withLabel(label));
    }

    private static Array f64s(long seed, double lo, double hi, int... shape) {
        return arr(DType.F64, Shape.of(shape), uniform(seed, Shape.of(shape).size(), lo, hi));
    }

    // Derivatives ------------------------------------------------------------------------------

    @Test
    void shouldDifferentiateTheEditingFunctions() {
        Array m = f64s(1, -2, 2, 3, 4), v = f64s(2, -1, 1, 6);
        grads("take", a -> Jnp.take(a.get(0), i32(3, 0, 0, 2), 1), m);
        grads("takeAlongAxis", a -> Jnp.takeAlongAxis(a.get(0), arr(DType.I32, Shape.of(3, 2), 1, 1, 0, 3, 2, 0), 1), m);
        grads("insert", a -> Jnp.insert(a.get(0), i32(1, 1, 4), a.get(1), 1), m, f64s(3, -1, 1, 3, 3));
        grads("insert block", a -> Jnp.insert(a.get(0), 2, a.get(1)), v, f64(0.5, -0.25));
        grads("delete", a -> Jnp.delete(a.get(0), new int[] {0, 2}, 1), m);
        grads("delete traced", a -> Jnp.delete(a.get(0), i32(3, 1), 1, true), m);
        grads("append", a -> Jnp.append(a.get(0), a.get(1), 0), m, f64s(4, -1, 1, 1, 4));
        grads("resize", a -> Jnp.resize(a.get(0), 3, 5), v);
        grads("put", a -> Jnp.put(a.get(0), i32(1, 7, -1), a.get(1)), m, f64(2, -3, 4));
        grads("putAlongAxis", a -> Jnp.putAlongAxis(a.get(0), arr(DType.I32, Shape.of(3, 1), 2, 0, 3), a.get(1), 1), m, f64s(5, -1, 1, 3, 1));
        grads("place", a -> Jnp.place(a.get(0), Jnp.greater(m, 0.0), a.get(1)), m, f64(7, 8));
        grads("fillDiagonal", a -> Jnp.fillDiagonal(a.get(0), a.get(1), true), f64s(6, -1, 1, 7, 3), f64(2, -3));
        grads("choose", a -> Jnp.choose(i32(0, 1, 1, 0, 2, 2), Vector.of(a.get(0), a.get(1), f64(9))), v, f64s(7, -1, 1, 6));
        grads("compress size", a -> Jnp.compress(bools(true, false, true), a.get(0), 0, 2, 0), m);
    }

    @Test
    void shouldDifferentiateTheAssemblingAndProductFunctions() {
        Array m = f64s(8, -2, 2, 3, 4), b = f64s(9, -1, 1, 2, 3, 4), v = f64s(10, -1, 1, 4);
        grads("block", a -> Jnp.block(new Array[][] {{a.get(0), a.get(1)}}), m, f64s(11, -1, 1, 3, 2));
        grads("columnStack", a -> Jnp.columnStack(a.get(0), a.get(1)), v, v);
        grads("dstack", a -> Jnp.dstack(a.get(0), a.get(0)), m);
        grads("diagflat", a -> Jnp.diagflat(a.get(0), -1), v);
        grads("matrixTranspose", a -> Jnp.matrixTranspose(a.get(0)), b);
        grads("vecdot", a -> Jnp.vecdot(a.get(0), a.get(1)), b, v);
        grads("matvec", a -> Jnp.matvec(a.get(0), a.get(1)), b, v);
        grads("vecmat", a -> Jnp.vecmat(a.get(0), a.get(1)), v, f64s(12, -1, 1, 2, 4, 3));
        grads("r_", a -> Jnp.r_("0,2", a.get(0), a.get(1)), v, v);
        grads("fabs", a -> Jnp.fabs(a.get(0)), f64(-1.5, 0.25, 3));
    }

    @Test
    void shouldDifferentiateUnwrapPolydivUfuncsAndVectorize() {
        // Jumps well away from the thresholds ±pi, where unwrap is smooth.
        grads("unwrap", a -> Jnp.unwrap(a.get(0)), f64(0.1, 3.0, -2.9, 0.5, 6.5));
        grads("polydiv q", a -> Jnp.polydiv(a.get(0), a.get(1))._1, f64(3, -2, 0.5, 4), f64(2, 1, -1));
        grads("polydiv r", a -> Jnp.polydiv(a.get(0), a.get(1))._2, f64(3, -2, 0.5, 4), f64(2, 1, -1));
        Jnp.Ufunc mul = Jnp.Ufunc.of("multiply", Jnp::multiply, 1);
        Array m = f64s(13, 0.5, 2, 4, 3);
        grads("ufunc.reduce", a -> mul.reduce(a.get(0), 0), m);
        grads("ufunc.accumulate", a -> mul.accumulate(a.get(0), 1), m);
        grads("ufunc.outer", a -> mul.outer(a.get(0), a.get(1)), f64(1, 2), f64(3, -1, 0.5));
        grads("ufunc.at", a -> mul.at(a.get(0), i32(1, 1, 3), a.get(1)), f64(1, 2, 3, 4), f64(0.5, 3, -2));
        var dot = Jnp.vectorize((x, y) -> Jnp.sum(Jnp.multiply(x, y)), "(n),(n)->()");
        grads("vectorize", a -> dot.apply(a.get(0), a.get(1)), m, f64(1, -2, 0.5));
    }

    // jit equals eager -------------------------------------------------------------------------

    private static void jitEqualsEager(String label, Function<Array, Array> f, Array x) {
        Array eager = f.apply(x), jitted = Jax.jit(f).apply(x);
        assertEquals(eager.aval(), jitted.aval(), label);
        assertArrayEquals(eager.toDoubleArray(), jitted.toDoubleArray(), 0, label);
    }

    @Test
    void shouldGiveTheSameUnderJit() {
        Array m = f64s(14, -3, 3, 4, 5), v = f64s(15, -3, 3, 6);
        jitEqualsEager("insert traced indices", idx -> Jnp.insert(v, idx, f64(9, 8, 7)), i32(5, 0, 2));
        jitEqualsEager("delete traced indices", idx -> Jnp.delete(m, idx, 1, true), i32(4, 0));
        jitEqualsEager("compress", c -> Jnp.compress(c, m, 1, 3, -1), bools(false, true, true, false, true));
        jitEqualsEager("extract", x -> Jnp.extract(Jnp.greater(x, 0.0), x, 6, 0), m);
        jitEqualsEager("place", x -> Jnp.place(x, Jnp.less(x, 0.0), f64(1, 2)), m);
        jitEqualsEager("put", x -> Jnp.put(x, i32(-1, 3, 40), f64(5)), m);
        jitEqualsEager("putAlongAxis", x -> Jnp.putAlongAxis(x, Jnp.argmax(x, 1, true), Array.scalar(0.0, DType.F64), 1), m);
        jitEqualsEager("choose", a -> Jnp.choose(a, Vector.of(v, Jnp.negative(v)), Jnp.RavelMode.WRAP), i32(0, 1, 2, 3, -1, 5));
        jitEqualsEager("unwrap", Jnp::unwrap, v);
        jitEqualsEager("bitwiseCount", Jnp::bitwiseCount, i32(0, -7, 255, 1 << 20, 3, 12));
        jitEqualsEager("packbits", x -> Jnp.packbits(Jnp.greater(x, 0.0), 1), m);
        jitEqualsEager("unpackbits", x -> Jnp.unpackbits(x, 0, 12, Jnp.BitOrder.LITTLE), i32(5, 200));
        jitEqualsEager("histogramdd", x -> Jnp.histogramdd(x, new int[] {2, 3, 2, 2, 2}, new double[][] {{-3, 3}, {-3, 3}, {-1, 1}, {-3, 0}, {0, 3}}, null, false).hist(), m);
        jitEqualsEager("ufunc.at", x -> Jnp.Ufunc.of("add", Jnp::add, 0).at(x, i32(0, 0, 5), f64(1, 2, 3)), v);
        jitEqualsEager("vectorize", x -> Jnp.vectorize(xs -> Jnp.cumsum(xs.get(0)), "(n)->(n)").apply(Vector.of(x)), m);
        jitEqualsEager("vecdot", x -> Jnp.vecdot(x, x, 0), m);
    }

    // vmap equals the stacked loop ---------------------------------------------------------------

    private static void vmapEqualsLoop(String label, Function<Array, Array> f, Array xs) {
        Array mapped = Jax.vmap(f).apply(xs);
        Vector<Array> rows = Vector.range(0, xs.shape().dim(0)).map(i -> f.apply(xs.get(i)));
        Array stacked = Jnp.stack(rows, 0);
        assertEquals(stacked.aval(), mapped.aval(), label);
        ArrayAssertions.assertClose(mapped.toDoubleArray(), stacked.toDoubleArray(), 1e-15);
    }

    @Test
    void shouldBatchLikeTheStackedLoop() {
        Array xs = f64s(16, -4, 4, 3, 6);
        vmapEqualsLoop("insert", x -> Jnp.insert(x, i32(0, 6, 2), f64(1, 2, 3)), xs);
        vmapEqualsLoop("insert over indices", idx -> Jnp.insert(f64(1, 2, 3, 4), idx, f64(-1, -2)), arr(DType.I32, Shape.of(3, 2), 0, 4, 2, 2, 3, 1));
        vmapEqualsLoop("delete", x -> Jnp.delete(x, new int[] {1, 4}, 0), xs);
        vmapEqualsLoop("put", x -> Jnp.put(x, i32(5, 0), f64(9, 8)), xs);
        vmapEqualsLoop("place", x -> Jnp.place(x, Jnp.greater(x, 0.0), f64(7, 6)), xs);
        vmapEqualsLoop("take", x -> Jnp.take(x, i32(5, 5, 1)), xs);
        vmapEqualsLoop("compress", x -> Jnp.compress(Jnp.greater(x, 0.0), x, 0, 4, -9), xs);
        vmapEqualsLoop("resize", x -> Jnp.resize(x, 2, 4), xs);
        vmapEqualsLoop("unwrap", Jnp::unwrap, xs);
        vmapEqualsLoop("vecdot", x -> Jnp.vecdot(x, f64(1, 2, 3, 4, 5, 6)), xs);
        vmapEqualsLoop("matvec", x -> Jnp.matvec(Jnp.reshape(x, 2, 3), f64(1, -1, 2)), xs);
        vmapEqualsLoop("choose", x -> Jnp.choose(i32(0, 1, 1, 0, 1, 0), Vector.of(x, Jnp.square(x))), xs);
        vmapEqualsLoop("fillDiagonal", x -> Jnp.fillDiagonal(Jnp.reshape(x, 3, 2), x.get(Index.slice(0, 2)), false), xs);
        vmapEqualsLoop("polydiv", x -> Jnp.polydiv(x, f64(1, 0.5))._1, xs);
        vmapEqualsLoop("ufunc.accumulate", x -> Jnp.Ufunc.of("maximum", Jnp::maximum).accumulate(x), xs);
        vmapEqualsLoop("ufunc.at", x -> Jnp.Ufunc.of("add", Jnp::add, 0).at(x, i32(2, 2), f64(1, 1)), xs);
        vmapEqualsLoop("vectorize", x -> Jnp.vectorize((a, b) -> Jnp.multiply(a, b), "(),()->()").apply(x, Array.scalar(2.0, DType.F64)), xs);
        vmapEqualsLoop("bitwiseCount", x -> Jnp.bitwiseCount(x), arr(DType.I32, Shape.of(2, 3), 1, 2, 3, -4, 5, 1023));
    }

    // Errors ------------------------------------------------------------------------------------

    @Test
    void shouldNameTheFunctionAndAvalsInErrors() {
        Array v = f64(1, 2, 3, 4, 5, 6), m = Jnp.zeros(Shape.of(2, 3), DType.F64);
        assertError(ShapeError.class, "insert", () -> Jnp.insert(v, arr(DType.I32, Shape.of(2, 2), 0, 0, 0, 0), f64(1)), "i32[2,2]");
        assertError(DTypeError.class, "insert", () -> Jnp.insert(v, f64(1), f64(1)), "f64[1]");
        assertError(ShapeError.class, "delete", () -> Jnp.delete(v, 6), "f64[6]");
        assertError(ConcretizationError.class, "delete", () -> Jax.jit((Array i) -> Jnp.delete(v, i, 0, false)).apply(i32(1)), "i32[1]");
        assertError(ShapeError.class, "compress", () -> Jnp.compress(Jnp.reshape(bools(true, false), 1, 2), v), "bool[1,2]", "f64[6]");
        assertError(ConcretizationError.class, "compress", () -> Jax.jit((Array c) -> Jnp.compress(c, v)).apply(bools(true)), "bool[1]");
        assertError(ShapeError.class, "place", () -> Jnp.place(v, bools(true), f64(1)), "f64[6]", "bool[1]");
        assertError(ArgumentError.class, "place", () -> Jnp.place(f64(1, 2), bools(true, true), f64()), "f64[0]");
        assertError(DTypeError.class, "put", () -> Jnp.put(v, f64(1), f64(1)), "f64[6]");
        assertError(ShapeError.class, "put_along_axis", () -> Jnp.putAlongAxis(m, i32(0), f64(1), 1), "f64[2,3]", "i32[1]");
        assertError(ShapeError.class, "fill_diagonal", () -> Jnp.fillDiagonal(v, 1.0), "f64[6]");
        assertError(ShapeError.class, "fill_diagonal", () -> Jnp.fillDiagonal(Jnp.zeros(2, 2, 3), 1.0), "f32[2,2,3]");
        assertError(ArgumentError.class, "choose", () -> Jnp.choose(i32(0, 2), Vector.of(v, v)), "i32[2]");
        assertError(ConcretizationError.class, "choose", () -> Jax.jit((Array a) -> Jnp.choose(a, Vector.of(v))).apply(i32(0)), "i32[1]");
        assertError(ShapeError.class, "block", () -> Jnp.block(Vector.of(Vector.of(v), v)), "depth");
        assertError(ArgumentError.class, "column_stack", () -> Jnp.columnStack());
        assertError(ShapeError.class, "vsplit", () -> Jnp.vsplit(v, 2), "f64[6]");
        assertError(ShapeError.class, "unstack", () -> Jnp.unstack(Array.scalar(1.0, DType.F64)), "f64[]");
        assertError(ShapeError.class, "matrix_transpose", () -> Jnp.matrixTranspose(v), "f64[6]");
        assertError(ShapeError.class, "broadcast_shapes", () -> Jnp.broadcastShapes(Shape.of(2), Shape.of(3)), "(2,), (3,)");
        assertError(ShapeError.class, "vecdot", () -> Jnp.vecdot(m, v), "f64[2,3]", "f64[6]");
        assertError(ShapeError.class, "matvec", () -> Jnp.matvec(m, v), "f64[2,3]", "f64[6]");
        assertError(ShapeError.class, "vecmat", () -> Jnp.vecmat(v, m), "f64[6]", "f64[2,3]");
        assertError(DTypeError.class, "bitwise_count", () -> Jnp.bitwiseCount(v), "f64[6]");
        assertError(DTypeError.class, "packbits", () -> Jnp.packbits(v), "f64[6]");
        assertError(DTypeError.class, "unpackbits", () -> Jnp.unpackbits(v), "f64[6]");
        assertError(ArgumentError.class, "histogramdd", () -> Jnp.histogramdd(m, new int[] {2}, null, null, false), "f64[2,3]");
        assertError(ShapeError.class, "histogram2d", () -> Jnp.histogram2d(v, f64(1), 3), "f64[6]", "f64[1]");
        assertError(ShapeError.class, "unwrap", () -> Jnp.unwrap(Array.scalar(1.0, DType.F64)), "f64[]");
        assertError(ShapeError.class, "polydiv", () -> Jnp.polydiv(m, v), "f64[2,3]");
        assertError(ArgumentError.class, "r_", () -> Jnp.r_("r", v), "\"r\"");
        assertError(ShapeError.class, "ix_", () -> Jnp.ix_(m), "f64[2,3]");
        assertError(DTypeError.class, "ix_", () -> Jnp.ix_(bools(true)), "bool[1]");
        assertError(ArgumentError.class, "mgrid", () -> Jnp.mgrid(GridSlice.range(0.0, 1.0, 0.0)));
        assertError(ArgumentError.class, "negative.reduce", () -> Jnp.Ufunc.of("negative", Jnp::negative).reduce(v), "nin = 1");
        assertError(ArgumentError.class, "maximum.reduce", () -> Jnp.Ufunc.of("maximum", Jnp::maximum).reduce(Jnp.zeros(0)), "f32[0]");
        assertError(ArgumentError.class, "add.at", () -> Jnp.Ufunc.of("add", Jnp::add).at(v, i32(0)), "nin = 2");
        assertError(ArgumentError.class, "vectorize", () -> Jnp.vectorize(xs -> xs.get(0), "(n)->(n),(m)"), "(n)->(n),(m)");
        assertError(ShapeError.class, "vectorize", () -> Jnp.vectorize((a, b) -> a, "(n),(n)->(n)").apply(v, f64(1, 2)), "'n'");
        assertError(ShapeError.class, "vectorize", () -> Jnp.vectorize(xs -> Jnp.sum(xs.get(0)), "(n)->(n)").apply(Vector.of(m)), "f64[]");
        // The message ends with the user's line, here this test's.
        assertEquals("JnpRestTransformsTest.java", assertError(ShapeError.class, "insert", () -> Jnp.insert(m, 0, v, 5)).where().fileName());
        assertError(ArgumentError.class, "einsum_path", () -> Jnp.einsumPath("ij,jk", m), "f64[2,3]");
        assertError(ShapeError.class, "einsum_path", () -> Jnp.einsumPath("ij->i", v), "f64[6]");
        assertError(ArgumentError.class, "resize", () -> Jnp.resize(v, -1), "f64[6]");
    }

    @Test
    void shouldHandleZeroSizeAndRankZero() {
        ArrayAssertions.assertArray(Jnp.insert(f64(), 0, f64(1, 2)), DType.F64, Shape.of(2), 1, 2);
        ArrayAssertions.assertArray(Jnp.insert(f64(1, 2), i32(), f64()), DType.F64, Shape.of(2), 1, 2);
        ArrayAssertions.assertArray(Jnp.delete(f64(1), 0), DType.F64, Shape.of(0));
        ArrayAssertions.assertArray(Jnp.delete(f64(1, 2), i32(1, 0), 0, true), DType.F64, Shape.of(0));
        ArrayAssertions.assertArray(Jnp.vecdot(Jnp.zeros(3, 0), Jnp.zeros(0)), DType.F32, Shape.of(3), 0, 0, 0);
        ArrayAssertions.assertArray(Jnp.packbits(ArrayAssertions.bools()), DType.U8, Shape.of(0));
        ArrayAssertions.assertArray(Jnp.unpackbits(Jnp.zeros(Shape.of(0), DType.U8)), DType.U8, Shape.of(0));
        ArrayAssertions.assertArray(Jnp.unwrap(f64(1.0)), DType.F64, Shape.of(1), 1.0);
        ArrayAssertions.assertArray(Jnp.histogramdd(Jnp.zeros(Shape.of(0, 2), DType.F64), new int[] {2, 1}, new double[][] {{0, 1}, {0, 1}}, null, false).hist(),
                DType.I32, Shape.of(2, 1), 0, 0);
        ArrayAssertions.assertArray(Jnp.resize(f64(1, 2), 0), DType.F64, Shape.of(0));
        ArrayAssertions.assertArray(Jnp.choose(Array.scalar(1, DType.I32), Vector.of(f64(1, 2), f64(3, 4))), DType.F64, Shape.of(2), 3, 4);
        ArrayAssertions.assertArray(Jnp.fillDiagonal(Jnp.zeros(Shape.of(0, 0), DType.F64), 1.0), DType.F64, Shape.of(0, 0));
        ArrayAssertions.assertArray(Jnp.put(f64(1, 2), i32(), f64(5)), DType.F64, Shape.of(2), 1, 2);
        ArrayAssertions.assertArray(Jnp.Ufunc.of("add", Jnp::add, 0).accumulate(Jnp.zeros(Shape.of(0), DType.F64)), DType.F64, Shape.of(0));
        ArrayAssertions.assertArray(Jnp.block(Array.scalar(2.0, DType.F64)), DType.F64, Shape.of(1), 2);
        ArrayAssertions.assertArray(Jnp.mgrid(GridSlice.range(3, 3)), DType.I32, Shape.of(0));
        ArrayAssertions.assertArray(Jnp.compress(ArrayAssertions.bools(), f64()), DType.F64, Shape.of(0));
    }

    @Test
    void shouldFollowJaxDtypesAndEdges() {
        // JAX drops out-of-range positions of put (NumPy raises) and counts negative ones from the end.
        ArrayAssertions.assertArray(Jnp.put(f64(1, 2, 3), i32(7, -1), f64(9, 8)), DType.F64, Shape.of(3), 1, 2, 8);
        // Indices clamp into [-n, n] in insert, as JAX's.
        ArrayAssertions.assertArray(Jnp.insert(f64(1, 2), i32(-9, 9), f64(5, 6)), DType.F64, Shape.of(4), 5, 1, 2, 6);
        // Any non-zero element is a 1 bit.
        ArrayAssertions.assertArray(Jnp.packbits(i32(-1, 1)), DType.U8, Shape.of(1), 192);
        ArrayAssertions.assertArray(Jnp.resize(Jnp.zeros(Shape.of(0), DType.I32), 2), DType.I32, Shape.of(2), 0, 0);
        ArrayAssertions.assertArray(Jnp.unwrap(i32(0, 4)), DType.F32, Shape.of(2), 0, 4 - 2 * Math.PI);
        ArrayAssertions.assertArray(Jnp.nextafter(i32(0), f64(1)), DType.F64, Shape.of(1), Double.MIN_VALUE);
        ArrayAssertions.assertArray(Jnp.vecdot(i32(1, 2), i32(3, 4)), DType.I32, Shape.SCALAR, 11);
        ArrayAssertions.assertArray(Jnp.bitwiseCount(ArrayAssertions.bools(true, false)), DType.U8, Shape.of(2), 1, 0);
        ArrayAssertions.assertArray(Jnp.compress(bools(false, false), f64(1, 2), 0, 0, 0), DType.F64, Shape.of(0));
        // A condition longer than the axis is cut to it, as JAX documents; a static size past the axis pads.
        ArrayAssertions.assertArray(Jnp.compress(bools(false, true, true), f64(1, 2)), DType.F64, Shape.of(1), 2);
        ArrayAssertions.assertArray(Jnp.compress(bools(true, true), f64(1, 2), 0, 3, -1), DType.F64, Shape.of(3), 1, 2, -1);
        ArrayAssertions.assertArray(Jnp.extract(bools(true, false, true), f64(4, 5), 2, 0), DType.F64, Shape.of(2), 4, 0);
        ArrayAssertions.assertArray(Jnp.delete(f64(1, 2, 3), bools(true, false, true), 0, false), DType.F64, Shape.of(1), 2);
        ArrayAssertions.assertArray(Jnp.append(Array.scalar(1.0, DType.F64), f64(2)), DType.F64, Shape.of(2), 1, 2);
        ArrayAssertions.assertArray(Jnp.choose(i32(1), Vector.of(i32(4), f64(2.5))), DType.F64, Shape.of(1), 2.5);
        // JAX's documented example: the rows of a 2-d array are the choices.
        Array rows = arr(DType.I32, Shape.of(3, 4), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        ArrayAssertions.assertArray(Jnp.choose(i32(2, 0, 1, 0), rows), DType.I32, Shape.of(4), 9, 2, 7, 4);
        ArrayAssertions.assertArray(Jnp.choose(i32(2, 0, 1, 4), Jnp.unstack(rows), Jnp.RavelMode.WRAP), DType.I32, Shape.of(4), 9, 2, 7, 8);
    }
}
