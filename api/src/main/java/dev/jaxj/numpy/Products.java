package dev.jaxj.numpy;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.function.BiFunction;

import static dev.jaxj.array.Promotion.Kind.ANY;
import static dev.jaxj.numpy.Polynomials.at;

/**
 * Structured products and matrices ({@code kron}, {@code cross}, {@code vander}, {@code tri}),
 * rotations and flips ({@code rot90}, {@code fliplr}, {@code flipud}, {@code rollaxis}) and the
 * array API's {@code cumulative_sum}/{@code cumulative_prod}.
 */
public final class Products {
    private Products() {}

    /** The Kronecker product: block {@code (i, j, …)} is {@code a[i, j, …] * b}; the lower rank gets leading size-1 axes. */
    public static Array kron(Array a, Array b) {
        Vector<Array> p = NumpyOps.promote("kron", ANY, Vector.of(a, b)).toVector();
        int rank = Math.max(a.ndim(), b.ndim());
        Array x = leading(p.get(0), rank), y = leading(p.get(1), rank);
        // x's axes at even positions and y's at odd ones of a rank-2r product, then merged pairwise.
        int[] xs = new int[2 * rank], ys = new int[2 * rank], out = new int[rank];
        for (int i = 0; i < rank; i++) {
            xs[2 * i] = x.shape().dim(i);
            xs[2 * i + 1] = 1;
            ys[2 * i] = 1;
            ys[2 * i + 1] = y.shape().dim(i);
            out[i] = x.shape().dim(i) * y.shape().dim(i);
        }
        Array prod = Elementwise.multiply(Lax.reshape(x, Shape.of(xs)), Lax.reshape(y, Shape.of(ys)));
        return Lax.reshape(prod, Shape.of(out));
    }

    private static Array leading(Array x, int rank) {
        if (x.ndim() == rank) return x;
        int[] dims = new int[rank];
        java.util.Arrays.fill(dims, 1);
        System.arraycopy(x.shape().toArray(), 0, dims, rank - x.ndim(), x.ndim());
        return Lax.reshape(x, Shape.of(dims));
    }

    /**
     * The cross product of vectors of 2 or 3 components along {@code axisa} of {@code a} and
     * {@code axisb} of {@code b}, broadcast over the other axes; two 2-vectors give the scalar
     * z component, otherwise the result's vector axis is {@code axisc}.
     */
    public static Array cross(Array a, Array b, int axisa, int axisb, int axisc) {
        if (a.ndim() == 0 || b.ndim() == 0) throw new ShapeError("cross", "requires vectors, got " + Operands.avals(a, b));
        Array x = Manipulation.moveaxis(a, new int[] {Axes.normalize("cross", axisa, a)}, new int[] {-1});
        Array y = Manipulation.moveaxis(b, new int[] {Axes.normalize("cross", axisb, b)}, new int[] {-1});
        int n = x.shape().dim(-1), m = y.shape().dim(-1);
        if ((n != 2 && n != 3) || (m != 2 && m != 3)) {
            throw new ShapeError("cross", "vectors must have 2 or 3 components, got " + Operands.avals(a, b) + " with axisa=" + axisa + ", axisb=" + axisb);
        }
        BiFunction<Array, Integer, Array> comp = (v, i) -> at(Manipulation.moveaxis(v, new int[] {-1}, new int[] {0}), i);
        Array a0 = comp.apply(x, 0), a1 = comp.apply(x, 1), b0 = comp.apply(y, 0), b1 = comp.apply(y, 1);
        if (n == 2 && m == 2) return Elementwise.subtract(Elementwise.multiply(a0, b1), Elementwise.multiply(a1, b0));
        Array a2 = n == 3 ? comp.apply(x, 2) : Elementwise.multiply(a0, Array.scalar(0L));
        Array b2 = m == 3 ? comp.apply(y, 2) : Elementwise.multiply(b0, Array.scalar(0L));
        Array c0 = Elementwise.subtract(Elementwise.multiply(a1, b2), Elementwise.multiply(a2, b1));
        Array c1 = Elementwise.subtract(Elementwise.multiply(a2, b0), Elementwise.multiply(a0, b2));
        Array c2 = Elementwise.subtract(Elementwise.multiply(a0, b1), Elementwise.multiply(a1, b0));
        Array c = Joining.stack(Manipulation.broadcastArrays(c0, c1, c2), 0);
        return Manipulation.moveaxis(c, new int[] {0}, new int[] {Axes.normalize("cross", axisc, c)});
    }

    /**
     * The Vandermonde matrix of a 1-d {@code x}: column {@code j} is {@code x^(N-1-j)}, or
     * {@code x^j} when {@code increasing}; {@code n} columns (default {@code len(x)}).
     */
    public static Array vander(Array x, Option<Integer> n, boolean increasing) {
        if (x.ndim() != 1) throw new ShapeError("vander", "requires a 1-d array, got " + x.aval());
        int cols = n.getOrElse(x.size());
        if (cols < 0) throw new ArgumentError("vander", "N must be >= 0, got N=" + cols + " for " + x.aval());
        // One static integer power per column (integer_pow): exact, and its derivative n x^(n-1) has no log(x) in it.
        Vector<Array> columns = Vector.range(0, cols).map(j -> Elementwise.power(x, increasing ? j : cols - 1 - j));
        if (cols == 0) return Creation.full(Shape.of(x.size(), 0), 0.0, Elementwise.power(x, 1).dtype());
        return Joining.stack(columns, 1);
    }

    /** {@return the {@code n x m} matrix with ones at and below the {@code k}-th diagonal} */
    public static Array tri(int n, int m, int k, DType dtype) {
        if (n < 0 || m < 0) throw new ArgumentError("tri", "sizes must be >= 0, got N=" + n + ", M=" + m);
        Shape s = Shape.of(n, m);
        Array i = Lax.iota(DType.I32, s, 0), j = Lax.iota(DType.I32, s, 1);
        return Lax.convertElementType(Lax.le(j, Lax.add(i, Operands.fullLike(i, k))), dtype);
    }

    /** Rotates by 90° {@code k} times in the plane of {@code axes}, from the first axis towards the second. */
    public static Array rot90(Array m, int k, int axis1, int axis2) {
        if (m.ndim() < 2) throw new ShapeError("rot90", "requires an array of rank >= 2, got " + m.aval());
        int a1 = Axes.normalize("rot90", axis1, m), a2 = Axes.normalize("rot90", axis2, m);
        if (a1 == a2) throw new ArgumentError("rot90", "axes must differ, got (" + axis1 + ", " + axis2 + ") for " + m.aval());
        Vector<Integer> perm = Vector.range(0, m.ndim()).update(a1, a2).update(a2, a1);
        return switch (Math.floorMod(k, 4)) {
            case 0 -> m;
            case 1 -> Lax.transpose(Lax.rev(m, Vector.of(a2)), perm);
            case 2 -> Lax.rev(m, Vector.of(a1, a2));
            default -> Lax.rev(Lax.transpose(m, perm), Vector.of(a2));
        };
    }

    /** Reverses axis 1 (left-right). */
    public static Array fliplr(Array m) {
        if (m.ndim() < 2) throw new ShapeError("fliplr", "requires an array of rank >= 2, got " + m.aval());
        return Lax.rev(m, Vector.of(1));
    }

    /** Reverses axis 0 (up-down). */
    public static Array flipud(Array m) {
        if (m.ndim() < 1) throw new ShapeError("flipud", "requires an array of rank >= 1, got " + m.aval());
        return Lax.rev(m, Vector.of(0));
    }

    /** Moves {@code axis} to just before position {@code start} (NumPy's older {@code moveaxis}). */
    public static Array rollaxis(Array a, int axis, int start) {
        int ax = Axes.normalize("rollaxis", axis, a), n = a.ndim();
        if (start < -n || start > n) throw new ShapeError("rollaxis", "start must lie in [" + -n + ", " + n + "], got start=" + start + " for " + a.aval());
        int s = start < 0 ? start + n : start;
        if (s > ax) s--;
        return Manipulation.moveaxis(a, new int[] {ax}, new int[] {s});
    }

    /**
     * The array API's cumulative sum along {@code axis} (optional for 1-d input), with a
     * leading 0 when {@code includeInitial}; bools count as i32.
     */
    public static Array cumulativeSum(Array x, Option<Integer> axis, boolean includeInitial) {
        return cumulative("cumulative_sum", x, axis, includeInitial, 0);
    }

    /** The cumulative product, with a leading 1 when {@code includeInitial}. */
    public static Array cumulativeProd(Array x, Option<Integer> axis, boolean includeInitial) {
        return cumulative("cumulative_prod", x, axis, includeInitial, 1);
    }

    private static Array cumulative(String op, Array x, Option<Integer> axis, boolean includeInitial, int initial) {
        if (x.ndim() == 0) throw new ShapeError(op, "requires an array of rank >= 1, got " + x.aval());
        if (axis.isEmpty() && x.ndim() > 1) throw new ArgumentError(op, "needs an explicit axis for an array of rank > 1, got " + x.aval());
        int ax = Axes.normalize(op, axis.getOrElse(0), x);
        Array out = initial == 0 ? Reductions.cumsum(x, Option.some(ax)) : Reductions.cumprod(x, Option.some(ax));
        if (!includeInitial) return out;
        Array first = Creation.full(out.shape().with(ax, 1), (long) initial, out.dtype());
        return Lax.concatenate(Vector.of(first, out), ax);
    }
}
