package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * Puts an index expression in canonical form, NumPy's first step: the ellipsis becomes full
 * slices, trailing axes get full slices, masks become integer arrays (their {@code nonzero}),
 * and static integers are checked and made non-negative. Afterwards every entry is an
 * {@link Index.Int}, {@link Index.Slice}, {@link Index.NewAxis} or {@link Index.IntArray},
 * and the entries other than new axes match the operand's axes one to one.
 */
final class IndexExpansion {
    private IndexExpansion() {}

    /** {@return the canonical entries of {@code index} for an operand of aval {@code x}} */
    static Vector<Index> expand(String op, ShapedArray x, Seq<Index> index) {
        int ellipses = index.count(i -> i instanceof Index.Ellipsis);
        if (ellipses > 1) {
            throw new ArgumentError(op, "an index can only have a single ellipsis ('...'), got " + show(index) + " for " + x);
        }
        int used = index.map(IndexExpansion::axesUsed).sum().intValue();
        if (used > x.rank()) {
            throw new ShapeError(op, "too many indices: the array has rank " + x.rank() + " but " + used
                    + " axes were indexed, got " + show(index) + " for " + x);
        }
        Vector<Index> out = Vector.empty();
        int axis = 0;
        for (Index i : ellipses == 0 ? index.append(Index.ELLIPSIS) : index) {
            switch (i) {
                case Index.Ellipsis _ -> {
                    for (int k = 0; k < x.rank() - used; k++) out = out.append(Index.all());
                    axis += x.rank() - used;
                }
                case Index.NewAxis n -> out = out.append(n);
                case Index.Int(int v) -> {
                    int n = x.shape().dim(axis);
                    if (v < -n || v >= n) {
                        throw new ShapeError(op, "index " + v + " is out of bounds for axis " + axis + " with size " + n
                                + ", got " + show(index) + " for " + x);
                    }
                    out = out.append(new Index.Int(v < 0 ? v + n : v));
                    axis++;
                }
                case Index.Slice s -> { out = out.append(s); axis++; }
                case Index.IntArray a -> { out = out.append(a); axis++; }
                case Index.Mask m -> {
                    out = out.appendAll(nonzero(op, x, axis, m.mask(), index));
                    axis += m.mask().ndim();
                }
            }
        }
        return out;
    }

    /** {@return whether any entry needs a gather: an integer array (masks included)} */
    static boolean isAdvanced(Seq<Index> canonical) {
        return canonical.exists(i -> i instanceof Index.IntArray);
    }

    private static int axesUsed(Index i) {
        return switch (i) {
            case Index.Int _, Index.Slice _, Index.IntArray _ -> 1;
            case Index.Mask m -> m.mask().ndim();
            case Index.NewAxis _, Index.Ellipsis _ -> 0;
        };
    }

    /** A concrete mask becomes one integer array per mask axis, holding the coordinates of its true elements. */
    private static Seq<Index> nonzero(String op, ShapedArray x, int axis, Array mask, Seq<Index> index) {
        ShapedArray m = mask.aval();
        for (int k = 0; k < m.rank(); k++) {
            if (m.shape().dim(k) != x.shape().dim(axis + k)) {
                throw new ShapeError(op, "a bool mask must match the shape of the axes it indexes (axes " + axis + ".."
                        + (axis + m.rank() - 1) + "), got mask " + m + " for " + x);
            }
        }
        if (mask instanceof Tracer t) {
            throw t.notConcrete(op, "a bool mask index needs a concrete value because the result's shape depends on it, got a traced "
                    + m + " for " + x + "; use Jnp.where(mask, x, fill) to keep static shapes");
        }
        boolean[] bits = mask.toBooleanArray();
        int count = 0;
        for (boolean b : bits) if (b) count++;
        int[][] coords = new int[m.rank()][count];
        int[] strides = m.shape().strides();
        for (int flat = 0, j = 0; flat < bits.length; flat++) {
            if (!bits[flat]) continue;
            for (int k = 0; k < m.rank(); k++) coords[k][j] = flat / strides[k] % m.shape().dim(k);
            j++;
        }
        return Vector.of(coords).map(c -> new Index.IntArray(Array.fromHost(ShapedArray.of(DType.I32, c.length), HostData.own(DType.I32, c))));
    }

    static String show(Seq<Index> index) {
        return index.mkString("[", ", ", "]");
    }
}
