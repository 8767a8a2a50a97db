package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.transforms.vmap.BatchTracer.NOT_MAPPED;
import static dev.jaxj.transforms.vmap.Moves.countBefore;
import static dev.jaxj.transforms.vmap.Moves.shift;

/**
 * Batching rules of the contractions and windowed reductions. A dot product takes the batch
 * axis as one more dot batch axis (both sides mapped) or as a free axis (one side); a
 * convolution folds it into the batch or feature axes with group counts, as JAX's
 * {@code _conv_general_dilated_batch_rule} does; a window gets a trivial extent along it.
 */
final class ContractionBatchRules {
    private ContractionBatchRules() {}

    static Seq<Batched> dotGeneral(DotGeneral g, Array lhs, int ld, Array rhs, int rd) {
        var dn = g.dimensionNumbers();
        Seq<Integer> lc = dn.lhsContracting(), rc = dn.rhsContracting(), lb = dn.lhsBatch(), rb = dn.rhsBatch();
        if (ld != NOT_MAPPED && rd != NOT_MAPPED) {
            var both = new DotDimensionNumbers(shift(lc, ld), shift(rc, rd), shift(lb, ld).prepend(ld), shift(rb, rd).prepend(rd));
            return Batched.one(Bind.bind1(new DotGeneral(both, g.preferredElementType()), lhs, rhs), 0);
        }
        // One side mapped: its batch axis is a free axis, which keeps its place among that side's free axes.
        Seq<Integer> lc2 = ld == NOT_MAPPED ? lc : shift(lc, ld), lb2 = ld == NOT_MAPPED ? lb : shift(lb, ld);
        Seq<Integer> rc2 = rd == NOT_MAPPED ? rc : shift(rc, rd), rb2 = rd == NOT_MAPPED ? rb : shift(rb, rd);
        int out;
        if (ld != NOT_MAPPED) {
            out = lb.size() + countBefore(Moves.complement(lc2.appendAll(lb2), lhs.ndim()), ld);
        } else {
            int lhsFree = lhs.ndim() - lc.size() - lb.size();
            out = lb.size() + lhsFree + countBefore(Moves.complement(rc2.appendAll(rb2), rhs.ndim()), rd);
        }
        var one = new DotDimensionNumbers(lc2, rc2, lb2, rb2);
        return Batched.one(Bind.bind1(new DotGeneral(one, g.preferredElementType()), lhs, rhs), out);
    }

    static Seq<Batched> reduceWindow(ReduceWindow w, Array x, int d) {
        WindowConfig c = w.window();
        var batched = new WindowConfig(Vector.ofAll(c.windowDimensions()).insert(d, 1), Vector.ofAll(c.windowStrides()).insert(d, 1),
                Vector.ofAll(c.padding()).insert(d, new Padding(0, 0)), Vector.ofAll(c.baseDilation()).insert(d, 1),
                Vector.ofAll(c.windowDilation()).insert(d, 1));
        ReduceWindow shifted = switch (w) {
            case ReduceWindowSum _ -> new ReduceWindowSum(batched);
            case ReduceWindowMax _ -> new ReduceWindowMax(batched);
            case ReduceWindowMin _ -> new ReduceWindowMin(batched);
        };
        return Batched.one(Bind.bind1(shifted, x), d);
    }

    /**
     * Folds the batch axis into the convolution's own axes. Both sides mapped: each example is a
     * group (of features, or of batches under batch grouping). Only the lhs mapped: the examples
     * join the lhs batch. Only the rhs mapped: the examples join the output features, with the
     * existing groups kept outermost. The axis numbers of the specs refer to the unbatched operands.
     */
    static Seq<Batched> conv(ConvGeneralDilated c, Array lhs, int ld, Array rhs, int rd) {
        var dn = c.dimensionNumbers();
        int lhsBatch = dn.lhsSpec().get(0), lhsFeature = dn.lhsSpec().get(1), rhsOut = dn.rhsSpec().get(0);
        int outBatch = dn.outSpec().get(0), outFeature = dn.outSpec().get(1);
        int fg = c.featureGroupCount(), bg = c.batchGroupCount();
        if (ld != NOT_MAPPED && rd != NOT_MAPPED) {
            int b = lhs.shape().dim(ld);
            Array newLhs = bg > 1 ? intoAxis(ld, lhsBatch, lhs) : intoAxis(ld, lhsFeature, lhs);
            Array out = convolve(c, newLhs, intoAxis(rd, rhsOut, rhs), bg > 1 ? fg : fg * b, bg > 1 ? bg * b : bg);
            return Batched.one(outOfAxis(outFeature, b, out), outFeature);
        }
        if (ld != NOT_MAPPED) {
            int b = lhs.shape().dim(ld);
            Array newLhs;
            if (bg == 1) {
                newLhs = intoAxis(ld, lhsBatch, lhs);
            } else {
                // Batch groups must stay outermost in the lhs batch: split them out, fold the examples in, rejoin.
                newLhs = outOfAxis(lhsBatch + (ld <= lhsBatch ? 1 : 0), bg, lhs);
                newLhs = intoAxis(ld + (lhsBatch < ld ? 1 : 0), lhsBatch + 1, newLhs);
                newLhs = intoAxis(lhsBatch, lhsBatch, newLhs);
            }
            Array out = convolve(c, newLhs, rhs, fg, bg);
            return Batched.one(outOfAxis(outBatch, b, out), outBatch);
        }
        int b = rhs.shape().dim(rd);
        if (fg == 1 && bg == 1) {
            Array out = convolve(c, lhs, intoAxis(rd, rhsOut, rhs), fg, bg);
            return Batched.one(outOfAxis(outFeature, b, out), outFeature);
        }
        // Groups must stay outermost in the output features: split them out, fold the examples in, rejoin.
        int groups = fg > 1 ? fg : bg;
        Array newRhs = outOfAxis(rhsOut + (rd <= rhsOut ? 1 : 0), groups, rhs);
        newRhs = intoAxis(rd + (rhsOut < rd ? 1 : 0), rhsOut + 1, newRhs);
        newRhs = intoAxis(rhsOut, rhsOut, newRhs);
        Array out = convolve(c, lhs, newRhs, fg, bg);
        out = outOfAxis(outFeature, groups, out);
        out = outOfAxis(outFeature + 1, b, out);
        return Batched.one(intoAxis(outFeature, outFeature + 1, out), outFeature);
    }

    private static Array convolve(ConvGeneralDilated c, Array lhs, Array rhs, int featureGroups, int batchGroups) {
        var p = new ConvGeneralDilated(c.windowStrides(), c.padding(), c.lhsDilation(), c.rhsDilation(), c.dimensionNumbers(),
                featureGroups, batchGroups, c.preferredElementType());
        return Bind.bind1(p, lhs, rhs);
    }

    /**
     * {@return {@code x} with axis {@code src} merged into axis {@code dst} as its major part}; {@code dst}
     * numbers the axes of {@code x} without {@code src} (JAX's {@code _reshape_axis_into})
     */
    static Array intoAxis(int src, int dst, Array x) {
        Vector<Integer> perm = Vector.range(0, x.ndim()).remove(src).insert(dst, src);
        Shape rest = x.shape().without(src);
        Shape merged = rest.with(dst, rest.dim(dst) * x.shape().dim(src));
        return Lax.reshape(Lax.transpose(x, perm), merged);
    }

    /** {@return {@code x} with axis {@code src} split into {@code [major, rest]}} (JAX's {@code _reshape_axis_out_of}) */
    static Array outOfAxis(int src, int major, Array x) {
        Shape s = x.shape();
        Shape split = s.with(src, s.dim(src) / major).insert(src, major);
        return Lax.reshape(x, split);
    }
}
