package dev.jaxj.accel;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.ir.ShapedArray;

/**
 * A platform that holds buffers on its device and compiles kernel programs into
 * {@link Executable}s. Eager operations and jitted functions both run as executables, so a
 * primitive has one implementation per backend. Data moves between the host and the device
 * only through {@link #upload} and {@link #download}.
 * {@snippet :
 * Backend cpu = Backends.cpu();
 * Executable exe = cpu.compile(BufferPlan.of(Fusion.lower(jaxpr)));
 * Seq<Buffer> out = exe.run(Vector.empty(), Vector.of(cpu.upload(HostData.own(new float[] {1, 2}))), Vector.empty());
 * float[] y = cpu.download(out.head()).f32();
 * }
 */
public interface Backend {
    /** {@return the platform name, e.g. {@code cpu} or {@code opencl}} */
    String name();

    /** {@return the device this backend's buffers live on} */
    Device device();

    /**
     * {@return a buffer on this backend's device holding {@code host}'s elements}: a copy, or on
     * the CPU the host data itself, which the caller therefore never writes again
     */
    Buffer upload(HostData host);

    /**
     * {@return {@code buffer}'s elements on the host}: a copy, or on the CPU the buffer's own
     * memory, which the caller therefore only reads
     */
    HostData download(Buffer buffer);

    /** {@return a new buffer on this device for {@code aval}, with unspecified contents} */
    Buffer allocate(ShapedArray aval);

    /** Copies {@code count} elements of {@code src} from {@code srcOffset} into {@code dst} at {@code dstOffset}, on the device (same dtype). */
    void copy(Buffer src, int srcOffset, Buffer dst, int dstOffset, int count);

    /**
     * {@return the program compiled for this device}: it owns its generated code and whatever
     * device resources it needs, for as long as it is reachable
     */
    Executable compile(BufferPlan plan);
}
