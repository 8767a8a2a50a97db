package dev.jaxj.random;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.array.Array;
import dev.jaxj.array.NumpyOps;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

import java.util.Arrays;

/**
 * Bit-level building blocks for the generators, all written as primitives so they trace:
 * exact u32/i64 constants, iotas, slices along an axis, and the unsigned 64-bit arithmetic
 * that JAX does in {@code uint64}, here on i64 bit patterns (the generators predate jaxj's u64
 * and keep their tested i64 form; u64 results are bitcasts of them).
 */
final class Bits {
    private Bits() {}

    /** {@return a strongly typed u32 scalar holding the low 32 bits of {@code bits}} */
    static Array u32(long bits) {
        return Array.fromHost(ShapedArray.of(DType.U32, Shape.SCALAR), HostData.own(DType.U32, new int[] {(int) bits}));
    }

    /** {@return a u32 vector of the given words} */
    static Array u32s(int... words) {
        return Array.fromHost(ShapedArray.of(DType.U32, Shape.of(words.length)), HostData.own(DType.U32, words.clone()));
    }

    /** {@return a strongly typed i64 scalar with exactly these bits} */
    static Array i64(long bits) {
        return Array.fromHost(ShapedArray.of(DType.I64, Shape.SCALAR), HostData.own(new long[] {bits}));
    }

    /** {@return a strongly typed scalar of an integer dtype holding {@code v} (wrapped to the width; a u64's bits)} */
    static Array integer(long v, DType dtype) {
        return switch (dtype) {
            case I32 -> Array.fromHost(ShapedArray.of(DType.I32, Shape.SCALAR), HostData.own(DType.I32, new int[] {(int) v}));
            case U32 -> u32(v);
            case I64 -> i64(v);
            case U64 -> Array.fromHost(ShapedArray.of(DType.U64, Shape.SCALAR), HostData.own(DType.U64, new long[] {v}));
            case I8, I16, U8, U16 -> Array.scalar(v, DType.I64).astype(dtype);
            case F32, F64, BOOL, BF16, F16, C64, C128 -> throw new IllegalArgumentException("not an integer dtype: " + dtype);
        };
    }

    /** {@return a strongly typed scalar of a floating dtype; f32 rounds {@code v} once, as {@code np.array(v, float32)}} */
    static Array real(double v, DType dtype) {
        return switch (dtype) {
            case F32 -> Array.fromHost(ShapedArray.of(DType.F32, Shape.SCALAR), HostData.own(new float[] {(float) v}));
            case F64 -> Array.fromHost(ShapedArray.of(DType.F64, Shape.SCALAR), HostData.own(new double[] {v}));
            case BF16, F16 -> Array.fromHost(ShapedArray.of(dtype, Shape.SCALAR), HostData.filled(dtype, 1, v));
            case I32, I64, U32, BOOL, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("not a real floating dtype: " + dtype);
        };
    }

    /** {@return {@code x} broadcast to {@code shape}} by NumPy's rules */
    static Array to(Array x, Shape shape) { return NumpyOps.broadcastTo(x, shape); }

    /** {@return {@code 0, 1, …, n-1} as a u32 vector} */
    static Array iota(int n) { return Lax.iota(DType.U32, Shape.of(n), 0); }

    /** {@return elements {@code [start, stop)} of {@code x} along {@code axis}} */
    static Array slice(Array x, int axis, int start, int stop) {
        int[] lo = new int[x.ndim()], hi = x.shape().toArray(), step = new int[x.ndim()];
        Arrays.fill(step, 1);
        lo[axis] = start;
        hi[axis] = stop;
        return Lax.slice(x, Vector.ofAll(lo), Vector.ofAll(hi), Vector.ofAll(step));
    }

    /** {@return element {@code i} of the last axis of {@code x}, that axis removed} */
    static Array lastAxisAt(Array x, int i) {
        int last = x.ndim() - 1;
        return Lax.reshape(slice(x, last, i, i + 1), x.shape().without(last));
    }

    /** {@return {@code x >>> k} for u32 or i64 {@code x}} */
    static Array shiftRight(Array x, int k) {
        return Lax.shiftRightLogical(x, to(integer(k, x.dtype()), x.shape()));
    }

    /** {@return {@code x << k} for u32 or i64 {@code x}} */
    static Array shiftLeft(Array x, int k) {
        return Lax.shiftLeft(x, to(integer(k, x.dtype()), x.shape()));
    }

    /** {@return u32 words zero-extended to i64} */
    static Array widen(Array u32) { return Lax.convertElementType(u32, DType.I64); }

    /** {@return {@code a < b} comparing i64 bit patterns as unsigned 64-bit integers} */
    static Array unsignedLess(Array a, Array b) {
        Array flip = to(i64(Long.MIN_VALUE), a.shape());
        return Lax.lt(Lax.xor(a, flip), Lax.xor(b, flip));
    }

    /**
     * {@return {@code x mod s} for i64 bit patterns read as unsigned 64-bit integers}, with
     * XLA's convention {@code x mod 0 = x}; both operands of one shape. Long division by a
     * divisor below 2^63 halves the dividend first so signed division is exact, then corrects
     * the remainder once (the scheme of {@code Long.remainderUnsigned}).
     */
    static Array remU64(Array x, Array s) {
        Shape shape = x.shape();
        Array zero = to(i64(0), shape), one = to(i64(1), shape);
        Array sBig = Lax.lt(s, zero);                                   // s >= 2^63: x mod s is x or x - s
        Array bigRem = Lax.select(unsignedLess(x, s), x, Lax.sub(x, s));
        Array safe = Lax.select(Lax.le(s, zero), one, s);              // keeps the division defined where unused
        Array q = shiftLeft(Lax.div(shiftRight(x, 1), safe), 1);
        Array r = Lax.sub(x, Lax.mul(q, safe));
        Array small = Lax.select(unsignedLess(r, safe), r, Lax.sub(r, safe));
        Array rem = Lax.select(sBig, bigRem, small);
        return Lax.select(Lax.eq(s, zero), x, rem);
    }
}
