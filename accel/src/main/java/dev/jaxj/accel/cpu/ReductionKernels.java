package dev.jaxj.accel.cpu;

import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;

/** PLACEHOLDER: reductions and scans. */
final class ReductionKernels {
    private ReductionKernels() {}
    static HostBuffer reduce(Reduction p, ShapedArray in, HostBuffer x, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer argReduce(ArgReduction p, ShapedArray in, HostBuffer x, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer cumulative(Cumulative p, ShapedArray in, HostBuffer x) { throw new IllegalStateException("pending"); }
}
