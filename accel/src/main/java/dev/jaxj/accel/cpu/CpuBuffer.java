package dev.jaxj.accel.cpu;

import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.Device;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;

import static java.util.Objects.requireNonNull;

/** A buffer of the CPU backend: its device memory is the JVM heap, so it holds host data itself. */
record CpuBuffer(HostData data) implements Buffer {
    static final Device CPU0 = new Device("cpu", 0);

    CpuBuffer {
        requireNonNull(data, "data is null");
    }

    @Override public DType dtype() { return data.dtype(); }

    @Override public int size() { return data.size(); }

    @Override public Device device() { return CPU0; }

    /** Identity: two buffers with equal contents are still different memory. */
    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }

    @Override public String toString() { return "CpuBuffer(" + data.dtype() + ", " + data.size() + ")"; }
}
