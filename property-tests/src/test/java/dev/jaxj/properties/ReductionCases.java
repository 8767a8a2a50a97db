package dev.jaxj.properties;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Primitive.ConvDimensionNumbers;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.Primitive.WindowConfig;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import dev.jaxj.testing.Domain;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import java.util.function.BiFunction;
import java.util.function.IntUnaryOperator;

import static dev.jaxj.properties.ElementwiseCases.unary;
import static dev.jaxj.properties.OpCases.atLeastRank;
import static dev.jaxj.properties.OpCases.dim;
import static dev.jaxj.testing.Domain.MODERATE;
import static dev.jaxj.testing.Domain.NO_TIES;
import static dev.jaxj.testing.Domain.REAL;

/** Gradient rows of reductions, scans, windows, contractions and sort. */
final class ReductionCases {
    private ReductionCases() {}

    static Seq<OpCase> all() {
        return Vector.of(
                reduction("reduce_sum", REAL, Lax::reduceSum),
                reduction("reduce_prod", MODERATE, Lax::reduceProd),
                reduction("reduce_max", NO_TIES, Lax::reduceMax),
                reduction("reduce_min", NO_TIES, Lax::reduceMin),
                scan("cumsum", REAL, Lax::cumsum),
                scan("cumprod", MODERATE, Lax::cumprod),
                scan("cummax", NO_TIES, Lax::cummax),
                scan("cummin", NO_TIES, Lax::cummin),
                // Padding low, base dilation on axis 0, stride 2 on odd axes.
                unary("reduce_window_sum", REAL, x -> Lax.reduceWindowSum(x, window(x.ndim(),
                        d -> d % 2 == 0 ? 1 : 2, new Padding(1, 0), d -> d == 0 ? 2 : 1, d -> 1))),
                // Padding high, window dilation on axis 0, stride 2 on even axes: no window lies wholly in padding.
                unary("reduce_window_max", NO_TIES, x -> Lax.reduceWindowMax(x, window(x.ndim(),
                        d -> d % 2 == 0 ? 2 : 1, new Padding(0, 1), d -> 1, d -> d == 0 ? 2 : 1))),
                unary("reduce_window_min", NO_TIES, x -> Lax.reduceWindowMin(x, window(x.ndim(),
                        d -> d % 2 == 0 ? 2 : 1, new Padding(0, 1), d -> 1, d -> d == 0 ? 2 : 1))),
                // lhs [k, b, m] · rhs [b, n, k]: contracting and batch axes out of order, output [b, m, n].
                OpCase.of("dot_general", 2, REAL, xs -> Lax.dotGeneral(xs.get(0), xs.get(1),
                        new DotDimensionNumbers(Vector.of(0), Vector.of(2), Vector.of(1), Vector.of(0)))).withShapes(s -> {
                    int b = dim(s, 0, 1), m = dim(s, 1, 1), k = dim(s, 2, 1);
                    return Vector.of(Shape.of(k, b, m), Shape.of(b, 2, k));
                }),
                // NCW / OIW, 2 feature groups, stride 2, padding (1, 2), rhs dilation 2.
                OpCase.of("conv_general_dilated", 2, REAL, xs -> Lax.convGeneralDilated(xs.get(0), xs.get(1), Vector.of(2),
                        Vector.of(new Padding(1, 2)), Vector.of(1), Vector.of(2), ConvDimensionNumbers.channelsFirst(1), 2, 1)).withShapes(s -> {
                    int n = dim(s, 0, 1), c = Math.max(1, dim(s, 1, 1)), w = dim(s, 2, 1) + 3;
                    return Vector.of(Shape.of(n, 2 * c, w), Shape.of(4, c, 2));
                }),
                // NHWC / HWIO, 2 batch groups, lhs dilation 2 on H, asymmetric padding.
                OpCase.of("conv_general_dilated[nhwc, batch groups, lhs dilation]", 2, REAL, xs -> Lax.convGeneralDilated(xs.get(0), xs.get(1),
                        Vector.of(1, 1), Vector.of(new Padding(0, 1), new Padding(1, 0)), Vector.of(2, 1), Vector.of(1, 1),
                        new ConvDimensionNumbers(Vector.of(0, 3, 1, 2), Vector.of(3, 2, 0, 1), Vector.of(0, 3, 1, 2)), 1, 2)).withShapes(s -> {
                    int n = Math.max(1, dim(s, 0, 1)), h = dim(s, 1, 1) + 1, w = dim(s, 2, 1) + 1;
                    return Vector.of(Shape.of(2 * n, h, w, 2), Shape.of(2, 1, 2, 2));
                }),
                // Keys and values sorted together along the last axis; both outputs are checked.
                OpCase.of("sort", 2, NO_TIES, xs -> {
                    int last = xs.head().ndim() - 1;
                    return Lax.concatenate(Lax.sort(xs, last, true, 1), last);
                }).withShapes(s -> Vector.fill(2, atLeastRank(s, 1))));
    }

    /**
     * A reduction over the even axes. Max and min of an empty axis are the identity (±inf), where
     * the derivative is undefined (JAX's rule gives 0/0), so their reduced axes are kept non-empty.
     */
    private static OpCase reduction(String name, Domain domain, BiFunction<Array, Seq<Integer>, Array> op) {
        boolean chooser = domain == NO_TIES;
        return unary(name, domain, x -> op.apply(x, Vector.range(0, x.ndim()).filter(d -> d % 2 == 0))).withShapes(s -> {
            Shape t = atLeastRank(s, 1);
            for (int d = 0; chooser && d < t.rank(); d += 2) t = t.with(d, Math.max(1, t.dim(d)));
            return Vector.of(t);
        });
    }

    @FunctionalInterface
    interface Scan {
        Array apply(Array x, int axis, boolean reverse);
    }

    /** A scan along the last axis, in reverse for even ranks. */
    private static OpCase scan(String name, Domain domain, Scan op) {
        return unary(name, domain, x -> op.apply(x, x.ndim() - 1, x.ndim() % 2 == 0)).withShapes(s -> Vector.of(atLeastRank(s, 1)));
    }

    /** A window of size 2 on every axis. */
    private static WindowConfig window(int rank, IntUnaryOperator stride, Padding padding,
                                       IntUnaryOperator baseDilation, IntUnaryOperator windowDilation) {
        Seq<Integer> axes = Vector.range(0, rank);
        return new WindowConfig(Vector.fill(rank, 2), axes.map(stride::applyAsInt), Vector.fill(rank, padding),
                axes.map(baseDilation::applyAsInt), axes.map(windowDilation::applyAsInt));
    }
}
