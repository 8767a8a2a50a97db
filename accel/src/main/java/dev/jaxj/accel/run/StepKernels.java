package dev.jaxj.accel.run;

import dev.jaxj.accel.Buffer;
import dev.jaxj.compiler.kernel.Step;
import io.vavr.collection.Seq;

/** A backend's compiled code for the fused loops and library calls of one program, by step index. */
public interface StepKernels {
    /** Runs fused loop {@code step}, writing its results into {@code outputs} (one per store, sized for it). */
    void loop(int step, Step.FusedLoop loop, Seq<Buffer> inputs, Seq<Buffer> outputs);

    /** {@return the results of library call {@code step}}: fresh buffers, or an operand's own buffer for a shape-only call */
    Seq<Buffer> library(int step, Step.LibraryCall call, Seq<Buffer> operands);
}
