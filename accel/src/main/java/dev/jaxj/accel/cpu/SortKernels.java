package dev.jaxj.accel.cpu;

import dev.jaxj.ir.Primitive.Sort;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

/** PLACEHOLDER: multi-operand sort. */
final class SortKernels {
    private SortKernels() {}
    static Seq<HostBuffer> sort(Sort p, ShapedArray in, Seq<HostBuffer> operands) { throw new IllegalStateException("pending"); }
}
