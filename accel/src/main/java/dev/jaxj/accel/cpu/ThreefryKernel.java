package dev.jaxj.accel.cpu;

import io.vavr.collection.Seq;

/** PLACEHOLDER: Threefry-2x32. */
final class ThreefryKernel {
    private ThreefryKernel() {}
    static Seq<HostBuffer> threefry2x32(HostBuffer k0, HostBuffer k1, HostBuffer x0, HostBuffer x1) { throw new IllegalStateException("pending"); }
}
