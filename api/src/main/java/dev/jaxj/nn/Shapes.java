package dev.jaxj.nn;

import dev.jaxj.Jax;
import dev.jaxj.Jnp;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.ShapedArray;

/** Shape checks and shape inference the layers share. */
final class Shapes {
    private Shapes() {}

    /** {@return the output aval of {@code module} in eval mode}, by tracing it on a stand-in input */
    static <P, S> ShapedArray outputAval(Module<P, S> module, Variables<P, S> variables, ShapedArray input) {
        // Tracing needs an array of the input's aval; its values are never read.
        Array standIn = Jnp.zeros(input.shape(), input.dtype());
        return Jax.evalShape((Array x) -> module.apply(variables, x, Context.eval()).value(), standIn).head();
    }

    /** {@return the size of the last axis} @throws ShapeError naming {@code op} for a scalar */
    static int features(String op, ShapedArray input) {
        if (input.rank() == 0) throw new ShapeError(op, "needs inputs with a feature axis (the last one), got " + input);
        return input.shape().dim(-1);
    }

    /** @throws ShapeError naming {@code op} unless {@code x} has rank {@code rank} */
    static void requireRank(String op, ShapedArray x, int rank, String layout) {
        if (x.rank() != rank) throw new ShapeError(op, "needs inputs of rank " + rank + " (" + layout + "), got " + x);
    }

    /**
     * @param param the parameter that fixed the width at init, e.g. the kernel; named in the message
     * @param role  what its size means to the layer, e.g. {@code in_features}
     * @throws ShapeError naming {@code op} unless the last axis of {@code x} has {@code size}
     */
    static void requireFeatures(String op, ShapedArray x, int size, String param, Array fixedBy, String role) {
        if (x.rank() == 0 || x.shape().dim(-1) != size)
            throw new ShapeError(op, "the input's last axis must have size " + size + " (the " + role + " of the "
                    + param + " " + fixedBy.aval() + " made at init), got " + x);
    }
}
