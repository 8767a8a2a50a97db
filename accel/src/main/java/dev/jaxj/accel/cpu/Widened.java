package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.ir.DType;

/**
 * Integer and bool data as {@code long[]}, so one kernel serves i32, u32, i64 and bool:
 * i32 sign-extended, u32 zero-extended (plain {@code long} order is then unsigned order),
 * bool as 0 or 1. {@link #narrow} maps results back, wrapping to the dtype's width.
 */
final class Widened {
    private Widened() {}

    /** {@return the values of an integer or bool buffer; an i64 buffer's own array, which callers only read} */
    static long[] longs(HostData b) {
        int n = b.size();
        return switch (b.dtype()) {
            case I32 -> {
                int[] a = b.i32();
                long[] r = HeapArrays.longs(n);
                for (int i = 0; i < n; i++) r[i] = a[i];
                yield r;
            }
            case U32 -> {
                int[] a = b.i32();
                long[] r = HeapArrays.longs(n);
                for (int i = 0; i < n; i++) r[i] = a[i] & 0xFFFF_FFFFL;
                yield r;
            }
            case I64 -> b.i64();
            case BOOL -> {
                boolean[] a = b.bool();
                long[] r = HeapArrays.longs(n);
                for (int i = 0; i < n; i++) r[i] = a[i] ? 1 : 0;
                yield r;
            }
            case F32, F64 -> throw new IllegalArgumentException("not an integer or bool buffer: " + b);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(b.dtype());
        };
    }

    /** {@return a buffer of dtype {@code d} holding {@code v} wrapped to its width (bool: non-zero is true)} */
    static HostData narrow(DType d, long[] v) {
        int n = v.length;
        return switch (d) {
            case I32, U32 -> {
                int[] r = HeapArrays.ints(n);
                for (int i = 0; i < n; i++) r[i] = (int) v[i];
                yield HostData.own(d, r);
            }
            case I64 -> HostData.own(v);
            case BOOL -> {
                boolean[] r = HeapArrays.booleans(n);
                for (int i = 0; i < n; i++) r[i] = v[i] != 0;
                yield HostData.own(r);
            }
            case F32, F64 -> throw new IllegalArgumentException("not an integer or bool dtype: " + d);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    /**
     * {@return {@code b} converted to dtype {@code d} as XLA's convert does} Floats become integers
     * by truncation (saturating), integers wrap to narrower ones, anything non-zero becomes true.
     */
    static HostData convert(HostData b, DType d) {
        if (b.dtype() == d) return b;
        int n = b.size();
        HostData r = HostData.allocate(d, n);
        if (b.dtype().isFloating()) {
            for (int i = 0; i < n; i++) r.setDouble(i, b.getDouble(i));
        } else {
            for (int i = 0; i < n; i++) r.setLong(i, b.getLong(i));
        }
        return r;
    }
}
