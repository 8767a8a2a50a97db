package dev.jaxj.numpy;

import dev.jaxj.Jnp.HistogramDd;
import dev.jaxj.Jnp.RavelMode;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.stream.IntStream;

/**
 * Multidimensional histograms, {@code histogramdd} and {@code histogram2d}: each point's bin
 * along every dimension (the last bin closed), one flat index per point, one bin count. Points
 * outside the edges are not counted.
 */
public final class Histograms {
    private Histograms() {}

    /**
     * The histogram of the {@code N} points in the rows of {@code sample} ({@code (N, D)}, or
     * {@code (N,)} for {@code D = 1}) with {@code bins[i]} equal bins over {@code range[i]}
     * (the data's extent when none).
     */
    public static HistogramDd histogramdd(String op, Array sample, int[] bins, Option<double[][]> range, Option<Array> weights, boolean density) {
        Array s = columns(op, sample);
        int d = s.shape().dim(1);
        if (bins.length != d) throw new ArgumentError(op, "needs one bin count per dimension (" + d + "), got " + bins.length + " for " + sample.aval());
        if (range.isDefined() && range.get().length != d) throw new ArgumentError(op, "needs one range per dimension (" + d + "), got " + range.get().length);
        Vector<Array> edges = Vector.range(0, d).map(i -> Statistics.histogramBinEdges(column(s, i), bins[i], range.map(r -> r[i])));
        return histogramdd(op, sample, edges, weights, density);
    }

    /** {@link #histogramdd(String, Array, int[], Option, Option, boolean)} over given increasing 1-d edges per dimension. */
    public static HistogramDd histogramdd(String op, Array sample, Seq<Array> edges, Option<Array> weights, boolean density) {
        Array s = columns(op, sample);
        int d = s.shape().dim(1), n = s.shape().dim(0);
        if (edges.size() != d) throw new ArgumentError(op, "needs edges for each of the " + d + " dimensions, got " + edges.size() + " for " + sample.aval());
        if (weights.isDefined() && !weights.get().shape().equals(Shape.of(n))) {
            throw new ShapeError(op, "weights must have one entry per point, got " + Operands.avals(sample, weights.get()));
        }
        Vector<Array> idx = Vector.empty();
        int[] nbins = new int[d];
        for (int i = 0; i < d; i++) {
            Array e = edges.get(i);
            if (e.ndim() != 1 || e.size() < 2) throw new ShapeError(op, "bin edges must be 1-d with at least 2 entries, got " + e.aval());
            Vector<Array> p = NumpyOps.promote(op, Promotion.Kind.ANY, Vector.of(column(s, i), e)).toVector();
            Array x = p.get(0), last = Lax.broadcastInDim(Lax.reshape(Searching.slice(p.get(1), 0, e.size() - 1, e.size()), Shape.SCALAR), x.shape(), Vector.empty());
            Array b = Searching.searchsorted(e, column(s, i), true);
            // The last edge closes the last bin.
            idx = idx.append(Lax.select(Lax.eq(x, last), Operands.add(b, -1), b));
            nbins[i] = e.size() + 1;
        }
        Array flat = Indices.ravelMultiIndex(idx, nbins, RavelMode.CLIP);
        int total = IntStream.of(nbins).reduce(1, (a, b) -> a * b);
        Array counts = Statistics.bincount(flat, weights, 0, Option.some(total));
        Array hist = Lax.reshape(counts, Shape.of(nbins));
        for (int i = 0; i < d; i++) hist = Manipulation.sliceAxis(hist, i, 1, nbins[i] - 1);
        if (density) {
            // Counts become floats, and the widths' dtype joins in, as JAX's division promotes.
            DType t = Operands.inexact(hist).dtype();
            for (Array e : edges) t = Promotion.promoteTypes(t, Operands.inexact(e).dtype());
            Array h = Lax.convertElementType(hist, t, false);
            h = Lax.div(h, Lax.broadcastInDim(Lax.reduceSum(h, Vector.range(0, d)), h.shape(), Vector.empty()));
            for (int i = 0; i < d; i++) {
                Array e = Lax.convertElementType(edges.get(i), h.dtype());
                int m = e.size();
                Array w = Lax.sub(Searching.slice(e, 0, 1, m), Searching.slice(e, 0, 0, m - 1));
                h = Lax.div(h, Lax.broadcastInDim(w, h.shape(), Vector.of(i)));
            }
            hist = h;
        }
        return new HistogramDd(hist, edges);
    }

    private static Array columns(String op, Array sample) {
        if (sample.ndim() == 1) return Lax.reshape(sample, Shape.of(sample.size(), 1));
        if (sample.ndim() != 2) throw new ShapeError(op, "sample must be (N, D) or (N,), got " + sample.aval());
        return sample;
    }

    private static Array column(Array s, int i) { return Lax.reshape(Manipulation.sliceAxis(s, 1, i, i + 1), Shape.of(s.shape().dim(0))); }

    /** {@return the points (x[i], y[i]) as the rows of an (N, 2) sample} */
    public static Array pairs(Array x, Array y) {
        if (x.ndim() != 1 || !x.shape().equals(y.shape())) throw new ShapeError("histogram2d", "x and y must be 1-d of one length, got " + Operands.avals(x, y));
        Vector<Array> p = NumpyOps.promote("histogram2d", Promotion.Kind.ANY, Vector.of(x, y)).toVector();
        return Joining.stack(p, 1);
    }

}
