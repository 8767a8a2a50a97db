package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.IndexMath.Odometer;
import dev.jaxj.accel.cpu.Runs.Combine;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;

import java.util.Arrays;

import static dev.jaxj.accel.cpu.IndexMath.clamp;
import static dev.jaxj.accel.cpu.IndexMath.ints;
import static dev.jaxj.accel.cpu.IndexMath.mask;

/**
 * XLA's gather and scatter with operand batching dimensions; the index vector is the last axis of
 * the indices, so the batch positions are the indices' leading axes, walked in row-major order.
 *
 * <p>Each batch position names one window of the operand: its start comes from the index vector
 * ({@code start_index_map} / {@code scatter_dims_to_operand_dims}) and from the batch position itself
 * (batching dims); its other axes start at 0. The window is then one strided box, copied out of the
 * operand (gather) or combined into the result (scatter) by {@link StridedCopy}.
 * {@snippet lang=text :
 * CLIP, PROMISE_IN_BOUNDS: start clamped to [0, operand_dim - window_size] per indexed axis
 * FILL_OR_DROP:            start outside that range in any axis -> gather fills the window, scatter drops it
 * }
 */
final class GatherScatterKernels {
    private GatherScatterKernels() {}

    static HostData gather(Gather p, ShapedArray opAval, HostData operand, ShapedArray idxAval, HostData indices, ShapedArray out) {
        HostData result = HostData.allocate(out.dtype(), out.size());
        if (out.size() == 0) return result;
        var dn = p.dimensionNumbers();
        int rank = opAval.rank();
        int[] slice = ints(p.sliceSizes()), outStrides = out.shape().strides();
        boolean[] offsetAxis = mask(out.rank(), dn.offsetDims());
        boolean[] dropped = mask(rank, dn.collapsedSliceDims().appendAll(dn.operandBatchingDims()));
        // The k-th kept operand axis lands on the k-th offset dim; dropped axes have size 1, stride irrelevant.
        int[] dst = new int[rank];
        for (int d = 0, k = 0; d < rank; d++) if (!dropped[d]) dst[d] = outStrides[dn.offsetDims().get(k++)];
        int[] batchStrides = new int[idxAval.rank() - 1];
        for (int d = 0, b = 0; d < out.rank(); d++) if (!offsetAxis[d]) batchStrides[b++] = outStrides[d];
        var w = new Windows(opAval, idxAval, slice, ints(dn.startIndexMap()), ints(dn.operandBatchingDims()),
                ints(dn.startIndicesBatchingDims()), p.mode(), batchStrides);
        HostData fill = fillValue(out.dtype());
        int windowSize = out.size() / w.batches;
        Parallel.forRange(w.batches, Math.max(1, Parallel.DEFAULT_GRAIN / windowSize), (lo, hi) -> {
            var take = StridedCopy.of(slice, opAval.shape().strides(), dst);
            var fillIn = StridedCopy.of(slice, new int[rank], dst);
            int[] start = new int[rank];
            var pos = w.odometer(lo);
            for (int b = lo; b < hi; b++, pos.next()) {
                if (w.start(indices, b, pos, start)) take.apply(Combine.REPLACE, operand, w.offset(start), result, pos.offset());
                else fillIn.apply(Combine.REPLACE, fill, 0, result, pos.offset());
            }
        });
        return result;
    }

    static HostData scatter(ScatterFamily p, ShapedArray opAval, HostData operand, ShapedArray idxAval, HostData indices,
                              ShapedArray updAval, HostData updates) {
        HostData result = operand.copy();
        if (updAval.size() == 0 || opAval.size() == 0) return result;
        Combine op = switch (p) {
            case Scatter _ -> Combine.REPLACE;
            case ScatterAdd _ -> Combine.ADD;
            case ScatterMul _ -> Combine.MUL;
            case ScatterMin _ -> Combine.MIN;
            case ScatterMax _ -> Combine.MAX;
        };
        var dn = p.dimensionNumbers();
        int rank = opAval.rank();
        int[] updDims = updAval.shape().toArray(), updStrides = updAval.shape().strides();
        boolean[] windowAxis = mask(updAval.rank(), dn.updateWindowDims());
        boolean[] inserted = mask(rank, dn.insertedWindowDims().appendAll(dn.operandBatchingDims()));
        // The k-th window operand axis takes its size and source stride from update_window_dims[k].
        int[] window = new int[rank], src = new int[rank];
        for (int d = 0, k = 0; d < rank; d++) {
            if (inserted[d]) {
                window[d] = 1;
            } else {
                int u = dn.updateWindowDims().get(k++);
                window[d] = updDims[u];
                src[d] = updStrides[u];
            }
        }
        int[] batchStrides = new int[idxAval.rank() - 1];
        for (int d = 0, b = 0; d < updAval.rank(); d++) if (!windowAxis[d]) batchStrides[b++] = updStrides[d];
        var w = new Windows(opAval, idxAval, window, ints(dn.scatterDimsToOperandDims()), ints(dn.operandBatchingDims()),
                ints(dn.scatterIndicesBatchingDims()), p.mode(), batchStrides);
        // Sequential, in batch order: windows may overlap, and with Scatter the last write wins.
        var put = StridedCopy.of(window, src, opAval.shape().strides());
        int[] start = new int[rank];
        var pos = w.odometer(0);
        for (int b = 0; b < w.batches; b++, pos.next()) {
            if (w.start(indices, b, pos, start)) put.apply(op, updates, pos.offset(), result, w.offset(start));
        }
        return result;
    }

    /** JAX's fill value for out-of-bounds gathers: NaN, the lowest signed integer, the largest unsigned, true. */
    private static HostData fillValue(DType t) {
        return switch (t) {
            case F32 -> HostData.own(new float[] {Float.NaN});
            case F64 -> HostData.own(new double[] {Double.NaN});
            case I32 -> HostData.own(DType.I32, new int[] {Integer.MIN_VALUE});
            case U32 -> HostData.own(DType.U32, new int[] {-1});
            case I64 -> HostData.own(new long[] {Long.MIN_VALUE});
            case BOOL -> HostData.own(new boolean[] {true});
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(t);
        };
    }

    /** Where each batch position's window starts in the operand. */
    private static final class Windows {
        private final int[] dims, strides, window, indexedAxes, operandBatching, indicesBatching, batchShape, batchStrides;
        private final GatherScatterMode mode;
        final int batches;

        /**
         * @param window       the window's size in every operand axis
         * @param indexedAxes  the operand axis of each index-vector component
         * @param batchStrides strides, per batch axis, of the side walked in batch order (gather's output, scatter's updates)
         */
        Windows(ShapedArray operand, ShapedArray indices, int[] window, int[] indexedAxes, int[] operandBatching,
                int[] indicesBatching, GatherScatterMode mode, int[] batchStrides) {
            this.dims = operand.shape().toArray();
            this.strides = operand.shape().strides();
            this.window = window;
            this.indexedAxes = indexedAxes;
            this.operandBatching = operandBatching;
            this.indicesBatching = indicesBatching;
            this.mode = mode;
            this.batchShape = indices.shape().without(indices.rank() - 1).toArray();
            this.batchStrides = batchStrides;
            this.batches = IndexMath.product(batchShape, 0, batchShape.length);
        }

        Odometer odometer(int from) { return new Odometer(batchShape, batchStrides, from); }

        /** Fills {@code start} for batch position {@code b}; {@return false when FILL_OR_DROP finds it out of bounds} */
        boolean start(HostData indices, int b, Odometer pos, int[] start) {
            Arrays.fill(start, 0);
            int k = indexedAxes.length;
            boolean inBounds = true;
            for (int j = 0; j < k; j++) {
                int d = indexedAxes[j], max = dims[d] - window[d];
                long v = indices.getLong(b * k + j);
                switch (mode) {
                    case CLIP, PROMISE_IN_BOUNDS -> start[d] = clamp(v, 0, max);
                    case FILL_OR_DROP -> {
                        if (v < 0 || v > max) inBounds = false;
                        else start[d] = (int) v;
                    }
                }
            }
            for (int j = 0; j < operandBatching.length; j++) start[operandBatching[j]] = pos.at(indicesBatching[j]);
            return inBounds;
        }

        int offset(int[] start) { return IndexMath.dot(start, strides); }
    }
}
