package dev.jaxj.accel;

import dev.jaxj.compiler.kernel.BufferPlan;
import io.vavr.collection.Seq;

/**
 * A kernel program compiled for one backend: its fused loops' code, its library kernels and
 * its nested loops' and branches' programs, run as a whole on the backend's device.
 */
public interface Executable {
    /** {@return the program and where its results are written} */
    BufferPlan plan();

    /** {@return the backend the program was compiled for} */
    Backend backend();

    /**
     * {@return the program's outputs}. An output may be the very buffer of a constant or an
     * argument (a value passed through, or a shape-only change), or the same buffer as another
     * output: callers compare by identity.
     *
     * @param consts the program's constants, on this backend's device
     * @param args   its inputs, on this backend's device
     * @param owned  positions of donated inputs whose buffers the caller gives up, so that
     *               results may be written over them; the others are never written
     */
    Seq<Buffer> run(Seq<Buffer> consts, Seq<Buffer> args, Seq<Integer> owned);
}
