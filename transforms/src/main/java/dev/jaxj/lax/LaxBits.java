package dev.jaxj.lax;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import io.vavr.collection.Vector;

/**
 * Bit counts built from the integer primitives (shifts, masks, wrapping adds), so that they are
 * bit-exact on every backend: population count and count of leading zeros.
 */
final class LaxBits {
    private LaxBits() {}

    /** SWAR population count: pairs, nibbles, bytes, then a multiply sums the bytes into the top one. */
    static Array populationCount(Array x) {
        int w = width("population_count", x);
        Array v = Lax.sub(x, Lax.and(shr(x, 1), k(x, 0x5555555555555555L)));
        v = Lax.add(Lax.and(v, k(x, 0x3333333333333333L)), Lax.and(shr(v, 2), k(x, 0x3333333333333333L)));
        v = Lax.and(Lax.add(v, shr(v, 4)), k(x, 0x0F0F0F0F0F0F0F0FL));
        return shr(Lax.mul(v, k(x, 0x0101010101010101L)), w - 8);
    }

    /** Leading zeros: smear the highest set bit rightwards, then count the ones below it. */
    static Array clz(Array x) {
        int w = width("clz", x);
        Array v = x;
        for (int s = 1; s < w; s *= 2) v = Lax.or(v, shr(v, s));
        return Lax.sub(k(x, w), populationCount(v));
    }

    private static int width(String op, Array x) {
        return switch (x.dtype()) {
            case I32, U32 -> 32;
            case I64, U64 -> 64;
            default -> throw new DTypeError(op, "needs an integer operand (i32, u32, i64 or u64), got " + x.aval());
        };
    }

    private static Array shr(Array x, int s) {
        return Lax.shiftRightLogical(x, k(x, s));
    }

    /** {@code v} (wrapped to the dtype's width) broadcast like {@code like}. */
    private static Array k(Array like, long v) {
        DType t = like.dtype();
        HostData d = HostData.allocate(t, 1);
        d.setLong(0, t.bits() == 64 ? v : (long) (int) v);
        Array s = Array.fromHost(new ShapedArray(Shape.SCALAR, t, false), d);
        return Lax.broadcastInDim(s, like.shape(), Vector.empty());
    }
}
