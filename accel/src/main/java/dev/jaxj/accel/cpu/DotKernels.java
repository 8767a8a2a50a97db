package dev.jaxj.accel.cpu;

import dev.jaxj.ir.Primitive.DotGeneral;
import dev.jaxj.ir.ShapedArray;

/** PLACEHOLDER: dot_general. */
final class DotKernels {
    private DotKernels() {}
    static HostBuffer dotGeneral(DotGeneral p, ShapedArray lhsAval, HostBuffer lhs, ShapedArray rhsAval, HostBuffer rhs, ShapedArray out) { throw new IllegalStateException("pending"); }
}
