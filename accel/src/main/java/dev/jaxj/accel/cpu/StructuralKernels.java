package dev.jaxj.accel.cpu;

import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

/** PLACEHOLDER: structural kernels. */
final class StructuralKernels {
    private StructuralKernels() {}
    static HostBuffer broadcastInDim(BroadcastInDim p, ShapedArray in, HostBuffer x, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer transpose(Transpose p, ShapedArray in, HostBuffer x, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer rev(Rev p, ShapedArray in, HostBuffer x) { throw new IllegalStateException("pending"); }
    static HostBuffer slice(Slice p, ShapedArray in, HostBuffer x, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer dynamicSlice(DynamicSlice p, ShapedArray in, HostBuffer x, Seq<HostBuffer> starts, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer dynamicUpdateSlice(ShapedArray in, HostBuffer x, ShapedArray updAval, HostBuffer upd, Seq<HostBuffer> starts) { throw new IllegalStateException("pending"); }
    static HostBuffer concatenate(Concatenate p, Seq<ShapedArray> in, Seq<HostBuffer> xs, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer pad(Pad p, ShapedArray in, HostBuffer x, HostBuffer padValue, ShapedArray out) { throw new IllegalStateException("pending"); }
    static HostBuffer iota(Iota p, ShapedArray out) { throw new IllegalStateException("pending"); }
}
