package dev.jaxj.transforms.transpose;

import dev.jaxj.array.Array;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import static dev.jaxj.transforms.transpose.TransposeRules.nonLinear;
import static dev.jaxj.transforms.transpose.TransposeRules.zeros;

/** Transposes of the data-movement primitives: each moves cotangents back to where values came from. */
final class StructuralTransposes {
    private StructuralTransposes() {}

    /** Pads the cotangent back into the operand's shape, with zeros where the slice skipped. */
    static Array slice(Slice s, Array ct, ShapedArray operand) {
        Vector<PadConfig> config = Vector.range(0, operand.rank()).map(d -> {
            int start = s.startIndices().get(d), stride = s.strides().get(d), n = ct.shape().dim(d);
            int realLimit = n == 0 ? start : start + (n - 1) * stride + 1;
            return new PadConfig(start, operand.shape().dim(d) - realLimit, n == 0 ? 0 : stride - 1);
        });
        return Lax.pad(ct, Array.scalar(0, ct.dtype()), config);
    }

    /** The operand's cotangent is the un-padded interior; the pad value's is the rest of the sum. */
    static Seq<Option<Array>> pad(Pad p, Array ct, Seq<LinearArg> args) {
        Vector<PadConfig> unpad = p.config().map(c -> new PadConfig(-c.lo(), -c.hi(), 0)).toVector();
        Array unpadded = Lax.pad(ct, Array.scalar(0, ct.dtype()), unpad);
        Array operandCt = Lax.slice(unpadded, Vector.fill(ct.ndim(), 0), unpadded.shape().toSeq(),
                p.config().map(c -> c.interior() + 1));
        Option<Array> padValueCt = args.get(1).ifLinear(Lax.sub(total(ct), total(operandCt)));
        return Vector.of(args.get(0).ifLinear(operandCt), padValueCt);
    }

    private static Array total(Array x) {
        return Lax.reduceSum(x, Vector.range(0, x.ndim()));
    }

    static Seq<Option<Array>> concatenate(Concatenate c, Array ct, Seq<LinearArg> args) {
        int axis = c.dimension();
        Vector<Option<Array>> out = Vector.empty();
        int offset = 0;
        for (LinearArg a : args) {
            int size = a.aval().shape().dim(axis);
            Vector<Integer> start = Vector.fill(ct.ndim(), 0).update(axis, offset);
            Vector<Integer> limit = ct.shape().toSeq().update(axis, offset + size);
            out = out.append(a.isLinear() ? Option.some(Lax.slice(ct, start, limit, Vector.fill(ct.ndim(), 1))) : Option.none());
            offset += size;
        }
        return out;
    }

    static Seq<Option<Array>> dynamicSlice(Array ct, Seq<LinearArg> args) {
        if (args.tail().exists(LinearArg::isLinear)) throw nonLinear(new DynamicSlice(ct.shape().toSeq()), args);
        Seq<Array> idx = args.tail().map(LinearArg::value);
        Array operandCt = Lax.dynamicUpdateSlice(zeros(args.head().aval()), ct, idx);
        return args.tail().map(a -> Option.<Array>none()).prepend(Option.some(operandCt));
    }

    static Seq<Option<Array>> dynamicUpdateSlice(Array ct, Seq<LinearArg> args) {
        if (args.drop(2).exists(LinearArg::isLinear)) throw nonLinear(new DynamicUpdateSlice(), args);
        Seq<Array> idx = args.drop(2).map(LinearArg::value);
        ShapedArray update = args.get(1).aval();
        Option<Array> operandCt = args.get(0).ifLinear(Lax.dynamicUpdateSlice(ct, zeros(update), idx));
        Option<Array> updateCt = args.get(1).ifLinear(Lax.dynamicSlice(ct, idx, update.shape().toSeq()));
        return args.drop(2).map(a -> Option.<Array>none()).prepend(updateCt).prepend(operandCt);
    }

    /** A gather's transpose scatter-adds the cotangent back to the gathered positions. */
    static Seq<Option<Array>> gather(Gather g, Array ct, Seq<LinearArg> args) {
        if (args.get(1).isLinear()) throw nonLinear(g, args);
        var d = g.dimensionNumbers();
        var sdn = new ScatterDimensionNumbers(d.offsetDims(), d.collapsedSliceDims(), d.startIndexMap(),
                d.operandBatchingDims(), d.startIndicesBatchingDims());
        Array operandCt = Lax.scatterAdd(zeros(args.get(0).aval()), args.get(1).value(), ct, sdn, g.mode());
        return Vector.of(Option.some(operandCt), Option.none());
    }

    /**
     * Scatter-add passes the cotangent to the operand and gathers it for the updates; a
     * replacing scatter zeroes the overwritten positions first (exact for unique indices).
     */
    static Seq<Option<Array>> scatter(ScatterFamily s, Array ct, Seq<LinearArg> args, boolean replaces) {
        if (args.get(1).isLinear()) throw nonLinear(s, args);
        Array idx = args.get(1).value();
        var d = s.dimensionNumbers();
        ShapedArray operand = args.get(0).aval(), updates = args.get(2).aval();
        Option<Array> operandCt = args.get(0).ifLinear(replaces
                ? Lax.scatter(ct, idx, zeros(updates), d, s.mode()) : ct);
        var gdn = new GatherDimensionNumbers(d.updateWindowDims(), d.insertedWindowDims(), d.scatterDimsToOperandDims(),
                d.operandBatchingDims(), d.scatterIndicesBatchingDims());
        Vector<Integer> sizes = Vector.empty();
        int w = 0;
        for (int i = 0; i < operand.rank(); i++) {
            boolean dropped = d.insertedWindowDims().contains(i) || d.operandBatchingDims().contains(i);
            sizes = sizes.append(dropped ? 1 : updates.shape().dim(d.updateWindowDims().get(w++)));
        }
        GatherScatterMode mode = s.mode();
        Array gathered = Lax.gather(ct, idx, gdn, sizes, mode);
        // Dropped (out-of-bounds) updates got a fill value from the gather; their cotangent is zero.
        Option<Array> updatesCt = args.get(2).ifLinear(mode == GatherScatterMode.FILL_OR_DROP && gathered.dtype().isFloating()
                ? Lax.select(Lax.isFinite(gathered), gathered, zeros(updates)) : gathered);
        return Vector.of(operandCt, Option.none(), updatesCt);
    }
}
