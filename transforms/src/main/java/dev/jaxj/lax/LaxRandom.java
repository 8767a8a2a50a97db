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

    /**
     * Uniform values in [a, b) from the bits of {@link #rngBitGenerator} under the key
     * (seed's low word, seed's high word, 0, 0). Floats take the top 24 bits (f32 and narrower,
     * computed in f32) or 53 bits from two words (f64) as a fraction u in [0, 1), then a + (b - a) u,
     * held below b; integers take a + bits mod (b - a) in i64, exact for ranges below 2^32.
     */
    static Array rngUniform(Array a, Array b, Shape shape, long seed) {
        String op = "rng_uniform";
        if (a.ndim() != 0 || b.ndim() != 0 || a.dtype() != b.dtype())
            throw new ShapeError(op, "a and b must be scalars of one dtype, got a " + a.aval() + " and b " + b.aval());
        DType d = a.dtype();
        if (!d.isFloating() && !d.isInteger()) throw new DTypeError(op, "a and b must be floating or integer, got " + a.aval());
        int words = d == DType.F64 ? 2 : 1;
        Array key = Lax.concatenate(Vector.of(Lax.full(Shape.of(1), seed & 0xffffffffL, DType.U32),
                Lax.full(Shape.of(1), seed >>> 32, DType.U32), Lax.full(Shape.of(2), 0, DType.U32)), 0);
        Array bits = rngBitGenerator(key, Shape.of(words * shape.size()), DType.U32).get(1);
        if (d.isInteger()) {
            Array lo = Lax.convertElementType(a, DType.I64), range = Lax.sub(Lax.convertElementType(b, DType.I64), lo);
            Array r = Lax.rem(Lax.convertElementType(bits, DType.I64), Lax.broadcastInDim(range, Shape.of(shape.size()), Vector.empty()));
            return Lax.reshape(Lax.convertElementType(Lax.add(r, Lax.broadcastInDim(lo, r.shape(), Vector.empty())), d), shape);
        }
        DType c = d == DType.F64 ? DType.F64 : DType.F32;
        int n = shape.size();
        Array grouped = Lax.reshape(bits, Shape.of(n, words));
        // u = hi·2^-32 + (lo >> 11)·2^-53 from two words for f64; (bits >> 8)·2^-24 for f32: exact in c, in [0, 1).
        Array u = c == DType.F64
                ? Lax.add(scaledWord(grouped, 0, 0, 0x1p-32, c), scaledWord(grouped, 1, 11, 0x1p-53, c))
                : scaledWord(grouped, 0, 8, 0x1p-24, c);
        Array lo = Lax.broadcastInDim(Lax.convertElementType(a, c), u.shape(), Vector.empty());
        Array hi = Lax.broadcastInDim(Lax.convertElementType(b, c), u.shape(), Vector.empty());
        Array v = Lax.add(lo, Lax.mul(Lax.sub(hi, lo), u));
        // a + (b - a) u can round up to b; the largest value below b keeps the interval half-open.
        v = Lax.select(Lax.lt(v, hi), v, Lax.max(lo, Lax.nextafter(hi, lo)));
        return Lax.reshape(Lax.convertElementType(v, d), shape);
    }

    /** {@return word {@code w} of each group, shifted right by {@code shift}, times {@code scale}, in {@code c}} */
    private static Array scaledWord(Array grouped, int w, int shift, double scale, DType c) {
        Array word = LaxShaping.indexInDim(grouped, w, 1, false);
        Array shifted = shift == 0 ? word : Lax.shiftRightLogical(word, Lax.full(word.shape(), shift, DType.U32));
        return Lax.mul(Lax.convertElementType(shifted, c), Lax.full(word.shape(), scale, c));
    }
}
