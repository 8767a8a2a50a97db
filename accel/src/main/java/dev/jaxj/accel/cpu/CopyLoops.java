package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.compiler.kernel.Node;
import dev.jaxj.compiler.kernel.Step;
import io.vavr.collection.Seq;

/**
 * Runs the copy loops fusion makes of data movement — one stored value that only reads: a
 * strided load (broadcast, transpose, rev, slice), an iota, a constant, or bounded loads over a
 * fill (pad, concatenate) — with the copy engine of the structural kernels ({@link StridedCopy}):
 * a box per load, tiled and shared out among the workers, where the interpreter would step
 * point by point and the generated code declines strided rows.
 */
final class CopyLoops {
    private CopyLoops() {}

    /** {@return whether {@code f} is a copy loop}: loads, constants and iota, one store, nothing computed */
    static boolean isCopy(Step.FusedLoop f) {
        if (f.reducedAxes() != 0 || f.stores().size() != 1) return false;
        for (Node n : f.nodes()) {
            switch (n) {
                case Node.Load _, Node.Constant _, Node.Iota _, Node.BoundedLoad _ -> { }
                case Node.Apply _, Node.Reduce _ -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** Runs a loop {@link #isCopy} accepts. */
    static void run(Step.FusedLoop f, Seq<HostData> in, Seq<HostData> out) {
        write(f, f.stores().single().node(), in, out.single());
    }

    /** Writes node {@code node} at every point: a bounded load writes its fill first, then its window over it. */
    private static void write(Step.FusedLoop f, int node, Seq<HostData> in, HostData dst) {
        int[] dims = f.domain().toArray(), dstStrides = f.domain().strides();
        switch (f.nodes().get(node)) {
            case Node.Load l -> StridedCopy.of(dims, l.map().strides(), dstStrides).copy(in.get(l.input()), l.map().offset(), dst, 0);
            case Node.Constant c -> fill(HostData.filled(dst.dtype(), 1, c.value()), dst);
            case Node.Iota io -> StructuralKernels.iota(dims, io.axis(), dst);
            case Node.BoundedLoad b -> {
                write(f, b.fill(), in, dst);
                window(b, dims, dstStrides, in.get(b.input()), dst);
            }
            case Node.Apply _, Node.Reduce _ -> throw new IllegalStateException("a copy loop only reads");
        }
    }

    private static void fill(HostData value, HostData dst) {
        StridedCopy.of(new int[] {dst.size()}, new int[] {0}, new int[] {1}).copy(value, 0, dst, 0);
    }

    /**
     * The window's points inside the domain form a box: along each axis the input coordinates
     * {@code j} whose point {@code lo + j * step} lies in {@code [0, dim)}, written with the
     * destination stride scaled by {@code step} (as the CPU's pad kernel does).
     */
    private static void window(Node.BoundedLoad b, int[] dims, int[] dstStrides, HostData src, HostData dst) {
        int rank = dims.length;
        int[] box = new int[rank], srcStrides = b.map().strides(), to = new int[rank];
        int sp = b.map().offset(), dp = 0;
        for (int d = 0; d < rank; d++) {
            Node.Bound c = b.bounds().get(d);
            int first = c.lo() >= 0 ? 0 : (-c.lo() + c.step() - 1) / c.step();
            int end = Math.min(c.count(), Math.floorDiv(dims[d] - 1 - c.lo(), c.step()) + 1);
            box[d] = Math.max(0, end - first);
            sp += first * srcStrides[d];
            dp += (c.lo() + first * c.step()) * dstStrides[d];
            to[d] = c.step() * dstStrides[d];
        }
        var copy = StridedCopy.of(box, srcStrides, to);
        if (copy.size() > 0) copy.copy(src, sp, dst, dp);
    }
}
