package dev.jaxj.lax;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.array.Promotion;
import dev.jaxj.core.CustomRules;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.NotDifferentiable;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * {@code lax.scaled_dot}: {@code (lhs * lhs_scale) @ (rhs * rhs_scale)} where each scale has its
 * operand's rank, the operand's size on every other axis, and on a contracting axis a divisor of
 * the operand's size: one scale per subchannel (block of consecutive elements). Computed in the
 * preferred element type (else the operands' promoted float type), then one {@code dot_general}.
 * JAX gives it no derivative rules; neither does jaxj, with the same refusal.
 */
final class ScaledDot {
    private ScaledDot() {}

    private static final String OP = "scaled_dot";

    static Array scaledDot(Array lhs, Array rhs, Array lhsScale, Array rhsScale, DotDimensionNumbers dims, Option<DType> preferred) {
        for (Array x : Vector.of(lhs, rhs, lhsScale, rhsScale))
            if (!x.dtype().isFloating())
                throw new DTypeError(OP, "operands and scales must be floating, got " + NumpyOps.avals(Vector.of(lhs, rhs, lhsScale, rhsScale)));
        DType compute = preferred.getOrElse(() -> Promotion.promoteTypes(lhs.dtype(), rhs.dtype()));
        Array l = expand(lhs, lhsScale, dims.lhsContracting().toVector(), "lhs", compute);
        Array r = expand(rhs, rhsScale, dims.rhsContracting().toVector(), "rhs", compute);
        CustomRules.Jvp rule = new CustomRules.Jvp(in -> Vector.of(Lax.dotGeneral(in.get(0), in.get(1), dims, preferred)), (p, t) -> {
            throw new NotDifferentiable(OP, "JAX defines no derivative of scaled_dot (it has no transpose rule), got lhs "
                    + lhs.aval() + " and rhs " + rhs.aval());
        });
        return Bind.bindCustomJvp(rule, Vector.of(l, r)).head();
    }

    /** {@return {@code x} times its scale repeated over each subchannel}, both converted to {@code compute} */
    private static Array expand(Array x, Array scale, Vector<Integer> contracting, String side, DType compute) {
        if (scale.ndim() != x.ndim())
            throw new ShapeError(OP, "the " + side + " scale must have its operand's rank, got " + side + " " + x.aval() + " and scale " + scale.aval());
        Vector<Integer> split = Vector.empty(), dims = Vector.empty();
        for (int axis = 0; axis < x.ndim(); axis++) {
            int n = x.shape().dim(axis), s = scale.shape().dim(axis);
            boolean contract = contracting.contains(axis);
            if (contract ? (s == 0 || n % s != 0) : n != s)
                throw new ShapeError(OP, "the " + side + " scale's axis " + axis + " (size " + s + ") must "
                        + (contract ? "divide the contracting size " : "equal the operand's size ") + n + ", got " + side + " " + x.aval() + " and scale " + scale.aval());
            dims = dims.append(split.size());
            split = contract ? split.append(s).append(n / s) : split.append(n);
        }
        // [.., s, n/s, ..] broadcast from [.., s, ..], then merged back to [.., n, ..]: each scale covers n/s consecutive elements.
        Array repeated = Lax.reshape(Lax.broadcastInDim(Lax.convertElementType(scale, compute), Shape.of(split), dims), x.shape());
        return Lax.mul(Lax.convertElementType(x, compute), repeated);
    }
}
