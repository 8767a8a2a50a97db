package dev.jaxj.array;

import dev.jaxj.accel.host.HostData;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.lax.Lax;
import io.vavr.collection.Vector;

/**
 * Arithmetic on index arrays, written with primitives so that it also works on traced
 * indices: wrapping negative positions, Python's modulo, and constants of an index dtype.
 */
final class IndexArrays {
    private IndexArrays() {}

    /** {@return {@code v} as a strongly typed array of {@code dtype} broadcast to {@code shape}} */
    static Array constant(long v, DType dtype, Shape shape) {
        return Lax.broadcastInDim(Array.scalar((double) v, dtype), shape, Vector.empty());
    }

    /** {@return a constant i32 vector} */
    static Array vector(int[] values) {
        return Array.fromHost(ShapedArray.of(DType.I32, values.length), HostData.own(DType.I32, values));
    }

    /** {@code idx < 0 ? idx + n : idx}, NumPy's meaning of negative positions on an axis of size {@code n}. */
    static Array wrapNegative(Array idx, int n) {
        if (idx.dtype() == DType.U32) return idx;
        Array zero = constant(0, idx.dtype(), idx.shape());
        return Lax.select(Lax.lt(idx, zero), Lax.add(idx, constant(n, idx.dtype(), idx.shape())), idx);
    }

    /** Python's {@code idx % n} (the sign of the divisor), which maps every integer into {@code [0, n)}. */
    static Array floorMod(Array idx, int n) {
        Array size = constant(n, idx.dtype(), idx.shape());
        Array r = Lax.rem(idx, size);
        if (idx.dtype() == DType.U32) return r;
        return Lax.select(Lax.lt(r, constant(0, idx.dtype(), idx.shape())), Lax.add(r, size), r);
    }

    /** {@return the dtype that holds every index array of a gather: i64 when one of them needs it, else i32} */
    static DType indexDtype(Iterable<Array> arrays) {
        for (Array a : arrays) {
            if (a.dtype() == DType.I64 || a.dtype() == DType.U32 || a.dtype() == DType.U64) return DType.I64;
        }
        return DType.I32;
    }
}
