package dev.jaxj.transforms.vmap;

import dev.jaxj.array.Array;
import dev.jaxj.array.Bind;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.transforms.vmap.BatchTracer.NOT_MAPPED;
import static dev.jaxj.transforms.vmap.Moves.*;

/**
 * Batching rules of the primitives that take indices. Gather and scatter keep both batch axes
 * in place: a mapped operand alone gains a full-size window axis, mapped indices alone gain a
 * batch axis, and both mapped pair up through {@code operand_batching_dims} and
 * {@code start_indices_batching_dims}. Dynamic slices with per-example starts become gathers
 * and scatters, whose index vectors can differ per example.
 */
final class IndexingBatchRules {
    private IndexingBatchRules() {}

    static Seq<Batched> dynamicSlice(DynamicSlice s, Seq<Array> x, Seq<Integer> d, int size) {
        Array operand = x.head();
        int od = d.head();
        if (d.tail().forAll(di -> di == NOT_MAPPED)) {
            Seq<Array> starts = x.tail().toVector().insert(od, Array.scalar(0, DType.I32));
            return Batched.one(Lax.dynamicSlice(operand, starts, Vector.ofAll(s.sliceSizes()).insert(od, size)), od);
        }
        int rank = s.sliceSizes().size();
        var dn = new GatherDimensionNumbers(Vector.range(0, rank), Vector.empty(), Vector.range(0, rank), Vector.empty(), Vector.empty());
        // Gather's clip mode clamps starts so the slice stays in bounds, exactly as dynamic_slice does.
        var g = new Gather(dn, s.sliceSizes(), GatherScatterMode.CLIP);
        return gather(g, operand, od, indexVector(x.tail(), d.tail(), size), 0);
    }

    static Seq<Batched> dynamicUpdateSlice(Seq<Array> x, Seq<Integer> d, int size) {
        if (d.drop(2).forAll(di -> di == NOT_MAPPED)) {
            int t = d.get(0) != NOT_MAPPED ? d.get(0) : d.get(1);
            Array operand = bring(x.get(0), d.get(0), size, t);
            Array update = bring(x.get(1), d.get(1), size, t);
            Seq<Array> starts = x.drop(2).toVector().insert(t, Array.scalar(0, DType.I32));
            return Batched.one(Lax.dynamicUpdateSlice(operand, update, starts), t);
        }
        int rank = x.get(0).ndim() - (d.get(0) == NOT_MAPPED ? 0 : 1);
        var dn = new ScatterDimensionNumbers(Vector.range(0, rank), Vector.empty(), Vector.range(0, rank), Vector.empty(), Vector.empty());
        Seq<Array> operands = Vector.of(x.get(0), indexVector(x.drop(2), d.drop(2), size), x.get(1));
        return scatter(new Scatter(dn, GatherScatterMode.CLIP), operands, Vector.of(d.get(0), 0, d.get(1)), size);
    }

    /** {@return the scalar starts stacked into per-example index vectors, {@code [size, starts]}, in one integer dtype} */
    private static Array indexVector(Seq<Array> starts, Seq<Integer> d, int size) {
        DType dtype = starts.exists(i -> i.dtype() == DType.I64 || i.dtype() == DType.U32 || i.dtype() == DType.U64) ? DType.I64 : DType.I32;
        Shape column = Shape.of(size, 1);
        Seq<Array> columns = starts.zipWith(d, (i, di) -> Lax.broadcastInDim(Lax.convertElementType(i, dtype), column,
                di == NOT_MAPPED ? Vector.empty() : Vector.of(0)));
        return Lax.concatenate(columns, 1);
    }

    static Seq<Batched> gather(Gather g, Array operand, int od, Array indices, int id) {
        var dn = g.dimensionNumbers();
        if (id == NOT_MAPPED) {
            // The operand's batch axis becomes a full-size window axis, in its order among the window axes.
            Seq<Integer> window = complement(dn.collapsedSliceDims().appendAll(dn.operandBatchingDims()), operand.ndim() - 1);
            int slot = slotFor(dn.offsetDims(), countBefore(window, od));
            var shifted = new GatherDimensionNumbers(withSlot(dn.offsetDims(), slot), shift(dn.collapsedSliceDims(), od),
                    shift(dn.startIndexMap(), od), shift(dn.operandBatchingDims(), od), dn.startIndicesBatchingDims());
            Seq<Integer> sizes = Vector.ofAll(g.sliceSizes()).insert(od, operand.shape().dim(od));
            return Batched.one(Lax.gather(operand, indices, shifted, sizes, g.mode()), slot);
        }
        // The last axis of the indices is the index vector, so a batch axis there has to move.
        if (id == indices.ndim() - 1) {
            indices = moveAxis(indices, id, 0);
            id = 0;
        }
        // The indices' batch axis becomes an output batch axis, in its order among the others.
        int outRank = indices.ndim() - 2 + dn.offsetDims().size();
        int slot = slotFor(complement(dn.offsetDims(), outRank), id);
        Seq<Integer> offsets = dn.offsetDims().map(o -> o >= slot ? o + 1 : o);
        Vector<Integer> indicesBatching = shift(dn.startIndicesBatchingDims(), id);
        if (od == NOT_MAPPED) {
            var shifted = new GatherDimensionNumbers(offsets, dn.collapsedSliceDims(), dn.startIndexMap(), dn.operandBatchingDims(), indicesBatching);
            return Batched.one(Lax.gather(operand, indices, shifted, g.sliceSizes(), g.mode()), slot);
        }
        var paired = new GatherDimensionNumbers(offsets, shift(dn.collapsedSliceDims(), od), shift(dn.startIndexMap(), od),
                shift(dn.operandBatchingDims(), od).append(od), indicesBatching.append(id));
        Seq<Integer> sizes = Vector.ofAll(g.sliceSizes()).insert(od, 1);
        return Batched.one(Lax.gather(operand, indices, paired, sizes, g.mode()), slot);
    }

    /** The output is the operand updated, so the operand is always mapped (broadcast when it is not). */
    static Seq<Batched> scatter(ScatterFamily s, Seq<Array> x, Seq<Integer> d, int size) {
        var dn = s.dimensionNumbers();
        int od = d.get(0) == NOT_MAPPED ? 0 : d.get(0);
        Array operand = bring(x.get(0), d.get(0), size, od);
        Array indices = x.get(1), updates = x.get(2);
        int id = d.get(1), ud = d.get(2);
        int updateRank = updates.ndim() - (ud == NOT_MAPPED ? 0 : 1);
        ScatterDimensionNumbers shifted;
        if (id == NOT_MAPPED) {
            // The operand's batch axis is a full-size window axis of the updates.
            Seq<Integer> window = complement(dn.insertedWindowDims().appendAll(dn.operandBatchingDims()), operand.ndim() - 1);
            int slot = slotFor(dn.updateWindowDims(), countBefore(window, od));
            updates = bring(updates, ud, size, slot);
            shifted = new ScatterDimensionNumbers(withSlot(dn.updateWindowDims(), slot), shift(dn.insertedWindowDims(), od),
                    shift(dn.scatterDimsToOperandDims(), od), shift(dn.operandBatchingDims(), od), dn.scatterIndicesBatchingDims());
        } else {
            if (id == indices.ndim() - 1) {
                indices = moveAxis(indices, id, 0);
                id = 0;
            }
            // The indices' batch axis is a scatter axis of the updates, paired with the operand's.
            int slot = slotFor(complement(dn.updateWindowDims(), updateRank), id);
            updates = bring(updates, ud, size, slot);
            shifted = new ScatterDimensionNumbers(dn.updateWindowDims().map(w -> w >= slot ? w + 1 : w),
                    shift(dn.insertedWindowDims(), od), shift(dn.scatterDimsToOperandDims(), od),
                    shift(dn.operandBatchingDims(), od).append(od), shift(dn.scatterIndicesBatchingDims(), id).append(id));
        }
        return Batched.one(Bind.bind1(withNumbers(s, shifted), operand, indices, updates), od);
    }

    private static ScatterFamily withNumbers(ScatterFamily s, ScatterDimensionNumbers dn) {
        return switch (s) {
            case Scatter c -> new Scatter(dn, c.mode());
            case ScatterAdd c -> new ScatterAdd(dn, c.mode());
            case ScatterMul c -> new ScatterMul(dn, c.mode());
            case ScatterMin c -> new ScatterMin(dn, c.mode());
            case ScatterMax c -> new ScatterMax(dn, c.mode());
        };
    }
}
