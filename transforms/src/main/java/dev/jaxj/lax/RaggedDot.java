package dev.jaxj.lax;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * {@code lax.ragged_dot_general} by masks, as {@link LaxContractions#raggedDot} does it: the lhs
 * ragged axis is cut into consecutive groups of {@code groupSizes} (positions past the last group
 * belong to none). Where the ragged axis is free in lhs, every group's rhs slice is applied and each
 * position keeps its own group's; where it is contracting, each group contracts only its own span and
 * the groups stack in front; where it is a batch axis, positions outside the groups give zeros.
 */
final class RaggedDot {
    private RaggedDot() {}

    private static final String OP = "ragged_dot_general";

    static Array raggedDotGeneral(Array lhs, Array rhs, Array groupSizes, RaggedDotDimensionNumbers rd, Option<DType> preferred) {
        DotDimensionNumbers d = rd.dotDimensionNumbers();
        int r = rd.lhsRaggedDimensions().head();
        String avals = NumpyOps.avals(Vector.of(lhs, rhs, groupSizes));
        if (!groupSizes.dtype().isInteger()) throw new DTypeError(OP, "group sizes must be integers, got " + groupSizes.aval());
        if (groupSizes.ndim() != 1)
            throw new ShapeError(OP, "jaxj takes group sizes of shape [g] (broadcast as JAX broadcasts them), got " + avals);
        if (r < 0 || r >= lhs.ndim()) throw new ShapeError(OP, "the ragged dimension " + r + " is not an axis of lhs, got " + avals);
        int g = groupSizes.shape().dim(0), size = lhs.shape().dim(r);
        Array member = membership(groupSizes, size); // bool [size, g]
        if (d.lhsContracting().contains(r)) {
            noGroupAxis(rd, avals, "contracting");
            // [g, lhs...] with each group's copy zero outside its span of the contracting axis.
            Shape stacked = lhs.shape().insert(0, g);
            Array mask = Lax.broadcastInDim(Lax.transpose(member, Vector.of(1, 0)), stacked, Vector.of(0, r + 1));
            Array spread = Lax.broadcastInDim(lhs, stacked, Vector.range(1, lhs.ndim() + 1));
            Array masked = Lax.select(mask, spread, NumpyOps.fullLike(spread, 0));
            DotDimensionNumbers shifted = new DotDimensionNumbers(d.lhsContracting().map(a -> a + 1), d.rhsContracting(),
                    d.lhsBatch().map(a -> a + 1), d.rhsBatch());
            Array out = Lax.dotGeneral(masked, rhs, shifted, preferred); // [batch..., g, lhs free..., rhs free...]
            int nb = d.lhsBatch().size();
            Vector<Integer> perm = Vector.of(nb).appendAll(Vector.range(0, nb)).appendAll(Vector.range(nb + 1, out.ndim()));
            return Lax.transpose(out, perm);
        }
        if (d.lhsBatch().contains(r)) {
            noGroupAxis(rd, avals, "batch");
            Array inAny = Lax.reduceOr(member, Vector.of(1));
            Array masked = Lax.select(Lax.broadcastInDim(inAny, lhs.shape(), Vector.of(r)), lhs, NumpyOps.fullLike(lhs, 0));
            return Lax.dotGeneral(masked, rhs, d, preferred);
        }
        if (rd.rhsGroupDimensions().isEmpty())
            throw new ShapeError(OP, "a free ragged dimension needs a group dimension in rhs, got none with " + avals);
        int gAxis = rd.rhsGroupDimensions().head();
        if (gAxis < 0 || gAxis >= rhs.ndim() || rhs.shape().dim(gAxis) != g || d.rhsContracting().contains(gAxis) || d.rhsBatch().contains(gAxis))
            throw new ShapeError(OP, "the rhs group dimension " + gAxis + " must be a free axis of size g = " + g + ", got " + avals);
        Array all = Lax.dotGeneral(lhs, rhs, d, preferred); // [batch..., lhs free..., rhs free (with g)...]
        Vector<Integer> lhsFree = free(lhs.ndim(), d.lhsBatch(), d.lhsContracting()), rhsFree = free(rhs.ndim(), d.rhsBatch(), d.rhsContracting());
        int nb = d.lhsBatch().size(), rOut = nb + lhsFree.indexOf(r), gOut = nb + lhsFree.size() + rhsFree.indexOf(gAxis);
        Array mask = Lax.broadcastInDim(member, all.shape(), Vector.of(rOut, gOut));
        return Lax.reduceSum(Lax.select(mask, all, NumpyOps.fullLike(all, 0)), Vector.of(gOut));
    }

    /** {@return bool [size, g]: whether position i of the ragged axis lies in group j} */
    private static Array membership(Array groupSizes, int size) {
        int g = groupSizes.shape().dim(0);
        Array sizes = Lax.convertElementType(groupSizes, DType.I32);
        Array ends = Lax.cumsum(sizes, 0, false), starts = Lax.sub(ends, sizes);
        Shape sg = Shape.of(size, g);
        Array rows = Lax.iota(DType.I32, sg, 0);
        return Lax.and(Lax.ge(rows, Lax.broadcastInDim(starts, sg, Vector.of(1))), Lax.lt(rows, Lax.broadcastInDim(ends, sg, Vector.of(1))));
    }

    private static Vector<Integer> free(int rank, Seq<Integer> batch, Seq<Integer> contracting) {
        return Vector.range(0, rank).filter(a -> !batch.contains(a) && !contracting.contains(a));
    }

    private static void noGroupAxis(RaggedDotDimensionNumbers rd, String avals, String kind) {
        if (!rd.rhsGroupDimensions().isEmpty())
            throw new ShapeError(OP, "with a " + kind + " ragged dimension rhs has no group dimension, got " + rd.rhsGroupDimensions() + " with " + avals);
    }
}
