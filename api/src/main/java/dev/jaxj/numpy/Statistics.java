package dev.jaxj.numpy;

import dev.jaxj.Jnp.Histogram;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.array.Take;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.array.Tracer;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static dev.jaxj.numpy.Operands.fullLike;

/**
 * Histograms, bin counts and covariances: {@code histogram}, {@code histogram_bin_edges},
 * {@code bincount}, {@code cov}, {@code corrcoef}. Counting is one scatter-add, so every
 * function traces; output shapes depend only on static arguments ({@code bins},
 * {@code length}), which is why {@code bincount} needs {@code length} under a transform.
 */
public final class Statistics {
    private Statistics() {}

    /**
     * {@code bins + 1} evenly spaced edges from {@code lo} to {@code hi}, in {@code a}'s
     * floating dtype; without a range, from {@code a}'s minimum to its maximum, widened by
     * 0.5 on both sides when they are equal.
     */
    public static Array histogramBinEdges(Array a, int bins, Option<double[]> range) {
        String op = "histogram_bin_edges";
        if (bins < 1) throw new ArgumentError(op, "bins must be positive, got " + bins);
        Array f = Operands.inexact(a);
        if (f.weakType()) f = Lax.convertElementType(f, f.dtype(), false);
        Array lo, hi;
        if (range.isDefined()) {
            double[] r = range.get();
            if (r.length != 2 || !(r[0] <= r[1])) throw new ArgumentError(op, "range must be (lo, hi) with lo <= hi, got " + java.util.Arrays.toString(r));
            lo = Array.scalar(r[0], f.dtype());
            hi = Array.scalar(r[1], f.dtype());
        } else {
            if (a.size() == 0) throw new ShapeError(op, "needs a range for an empty array, got " + a.aval());
            lo = Lax.reduceMin(f, Vector.range(0, f.ndim()));
            hi = Lax.reduceMax(f, Vector.range(0, f.ndim()));
        }
        Array same = Lax.eq(lo, hi);
        lo = Lax.select(same, Lax.sub(lo, fullLike(lo, 0.5)), lo);
        hi = Lax.select(same, Lax.add(hi, fullLike(hi, 0.5)), hi);
        // As linspace: start + i * step for the first bins edges, and the stop exactly.
        Array step = Lax.div(Lax.sub(hi, lo), fullLike(hi, bins));
        Shape s = Shape.of(bins);
        Array iota = Lax.iota(f.dtype(), s, 0);
        Array first = Lax.add(Lax.broadcastInDim(lo, s, Vector.empty()), Lax.mul(iota, Lax.broadcastInDim(step, s, Vector.empty())));
        return Lax.concatenate(Vector.of(first, Lax.reshape(hi, Shape.of(1))), 0);
    }

    /**
     * The histogram of the flattened {@code a} over the given increasing {@code edges}: values
     * outside {@code [edges[0], edges[-1]]} are not counted. With {@code weights} (shaped like
     * {@code a}) each value adds its weight; with {@code density} the result integrates to 1.
     */
    public static Histogram histogram(Array a, Array edges, Option<Array> weights, boolean density) {
        String op = "histogram";
        if (edges.ndim() != 1 || edges.shape().dim(0) < 2) throw new ShapeError(op, "bin edges must be 1-d with at least 2 entries, got " + edges.aval());
        if (weights.isDefined() && !weights.get().shape().equals(a.shape())) {
            throw new ShapeError(op, "weights must have the shape of a, got " + Operands.avals(a, weights.get()));
        }
        Array x = Manipulation.ravel(a);
        int m = edges.shape().dim(0);
        Array idx = Searching.searchsorted(edges, x, true);
        // The last edge closes the last bin.
        Array lastEdge = Take.take(edges, Array.scalar(m - 1, DType.I32), 0, Take.Mode.CLIP);
        Vector<Array> cmp = NumpyOps.promote(op, Promotion.Kind.ANY, Vector.of(x, lastEdge)).toVector();
        idx = Lax.select(Lax.eq(cmp.get(0), Lax.broadcastInDim(cmp.get(1), x.shape(), Vector.empty())), fullLike(idx, m - 1), idx);
        Array w = weights.isDefined() ? Manipulation.ravel(weights.get()) : Lax.broadcastInDim(Array.scalar(1, DType.I32), x.shape(), Vector.empty());
        if (density) w = Operands.inexact(w);
        Array counts = scatterAdd(Lax.broadcastInDim(Array.scalar(0, w.dtype()), Shape.of(m + 1), Vector.empty()), idx, w);
        Array hist = Searching.slice(counts, 0, 1, m);
        if (density) {
            Vector<Array> p = NumpyOps.promote(op, Promotion.Kind.INEXACT, Vector.of(hist, edges)).toVector();
            Array e = p.get(1), h = p.get(0);
            Array widths = Lax.sub(Searching.slice(e, 0, 1, m), Searching.slice(e, 0, 0, m - 1));
            Array total = Lax.broadcastInDim(Lax.reduceSum(h, Vector.of(0)), h.shape(), Vector.empty());
            hist = Lax.div(Lax.div(h, widths), total);
        }
        return new Histogram(hist, edges);
    }

    /** {@return {@code zeros} with {@code values[i]} added at {@code index[i]}}; out-of-range positions are dropped */
    static Array scatterAdd(Array zeros, Array index, Array values) {
        return zeros.at(index).withMode(GatherScatterMode.FILL_OR_DROP).add(values);
    }

    /**
     * The number of occurrences of each value {@code 0..length-1} in the 1-d non-negative
     * integer {@code x} (or the sum of their weights). As in JAX, negative values count as 0
     * and values from {@code length} on are dropped; without a {@code length} it is
     * {@code max(minlength, max(x) + 1)}, which needs a concrete {@code x}.
     */
    public static Array bincount(Array x, Option<Array> weights, int minlength, Option<Integer> length) {
        String op = "bincount";
        if (!x.dtype().isInteger() && !x.dtype().isBool()) throw new DTypeError(op, "requires integer operands, got " + x.aval());
        if (x.ndim() != 1) throw new ShapeError(op, "x must be 1-d, got " + x.aval());
        if (minlength < 0) throw new ArgumentError(op, "minlength must be non-negative, got " + minlength);
        if (weights.isDefined() && !weights.get().shape().equals(x.shape())) {
            throw new ShapeError(op, "weights must have the shape of x, got " + Operands.avals(x, weights.get()));
        }
        int n = length.getOrElse(() -> {
            if (x instanceof Tracer) {
                throw new ConcretizationError(op, "the output length depends on the values of x, got a traced " + x.aval()
                        + "; pass a static length, as JAX's length argument");
            }
            int max = -1;
            for (long v : x.toLongArray()) max = (int) Math.max(max, v);
            return Math.max(minlength, max + 1);
        });
        if (n < 0) throw new ArgumentError(op, "length must be non-negative, got " + n);
        Array xi = Lax.convertElementType(x, x.dtype().isBool() ? DType.I32 : x.dtype());
        Array idx = Lax.max(xi, fullLike(xi, 0));
        Array w = weights.getOrElse(() -> Lax.broadcastInDim(Array.scalar(1, DType.I32), x.shape(), Vector.empty()));
        if (w.dtype().isBool()) w = Lax.convertElementType(w, DType.I32);
        return scatterAdd(Lax.broadcastInDim(Array.scalar(0, w.dtype()), Shape.of(n), Vector.empty()), idx, w);
    }

    /**
     * The covariance matrix of the variables in the rows of {@code m} (the columns when
     * {@code rowvar} is false), with {@code y}'s variables appended: divisor {@code N - ddof};
     * one variable gives a scalar.
     */
    public static Array cov(Array m, Option<Array> y, boolean rowvar, int ddof) {
        return cov(m, y, rowvar, ddof, Option.none(), Option.none());
    }

    /**
     * {@link #cov(Array, Option, boolean, int)} with NumPy's observation weights: integer
     * frequencies {@code fweights} and reliability weights {@code aweights}, each 1-d with one
     * entry per observation; the mean is weighted and the divisor is {@code sum(w) - ddof} (with
     * {@code ddof * sum(w * aweights) / sum(w)} in place of {@code ddof} for reliability weights).
     */
    public static Array cov(Array m, Option<Array> y, boolean rowvar, int ddof, Option<Array> fweights, Option<Array> aweights) {
        String op = "cov";
        if (m.ndim() > 2) throw new ShapeError(op, "m must have at most 2 axes, got " + m.aval());
        Array x = variables(m, rowvar);
        if (y.isDefined()) {
            if (y.get().ndim() > 2) throw new ShapeError(op, "y must have at most 2 axes, got " + y.get().aval());
            Vector<Array> p = NumpyOps.promote(op, Promotion.Kind.INEXACT, Vector.of(x, variables(y.get(), rowvar))).toVector();
            x = Joining.concatenate(p, 0);
        } else {
            x = Operands.inexact(x);
        }
        int n = x.shape().dim(1);
        for (Array w : fweights.toVector().appendAll(aweights)) {
            if (w.ndim() != 1 || w.shape().dim(0) != n) {
                throw new ShapeError(op, "weights must be 1-d with one entry per observation (" + n + "), got " + w.aval());
            }
        }
        if (fweights.isDefined() && !fweights.get().dtype().isInteger()) throw new DTypeError(op, "fweights must be integers, got " + fweights.get().aval());
        DType dt = x.dtype();
        Option<Array> w = fweights.map(f -> Lax.convertElementType(f, dt));
        Option<Array> a = aweights.map(v -> Lax.convertElementType(v, dt));
        if (a.isDefined()) w = Option.some(w.isDefined() ? Lax.mul(w.get(), a.get()) : a.get());
        Array fact, mean;
        if (w.isEmpty()) {
            mean = Lax.div(Lax.reduceSum(x, Vector.of(1)), fullLike(Lax.reduceSum(x, Vector.of(1)), n));
            fact = Array.scalar(n - (double) ddof, x.dtype());
        } else {
            Array wb = Lax.broadcastInDim(w.get(), x.shape(), Vector.of(1));
            Array wSum = Lax.reduceSum(w.get(), Vector.of(0));
            mean = Lax.div(Lax.reduceSum(Lax.mul(x, wb), Vector.of(1)), Lax.broadcastInDim(wSum, Shape.of(x.shape().dim(0)), Vector.empty()));
            Array correction = a.isEmpty()
                    ? fullLike(wSum, ddof)
                    : Lax.div(Lax.mul(fullLike(wSum, ddof), Lax.reduceSum(Lax.mul(w.get(), a.get()), Vector.of(0))), wSum);
            fact = Lax.sub(wSum, correction);
        }
        Array c = Lax.sub(x, Lax.broadcastInDim(mean, x.shape(), Vector.of(0)));
        Array weighted = w.isEmpty() ? c : Lax.mul(c, Lax.broadcastInDim(w.get(), x.shape(), Vector.of(1)));
        Array prod = Linalg.matmul(c, Manipulation.transpose(weighted));
        Array r = Lax.div(prod, Lax.broadcastInDim(fact, prod.shape(), Vector.empty()));
        return Manipulation.squeeze(r);
    }

    /** {@return the variables of {@code a} as rows of a matrix} */
    private static Array variables(Array a, boolean rowvar) {
        Array x = Manipulation.atleast2d(a);
        return !rowvar && x.shape().dim(0) != 1 ? Manipulation.transpose(x) : x;
    }

    /** The Pearson correlation coefficients {@code cov[i,j] / sqrt(cov[i,i] cov[j,j])}, clipped to [-1, 1]. */
    public static Array corrcoef(Array m, Option<Array> y, boolean rowvar) {
        Array c = cov(m, y, rowvar, 1);
        if (c.ndim() == 0) return Lax.div(c, c);
        Array sd = Lax.sqrt(Matrices.diagonal(c, 0, 0, 1));
        Array r = Lax.div(c, Lax.broadcastInDim(sd, c.shape(), Vector.of(0)));
        r = Lax.div(r, Lax.broadcastInDim(sd, c.shape(), Vector.of(1)));
        return Lax.clamp(fullLike(r, -1), r, fullLike(r, 1));
    }
}
