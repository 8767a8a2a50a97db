package dev.jaxj.nn;

import dev.jaxj.Jnp;
import dev.jaxj.Random;
import dev.jaxj.array.Array;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.random.Initializer;
import dev.jaxj.random.Key;
import io.vavr.collection.Vector;

/**
 * What the recurrent cells share. Flax's cells hold one {@code Dense} per gate; ours keep the
 * gates side by side in one kernel ({@code [in, gates·H]}), so that a step is two matrix
 * products instead of {@code 2·gates}, and make each gate's block with the initializer Flax
 * gives that gate's {@code Dense}, so the distributions are Flax's.
 */
final class Cells {
    private Cells() {}

    static final Initializer ZEROS = Dense.ZEROS;
    static final Initializer LECUN_NORMAL = Dense.LECUN_NORMAL;
    static final Initializer ORTHOGONAL = new Orthogonal(1.0);

    /** {@return {@code gates} blocks {@code [rows, features]} drawn with {@code init}, joined along the last axis} */
    static Array gateBlocks(Initializer init, Key key, int gates, int rows, int features, DType dtype) {
        Key keys = Random.split(key, gates);
        return Jnp.concatenate(Vector.range(0, gates).map(g -> init.apply(keys.get(g), Shape.of(rows, features), dtype)), 1);
    }

    /** {@return the carry arrays' aval for steps with input {@code input}}: its leading axes, then {@code features} */
    static ShapedArray carryAval(String op, ShapedArray input, int features) {
        Shapes.features(op, input);
        return ShapedArray.of(Dense.paramDType(input), input.shape().with(input.rank() - 1, features));
    }

    /** {@return {@code x · kernel}} after checking the widths @throws ShapeError naming the kernel and what it expects */
    static Array project(String op, Array x, Array kernel, String kernelName, String role) {
        if (kernel.ndim() != 2) throw new ShapeError(op, "the " + kernelName + " must be a matrix, got " + kernel.aval());
        Shapes.requireFeatures(op, x.aval(), kernel.shape().dim(0), kernelName, kernel, role);
        return x.matmul(kernel);
    }
}
