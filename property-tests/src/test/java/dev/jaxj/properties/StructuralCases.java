package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Primitive.GatherDimensionNumbers;
import dev.jaxj.ir.Primitive.GatherScatterMode;
import dev.jaxj.ir.Primitive.PadConfig;
import dev.jaxj.ir.Primitive.ScatterDimensionNumbers;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.Domain;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.IntFunction;

import static dev.jaxj.properties.ElementwiseCases.unary;
import static dev.jaxj.properties.OpCases.*;
import static dev.jaxj.testing.Domain.NO_TIES;
import static dev.jaxj.testing.Domain.REAL;

/**
 * Gradient rows of the data-movement primitives. Static parameters come from the operands'
 * shapes; index operands are constants chosen to exercise clamping, dropping and duplicates.
 */
final class StructuralCases {
    private StructuralCases() {}

    static Seq<OpCase> all() {
        return Vector.of(
                // A new leading axis, and size-1 axes stretched to 3 (their cotangents are summed back).
                unary("broadcast_in_dim", REAL, x -> {
                    Shape s = x.shape();
                    int[] out = new int[s.rank() + 1];
                    out[0] = 2;
                    for (int i = 0; i < s.rank(); i++) out[i + 1] = s.dim(i) == 1 ? 3 : s.dim(i);
                    return Lax.broadcastInDim(x, Shape.of(out), Vector.range(1, s.rank() + 1));
                }),
                unary("reshape", REAL, x -> Lax.reshape(x, x.ndim() == 1 ? Shape.of(x.size(), 1) : Shape.of(x.size()))),
                unary("transpose", REAL, x -> Lax.transpose(x, Vector.range(1, x.ndim()).append(0))).withShapes(s -> Vector.of(atLeastRank(s, 2))),
                unary("squeeze", REAL, x -> Lax.squeeze(x, Vector.of(0))).withShapes(s -> Vector.of(s.insert(0, 1))),
                unary("expand_dims", REAL, x -> Lax.expandDims(x, Vector.of(x.ndim()))),
                unary("rev", REAL, x -> Lax.rev(x, Vector.range(0, x.ndim()))).withShapes(s -> Vector.of(atLeastRank(s, 1))),
                unary("slice", REAL, x -> Lax.slice(x, axes(x).map(d -> Math.min(1, x.shape().dim(d))), x.shape().toSeq(),
                        Vector.fill(x.ndim(), 2))),
                // Low/high padding positive on even axes, cropping on odd ones; interior padding on even axes.
                OpCase.of("pad", 2, REAL, xs -> Lax.pad(xs.get(0), xs.get(1),
                                axes(xs.get(0)).map(d -> d % 2 == 0 ? new PadConfig(1, -1, 1) : new PadConfig(-1, 2, 0))))
                        .withShapes(s -> Vector.of(s, Shape.SCALAR)),
                OpCase.of("concatenate", 3, REAL, xs -> Lax.concatenate(xs, 0)).withShapes(s -> {
                    Shape t = atLeastRank(s, 1);
                    return Vector.of(t, t.with(0, (t.dim(0) + 1) % 3), t);
                }),
                unary("dynamic_slice", REAL, x -> Lax.dynamicSlice(x, starts(x.ndim()), x.shape().toSeq().map(StructuralCases::half))),
                OpCase.of("dynamic_update_slice", 2, REAL, xs -> Lax.dynamicUpdateSlice(xs.get(0), xs.get(1), starts(xs.get(0).ndim())))
                        .withShapes(s -> Vector.of(s, Shape.of(s.toSeq().map(StructuralCases::half)))),
                // Rows gathered with a duplicate and an out-of-bounds (clamped) start.
                unary("gather", REAL, x -> {
                    int n = x.shape().dim(0);
                    var dn = new GatherDimensionNumbers(Vector.range(1, x.ndim()), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
                    return Lax.gather(x, rows(n - 1, 0, n - 1, n + 3), dn, x.shape().toSeq().update(0, 1), GatherScatterMode.CLIP);
                }).withShapes(s -> Vector.of(leadingAtLeast(s, 1))),
                scatter("scatter", REAL, StructuralCases::unique, Lax::scatter, GatherScatterMode.PROMISE_IN_BOUNDS),
                // Duplicates accumulate; the out-of-bounds update is dropped, so its cotangent is zero.
                scatter("scatter_add", REAL, n -> new int[] {0, n - 1, 0, n + 3}, Lax::scatterAdd, GatherScatterMode.FILL_OR_DROP),
                // The multiplicative and choosing scatters are differentiable for unique indices only (as in JAX).
                scatter("scatter_mul", REAL, StructuralCases::unique, Lax::scatterMul, GatherScatterMode.PROMISE_IN_BOUNDS),
                scatter("scatter_min", NO_TIES, StructuralCases::unique, Lax::scatterMin, GatherScatterMode.CLIP),
                scatter("scatter_max", NO_TIES, StructuralCases::unique, Lax::scatterMax, GatherScatterMode.CLIP));
    }

    @FunctionalInterface
    interface ScatterOp {
        Array apply(Array operand, Array indices, Array updates, ScatterDimensionNumbers dims, GatherScatterMode mode);
    }

    /** A scatter of rows of {@code updates} into axis 0 of the operand at the starts {@code indices(n)}, n the operand's leading size. */
    private static OpCase scatter(String name, Domain domain, IntFunction<int[]> indices, ScatterOp op, GatherScatterMode mode) {
        return OpCase.of(name, 2, domain, xs -> {
            Array operand = xs.get(0);
            var dn = new ScatterDimensionNumbers(Vector.range(1, operand.ndim()), Vector.of(0), Vector.of(0), Vector.empty(), Vector.empty());
            return op.apply(operand, rows(indices.apply(operand.shape().dim(0))), xs.get(1), dn, mode);
        }).withShapes(s -> {
            Shape t = leadingAtLeast(s, 1);
            return Vector.of(t, t.with(0, indices.apply(t.dim(0)).length));
        });
    }

    private static int[] unique(int n) {
        return n == 1 ? new int[] {0} : new int[] {n - 1, 0};
    }

    private static Seq<Integer> axes(Array x) {
        return Vector.range(0, x.ndim());
    }

    /** Start 1 on even axes, 9 on odd ones (beyond every axis here, so clamped). */
    private static Seq<Array> starts(int rank) {
        return Vector.range(0, rank).map(d -> index(d % 2 == 0 ? 1 : 9));
    }

    private static int half(int d) {
        return (d + 1) / 2;
    }
}
