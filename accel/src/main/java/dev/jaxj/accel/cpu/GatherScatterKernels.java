package dev.jaxj.accel.cpu;

import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;

/** PLACEHOLDER: gather and scatter kernels. */
final class GatherScatterKernels {
    private GatherScatterKernels() {}
    static HostBuffer gather(Gather p, ShapedArray opAval, HostBuffer operand, ShapedArray idxAval, HostBuffer indices, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer scatter(ScatterFamily p, ShapedArray opAval, HostBuffer operand, ShapedArray idxAval, HostBuffer indices, ShapedArray updAval, HostBuffer updates) { throw new IllegalStateException("pending"); }
}
