package dev.jaxj.numpy;

import dev.jaxj.Jnp.BitOrder;
import dev.jaxj.array.Array;
import dev.jaxj.array.Promotion;
import dev.jaxj.errors.ArgumentError;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * Bit-level functions: {@code bitwise_count}, {@code packbits}, {@code unpackbits}, and the
 * float helpers {@code nextafter} and {@code fabs}.
 *
 * <p>As in JAX, {@code bitwise_count}, {@code packbits} and {@code unpackbits} give u8 ({@link #BYTE}).
 */
public final class Bits {
    private Bits() {}

    /** The dtype of these functions' results: JAX's uint8. */
    public static final DType BYTE = DType.U8;

    /** The number of 1 bits in {@code |x|}, elementwise, for integers and bools. */
    public static Array bitwiseCount(Array x) {
        if (!x.dtype().isInteger() && !x.dtype().isBool()) throw new DTypeError("bitwise_count", "requires integer or bool operands, got " + x.aval());
        if (x.dtype().isBool()) return Lax.convertElementType(x, BYTE);
        Array v = x.dtype().kind() == DType.Kind.SIGNED ? Lax.abs(x) : x;
        boolean wide = x.dtype().bits() == 64;
        // Pairs, nibbles, bytes, then a multiply that sums the bytes into the top one.
        v = Lax.sub(v, and(shr(v, 1), wide ? 0x5555555555555555L : 0x55555555L));
        v = Lax.add(and(v, wide ? 0x3333333333333333L : 0x33333333L), and(shr(v, 2), wide ? 0x3333333333333333L : 0x33333333L));
        v = and(Lax.add(v, shr(v, 4)), wide ? 0x0F0F0F0F0F0F0F0FL : 0x0F0F0F0FL);
        v = shr(Lax.mul(v, full(v, wide ? 0x0101010101010101L : 0x01010101L)), wide ? 56 : 24);
        return Lax.convertElementType(v, BYTE);
    }

    /**
     * The elements of {@code a} as bits (non-zero is 1) packed eight to a byte along
     * {@code axis} (the flattened array when none), the axis padded with zeros to a multiple of 8.
     */
    public static Array packbits(Array a, Option<Integer> axis, BitOrder order) {
        String op = "packbits";
        if (!a.dtype().isInteger() && !a.dtype().isBool()) throw new DTypeError(op, "requires integer or bool operands, got " + a.aval());
        Array x = axis.isEmpty() ? Manipulation.ravel(a) : a;
        if (x.ndim() == 0) throw new ArgumentError(op, "needs an array of rank >= 1 along an axis, got " + a.aval());
        int ax = axis.isEmpty() ? 0 : Axes.normalize(op, axis.get(), x);
        Array bits = Lax.convertElementType(Operands.truthy(x), BYTE);
        int n = x.shape().dim(ax), bytes = (n + 7) / 8;
        Vector<dev.jaxj.ir.Primitive.PadConfig> pad = Vector.range(0, x.ndim())
                .map(d -> new dev.jaxj.ir.Primitive.PadConfig(0, d == ax ? bytes * 8 - n : 0, 0));
        bits = Lax.pad(bits, Array.scalar(0, BYTE), pad);
        int[] split = x.shape().with(ax, bytes).toArray();
        int[] dims = new int[split.length + 1];
        System.arraycopy(split, 0, dims, 0, ax + 1);
        dims[ax + 1] = 8;
        System.arraycopy(split, ax + 1, dims, ax + 2, split.length - ax - 1);
        Shape s = Shape.of(dims);
        Array shift = Lax.iota(BYTE, s, ax + 1);
        if (order == BitOrder.BIG) shift = Lax.sub(Operands.fullLike(shift, 7), shift);
        return Lax.reduceSum(Lax.shiftLeft(Lax.reshape(bits, s), shift), Vector.of(ax + 1));
    }

    /**
     * The low 8 bits of each element of {@code a} as separate 0/1 elements along {@code axis}
     * (the flattened array when none), then the first {@code count} of them (all when none; a
     * negative count drops that many from the end, a count past the end pads with zeros).
     */
    public static Array unpackbits(Array a, Option<Integer> axis, Option<Integer> count, BitOrder order) {
        String op = "unpackbits";
        if (!a.dtype().isInteger()) throw new DTypeError(op, "requires an unsigned byte (or integer) operand, got " + a.aval());
        Array x = axis.isEmpty() ? Manipulation.ravel(a) : a;
        if (x.ndim() == 0) throw new ArgumentError(op, "needs an array of rank >= 1 along an axis, got " + a.aval());
        int ax = axis.isEmpty() ? 0 : Axes.normalize(op, axis.get(), x);
        int n = x.shape().dim(ax);
        int[] d = x.shape().toArray();
        int[] dims = new int[d.length + 1];
        System.arraycopy(d, 0, dims, 0, ax + 1);
        dims[ax + 1] = 8;
        System.arraycopy(d, ax + 1, dims, ax + 2, d.length - ax - 1);
        Shape s = Shape.of(dims);
        Array v = Lax.broadcastInDim(Lax.convertElementType(x, BYTE), s, Vector.range(0, dims.length).remove(ax + 1));
        Array shift = Lax.iota(BYTE, s, ax + 1);
        if (order == BitOrder.BIG) shift = Lax.sub(Operands.fullLike(shift, 7), shift);
        Array bits = Lax.and(Lax.shiftRightLogical(v, shift), Operands.fullLike(v, 1));
        Array out = Lax.reshape(bits, x.shape().with(ax, 8 * n));
        if (count.isEmpty()) return out;
        int total = 8 * n, c = count.get();
        int keep = c >= 0 ? c : Math.max(0, total + c);
        if (keep <= total) return Manipulation.sliceAxis(out, ax, 0, keep);
        Vector<dev.jaxj.ir.Primitive.PadConfig> pad = Vector.range(0, out.ndim())
                .map(k -> new dev.jaxj.ir.Primitive.PadConfig(0, k == ax ? keep - total : 0, 0));
        return Lax.pad(out, Array.scalar(0, BYTE), pad);
    }

    /** The next representable value after {@code x1} towards {@code x2}, in their common floating dtype. */
    public static Array nextafter(Array x1, Array x2) {
        Vector<Array> p = Operands.prepare("nextafter", Promotion.Kind.INEXACT, x1, x2);
        return Lax.nextafter(p.get(0), p.get(1));
    }

    /** {@code |x|} in a floating dtype (integers and bools become f32). */
    public static Array fabs(Array x) { return Lax.abs(Operands.inexact(x)); }

    private static Array full(Array like, long v) { return Creation.full(like.shape(), v, like.dtype()); }

    private static Array and(Array x, long mask) { return Lax.and(x, full(x, mask)); }

    private static Array shr(Array x, long n) { return Lax.shiftRightLogical(x, full(x, n)); }
}
