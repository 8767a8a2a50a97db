package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

import static dev.jaxj.accel.cpu.IndexMath.clamp;
import static dev.jaxj.accel.cpu.IndexMath.ints;

/**
 * Kernels of the structural primitives: data movement without arithmetic. Each one describes its
 * result as strided boxes copied between the operand and the result ({@link StridedCopy}), so that
 * one engine, dtype-agnostic, does the moving. Results that are the operand unchanged share its
 * (immutable) storage.
 */
final class StructuralKernels {
    private StructuralKernels() {}

    static HostData broadcastInDim(BroadcastInDim p, ShapedArray in, HostData x, ShapedArray out) {
        if (in.size() == out.size()) return x;                // only size-1 axes added: same row-major layout
        int[] inDims = in.shape().toArray(), inStrides = in.shape().strides();
        int[] src = new int[out.rank()];                       // unmapped and size-1 axes repeat: stride 0
        for (int i = 0; i < inDims.length; i++) {
            if (inDims[i] != 1) src[p.broadcastDimensions().get(i)] = inStrides[i];
        }
        return copyBox(out, x, 0, src);
    }

    static HostData transpose(Transpose p, ShapedArray in, HostData x, ShapedArray out) {
        int[] perm = ints(p.permutation()), inStrides = in.shape().strides();
        int[] src = new int[perm.length];
        for (int i = 0; i < perm.length; i++) src[i] = inStrides[perm[i]];
        return copyBox(out, x, 0, src);
    }

    static HostData rev(Rev p, ShapedArray in, HostData x) {
        int[] dims = in.shape().toArray(), src = in.shape().strides();
        if (in.size() == 0) return x;
        int start = 0;
        for (int a : p.dimensions()) {
            start += (dims[a] - 1) * src[a];
            src[a] = -src[a];
        }
        return copyBox(in, x, start, src);
    }

    static HostData slice(Slice p, ShapedArray in, HostData x, ShapedArray out) {
        if (out.shape().equals(in.shape())) return x;          // a full slice (strides of size-1 axes don't matter)
        int[] inStrides = in.shape().strides(), src = new int[in.rank()];
        int start = 0;
        for (int i = 0; i < src.length; i++) {
            start += p.startIndices().get(i) * inStrides[i];
            src[i] = p.strides().get(i) * inStrides[i];
        }
        return copyBox(out, x, start, src);
    }

    static HostData dynamicSlice(DynamicSlice p, ShapedArray in, HostData x, Seq<HostData> starts, ShapedArray out) {
        int start = clampedOffset(in.shape(), out.shape(), starts);
        return copyBox(out, x, start, in.shape().strides());
    }

    static HostData dynamicUpdateSlice(ShapedArray in, HostData x, ShapedArray updAval, HostData upd, Seq<HostData> starts) {
        HostData r = x.copy();
        int start = clampedOffset(in.shape(), updAval.shape(), starts);
        StridedCopy.of(updAval.shape().toArray(), updAval.shape().strides(), in.shape().strides()).copy(upd, 0, r, start);
        return r;
    }

    static HostData concatenate(Concatenate p, Seq<ShapedArray> in, Seq<HostData> xs, ShapedArray out) {
        HostData r = HostData.allocate(out.dtype(), out.size());
        int[] outStrides = out.shape().strides();
        int at = 0;
        for (int k = 0; k < in.size(); k++) {
            Shape s = in.get(k).shape();
            StridedCopy.of(s.toArray(), s.strides(), outStrides).copy(xs.get(k), 0, r, at * outStrides[p.dimension()]);
            at += s.dim(p.dimension());
        }
        return r;
    }

    /**
     * Interior padding spreads the operand's elements {@code interior + 1} apart; the low and high
     * padding then shift and extend (or, when negative, crop) each axis. So the operand elements that
     * survive form a box, written with destination strides scaled by {@code interior + 1}.
     */
    static HostData pad(Pad p, ShapedArray in, HostData x, HostData padValue, ShapedArray out) {
        int rank = in.rank();
        int[] inDims = in.shape().toArray(), inStrides = in.shape().strides();
        int[] outDims = out.shape().toArray(), outStrides = out.shape().strides();
        HostData r = HostData.allocate(out.dtype(), out.size());
        StridedCopy.of(new int[] {out.size()}, new int[] {0}, new int[] {1}).copy(padValue, 0, r, 0);
        int[] box = new int[rank], dst = new int[rank];
        int sp = 0, dp = 0;
        for (int i = 0; i < rank; i++) {
            PadConfig c = p.config().get(i);
            int step = c.interior() + 1;
            // Operand index j lands at lo + j * step; keep the j whose position lies in [0, outDim).
            int first = c.lo() >= 0 ? 0 : (-c.lo() + step - 1) / step;
            int end = Math.min(inDims[i], Math.floorDiv(outDims[i] - 1 - c.lo(), step) + 1);
            box[i] = Math.max(0, end - first);
            sp += first * inStrides[i];
            dp += (c.lo() + first * step) * outStrides[i];
            dst[i] = step * outStrides[i];
        }
        var copy = StridedCopy.of(box, inStrides, dst);
        if (copy.size() > 0) copy.copy(x, sp, r, dp);
        return r;
    }

    /** The index along {@code dimension}: one run of each value per block, then whole blocks repeated. */
    static HostData iota(Iota p, ShapedArray out) {
        HostData r = HostData.allocate(out.dtype(), out.size());
        iota(out.shape().toArray(), p.dimension(), r);
        return r;
    }

    /** Writes the index along {@code axis} of a row-major array of {@code dims} into {@code r}. */
    static void iota(int[] dims, int axis, HostData r) {
        int n = dims[axis], inner = IndexMath.product(dims, axis + 1, dims.length);
        int block = n * inner, size = IndexMath.product(dims, 0, dims.length);
        if (size == 0) return;
        for (int j = 0; j < n; j++) {
            r.setLong(j * inner, j);
            Runs.copy(r, j * inner, 0, r, j * inner + 1, 1, inner - 1);
        }
        for (int o = block; o < size; o += block) System.arraycopy(r.array(), 0, r.array(), o, block);
    }

    /** A fresh buffer of aval {@code out}, filled row-major from {@code x} read at {@code start} with strides {@code src}. */
    private static HostData copyBox(ShapedArray out, HostData x, int start, int[] src) {
        HostData r = HostData.allocate(out.dtype(), out.size());
        StridedCopy.of(out.shape().toArray(), src, out.shape().strides()).copy(x, start, r, 0);
        return r;
    }

    /** The flat offset of a window of {@code window} at dynamic starts, each clamped so the window stays in bounds. */
    private static int clampedOffset(Shape operand, Shape window, Seq<HostData> starts) {
        int[] strides = operand.strides();
        int offset = 0;
        for (int i = 0; i < operand.rank(); i++) {
            offset += clamp(starts.get(i).getLong(0), 0, operand.dim(i) - window.dim(i)) * strides[i];
        }
        return offset;
    }
}
