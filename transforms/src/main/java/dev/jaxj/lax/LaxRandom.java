package dev.jaxj.lax;

import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.errors.ShapeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;

/**
 * {@code lax.rng_bit_generator} on the Threefry-2x32 primitive. JAX leaves the default
 * algorithm to the backend; jaxj's is Threefry keyed by the state's two halves xor-ed, with
 * the output bits and the next state drawn from disjoint counter blocks.
 */
final class LaxRandom {
    private LaxRandom() {}

    static Seq<Array> rngBitGenerator(Array key, Shape shape, DType dtype) {
        String op = "rng_bit_generator";
        if (key.dtype() != DType.U32 || !key.shape().equals(Shape.of(4))) {
            throw new ShapeError(op, "the key must be u32[4], got " + key.aval());
        }
        if (dtype != DType.U32) throw new DTypeError(op, "generates u32 bits (jaxj's unsigned dtype), got dtype " + dtype);
        int n = shape.size();
        Array k0 = Lax.xor(word(key, 0), word(key, 2)), k1 = Lax.xor(word(key, 1), word(key, 3));
        // Counters (0, i) for the n outputs and (1, 0), (1, 1) for the next state.
        Shape all = Shape.of(n + 2);
        Array block = Lax.concatenate(Vector.of(Lax.full(Shape.of(n), 0, DType.U32), Lax.full(Shape.of(2), 1, DType.U32)), 0);
        Array index = Lax.concatenate(Vector.of(Lax.iota(DType.U32, Shape.of(n), 0), Lax.iota(DType.U32, Shape.of(2), 0)), 0);
        Seq<Array> out = Lax.threefry2x32(Lax.broadcastInDim(k0, all, Vector.empty()), Lax.broadcastInDim(k1, all, Vector.empty()), block, index);
        Array bits = Lax.reshape(LaxShaping.sliceInDim(out.get(0), 0, n, 1, 0), shape);
        Array next = Lax.concatenate(Vector.of(LaxShaping.sliceInDim(out.get(0), n, n + 2, 1, 0), LaxShaping.sliceInDim(out.get(1), n, n + 2, 1, 0)), 0);
        return Vector.of(next, bits);
    }

    private static Array word(Array key, int i) {
        return Lax.reshape(LaxShaping.sliceInDim(key, i, i + 1, 1, 0), Shape.SCALAR);
    }
}
