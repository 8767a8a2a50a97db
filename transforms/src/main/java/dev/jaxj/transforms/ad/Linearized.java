package dev.jaxj.transforms.ad;

import dev.jaxj.array.Array;
import dev.jaxj.core.JaxprInterpreter;
import dev.jaxj.transforms.partial.Staged;
import dev.jaxj.transforms.transpose.BackwardPass;
import io.vavr.collection.Seq;

/**
 * A function linearized at a point: its value there and the linear map of its derivative,
 * staged as a program.
 *
 * @param primalsOut the function's outputs at the point
 * @param linear     the derivative, linear in its inputs (one per primal input)
 */
public record Linearized(Seq<Array> primalsOut, Staged linear) {
    /** {@return the directional derivative (JVP) along {@code tangents}} */
    public Seq<Array> jvp(Seq<Array> tangents) {
        return JaxprInterpreter.eval(linear.jaxpr(), linear.consts(), tangents);
    }

    /** {@return the cotangents of the inputs (VJP) for cotangents of the outputs} */
    public Seq<Array> vjp(Seq<Array> cotangents) {
        return BackwardPass.transpose(linear.jaxpr(), linear.consts(), cotangents);
    }
}
