package dev.jaxj.ir;

import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

import static dev.jaxj.ir.ShapeRules.ints;

/** XLA's shape rules for gather and scatter, with the index vector as the last axis of the indices. */
final class GatherScatterRules {
    private GatherScatterRules() {}

    static ShapedArray gatherShape(Primitive.Gather g, ShapedArray operand, ShapedArray indices) {
        String op = g.name();
        var dn = g.dimensionNumbers();
        String got = ", got operand " + operand + " and indices " + indices;
        checkIndices(op, indices, dn.startIndexMap().size(), got);
        int rank = operand.rank();
        Seq<Integer> sizes = g.sliceSizes();
        if (sizes.size() != rank) throw new ShapeError(op, "needs one slice size per operand axis (" + rank + "), got " + sizes.size() + got);
        for (int i = 0; i < rank; i++) {
            if (sizes.get(i) < 0 || sizes.get(i) > operand.shape().dim(i)) {
                throw new ShapeError(op, "slice size " + sizes.get(i) + " of axis " + i + " must lie in [0, " + operand.shape().dim(i) + "]" + got);
            }
        }
        checkAxes(op, dn.startIndexMap(), rank, "start_index_map", got);
        checkAxes(op, dn.collapsedSliceDims(), rank, "collapsed_slice_dims", got);
        checkAxes(op, dn.operandBatchingDims(), rank, "operand_batching_dims", got);
        checkAxes(op, dn.startIndicesBatchingDims(), indices.rank() - 1, "start_indices_batching_dims", got);
        if (dn.operandBatchingDims().exists(d -> dn.collapsedSliceDims().contains(d) || dn.startIndexMap().contains(d))) {
            throw new ShapeError(op, "operand_batching_dims must be disjoint from collapsed_slice_dims and start_index_map" + got);
        }
        if (dn.operandBatchingDims().size() != dn.startIndicesBatchingDims().size()) {
            throw new ShapeError(op, "operand and indices need as many batching dims as each other" + got);
        }
        for (int d : dn.collapsedSliceDims().appendAll(dn.operandBatchingDims())) {
            if (sizes.get(d) != 1) throw new ShapeError(op, "collapsed and batching axes need slice size 1, axis " + d + " has " + sizes.get(d) + got);
        }
        for (int k = 0; k < dn.operandBatchingDims().size(); k++) {
            int a = operand.shape().dim(dn.operandBatchingDims().get(k));
            int b = indices.shape().dim(dn.startIndicesBatchingDims().get(k));
            if (a != b) throw new ShapeError(op, "batching axes must have equal sizes, " + a + " vs " + b + got);
        }
        int[] windowSizes = operand.shape().without(ints(dn.collapsedSliceDims().appendAll(dn.operandBatchingDims()))).toArray();
        int[] kept = new int[windowSizes.length];
        for (int i = 0, k = 0; i < rank; i++) {
            if (!dn.collapsedSliceDims().contains(i) && !dn.operandBatchingDims().contains(i)) kept[k++] = sizes.get(i);
        }
        if (dn.offsetDims().size() != kept.length) {
            throw new ShapeError(op, "needs " + kept.length + " offset_dims (uncollapsed slice axes), got " + dn.offsetDims().size() + got);
        }
        int[] batch = indices.shape().without(indices.rank() - 1).toArray();
        int outRank = batch.length + kept.length;
        checkAxes(op, dn.offsetDims(), outRank, "offset_dims", got);
        if (!dn.offsetDims().equals(dn.offsetDims().sorted())) throw new ShapeError(op, "offset_dims must be sorted" + got);
        int[] out = new int[outRank];
        for (int d = 0, b = 0, o = 0; d < outRank; d++) {
            out[d] = dn.offsetDims().contains(d) ? kept[o++] : batch[b++];
        }
        return new ShapedArray(ShapeRules.result(g, Vector.of(operand, indices), operand.dtype(), out), operand.dtype(), false);
    }

    static void checkScatter(Primitive.ScatterFamily s, ShapedArray operand, ShapedArray indices, ShapedArray updates) {
        String op = s.name();
        var dn = s.dimensionNumbers();
        String got = ", got operand " + operand + ", indices " + indices + " and updates " + updates;
        if (updates.dtype() != operand.dtype()) throw new DTypeError(op, "updates must have the operand's dtype" + got);
        checkIndices(op, indices, dn.scatterDimsToOperandDims().size(), got);
        int rank = operand.rank();
        checkAxes(op, dn.scatterDimsToOperandDims(), rank, "scatter_dims_to_operand_dims", got);
        checkAxes(op, dn.insertedWindowDims(), rank, "inserted_window_dims", got);
        checkAxes(op, dn.operandBatchingDims(), rank, "operand_batching_dims", got);
        checkAxes(op, dn.scatterIndicesBatchingDims(), indices.rank() - 1, "scatter_indices_batching_dims", got);
        int[] batch = indices.shape().without(indices.rank() - 1).toArray();
        if (updates.rank() != batch.length + dn.updateWindowDims().size()) {
            throw new ShapeError(op, "updates need rank " + (batch.length + dn.updateWindowDims().size()) + " (indices batch + window)" + got);
        }
        checkAxes(op, dn.updateWindowDims(), updates.rank(), "update_window_dims", got);
        if (!dn.updateWindowDims().equals(dn.updateWindowDims().sorted())) throw new ShapeError(op, "update_window_dims must be sorted" + got);
        if (dn.operandBatchingDims().exists(d -> dn.insertedWindowDims().contains(d) || dn.scatterDimsToOperandDims().contains(d))) {
            throw new ShapeError(op, "operand_batching_dims must be disjoint from inserted_window_dims and scatter_dims_to_operand_dims" + got);
        }
        int[] windowOperandDims = operand.shape().without(ints(dn.insertedWindowDims().appendAll(dn.operandBatchingDims()))).toArray();
        if (windowOperandDims.length != dn.updateWindowDims().size()) {
            throw new ShapeError(op, "needs " + windowOperandDims.length + " update_window_dims, got " + dn.updateWindowDims().size() + got);
        }
        for (int d = 0, b = 0, w = 0; d < updates.rank(); d++) {
            int size = updates.shape().dim(d);
            if (dn.updateWindowDims().contains(d)) {
                int limit = windowOperandDims[w++];
                if (size > limit) throw new ShapeError(op, "update window axis " + d + " (size " + size + ") exceeds the operand's " + limit + got);
            } else if (size != batch[b++]) {
                throw new ShapeError(op, "update scatter axis " + d + " must match the indices' batch size " + batch[b - 1] + got);
            }
        }
    }

    private static void checkIndices(String op, ShapedArray indices, int vectorSize, String got) {
        if (!indices.dtype().isInteger()) throw new DTypeError(op, "indices must be integers" + got);
        if (indices.rank() == 0 || indices.shape().dim(-1) != vectorSize) {
            throw new ShapeError(op, "the last axis of the indices must have size " + vectorSize + " (the index vector)" + got);
        }
    }

    private static void checkAxes(String op, Seq<Integer> axes, int rank, String what, String got) {
        for (int a : axes) {
            if (a >= rank) throw new ShapeError(op, what + " entry " + a + " is out of range for rank " + rank + got);
        }
    }
}
