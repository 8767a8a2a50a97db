package dev.jaxj.lax;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static java.util.Objects.requireNonNull;

/**
 * JAX's {@code RaggedDotDimensionNumbers}: a {@code dot_general} layout, the one ragged axis of
 * {@code lhs}, and the group axis of {@code rhs} (present exactly when the ragged axis is free).
 *
 * @param dotDimensionNumbers contracting and batch axes, as for {@link Lax#dotGeneral}
 * @param lhsRaggedDimensions the ragged axis of lhs (one)
 * @param rhsGroupDimensions  the group axis of rhs (none or one)
 */
public record RaggedDotDimensionNumbers(DotDimensionNumbers dotDimensionNumbers, Seq<Integer> lhsRaggedDimensions, Seq<Integer> rhsGroupDimensions) {
    public RaggedDotDimensionNumbers {
        requireNonNull(dotDimensionNumbers, "dotDimensionNumbers is null");
        lhsRaggedDimensions = Vector.ofAll(requireNonNull(lhsRaggedDimensions, "lhsRaggedDimensions is null"));
        rhsGroupDimensions = Vector.ofAll(requireNonNull(rhsGroupDimensions, "rhsGroupDimensions is null"));
        if (lhsRaggedDimensions.size() != 1)
            throw new ArgumentError("ragged_dot_general", "lhs needs exactly one ragged dimension, got " + lhsRaggedDimensions);
        if (rhsGroupDimensions.size() > 1)
            throw new ArgumentError("ragged_dot_general", "rhs has at most one group dimension, got " + rhsGroupDimensions);
    }
}
