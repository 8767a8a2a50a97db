package dev.jaxj.accel.cpu;

import dev.jaxj.accel.Backend;
import dev.jaxj.accel.Buffer;
import dev.jaxj.accel.Device;
import dev.jaxj.accel.Executable;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.compiler.kernel.BufferPlan;
import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.ShapedArray;

import java.util.function.Supplier;

/**
 * The pure-Java CPU backend: fused loops compiled to JVM bytecode (or interpreted), library
 * calls through {@link CpuKernels}, all on the JVM heap, large loops on the shared
 * {@link Parallel} pool. Its device memory is host memory, so transfers cost nothing.
 */
public final class CpuBackend implements Backend {
    /** {@code -Djaxj.cpu.codegen=false} interprets every fused loop (for comparing the two). */
    private static final boolean GENERATE_CODE = !"false".equals(System.getProperty("jaxj.cpu.codegen"));
    private static final ScopedValue<Boolean> INTERPRET = ScopedValue.newInstance();

    /**
     * {@return what {@code body} returns, with every fused loop it runs on this thread
     * interpreted, as under {@code -Djaxj.cpu.codegen=false}} Tests use it to hold generated
     * code and the interpreter to the same results in one run.
     */
    public static <T> T interpreting(Supplier<T> body) {
        return ScopedValue.where(INTERPRET, true).call(body::get);
    }

    static boolean generatesCode() {
        return GENERATE_CODE && !INTERPRET.orElse(false);
    }

    @Override public String name() { return "cpu"; }

    @Override public Device device() { return CpuBuffer.CPU0; }

    @Override public Buffer upload(HostData host) { return new CpuBuffer(host); }

    @Override public HostData download(Buffer buffer) { return host(buffer); }

    @Override
    public Buffer allocate(ShapedArray aval) {
        return new CpuBuffer(HostData.allocateForOverwrite(aval.dtype(), aval.size()));
    }

    @Override
    public void copy(Buffer src, int srcOffset, Buffer dst, int dstOffset, int count) {
        // Counts are in elements; a complex element is stored as two interleaved parts.
        int parts = src.dtype().isComplex() ? 2 : 1;
        System.arraycopy(host(src).array(), parts * srcOffset, host(dst).array(), parts * dstOffset, parts * count);
    }

    @Override
    public Executable compile(BufferPlan plan) {
        return new CpuExecutable(this, plan);
    }

    /** {@return the data of a CPU buffer} @throws BackendError for another backend's buffer */
    static HostData host(Buffer b) {
        if (b instanceof CpuBuffer c) return c.data();
        throw new BackendError("cpu", "reads only its own buffers, got one on " + b.device());
    }
}
