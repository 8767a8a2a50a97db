package dev.jaxj.lax;

import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.ConvDimensionNumbers;
import dev.jaxj.ir.Primitive.DotDimensionNumbers;
import dev.jaxj.ir.Primitive.Padding;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * {@code jax.lax}'s convenience contractions on {@code dot_general} and
 * {@code conv_general_dilated}: {@code dot}, {@code batch_matmul}, {@code ragged_dot}, the
 * convolution wrappers, {@code conv_transpose} and {@code conv_general_dilated_patches}.
 */
final class LaxContractions {
    private LaxContractions() {}

    static Array dot(Array lhs, Array rhs) {
        int l = lhs.ndim(), r = rhs.ndim();
        if (l < 1 || l > 2 || r < 1 || r > 2 || lhs.shape().dim(-1) != rhs.shape().dim(0)) {
            throw new ShapeError("dot", "needs vectors or matrices whose inner sizes agree, got " + NumpyOps.avals(Vector.of(lhs, rhs)));
        }
        return Lax.dotGeneral(lhs, rhs, new DotDimensionNumbers(Vector.of(l - 1), Vector.of(0), Vector.empty(), Vector.empty()));
    }

    static Array batchMatmul(Array lhs, Array rhs) {
        if (Math.min(lhs.ndim(), rhs.ndim()) < 2 || lhs.ndim() != rhs.ndim()) {
            throw new ShapeError("batch_matmul", "needs operands of one rank >= 2, got " + NumpyOps.avals(Vector.of(lhs, rhs)));
        }
        int n = lhs.ndim();
        Seq<Integer> batch = Vector.range(0, n - 2);
        return Lax.dotGeneral(lhs, rhs, new DotDimensionNumbers(Vector.of(n - 1), Vector.of(n - 2), batch, batch));
    }

    /**
     * {@code lhs[m, k]} times {@code rhs[g, k, n]} where consecutive row groups of {@code lhs}
     * (sizes {@code groupSizes[g]}) use their own {@code rhs[g]}; rows past the groups give zeros.
     */
    static Array raggedDot(Array lhs, Array rhs, Array groupSizes) {
        String op = "ragged_dot";
        if (lhs.ndim() != 2 || rhs.ndim() != 3 || groupSizes.ndim() != 1 || lhs.shape().dim(1) != rhs.shape().dim(1)
                || groupSizes.shape().dim(0) != rhs.shape().dim(0)) {
            throw new ShapeError(op, "needs lhs [m, k], rhs [g, k, n] and group sizes [g], got "
                    + NumpyOps.avals(Vector.of(lhs, rhs, groupSizes)));
        }
        if (!groupSizes.dtype().isInteger()) throw new DTypeError(op, "group sizes must be integers, got " + groupSizes.aval());
        int m = lhs.shape().dim(0), g = rhs.shape().dim(0);
        Array sizes = Lax.convertElementType(groupSizes, DType.I32);
        Array ends = Lax.cumsum(sizes, 0, false);
        Array starts = Lax.sub(ends, sizes);
        Shape mg = Shape.of(m, g);
        Array rows = Lax.iota(DType.I32, mg, 0);
        Array inGroup = Lax.and(Lax.ge(rows, Lax.broadcastInDim(starts, mg, Vector.of(1))),
                Lax.lt(rows, Lax.broadcastInDim(ends, mg, Vector.of(1))));
        // Every row times every group's matrix [m, g, n], then each row keeps its own group.
        Array all = Lax.dotGeneral(lhs, rhs, new DotDimensionNumbers(Vector.of(1), Vector.of(1), Vector.empty(), Vector.empty()));
        Array mask = Lax.broadcastInDim(inGroup, all.shape(), Vector.of(0, 1));
        Array kept = Lax.select(mask, all, NumpyOps.fullLike(all, 0));
        return Lax.reduceSum(kept, 1);
    }

    /** Layouts from strings such as {@code ("NHWC", "HWIO", "NHWC")}, as {@code lax.conv_dimension_numbers}. */
    static ConvDimensionNumbers dimensionNumbers(int rank, String lhs, String rhs, String out) {
        String op = "conv_dimension_numbers";
        for (String[] s : new String[][] {{lhs, "N", "C"}, {rhs, "O", "I"}, {out, "N", "C"}}) {
            if (s[0].length() != rank || s[0].chars().distinct().count() != rank
                    || s[0].indexOf(s[1]) < 0 || s[0].indexOf(s[2]) < 0) {
                throw new ArgumentError(op, "each spec needs " + rank + " distinct letters (the operands' rank) with " + s[1] + " and " + s[2]
                        + ", got (" + lhs + ", " + rhs + ", " + out + ")");
            }
        }
        String spatial = rhs.replace("O", "").replace("I", "");
        if (!sameLetters(lhs.replace("N", "").replace("C", ""), spatial) || !sameLetters(out.replace("N", "").replace("C", ""), spatial)) {
            throw new ArgumentError(op, "the specs must name the same spatial axes, got (" + lhs + ", " + rhs + ", " + out + ")");
        }
        return new ConvDimensionNumbers(spec(lhs, 'N', 'C', spatial), spec(rhs, 'O', 'I', spatial), spec(out, 'N', 'C', spatial));
    }

    private static boolean sameLetters(String a, String b) {
        return a.chars().sorted().boxed().toList().equals(b.chars().sorted().boxed().toList());
    }

    /** Positions of the two named axes, then of the spatial axes in the kernel's spatial order. */
    private static Seq<Integer> spec(String s, char first, char second, String spatial) {
        Vector<Integer> v = Vector.of(s.indexOf(first), s.indexOf(second));
        for (char c : spatial.toCharArray()) v = v.append(s.indexOf(c));
        return v;
    }

    static Array conv(Array lhs, Array rhs, Seq<Integer> strides, Seq<Padding> padding, Seq<Integer> lhsDilation,
                      Seq<Integer> rhsDilation, ConvDimensionNumbers dims) {
        return Lax.convGeneralDilated(lhs, rhs, strides, padding, lhsDilation, rhsDilation, dims, 1, 1);
    }

    /** Named padding resolved on the spatial sizes of {@code lhs} and the dilated kernel, as JAX does. */
    static Seq<Padding> pads(PaddingType padding, Array lhs, Array rhs, Seq<Integer> strides, Seq<Integer> rhsDilation,
                             ConvDimensionNumbers dims) {
        int spatial = dims.lhsSpec().size() - 2;
        Seq<Integer> in = Vector.range(0, spatial).map(d -> lhs.shape().dim(dims.lhsSpec().get(d + 2)));
        Seq<Integer> window = Vector.range(0, spatial).map(d -> dilate(rhs.shape().dim(dims.rhsSpec().get(d + 2)), rhsDilation.get(d)));
        return padding.pads("conv", in, window, strides);
    }

    private static int dilate(int k, int r) {
        return k == 0 ? 0 : (k - 1) * r + 1;
    }

    static Seq<Integer> ones(int n) {
        return Vector.fill(n, 1);
    }

    /**
     * The gradient of a strided convolution as a convolution that dilates its input by the
     * strides ({@code lax.conv_transpose}); {@code transposeKernel} flips the kernel's spatial
     * axes and swaps its feature axes, which makes it the exact transpose of {@code conv}.
     */
    static Array convTranspose(Array lhs, Array rhs, Seq<Integer> strides, Seq<Padding> padding, Seq<Integer> rhsDilation,
                               ConvDimensionNumbers dims, boolean transposeKernel) {
        checkRanks("conv_transpose", lhs, rhs, dims);
        Array k = rhs;
        if (transposeKernel) {
            Seq<Integer> rs = dims.rhsSpec();
            k = Lax.rev(k, rs.drop(2));
            Vector<Integer> perm = Vector.range(0, k.ndim()).update(rs.get(0), rs.get(1)).update(rs.get(1), rs.get(0));
            k = Lax.transpose(k, perm);
        }
        return Lax.convGeneralDilated(lhs, k, ones(strides.size()), padding, strides, rhsDilation, dims, 1, 1);
    }

    /** JAX's pads for a transposed convolution under a named padding. */
    static Seq<Padding> transposePads(PaddingType padding, Array rhs, Seq<Integer> strides, Seq<Integer> rhsDilation,
                                      ConvDimensionNumbers dims) {
        int spatial = dims.rhsSpec().size() - 2;
        return Vector.range(0, spatial).map(d -> {
            int k = dilate(rhs.shape().dim(dims.rhsSpec().get(d + 2)), rhsDilation.get(d)), s = strides.get(d);
            return switch (padding) {
                case SAME -> {
                    int len = k + s - 2, lo = s > k - 1 ? k - 1 : (len + 1) / 2;
                    yield new Padding(lo, len - lo);
                }
                case VALID -> {
                    int len = k + s - 2 + Math.max(k - s, 0);
                    yield new Padding(k - 1, len - (k - 1));
                }
                case SAME_LOWER -> throw new ArgumentError("conv_transpose", "padding must be VALID, SAME or explicit pads, got SAME_LOWER");
            };
        });
    }

    /** The channel-last default layouts of {@code conv_transpose}: {@code NC}, {@code NHC}, {@code NHWC}, {@code NHWDC} with {@code HW…IO} kernels. */
    static ConvDimensionNumbers transposeDefault(int rank) {
        if (rank < 2) throw new ShapeError("conv_transpose", "needs operands of rank >= 2, got rank " + rank);
        Vector<Integer> space = Vector.range(1, rank - 1);
        Vector<Integer> lhs = space.prepend(rank - 1).prepend(0);
        Vector<Integer> rhs = Vector.range(0, rank - 2).prepend(rank - 2).prepend(rank - 1);
        return new ConvDimensionNumbers(lhs, rhs, lhs);
    }

    private static void checkRanks(String op, Array lhs, Array rhs, ConvDimensionNumbers dims) {
        if (lhs.ndim() != rhs.ndim() || lhs.ndim() != dims.lhsSpec().size()) {
            throw new ShapeError(op, "lhs, rhs and the layouts need one rank, got " + NumpyOps.avals(Vector.of(lhs, rhs))
                    + " with layouts of rank " + dims.lhsSpec().size());
        }
    }

    /**
     * An unshared convolution ({@code lax.conv_general_dilated_local}): every output position
     * has its own kernel, {@code rhs} laid out as {@code dims.rhsSpec} says with (out features,
     * in features × prod(filterShape), output spatial…): each position's patch (as
     * {@link #patches} orders its features) contracted with its kernel.
     */
    static Array local(Array lhs, Array rhs, Seq<Integer> strides, Seq<Padding> padding, Seq<Integer> filterShape,
                       Seq<Integer> lhsDilation, Seq<Integer> rhsDilation, ConvDimensionNumbers dims) {
        String op = "conv_general_dilated_local";
        Array p = patches(lhs, filterShape, strides, padding, lhsDilation, rhsDilation, dims);
        int rank = p.ndim(), spatial = rank - 2;
        if (rhs.ndim() != rank) throw new ShapeError(op, "rhs needs rank " + rank + ", got " + rhs.aval() + " for lhs " + lhs.aval());
        // Both in canonical order: patches [N, C·K, spatial…], kernels [O, C·K, spatial…].
        Array pc = Lax.transpose(p, dims.outSpec());
        Array kc = Lax.transpose(rhs, dims.rhsSpec());
        for (int d = 1; d < rank; d++) {
            if (pc.shape().dim(d) != kc.shape().dim(d)) {
                throw new ShapeError(op, "rhs needs (out features, " + pc.shape().dim(1) + " patch features, output spatial "
                        + pc.shape().toSeq().drop(2).mkString("x") + "), got " + rhs.aval());
            }
        }
        Seq<Integer> space = Vector.range(2, rank);
        Array y = Lax.dotGeneral(pc, kc, new DotDimensionNumbers(Vector.of(1), Vector.of(1), space, space));
        // dot_general gives [spatial…, N, O]: back to [N, O, spatial…], then to the output layout.
        Array canonical = Lax.transpose(y, Vector.of(spatial, spatial + 1).appendAll(Vector.range(0, spatial)));
        return Lax.transpose(canonical, Vector.range(0, rank).map(dims.outSpec()::indexOf));
    }

    /**
     * The patches that a convolution with a {@code filterShape} window sees, as features: output
     * feature {@code c * prod(filterShape) + s} is input channel {@code c} at window position
     * {@code s} (row-major). Computed as a grouped convolution with one-hot kernels, as JAX does.
     */
    static Array patches(Array lhs, Seq<Integer> filterShape, Seq<Integer> strides, Seq<Padding> padding, Seq<Integer> lhsDilation,
                         Seq<Integer> rhsDilation, ConvDimensionNumbers dims) {
        String op = "conv_general_dilated_patches";
        if (!lhs.dtype().isFloating()) throw new DTypeError(op, "needs a floating operand, got " + lhs.aval());
        if (lhs.ndim() != filterShape.size() + 2 || dims.lhsSpec().size() != lhs.ndim()) {
            throw new ShapeError(op, "needs " + (filterShape.size() + 2) + "-d input for a " + filterShape.size() + "-d filter and layouts of that rank, got "
                    + lhs.aval() + " and filter " + filterShape.mkString("(", ", ", ")"));
        }
        int s = filterShape.fold(1, (a, b) -> a * b);
        int c = lhs.shape().dim(dims.lhsSpec().get(1));
        Array eye = Lax.convertElementType(Lax.eq(Lax.iota(DType.I32, Shape.of(s, s), 0), Lax.iota(DType.I32, Shape.of(s, s), 1)), lhs.dtype());
        Array oihw = Lax.reshape(Lax.broadcastInDim(eye, Shape.of(c, s, s), Vector.of(1, 2)),
                Shape.of(Vector.of(c * s, 1).appendAll(filterShape)));
        // The kernel laid out as the layouts' rhs spec says: axis rhsSpec[i] holds OIHW axis i.
        Seq<Integer> rs = dims.rhsSpec();
        Seq<Integer> perm = Vector.range(0, rs.size()).map(rs::indexOf);
        Array kernel = Lax.transpose(oihw, perm);
        return Lax.convGeneralDilated(lhs, kernel, strides, padding, lhsDilation, rhsDilation, dims, c, 1);
    }
}
