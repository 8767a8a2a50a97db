package dev.jaxj.accel.cpu;

import dev.jaxj.ir.Primitive.Binary;
import dev.jaxj.ir.Primitive.Unary;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

/** PLACEHOLDER: elementwise kernels. */
final class ElementwiseKernels {
    private ElementwiseKernels() {}
    static HostBuffer unary(Unary p, HostBuffer x, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer binary(Binary p, HostBuffer x, HostBuffer y, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer selectN(HostBuffer which, Seq<HostBuffer> cases, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer clamp(HostBuffer lo, HostBuffer x, HostBuffer hi, ShapedArray out) { throw new IllegalStateException("pending"); }
}
