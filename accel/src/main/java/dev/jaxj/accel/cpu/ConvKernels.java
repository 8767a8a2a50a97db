package dev.jaxj.accel.cpu;

import dev.jaxj.ir.Primitive.ConvGeneralDilated;
import dev.jaxj.ir.Primitive.ReduceWindow;
import dev.jaxj.ir.ShapedArray;

/** PLACEHOLDER: convolution and windowed reductions. */
final class ConvKernels {
    private ConvKernels() {}
    static HostBuffer conv(ConvGeneralDilated p, ShapedArray lhsAval, HostBuffer lhs, ShapedArray rhsAval, HostBuffer rhs, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer reduceWindow(ReduceWindow p, ShapedArray in, HostBuffer x, ShapedArray out) { throw new IllegalStateException("pending"); }
}
