package dev.jaxj.numpy;

import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Take;
import dev.jaxj.array.Tracer;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ConcretizationError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import static dev.jaxj.array.Promotion.Kind.ANY;
import static dev.jaxj.array.Promotion.Kind.INEXACT;

/**
 * NumPy's polynomial functions over 1-d coefficient arrays, highest power first, with JAX's
 * dtypes: {@code polyadd}/{@code polysub} promote, the others compute in floating point.
 * Lengths are static, so each is a fixed composite of primitives that differentiates, jits and
 * vmaps; only {@code trim_zeros}, whose length depends on values, needs concrete input.
 */
public final class Polynomials {
    private Polynomials() {}

    private static void require1d(String op, Array... xs) {
        for (Array x : xs) {
            if (x.ndim() != 1) throw new ShapeError(op, "requires 1-d coefficient arrays, got " + Operands.avals(xs));
        }
    }

    /** {@return {@code x[i]} along axis 0, one axis fewer} */
    static Array at(Array x, int i) {
        Vector<Integer> start = Vector.fill(x.ndim(), 0).update(0, i), limit = x.shape().toSeq().update(0, i + 1);
        return Lax.squeeze(Lax.slice(x, start, limit, Vector.fill(x.ndim(), 1)), Vector.of(0));
    }

    /** {@return {@code x[from:to]} along {@code axis}} */
    static Array range(Array x, int axis, int from, int to) {
        Vector<Integer> start = Vector.fill(x.ndim(), 0).update(axis, from), limit = x.shape().toSeq().update(axis, to);
        return Lax.slice(x, start, limit, Vector.fill(x.ndim(), 1));
    }

    /**
     * Horner's rule unrolled over the static number of coefficients (the leading axis of
     * {@code p}); the result has the broadcast shape of {@code p[0]} and {@code x}.
     */
    public static Array polyval(Array p, Array x) {
        if (p.ndim() < 1) throw new ShapeError("polyval", "requires coefficients with a leading axis, got " + Operands.avals(p, x));
        Vector<Array> px = NumpyOps.promote("polyval", INEXACT, Vector.of(p, x)).toVector();
        Array c = px.get(0), v = px.get(1);
        Shape out = NumpyOps.broadcastShapes("polyval", Vector.of(Shape.of(c.shape().toSeq().drop(1)), v.shape()));
        Array y = Creation.full(out, 0.0, c.dtype());
        for (int i = 0; i < c.shape().dim(0); i++) y = Elementwise.add(Elementwise.multiply(y, v), at(c, i));
        return NumpyOps.broadcastTo(y, out);
    }

    /** The sum of two polynomials: the shorter is aligned with the low powers of the longer; dtypes promote. */
    public static Array polyadd(Array a1, Array a2) { return combine("polyadd", a1, a2, false); }

    /** {@code a1 - a2} as polynomials. */
    public static Array polysub(Array a1, Array a2) { return combine("polysub", a1, a2, true); }

    private static Array combine(String op, Array a1, Array a2, boolean subtract) {
        require1d(op, a1, a2);
        Vector<Array> p = NumpyOps.promote(op, ANY, Vector.of(a1, a2)).toVector();
        int n = Math.max(a1.size(), a2.size());
        Array x = padFront(p.get(0), n), y = padFront(p.get(1), n);
        return subtract ? Elementwise.subtract(x, y) : Elementwise.add(x, y);
    }

    /** Zeros before {@code x} up to length {@code n}: the missing high powers. */
    private static Array padFront(Array x, int n) {
        if (x.size() == n) return x;
        return Lax.pad(x, Array.scalar(0.0, x.dtype()), Vector.of(new dev.jaxj.ir.Primitive.PadConfig(n - x.size(), 0, 0)));
    }

    /** The product of two polynomials: their full convolution, in floating point; an empty operand counts as {@code [0]}. */
    public static Array polymul(Array a1, Array a2) {
        require1d("polymul", a1, a2);
        Vector<Array> p = NumpyOps.promote("polymul", INEXACT, Vector.of(a1, a2)).toVector();
        Array x = p.get(0).size() == 0 ? Creation.full(Shape.of(1), 0.0, p.get(0).dtype()) : p.get(0);
        Array y = p.get(1).size() == 0 ? Creation.full(Shape.of(1), 0.0, p.get(1).dtype()) : p.get(1);
        return Signal.convolve("polymul", x, y, Jnp.ConvolveMode.FULL, false);
    }

    /**
     * The {@code m}-th derivative: {@code p[:-m]} times the falling factorials of the powers,
     * in floating point; a polynomial of degree below {@code m} gives an empty array, as in JAX.
     */
    public static Array polyder(Array p, int m) {
        require1d("polyder", p);
        if (m < 0) throw new ArgumentError("polyder", "order of derivative must be >= 0, got m=" + m + " for " + p.aval());
        Array c = Operands.inexact(p);
        if (m == 0) return c;
        int n = c.size(), len = Math.max(0, n - m);
        double[] f = new double[len];
        // Coefficient i multiplies x^(n-1-i); its m-th derivative brings the factor (n-1-i)(n-2-i)...(n-m-i).
        for (int i = 0; i < len; i++) {
            double prod = 1;
            for (int k = 0; k < m; k++) prod *= n - 1 - i - k;
            f[i] = prod;
        }
        return Lax.mul(range(c, 0, 0, len), constants(f, c));
    }

    /**
     * The {@code m}-th antiderivative, with integration constants {@code k} (a scalar used for
     * every step, or {@code m} values, the first for the first integration), in floating point.
     */
    public static Array polyint(Array p, int m, Array k) {
        require1d("polyint", p);
        if (m < 0) throw new ArgumentError("polyint", "order of integral must be >= 0, got m=" + m + " for " + p.aval());
        Vector<Array> pk = NumpyOps.promote("polyint", INEXACT, Vector.of(p, k)).toVector();
        Array c = pk.get(0), ks = pk.get(1);
        if (m == 0) return c;
        if (ks.size() == 1) ks = Lax.broadcastInDim(Lax.reshape(ks, Shape.SCALAR), Shape.of(m), Vector.empty());
        if (ks.ndim() != 1 || ks.size() != m) {
            throw new ShapeError("polyint", "k must be a scalar or hold m=" + m + " values, got " + Operands.avals(p, k));
        }
        int n = c.size() + m;
        double[] d = new double[n];
        // Entry i of [p, k] ends at power n-1-i and is divided by (n-1-i)(n-2-i)...(n-m-i), factors below 1 counting as 1.
        for (int i = 0; i < n; i++) {
            double prod = 1;
            for (int j = 0; j < m; j++) prod *= Math.max(1, n - 1 - i - j);
            d[i] = prod;
        }
        Array joined = Lax.concatenate(Vector.of(c, Lax.convertElementType(ks, c.dtype())), 0);
        return Lax.div(joined, constants(d, c));
    }

    /**
     * {@return the coefficients of the monic polynomial with the given roots} (1-d; an empty list
     * gives the scalar 1), or of a non-empty square matrix's characteristic polynomial (from its
     * eigenvalues, so complex, as in JAX)
     */
    public static Array poly(Array roots) {
        boolean matrix = roots.ndim() == 2 && roots.shape().dim(0) == roots.shape().dim(1) && roots.size() > 0;
        if (roots.ndim() != 1 && !matrix) throw new ShapeError("poly", "requires a 1-d array of roots or a non-empty square matrix, got " + roots.aval());
        Array r = matrix ? LinalgSpectral.eigvals(roots) : Operands.inexact(roots);
        Array a = Creation.full(Shape.of(1), 1.0, r.dtype());
        if (r.size() == 0) return Lax.reshape(a, Shape.SCALAR);
        if (r.dtype().isComplex()) return expand(a, r);
        for (int i = 0; i < r.size(); i++) {
            Array factor = Lax.concatenate(Vector.of(Creation.full(Shape.of(1), 1.0, r.dtype()), Lax.neg(range(r, 0, i, i + 1))), 0);
            a = Signal.convolve("poly", a, factor, Jnp.ConvolveMode.FULL, false);
        }
        return a;
    }

    /**
     * The roots of {@code p} (highest power first) as the eigenvalues of its companion matrix,
     * complex, as {@code jnp.roots}. With {@code stripZeros} leading zeros are dropped first,
     * which needs concrete coefficients; without it the degree is static (so it traces): the
     * coefficients are rotated so that the leading zeros become trailing ones (roots at zero),
     * those zero roots are moved last and one NaN per leading zero takes their place.
     */
    public static Array roots(Array p, boolean stripZeros) {
        Array c = Operands.inexact(p.ndim() == 0 ? Lax.reshape(p, Shape.of(1)) : p);
        if (c.ndim() != 1) throw new ShapeError("roots", "requires a rank-1 coefficient array, got " + p.aval());
        int n = c.size();
        if (n < 2) return Creation.full(Shape.of(0), 0.0, c.dtype().complexType());
        if (stripZeros) {
            if (c instanceof Tracer) {
                throw new ConcretizationError("roots", "needs concrete coefficients to strip leading zeros, got a traced " + p.aval()
                        + "; pass stripZeros = false (leading zeros then give NaN roots) to use it under jit and other transforms");
            }
            boolean[] nonZero = Operands.truthy(c).toBooleanArray();
            int lead = 0;
            while (lead < n && !nonZero[lead]) lead++;
            return companionRoots(range(c, 0, lead, n));
        }
        Array isZero = Lax.eq(c, Lax.fullLike(c, 0));
        Array allZero = Lax.reduceAnd(isZero, Vector.of(0));
        Array lead = Lax.select(allZero, Array.scalar(n, DType.I32), Lax.argmin(Lax.convertElementType(isZero, DType.I32), 0, DType.I32));
        // All zeros: any polynomial of the same degree serves, its roots all become NaN.
        Array q = Lax.select(Lax.broadcastInDim(allZero, c.shape(), Vector.empty()), Lax.fullLike(c, 1), c);
        Array index = Lax.rem(Lax.add(Lax.iota(DType.I32, c.shape(), 0), Lax.broadcastInDim(lead, c.shape(), Vector.empty())),
                Lax.fullLike(Lax.iota(DType.I32, c.shape(), 0), n));
        Array r = companionRoots(Take.take(q, index, 0));
        Shape rs = r.shape();
        // Zero roots last, in a stable sort (of the parts: sort takes real operands).
        Array zeroLast = Lax.convertElementType(Lax.eq(r, Lax.fullLike(r, 0)), DType.I32);
        var sorted = Lax.sort(Vector.of(zeroLast, Lax.real(r), Lax.imag(r)), 0, true, 1);
        r = Lax.complex(sorted.get(1), sorted.get(2));
        Array kept = Lax.lt(Lax.iota(DType.I32, rs, 0), Lax.broadcastInDim(Lax.sub(Array.scalar(n - 1, DType.I32), lead), rs, Vector.empty()));
        Array nan = Lax.complex(Lax.fullLike(Lax.real(r), Double.NaN), Lax.fullLike(Lax.real(r), Double.NaN));
        return Lax.select(kept, r, nan);
    }

    /** The eigenvalues of the companion matrix of {@code p} ({@code p[0] != 0}): first row {@code -p[1:] / p[0]}, ones below the diagonal. */
    private static Array companionRoots(Array p) {
        int n = p.size();
        if (n < 2) return Creation.full(Shape.of(0), 0.0, p.dtype().complexType());
        Array top = Lax.reshape(Lax.neg(Lax.div(range(p, 0, 1, n), Lax.broadcastInDim(at(p, 0), Shape.of(n - 1), Vector.empty()))), Shape.of(1, n - 1));
        Array shift = Creation.eye(n - 2, n - 1, 0, p.dtype());
        return LinalgSpectral.eigvals(Lax.concatenate(Vector.of(top, shift), 0));
    }

    /** {@code a} times {@code (x - r_i)} for each root, as {@code a' = [a, 0] - r_i [0, a]}: the convolution with {@code [1, -r_i]}, for complex roots. */
    private static Array expand(Array a, Array r) {
        Array zero = Creation.full(Shape.of(1), 0.0, r.dtype());
        for (int i = 0; i < r.size(); i++) {
            Array ri = Lax.broadcastInDim(at(r, i), Shape.of(a.size() + 1), Vector.empty());
            a = Lax.sub(Lax.concatenate(Vector.of(a, zero), 0), Lax.mul(ri, Lax.concatenate(Vector.of(zero, a), 0)));
        }
        return a;
    }

    /**
     * {@code filt} without the leading ({@code front}) and trailing ({@code back}) slices that
     * are all zero along each of {@code axes} (all axes when none). The shape of the result
     * depends on the values, so {@code filt} must be concrete.
     * @throws ConcretizationError under {@code jit} or another transform that traces {@code filt}
     */
    public static Array trimZeros(Array filt, boolean front, boolean back, int... axes) {
        if (filt instanceof Tracer) {
            throw new ConcretizationError("trim_zeros", "needs concrete values: the shape of its result depends on them, got a traced "
                    + filt.aval() + "; trim outside the transform, or keep the zeros and mask them with Jnp.where");
        }
        Vector<Integer> trimmed = Axes.normalizeAll("trim_zeros", axes, filt);
        Array nz = Operands.truthy(filt), r = filt;
        for (int ax : trimmed) {
            // Whether each slice along ax holds a non-zero element.
            boolean[] any = Lax.reduceOr(nz, Axes.complement(filt.ndim(), Vector.of(ax))).toBooleanArray();
            int start = 0, end = any.length;
            if (front) while (start < end && !any[start]) start++;
            if (back) while (end > start && !any[end - 1]) end--;
            r = range(r, ax, start, end);
        }
        return r;
    }

    /** {@return the constants as a 1-d array typed like {@code like}} */
    private static Array constants(double[] v, Array like) {
        return Creation.fromJava(v, like.dtype(), Shape.of(v.length));
    }
}
