package dev.jaxj.transforms.transpose;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.stream.IntStream;

import static dev.jaxj.transforms.transpose.TransposeRules.nonLinear;

/**
 * Transposes of the bilinear contractions and of windowed sums. A contraction's transpose
 * with respect to one operand is another contraction of the cotangent with the other operand.
 */
final class ContractionTransposes {
    private ContractionTransposes() {}

    static Seq<Option<Array>> dotGeneral(DotGeneral d, Array ct, Seq<LinearArg> args) {
        LinearArg x = args.get(0), y = args.get(1);
        if (x.isLinear() == y.isLinear()) throw nonLinear(d, args);
        var dn = d.dimensionNumbers();
        if (x.isLinear()) {
            return Vector.of(Option.some(dotTransposeLhs(ct, x.aval(), y.value(), dn.lhsContracting(), dn.rhsContracting(),
                    dn.lhsBatch(), dn.rhsBatch(), false, d)), Option.none());
        }
        return Vector.of(Option.none(), Option.some(dotTransposeLhs(ct, y.aval(), x.value(), dn.rhsContracting(), dn.lhsContracting(),
                dn.rhsBatch(), dn.lhsBatch(), true, d)));
    }

    /**
     * The cotangent of the "x" side of {@code x·y}: contract the output cotangent with {@code y}
     * over y's free axes, then permute axes back into x's order. {@code swap} says that x is in
     * fact the rhs, whose free axes come last in the output.
     */
    private static Array dotTransposeLhs(Array g, ShapedArray x, Array y, Seq<Integer> xContract, Seq<Integer> yContract,
                                         Seq<Integer> xBatch, Seq<Integer> yBatch, boolean swap, DotGeneral d) {
        Seq<Integer> xKept = Vector.range(0, x.rank()).filter(i -> !xContract.contains(i) && !xBatch.contains(i));
        Seq<Integer> yKept = Vector.range(0, y.ndim()).filter(i -> !yContract.contains(i) && !yBatch.contains(i));
        int nb = xBatch.size();
        Seq<Integer> ansBatch = Vector.range(0, nb);
        Seq<Integer> ansY = swap ? Vector.range(nb, nb + yKept.size()) : Vector.range(nb + xKept.size(), nb + xKept.size() + yKept.size());
        var dims = new DotDimensionNumbers(ansY, yKept, ansBatch, yBatch);
        Array xBar = Lax.dotGeneral(g, y, dims, d.preferredElementType());
        // Contracted axes of x come out in y's contracting order.
        Integer[] order = IntStream.range(0, yContract.size()).boxed().sorted((a, b) -> yContract.get(a) - yContract.get(b)).toArray(Integer[]::new);
        Seq<Integer> xContractSortedByY = Vector.of(order).map(xContract::get);
        Seq<Integer> produced = xBatch.appendAll(xKept).appendAll(xContractSortedByY);
        return Lax.transpose(Lax.convertElementType(xBar, x.dtype()), TransposeRules.inverse(produced));
    }

    static Seq<Option<Array>> conv(ConvGeneralDilated c, Array ct, Seq<LinearArg> args) {
        LinearArg lhs = args.get(0), rhs = args.get(1);
        if (lhs.isLinear() == rhs.isLinear()) throw nonLinear(c, args);
        return lhs.isLinear()
                ? Vector.of(Option.some(convTransposeLhs(c, ct, lhs.aval(), rhs.value())), Option.none())
                : Vector.of(Option.none(), Option.some(convTransposeRhs(c, ct, lhs.value(), rhs.aval())));
    }

    private static Array convTransposeLhs(ConvGeneralDilated c, Array g, ShapedArray lhs, Array rhs) {
        var dn = c.dimensionNumbers();
        Seq<Integer> lhsSpec = dn.lhsSpec(), rhsSpec = dn.rhsSpec(), outSpec = dn.outSpec();
        int fg = c.featureGroupCount(), bg = c.batchGroupCount();
        if (fg > 1) {
            rhs = reshapeAxisInto(rhsSpec.get(0), rhsSpec.get(1), reshapeAxisOutOf(rhsSpec.get(0), fg, rhs));
        } else if (bg > 1) {
            rhs = reshapeAxisInto(rhsSpec.get(0), rhsSpec.get(1), reshapeAxisOutOf(rhsSpec.get(0), bg, rhs));
            fg = bg;
        }
        var trans = new ConvDimensionNumbers(outSpec, specTranspose(rhsSpec), lhsSpec);
        Array kernel = rhs;
        Seq<Padding> padding = vjpLhsPadding(spatial(lhs.shape(), lhsSpec), spatial(kernel.shape(), rhsSpec), c.windowStrides(),
                spatial(g.shape(), outSpec), c.padding(), c.lhsDilation(), c.rhsDilation());
        Array reversed = Lax.rev(kernel, rhsSpec.drop(2));
        Array out = Lax.convGeneralDilated(g, reversed, c.lhsDilation(), padding, c.windowStrides(), c.rhsDilation(), trans, fg, 1);
        if (bg > 1) out = reshapeAxisInto(lhsSpec.get(1), lhsSpec.get(0), reshapeAxisOutOf(lhsSpec.get(1), bg, out));
        return out;
    }

    private static Array convTransposeRhs(ConvGeneralDilated c, Array g, Array lhs, ShapedArray rhs) {
        var dn = c.dimensionNumbers();
        if (g.size() == 0) return TransposeRules.zeros(rhs);
        int fg = c.featureGroupCount(), bg = c.batchGroupCount();
        if (bg > 1) {
            fg = bg;
            bg = 1;
        } else if (fg > 1) {
            bg = fg;
            fg = 1;
        }
        var trans = new ConvDimensionNumbers(specTranspose(dn.lhsSpec()), specTranspose(dn.outSpec()), specTranspose(dn.rhsSpec()));
        Seq<Padding> padding = vjpRhsPadding(spatial(lhs.shape(), dn.lhsSpec()), spatial(rhs.shape(), dn.rhsSpec()), c.windowStrides(),
                spatial(g.shape(), dn.outSpec()), c.padding(), c.lhsDilation(), c.rhsDilation());
        return Lax.convGeneralDilated(lhs, g, c.rhsDilation(), padding, c.lhsDilation(), c.windowStrides(), trans, fg, bg);
    }

    /** The window sum's transpose: spread each cotangent back over its window (a sum over the padded, dilated cotangent). */
    static Array reduceWindowSum(WindowConfig w, Array ct, ShapedArray operand) {
        int rank = operand.rank();
        Seq<Padding> pads = vjpLhsPadding(operand.shape().toSeq(), w.windowDimensions(), w.windowStrides(), ct.shape().toSeq(),
                w.padding(), w.baseDilation(), w.windowDilation());
        Seq<PadConfig> config = Vector.range(0, rank).map(d -> new PadConfig(pads.get(d).lo(), pads.get(d).hi(), w.windowStrides().get(d) - 1));
        Array padded = Lax.pad(ct, Array.scalar(0, ct.dtype()), config);
        var back = new WindowConfig(w.windowDimensions(), w.baseDilation(), Vector.fill(rank, new Padding(0, 0)),
                Vector.fill(rank, 1), w.windowDilation());
        return Lax.reduceWindowSum(padded, back);
    }

    private static int dilate(int size, int dilation) {
        return size == 0 ? 0 : 1 + dilation * (size - 1);
    }

    /** Padding of the transposed convolution that maps output cotangents back onto the input. */
    static Seq<Padding> vjpLhsPadding(Seq<Integer> in, Seq<Integer> window, Seq<Integer> strides, Seq<Integer> out,
                                      Seq<Padding> padding, Seq<Integer> lhsDilation, Seq<Integer> rhsDilation) {
        return Vector.range(0, in.size()).map(i -> {
            int lhsD = dilate(in.get(i), lhsDilation.get(i));
            int rhsD = dilate(window.get(i), rhsDilation.get(i));
            int outD = dilate(out.get(i), strides.get(i));
            int before = rhsD - padding.get(i).lo() - 1;
            int after = lhsD + rhsD - 1 - outD - before;
            return new Padding(before, after);
        });
    }

    static Seq<Padding> vjpRhsPadding(Seq<Integer> in, Seq<Integer> window, Seq<Integer> strides, Seq<Integer> out,
                                      Seq<Padding> padding, Seq<Integer> lhsDilation, Seq<Integer> rhsDilation) {
        return Vector.range(0, in.size()).map(i -> {
            int lhsD = dilate(in.get(i), lhsDilation.get(i));
            int rhsD = dilate(window.get(i), rhsDilation.get(i));
            int outD = dilate(out.get(i), strides.get(i));
            int lo = padding.get(i).lo();
            int hi = (outD - lhsD) + (rhsD - lo - 1);
            return new Padding(lo, hi);
        });
    }

    private static Seq<Integer> spatial(Shape s, Seq<Integer> spec) {
        return spec.drop(2).map(s::dim);
    }

    private static Seq<Integer> specTranspose(Seq<Integer> spec) {
        return spec.drop(2).prepend(spec.get(0)).prepend(spec.get(1));
    }

    /** Splits axis {@code src} into {@code (size, rest)}, the new major part first. */
    private static Array reshapeAxisOutOf(int src, int size, Array x) {
        int[] d = x.shape().toArray();
        int[] n = new int[d.length + 1];
        System.arraycopy(d, 0, n, 0, src);
        n[src] = size;
        n[src + 1] = d[src] / size;
        System.arraycopy(d, src + 1, n, src + 2, d.length - src - 1);
        return Lax.reshape(x, Shape.of(n));
    }

    /** Merges axis {@code src} into axis {@code dst} (numbered after removing src), src as the major part. */
    private static Array reshapeAxisInto(int src, int dst, Array x) {
        Vector<Integer> perm = Vector.range(0, x.ndim()).filter(i -> i != src).insert(dst, src);
        int[] shape = x.shape().without(src).toArray();
        shape[dst] *= x.shape().dim(src);
        return Lax.reshape(Lax.transpose(x, perm), Shape.of(shape));
    }

}
