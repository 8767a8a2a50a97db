package dev.jaxj.accel;

import dev.jaxj.accel.cpu.HostBuffer;
import dev.jaxj.compiler.kernel.Step;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Seq;

/**
 * A platform that holds buffers and runs primitives on them.
 *
 * <p>Eager execution calls {@link #execute} with one primitive at a time; shape and dtype
 * checks have already passed, so {@code outAvals} is the primitive's {@code abstractEval}.
 */
public interface Backend {
    /** {@return the platform name, e.g. {@code cpu}} */
    String name();

    Device device();

    /** {@return a buffer on this backend's device holding a copy of (or, on the CPU, exactly) {@code host}} */
    Buffer fromHost(HostBuffer host);

    /**
     * Runs one primitive.
     *
     * @param p        the primitive
     * @param inAvals  the operands' avals
     * @param in       the operands' buffers, on this backend's device
     * @param outAvals the results' avals
     * @return fresh buffers for the results
     */
    Seq<Buffer> execute(Primitive p, Seq<ShapedArray> inAvals, Seq<Buffer> in, Seq<ShapedArray> outAvals);

    /** {@return a new buffer on this backend's device for {@code aval}, with unspecified contents} */
    Buffer allocate(ShapedArray aval);

    /**
     * Runs a fused loop of a compiled program, writing its results into {@code outputs}.
     *
     * <p>An output may be the very buffer of an input (buffer reuse, donation) only when the
     * loop reads that input through dense loads alone: every point reads its own element
     * before the loop writes it.
     *
     * @param loop    the loop
     * @param inputs  one buffer per {@code loop.inputs()}, on this backend's device
     * @param outputs one buffer per {@code loop.outputs()}, in order, sized for them
     */
    void runFused(Step.FusedLoop loop, Seq<Buffer> inputs, Seq<Buffer> outputs);
}
