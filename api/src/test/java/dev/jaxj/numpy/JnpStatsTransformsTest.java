package dev.jaxj.numpy;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.assertArray;
import static dev.jaxj.ArrayAssertions.assertClose;
import static dev.jaxj.ArrayAssertions.assertError;
import static dev.jaxj.ArrayAssertions.assertNear;
import static dev.jaxj.ArrayAssertions.f64;
import static dev.jaxj.ArrayAssertions.i32;
import static dev.jaxj.ArrayAssertions.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The statistics, set and index functions under {@code jit} (equal to eager), {@code vmap}
 * (equal to the stacked loop) and {@code grad} (against f64 central differences), their static
 * {@code size} arguments, the errors they raise where a shape would depend on values, and the
 * results where JAX documents a rule of its own (closed forms).
 */
class JnpStatsTransformsTest {
    private static final double NAN = Double.NaN;

    /** A 4x6 f64 matrix of distinct values with NaNs at (0,1), (2,3) and (2,5). */
    private static Array withNans() {
        double[] v = uniform(11, 24, -3, 3);
        v[1] = v[15] = v[17] = NAN;
        return arr(DType.F64, Shape.of(4, 6), v);
    }

    private static Array plain(long seed, int... shape) {
        return arr(DType.F64, Shape.of(shape), uniform(seed, Shape.of(shape).size(), -3, 3));
    }

    private static final Seq<Tuple2<String, Function<Array, Array>>> TRACEABLE = Vector.of(
            new Tuple2<>("nansum", x -> Jnp.nansum(x, 1)),
            new Tuple2<>("nanmean", x -> Jnp.nanmean(x, 1)),
            new Tuple2<>("nanvar", x -> Jnp.nanvar(x, 1, false, 1)),
            new Tuple2<>("nanstd", x -> Jnp.nanstd(x, 0)),
            new Tuple2<>("nanmax", x -> Jnp.nanmax(x, 1)),
            new Tuple2<>("nanmin", x -> Jnp.nanmin(x, 0)),
            new Tuple2<>("nanargmax", x -> Jnp.nanargmax(x, 1, false)),
            new Tuple2<>("nanargmin", x -> Jnp.nanargmin(x, 0, true)),
            new Tuple2<>("nancumsum", x -> Jnp.nancumsum(x, 1)),
            new Tuple2<>("nancumprod", x -> Jnp.nancumprod(x, 0)),
            new Tuple2<>("ptp", x -> Jnp.ptp(Jnp.nanToNum(x), 1)),
            new Tuple2<>("quantile", x -> Jnp.quantile(Jnp.nanToNum(x), f64(0.1, 0.5, 0.8), 1, false, Jnp.QuantileMethod.LINEAR)),
            new Tuple2<>("nanquantile", x -> Jnp.nanquantile(x, f64(0.3), 1, true, Jnp.QuantileMethod.MIDPOINT)),
            new Tuple2<>("nanmedian", x -> Jnp.nanmedian(x, 0, false)),
            new Tuple2<>("median", x -> Jnp.median(x, 1, false)),
            new Tuple2<>("histogram", x -> Jnp.histogram(Jnp.nanToNum(x), 5).hist()),
            new Tuple2<>("histogram_edges", x -> Jnp.histogram(Jnp.nanToNum(x), 5).binEdges()),
            new Tuple2<>("histogram_density", x -> Jnp.histogram(x, 4, new double[] {-2, 2}, null, true).hist()),
            new Tuple2<>("bincount", x -> Jnp.bincount(Jnp.astype(Jnp.add(Jnp.nanToNum(Jnp.ravel(x)), 3.0), DType.I32), null, 7)),
            new Tuple2<>("digitize", x -> Jnp.digitize(x, f64(-2, -1, 0, 1, 2))),
            new Tuple2<>("searchsorted", x -> Jnp.searchsorted(f64(-2, -1, 0, 0, 1, 2, NAN), x, true)),
            new Tuple2<>("cov", x -> Jnp.cov(Jnp.nanToNum(x))),
            new Tuple2<>("corrcoef", x -> Jnp.corrcoef(Jnp.nanToNum(x), null, false)),
            new Tuple2<>("partition", x -> Jnp.partition(x, 2)),
            new Tuple2<>("argpartition", x -> Jnp.argpartition(x, 3, 1)),
            new Tuple2<>("lexsort", x -> Jnp.lexsort(Jnp.round(x), Jnp.sign(x))),
            new Tuple2<>("unique", x -> Jnp.unique(Jnp.round(x), 10, -9.0)),
            new Tuple2<>("unique_rows", x -> Jnp.unique(Jnp.round(x), 0, true, 5, -9.0).values()),
            new Tuple2<>("unique_counts", x -> Jnp.uniqueCounts(Jnp.round(x), 10, -9.0).get(1)),
            new Tuple2<>("unique_inverse", x -> Jnp.uniqueInverse(Jnp.round(x), 10, -9.0).get(1)),
            new Tuple2<>("union1d", x -> Jnp.union1d(Jnp.round(x), f64(7, 8), 12, 0.0)),
            new Tuple2<>("intersect1d", x -> Jnp.intersect1d(Jnp.round(x), f64(-1, 0, 1, 5), 4, 0.0)),
            new Tuple2<>("setdiff1d", x -> Jnp.setdiff1d(Jnp.round(x), f64(-1, 0, 1), 6, 0.0)),
            new Tuple2<>("setxor1d", x -> Jnp.setxor1d(Jnp.round(x), f64(-1, 0, 1, 5), 8, 0.0)),
            new Tuple2<>("isin", x -> Jnp.isin(Jnp.round(x), f64(-1, 0, 2))),
            new Tuple2<>("nonzero", x -> Jnp.stack(Jnp.nonzero(Jnp.greater(x, 0.5), 9, -1), 0)),
            new Tuple2<>("flatnonzero", x -> Jnp.flatnonzero(Jnp.greater(x, 0.5), 9, 0)),
            new Tuple2<>("argwhere", x -> Jnp.argwhere(Jnp.less(x, -0.5), 7, 0)),
            new Tuple2<>("unravel_index", x -> Jnp.stack(Jnp.unravelIndex(Jnp.astype(Jnp.multiply(x, 10.0), DType.I32), 4, 5), 0)),
            new Tuple2<>("ravel_multi_index", x -> Jnp.ravelMultiIndex(Vector.of(Jnp.astype(x, DType.I32), Jnp.astype(Jnp.negative(x), DType.I32)),
                    new int[] {3, 4}, Jnp.RavelMode.WRAP)));

    private static void assertSame(String name, Array expected, Array actual) {
        assertNear(actual, expected.dtype(), expected.shape(), expected.dtype().isFloating() ? 1e-12 : 0,
                expected.toDoubleArray());
    }

    @Test
    void jitEqualsEager() {
        Array x = withNans();
        for (var t : TRACEABLE) {
            Array eager = t._2.apply(x);
            assertSame(t._1, eager, Jax.jit(t._2).apply(x));
        }
    }

    @Test
    void vmapEqualsTheStackedLoop() {
        Array xs = Jnp.stack(withNans(), plain(5, 4, 6), Jnp.negative(withNans()));
        for (var t : TRACEABLE) {
            Array batched = Jax.vmap(t._2).apply(xs);
            Array looped = Jnp.stack(Vector.range(0, 3).map(i -> t._2.apply(xs.get(i))), 0);
            assertSame(t._1, looped, batched);
        }
    }

    /** f64 central differences of {@code sum(f(x) * w)} for a fixed weighting {@code w}. */
    private static void checkGrad(String name, Function<Array, Array> f, Array x) {
        Array y = f.apply(x);
        Array w = arr(DType.F64, y.shape(), uniform(3, y.size(), 0.5, 1.5));
        Function<Array, Array> scalar = a -> Jnp.sum(Jnp.multiply(f.apply(a), w));
        double[] g = Jax.grad(scalar).apply(x).toDoubleArray();
        double[] v = x.toDoubleArray(), cd = new double[v.length];
        double h = 1e-6;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) continue;   // NaN stays NaN when nudged: the derivative is 0
            double[] up = v.clone(), down = v.clone();
            up[i] += h;
            down[i] -= h;
            cd[i] = (scalar.apply(arr(DType.F64, x.shape(), up)).doubleValue() - scalar.apply(arr(DType.F64, x.shape(), down)).doubleValue()) / (2 * h);
        }
        try {
            assertClose(g, cd, 1e-6);
        } catch (AssertionError e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }

    @Test
    void gradientsMatchCentralDifferences() {
        Array x = withNans(), p = plain(9, 4, 6);
        checkGrad("nansum", a -> Jnp.nansum(a, 1), x);
        checkGrad("nanprod", a -> Jnp.nanprod(a, 0), x);
        checkGrad("nanmean", a -> Jnp.nanmean(a, 1), x);
        checkGrad("nanvar", a -> Jnp.nanvar(a, 1, false, 1), x);
        checkGrad("nanstd", a -> Jnp.nanstd(a, 0), x);
        checkGrad("nanmax", a -> Jnp.nanmax(a, 1), x);
        checkGrad("nanmin", a -> Jnp.nanmin(a, 0), x);
        checkGrad("nancumsum", a -> Jnp.nancumsum(a, 1), x);
        checkGrad("ptp", a -> Jnp.ptp(a, 0), p);
        checkGrad("quantile", a -> Jnp.quantile(a, f64(0.1, 0.5, 0.85), 1, false, Jnp.QuantileMethod.LINEAR), p);
        checkGrad("median", a -> Jnp.median(a, 0, true), p);
        checkGrad("percentile", a -> Jnp.percentile(a, 37.0), p);
        checkGrad("nanquantile", a -> Jnp.nanquantile(a, f64(0.25, 0.6), 1, false, Jnp.QuantileMethod.LINEAR), x);
        checkGrad("nanmedian", a -> Jnp.nanmedian(a, 1, false), x);
        checkGrad("cov", a -> Jnp.cov(a), p);
        checkGrad("corrcoef", a -> Jnp.corrcoef(a, null, false), p);
        checkGrad("cov_aweights", a -> Jnp.cov(p, null, true, 1, null, Jnp.exp(a.get(0))), p);
        checkGrad("average", a -> Jnp.average(a, plain(2, 6), 1), p);
        checkGrad("partition", a -> Jnp.partition(a, 2, 1), p);
        checkGrad("histogram_density_weights", a -> Jnp.histogram(p, 4, new double[] {-3, 3}, Jnp.exp(a), true).hist(), p);
        checkGrad("bincount_weights", a -> Jnp.bincount(Jnp.astype(Jnp.add(p, 3.0), DType.I32).get(0), a.get(1), 6), p);
    }

    /** size = 0 asks for no positions: JAX returns empty index arrays (its scatter drops every position on the empty axis). */
    @Test
    void sizeZeroShouldGiveEmptyIndices() {
        Array x = f64(0, 1, 0, 2);
        Seq<Array> none = Jnp.nonzero(x, 0, 0);
        assertEquals(1, none.size());
        assertEquals(Shape.of(0), none.head().shape());
        assertEquals(Shape.of(0, 1), Jnp.argwhere(x, 0, 0).shape());
        assertEquals(Shape.of(0), Jax.jit((Array a) -> Jnp.flatnonzero(a, 0, 0)).apply(x).shape());
        // A dropping scatter onto an empty axis leaves the operand as it is; a clipping one still refuses.
        Array empty = Jnp.zeros(Shape.of(0), DType.F32);
        assertEquals(Shape.of(0), empty.at(i32(0, 3)).withMode(dev.jaxj.ir.Primitive.GatherScatterMode.FILL_OR_DROP).add(f64(1, 2)).shape());
        assertError(ShapeError.class, "at.add", () -> empty.at(i32(0, 3)).withMode(dev.jaxj.ir.Primitive.GatherScatterMode.CLIP).add(f64(1, 2)), "out of bounds");
    }

    @Test
    void valueDependentShapesNeedASizeUnderJit() {
        Array x = f64(3, 1, 0, 3);
        assertError(ConcretizationError.class, "unique", () -> Jax.jit((Array a) -> Jnp.unique(a)).apply(x), "size");
        assertError(ConcretizationError.class, "unique_counts", () -> Jax.jit((Array a) -> Jnp.uniqueCounts(a).get(0)).apply(x), "size");
        assertError(ConcretizationError.class, "nonzero", () -> Jax.jit((Array a) -> Jnp.nonzero(a).get(0)).apply(x), "size");
        assertError(ConcretizationError.class, "argwhere", () -> Jax.jit((Array a) -> Jnp.argwhere(a)).apply(x), "size");
        assertError(ConcretizationError.class, "flatnonzero", () -> Jax.jit((Array a) -> Jnp.flatnonzero(a)).apply(x), "size");
        assertError(ConcretizationError.class, "setdiff1d", () -> Jax.jit((Array a) -> Jnp.setdiff1d(a, f64(1))).apply(x), "size");
        assertError(ConcretizationError.class, "bincount", () -> Jax.jit((Array a) -> Jnp.bincount(Jnp.astype(a, DType.I32))).apply(x), "length");
        assertError(ConcretizationError.class, "ravel_multi_index",
                () -> Jax.jit((Array a) -> Jnp.ravelMultiIndex(Vector.of(a), 4)).apply(i32(1, 2)), "WRAP");
        assertError(ConcretizationError.class, "unique", () -> Jax.vmap((Array a) -> Jnp.unique(a)).apply(Jnp.stack(x, x)), "size");
    }

    @Test
    void sizedResultsArePaddedAsJaxPadsThem() {
        Array x = f64(3, 1, NAN, 3, 1, NAN);
        // unique: NaNs are one value; padding repeats the smallest value unless a fill value is given.
        assertArray(Jnp.unique(x), DType.F64, Shape.of(3), 1, 3, NAN);
        assertArray(Jnp.unique(x, null, true, 5, null).values(), DType.F64, Shape.of(5), 1, 3, NAN, 1, 1);
        assertArray(Jnp.unique(x, 2, 0.0), DType.F64, Shape.of(2), 1, 3);
        // The array-API forms keep every NaN distinct; padded counts are 0.
        assertArray(Jnp.uniqueValues(x), DType.F64, Shape.of(4), 1, 3, NAN, NAN);
        Seq<Array> uc = Jnp.uniqueCounts(x, 6, -1.0);
        assertArray(uc.get(0), DType.F64, Shape.of(6), 1, 3, NAN, NAN, -1, -1);
        assertArray(uc.get(1), DType.I32, Shape.of(6), 2, 2, 1, 1, 0, 0);
        // setdiff1d pads with 0, intersect1d and setxor1d with their smallest result.
        Array a = i32(5, 2, 9, 2), b = i32(9, 4);
        assertArray(Jax.jit((Array u) -> SetOps.setdiff1d(u, b, io.vavr.control.Option.some(4), io.vavr.control.Option.none())).apply(a),
                DType.I32, Shape.of(4), 2, 5, 0, 0);
        assertArray(SetOps.setxor1d(a, b, io.vavr.control.Option.some(5), io.vavr.control.Option.none()), DType.I32, Shape.of(5), 2, 4, 5, 2, 2);
        assertArray(SetOps.intersect1d(a, i32(7), io.vavr.control.Option.some(2), io.vavr.control.Option.none()), DType.I32, Shape.of(2), 0, 0);
        assertArray(Jnp.union1d(a, b, 6, -1), DType.I32, Shape.of(6), 2, 4, 5, 9, -1, -1);
        // nonzero: the first `size` coordinates, the rest filled.
        Array m = Jnp.array(new int[][] {{0, 7}, {3, 0}});
        Seq<Array> nz = Jax.jit((Array u) -> Jnp.nonzero(u, 3, -1)).apply(m);
        assertArray(nz.get(0), DType.I32, Shape.of(3), 0, 1, -1);
        assertArray(nz.get(1), DType.I32, Shape.of(3), 1, 0, -1);
        assertArray(Jnp.flatnonzero(m, 1, 0), DType.I32, Shape.of(1), 1);
        assertArray(Jnp.argwhere(m, 3, 0), DType.I32, Shape.of(3, 2), 0, 1, 1, 0, 0, 0);
        assertArray(Jnp.where(Jnp.array(new boolean[] {false, true, true})).get(0), DType.I32, Shape.of(2), 1, 2);
        assertArray(Jnp.argwhere(Array.scalar(true)), DType.I32, Shape.of(1, 0));
    }

    @Test
    void jaxRulesWhereNumpyDiffers() {
        // nanargmax/nanargmin give -1 for an all-NaN slice (NumPy raises).
        Array x = arr(DType.F32, Shape.of(2, 3), NAN, NAN, NAN, 1, NAN, 4);
        assertArray(Jnp.nanargmax(x, 1, false), DType.I32, Shape.of(2), -1, 2);
        assertArray(Jnp.nanargmin(x, 1, false), DType.I32, Shape.of(2), -1, 0);
        assertArray(Jnp.nanmax(x, 1), DType.F32, Shape.of(2), NAN, 4);
        // NEAREST picks the lower element at exactly half way (NumPy rounds half to even).
        Array q = Jnp.quantile(f64(10, 20, 30, 40), f64(0.5), Jnp.QuantileMethod.NEAREST);
        assertArray(q, DType.F64, Shape.of(1), 20);
        // bincount counts negative values as 0 and drops those past the length.
        assertArray(Jnp.bincount(i32(-2, 0, 1, 5, 1), null, 3), DType.I32, Shape.of(3), 2, 2, 0);
        // unravel_index wraps negative indices and clips the rest into range.
        Seq<Array> u = Jnp.unravelIndex(i32(-1, 12, -13, 100), 3, 4);
        assertArray(u.get(0), DType.I32, Shape.of(4), 2, 2, 0, 2);
        assertArray(u.get(1), DType.I32, Shape.of(4), 3, 3, 0, 3);
        // partition: the kth+1 smallest ascending, the rest descending; argpartition the rest by index.
        assertArray(Jnp.partition(f64(5, 1, 4, 2, 3), 1), DType.F64, Shape.of(5), 1, 2, 5, 4, 3);
        assertArray(Jnp.argpartition(f64(5, 1, 4, 2, 3), 1), DType.I32, Shape.of(5), 1, 3, 0, 2, 4);
        // Integer data: quantiles compute in f32, nan-functions reduce as the plain ones.
        assertArray(Jnp.median(i32(1, 2, 3, 4)), DType.F32, Shape.SCALAR, 2.5);
        assertArray(Jnp.quantile(Jnp.array(new boolean[] {false, true, true}), 0.25), DType.F32, Shape.SCALAR, 0.5);
        assertArray(Jnp.nansum(i32(1, 2, 3)), DType.I32, Shape.SCALAR, 6);
        assertArray(Jnp.nanmean(i32(1, 2)), DType.F32, Shape.SCALAR, 1.5);
    }

    @Test
    void badArgumentsNameTheFunction() {
        Array x = f64(1, 2, 3);
        assertError(ArgumentError.class, "quantile", () -> Jnp.quantile(x, 1.5), "[0, 1]");
        assertError(ArgumentError.class, "percentile", () -> Jnp.percentile(x, 150), "[0, 100]");
        assertError(ArgumentError.class, "median", () -> Jnp.median(Jnp.reshape(x, 1, 3), new int[] {1, -1}, false), "repeated");
        assertError(ShapeError.class, "nanmax", () -> Jnp.nanmax(f64(), 0), "zero-size");
        assertError(ShapeError.class, "searchsorted", () -> Jnp.searchsorted(Jnp.reshape(x, 3, 1), x), "1-d");
        assertError(ArgumentError.class, "partition", () -> Jnp.partition(x, 3), "kth");
        assertError(ArgumentError.class, "nonzero", () -> Jnp.nonzero(Array.scalar(1.0)), "0-d");
        assertError(ArgumentError.class, "ravel_multi_index", () -> Jnp.ravelMultiIndex(Vector.of(i32(0, 3)), 3), "out of bounds");
        assertError(dev.jaxj.errors.DTypeError.class, "bincount", () -> Jnp.bincount(x), "integer");
        assertError(dev.jaxj.errors.DTypeError.class, "ptp", () -> Jnp.ptp(Jnp.array(new boolean[] {true})), "bool");
    }

    @Test
    void searchsortedHandlesEdgesAndEmptyArrays() {
        Array a = f64(1, 1, 1);
        assertArray(Jnp.searchsorted(a, f64(0, 1, 2)), DType.I32, Shape.of(3), 0, 0, 3);
        assertArray(Jnp.searchsorted(a, f64(0, 1, 2), true), DType.I32, Shape.of(3), 0, 3, 3);
        assertArray(Jnp.searchsorted(f64(), f64(0, 1)), DType.I32, Shape.of(2), 0, 0);
        assertArray(Jnp.searchsorted(i32(0, 2, 4, 6, 8, 10, 12, 14, 16), i32(-1, 0, 7, 16, 17)), DType.I32, Shape.of(5), 0, 0, 4, 8, 9);
        assertArray(Jnp.isin(f64(NAN, 1), f64(NAN, 1)), DType.BOOL, Shape.of(2), 0, 1);
        assertArray(Jnp.isin(f64(1), f64()), DType.BOOL, Shape.of(1), 0);
    }
}
