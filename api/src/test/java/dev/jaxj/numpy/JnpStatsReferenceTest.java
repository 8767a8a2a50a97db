package dev.jaxj.numpy;

import dev.jaxj.Jnp;
import dev.jaxj.ReferenceFile;
import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static dev.jaxj.ArrayAssertions.arr;
import static dev.jaxj.ArrayAssertions.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Statistics, NaN-aware reductions, set operations, searching and index helpers against
 * NumPy's results, stored in {@code stats_reference.txt} by {@code stats_reference.py} beside
 * it. f64 results agree to 1e-12 relative (NumPy and jaxj sum and interpolate in different
 * orders), f32 ones to 1e-6, integers and bools exactly.
 */
class JnpStatsReferenceTest {
    private static final Map<String, Map<String, Array>> CASES = load();

    private static Map<String, Map<String, Array>> load() {
        try (InputStream in = JnpStatsReferenceTest.class.getResourceAsStream("stats_reference.txt")) {
            assertNotNull(in, "stats_reference.txt is missing");
            Map<String, Map<String, Array>> cases = new HashMap<>();
            Map<String, Array> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                String[] f = line.trim().split(" ");
                if (f[0].equals("case")) {
                    current = new HashMap<>();
                    cases.put(f[1], current);
                    continue;
                }
                DType d = switch (f[1]) {
                    case "f32" -> DType.F32;
                    case "f64" -> DType.F64;
                    case "i32" -> DType.I32;
                    case "i64" -> DType.I64;
                    case "bool" -> DType.BOOL;
                    default -> throw new IllegalStateException("unknown dtype in " + line);
                };
                Shape s = f[2].equals("-") ? Shape.SCALAR : Shape.of(java.util.Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray());
                double[] v = new double[f.length - 3];
                for (int i = 0; i < v.length; i++) v[i] = ReferenceFile.parse(f[i + 3]);
                current.put(f[0], arr(d, s, v));
            }
            return cases;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    private static Array in(String c, int i) { return array(c, "in" + i); }

    private static Array array(String c, String label) {
        Map<String, Array> m = CASES.get(c);
        assertNotNull(m, "no case " + c);
        Array a = m.get(label);
        assertNotNull(a, "no " + label + " in case " + c);
        return a;
    }

    /** Checks {@code actual} against output {@code i} of case {@code c}: dtype, shape and values. */
    private static void expect(String c, int i, Array actual) {
        Array e = array(c, "out" + i);
        double tol = switch (e.dtype()) {
            case F64 -> 1e-12;
            case F32 -> 1e-6;
            default -> 0;
        };
        assertNear(actual, e.dtype(), e.shape(), tol, e.toDoubleArray());
    }

    private static void expectAll(String c, int from, Seq<Array> actual) {
        for (int i = 0; i < actual.size(); i++) expect(c, from + i, actual.get(i));
    }

    @Test
    void nanReductionsMatchNumpy() {
        Array x = in("nansum", 0);
        expect("nansum", 0, Jnp.nansum(x, 1));
        expect("nansum", 1, Jnp.nansum(x));
        expect("nanprod", 0, Jnp.nanprod(x, 1));
        expect("nanprod", 1, Jnp.nanprod(x, 0));
        expect("nanmean", 0, Jnp.nanmean(x, 1));
        expect("nanmean", 1, Jnp.nanmean(x));
        expect("nanvar", 0, Jnp.nanvar(x, 1));
        expect("nanvar", 1, Jnp.nanvar(x, 1, false, 1));
        expect("nanvar", 2, Jnp.nanstd(x, 0));
        expect("nanmax", 0, Jnp.nanmax(x, 1));
        expect("nanmax", 1, Jnp.nanmin(x, 1));
        expect("nanmax", 2, Jnp.nanmax(x));
        expect("nancumsum", 0, Jnp.nancumsum(x, 1));
        expect("nancumsum", 1, Jnp.nancumprod(x, 0));
        expect("nancumsum", 2, Jnp.nancumsum(x));
        Array y = in("nanargmax", 0);
        expect("nanargmax", 0, Jnp.nanargmax(y, 1, false));
        expect("nanargmax", 1, Jnp.nanargmin(y, 1, false));
        expect("nanargmax", 2, Jnp.nanargmax(y));
        expect("nanargmax", 3, Jnp.nanargmin(y, 0, false));
        Array p = in("ptp", 0);
        expect("ptp", 0, Jnp.ptp(p, 0));
        expect("ptp", 1, Jnp.ptp(p));
    }

    @Test
    void quantilesMatchNumpy() {
        Array a = in("quantile", 0), q = in("quantile", 1);
        Jnp.QuantileMethod[] methods = {Jnp.QuantileMethod.LINEAR, Jnp.QuantileMethod.LOWER, Jnp.QuantileMethod.HIGHER, Jnp.QuantileMethod.MIDPOINT};
        for (int i = 0; i < methods.length; i++) expect("quantile", i, Jnp.quantile(a, q, 1, false, methods[i]));
        expect("quantile_nearest", 0, Jnp.quantile(in("quantile_nearest", 0), in("quantile_nearest", 1), 1, false, Jnp.QuantileMethod.NEAREST));
        Array f = in("quantile_flat", 0);
        expect("quantile_flat", 0, Jnp.quantile(f, 0.37));
        expect("quantile_flat", 1, Jnp.median(f));
        expect("quantile_flat", 2, Jnp.percentile(f, 80.0));
        expect("quantile_flat", 3, Jnp.median(f, 0, true));
        expect("quantile_flat", 4, Jnp.quantile(f, arr(DType.F32, Shape.of(2), 0.2, 0.7), 1, true, Jnp.QuantileMethod.LINEAR));
        Array b = in("nanquantile", 0), qb = in("nanquantile", 1);
        expect("nanquantile", 0, Jnp.nanquantile(b, qb, 1, false, Jnp.QuantileMethod.LINEAR));
        expect("nanquantile", 1, Jnp.nanmedian(b, 1, false));
        expect("nanquantile", 2, Jnp.nanpercentile(b, arr(DType.F64, Shape.SCALAR, 30), 1, false, Jnp.QuantileMethod.LINEAR));
        expect("nanquantile", 3, Jnp.median(b, 1, false));
        Array c3 = in("quantile_axes", 0);
        expect("quantile_axes", 0, Jnp.quantile(Jnp.nanToNum(c3), arr(DType.F64, Shape.of(2), 0.3, 0.75), new int[] {0, 2}, false, Jnp.QuantileMethod.LINEAR));
        expect("quantile_axes", 1, Jnp.median(Jnp.nanToNum(c3), new int[] {2, 0}, true));
        expect("quantile_axes", 2, Jnp.nanquantile(c3, arr(DType.F64, Shape.SCALAR, 0.6), new int[] {1, 2}, true, Jnp.QuantileMethod.LINEAR));
    }

    @Test
    void histogramsBinsAndCovariancesMatchNumpy() {
        Array h = in("histogram", 0);
        Jnp.Histogram r = Jnp.histogram(h, 7);
        expect("histogram", 0, r.hist());
        expect("histogram", 1, r.binEdges());
        Array w = in("histogram_range", 1);
        Jnp.Histogram rw = Jnp.histogram(h, 5, new double[] {-2, 3}, w, false);
        expect("histogram_range", 0, rw.hist());
        expect("histogram_range", 1, rw.binEdges());
        expect("histogram_range", 2, Jnp.histogram(h, 5, new double[] {-2, 3}, null, true).hist());
        expect("histogram_edges", 0, Jnp.histogram(h, in("histogram_edges", 1), null, false).hist());
        Array xi = in("bincount", 0), wi = in("bincount", 1);
        expect("bincount", 0, Jnp.bincount(xi));
        expect("bincount", 1, Jnp.bincount(xi, wi, 12));
        expect("bincount", 2, Jnp.bincount(xi, wi, 12, null));
        Array v = in("digitize", 0), bins = in("digitize", 1);
        Array down = Jnp.flip(bins);
        expect("digitize", 0, Jnp.digitize(v, bins));
        expect("digitize", 1, Jnp.digitize(v, bins, true));
        expect("digitize", 2, Jnp.digitize(v, down));
        expect("digitize", 3, Jnp.digitize(v, down, true));
        Array m = in("cov", 0), yy = in("cov", 1);
        expect("cov", 0, Jnp.cov(m));
        expect("cov", 1, Jnp.cov(Jnp.transpose(m), null, false, 0));
        expect("cov", 2, Jnp.cov(m, yy, true, 1));
        expect("cov", 3, Jnp.cov(m.get(0)));
        expect("cov", 4, Jnp.corrcoef(m));
        expect("cov", 5, Jnp.corrcoef(m, yy, true));
        Array mw = in("cov_weights", 0), fw = in("cov_weights", 1), aw = in("cov_weights", 2);
        expect("cov_weights", 0, Jnp.cov(mw, null, true, 1, fw, null));
        expect("cov_weights", 1, Jnp.cov(mw, null, true, 1, null, aw));
        expect("cov_weights", 2, Jnp.cov(mw, null, true, 1, fw, aw));
        expect("cov_weights", 3, Jnp.cov(mw, null, true, 0, fw, aw));
    }

    @Test
    void searchingAndPartialSortingMatchNumpy() {
        Array s = in("searchsorted", 0), v = in("searchsorted", 1);
        expect("searchsorted", 0, Jnp.searchsorted(s, v));
        expect("searchsorted", 1, Jnp.searchsorted(s, v, true));
        Array shuffled = in("searchsorted", 2);
        expect("searchsorted", 2, Jnp.searchsorted(shuffled, v, false, Jnp.argsort(shuffled)));
        expect("lexsort", 0, Jnp.lexsort(in("lexsort", 0), in("lexsort", 1)));
        Array pa = in("partition", 0);
        expect("partition", 0, Jnp.partition(pa, 3));
        expect("partition", 1, Jnp.argpartition(pa, 3));
    }

    @Test
    void setOperationsMatchNumpy() {
        Array u = in("unique", 0);
        Jnp.UniqueAll eq = Jnp.unique(u, null, true, null, null);
        expect("unique", 0, Jnp.unique(u));
        expect("unique", 1, eq.indices());
        expect("unique", 2, Jnp.ravel(eq.inverseIndices()));
        expect("unique", 3, eq.counts());
        Jnp.UniqueAll all = Jnp.uniqueAll(u);
        expectAll("unique_all", 0, Vector.of(all.values(), all.indices(), all.inverseIndices(), all.counts()));
        expectAll("unique_all", 0, Jnp.uniqueInverse(u).take(1));
        expect("unique_all", 2, Jnp.uniqueInverse(u).get(1));
        expect("unique_all", 3, Jnp.uniqueCounts(u).get(1));
        expect("unique_all", 0, Jnp.uniqueValues(u));
        Jnp.UniqueAll rows = Jnp.unique(in("unique_axis", 0), 0, true, null, null);
        expectAll("unique_axis", 0, Vector.of(rows.values(), rows.indices(), rows.inverseIndices(), rows.counts()));
        Jnp.UniqueAll cols = Jnp.unique(in("unique_axis", 1), -1, true, null, null);
        expectAll("unique_axis", 4, Vector.of(cols.values(), cols.indices(), cols.inverseIndices(), cols.counts()));
        Array s1 = in("setops", 0), s2 = in("setops", 1);
        expect("setops", 0, Jnp.union1d(s1, s2));
        expect("setops", 1, Jnp.intersect1d(s1, s2));
        expect("setops", 2, Jnp.setdiff1d(s1, s2));
        expect("setops", 3, Jnp.setxor1d(s1, s2));
        expect("setops", 4, Jnp.isin(s2, s1));
        expect("setops", 5, Jnp.isin(s1, s2, true));
    }

    @Test
    void indexHelpersMatchNumpy() {
        Array nz = in("nonzero", 0);
        expectAll("nonzero", 0, Jnp.nonzero(nz));
        expect("nonzero", 2, Jnp.flatnonzero(nz));
        expect("nonzero", 3, Jnp.argwhere(nz));
        Seq<Array> ui = Jnp.unravelIndex(in("unravel_index", 0), 3, 4);
        expectAll("unravel_index", 0, ui);
        expect("unravel_index", 2, Jnp.ravelMultiIndex(ui, 3, 4));
        Seq<Array> ri = Vector.of(in("ravel_multi_index", 0), in("ravel_multi_index", 1));
        expect("ravel_multi_index", 0, Jnp.ravelMultiIndex(ri, new int[] {3, 4}, Jnp.RavelMode.CLIP));
        expect("ravel_multi_index", 1, Jnp.ravelMultiIndex(ri, new int[] {3, 4}, Jnp.RavelMode.WRAP));
        expect("indices", 0, Jnp.indices(2, 3));
        Seq<Array> t = Jnp.trilIndices(4, -1, 5)
                .appendAll(Jnp.triuIndices(4, 1, 3))
                .appendAll(Jnp.maskIndices(4, Jnp::triu, 1))
                .appendAll(Jnp.trilIndicesFrom(Jnp.zeros(3, 5), 1));
        assertEquals(8, t.size());
        expectAll("tri_indices", 0, t);
    }
}
