package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;
import dev.jaxj.accel.host.Conversions;
import dev.jaxj.accel.host.Narrowing;

import dev.jaxj.ir.DType;

import static dev.jaxj.accel.cpu.ElementwiseKernels.rejected;

/**
 * convert_element_type and bitcast_convert_type.
 *
 * <p>Conversions follow XLA on CPU: floats to integers truncate toward zero, send NaN to 0 and
 * saturate at the target's bounds ({@link Conversions#toLong}); integers to floats round to
 * nearest (u32 and u64 read unsigned); integer narrowing keeps the low bits; bool is 0 or 1, and a
 * number converts to bool as {@code x != 0} (so NaN is true). A bitcast reinterprets the bits.
 */
final class ConvertKernels {
    private ConvertKernels() {}

    /**
     * Converts between any two real dtypes. A storage type goes through its compute type:
     * widened exactly first, and a result rounded once to bf16/f16 (from f64 directly, as NumPy
     * and XLA do) or, from a float, saturated at a narrow integer's own bounds.
     */
    static HostData convert(HostData x, DType to) {
        // u64 computes on i64's bits, which read signed as floats: its values at 2^63 and above need their own rounding.
        if (x.dtype() == DType.U64 && to.isFloating()) return Narrowing.narrow(unsignedToFloat(x, to.computeType()), to);
        HostData wide = Narrowing.widen(x);
        if (to.isComputeType()) return convertComputed(wide, to);
        // Element by element, saturating at a narrow integer's bounds; and an f64 goes to bf16/f16
        // in one rounding, since rounded to the nearest f32 first it could land on one of their ties.
        if (wide.dtype().isFloating() && to.isInteger() || wide.dtype() == DType.F64) {
            int n = wide.size();
            HostData r = HostData.allocate(to, n);
            for (int i = 0; i < n; i++) r.setDouble(i, wide.getDouble(i));
            return r;
        }
        return Narrowing.narrow(convertComputed(wide, to.computeType()), to);
    }

    /** u64 to f32 or f64, rounded to nearest once from the exact unsigned value. */
    private static HostData unsignedToFloat(HostData x, DType to) {
        long[] a = x.i64();
        int n = x.size();
        if (to == DType.F32) {
            float[] r = HeapArrays.floats(n);
            Parallel.forRange(n, (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = Conversions.unsignedToFloat(a[i]); });
            return HostData.own(r);
        }
        double[] r = HeapArrays.doubles(n);
        Parallel.forRange(n, (lo, hi) -> { for (int i = lo; i < hi; i++) r[i] = Conversions.unsignedToDouble(a[i]); });
        return HostData.own(r);
    }

    private static HostData convertComputed(HostData x, DType to) {
        int n = x.size();
        return switch (to) {
            case F32 -> {
                float[] r = HeapArrays.floats(n);
                Parallel.forRange(n, (lo, hi) -> toF32(x, r, lo, hi));
                yield HostData.own(r);
            }
            case F64 -> {
                double[] r = HeapArrays.doubles(n);
                Parallel.forRange(n, (lo, hi) -> toF64(x, r, lo, hi));
                yield HostData.own(r);
            }
            case I32, U32 -> {
                int[] r = HeapArrays.ints(n);
                Parallel.forRange(n, (lo, hi) -> toInt(x, to, r, lo, hi));
                yield HostData.own(to, r);
            }
            case I64 -> {
                long[] r = HeapArrays.longs(n);
                Parallel.forRange(n, (lo, hi) -> toLong(x, r, lo, hi));
                yield HostData.own(r);
            }
            case BOOL -> {
                boolean[] r = HeapArrays.booleans(n);
                Parallel.forRange(n, (lo, hi) -> toBool(x, r, lo, hi));
                yield HostData.own(r);
            }
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(to);
        };
    }

    static HostData bitcast(HostData x, DType to) {
        // u64 has i64's storage and bits: a bitcast to or from it is one to or from i64.
        if (x.dtype() == DType.U64) return bitcast(x.retype(DType.I64), to);
        if (to == DType.U64) return bitcast(x, DType.I64).retype(DType.U64);
        int n = x.size();
        // The 16- and 8-bit types share their storage arrays: a bitcast among them keeps the bits.
        if (!x.dtype().isComputeType() || !to.isComputeType()) return x.copy().retype(to);
        return switch (to) {
            case F32 -> {
                float[] r = HeapArrays.floats(n);
                switch (x.dtype()) {
                    case F32 -> System.arraycopy(x.f32(), 0, r, 0, n);
                    case I32, U32 -> { int[] a = x.i32(); for (int i = 0; i < n; i++) r[i] = Float.intBitsToFloat(a[i]); }
                    case F64, I64, BOOL -> throw rejected("bitcast_convert_type to f32", x.dtype());
                }
                yield HostData.own(r);
            }
            case I32, U32 -> {
                int[] r = HeapArrays.ints(n);
                switch (x.dtype()) {
                    case F32 -> { float[] a = x.f32(); for (int i = 0; i < n; i++) r[i] = Float.floatToRawIntBits(a[i]); }
                    case I32, U32 -> System.arraycopy(x.i32(), 0, r, 0, n);
                    case F64, I64, BOOL -> throw rejected("bitcast_convert_type to " + to, x.dtype());
                }
                yield HostData.own(to, r);
            }
            case F64 -> {
                double[] r = HeapArrays.doubles(n);
                switch (x.dtype()) {
                    case F64 -> System.arraycopy(x.f64(), 0, r, 0, n);
                    case I64 -> { long[] a = x.i64(); for (int i = 0; i < n; i++) r[i] = Double.longBitsToDouble(a[i]); }
                    case F32, I32, U32, BOOL -> throw rejected("bitcast_convert_type to f64", x.dtype());
                }
                yield HostData.own(r);
            }
            case I64 -> {
                long[] r = HeapArrays.longs(n);
                switch (x.dtype()) {
                    case F64 -> { double[] a = x.f64(); for (int i = 0; i < n; i++) r[i] = Double.doubleToRawLongBits(a[i]); }
                    case I64 -> System.arraycopy(x.i64(), 0, r, 0, n);
                    case F32, I32, U32, BOOL -> throw rejected("bitcast_convert_type to i64", x.dtype());
                }
                yield HostData.own(r);
            }
            case BOOL -> throw rejected("bitcast_convert_type to bool", x.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(to);
        };
    }

    private static void toF32(HostData x, float[] r, int lo, int hi) {
        switch (x.dtype()) {
            case F32 -> System.arraycopy(x.f32(), lo, r, lo, hi - lo);
            case F64 -> { double[] a = x.f64(); for (int i = lo; i < hi; i++) r[i] = (float) a[i]; }
            case I32 -> { int[] a = x.i32(); for (int i = lo; i < hi; i++) r[i] = a[i]; }
            // Via long, so that one rounding takes the exact unsigned value to float.
            case U32 -> { int[] a = x.i32(); for (int i = lo; i < hi; i++) r[i] = Integer.toUnsignedLong(a[i]); }
            case I64 -> { long[] a = x.i64(); for (int i = lo; i < hi; i++) r[i] = a[i]; }
            case BOOL -> { boolean[] a = x.bool(); for (int i = lo; i < hi; i++) r[i] = a[i] ? 1 : 0; }
        }
    }

    private static void toF64(HostData x, double[] r, int lo, int hi) {
        switch (x.dtype()) {
            case F32 -> { float[] a = x.f32(); for (int i = lo; i < hi; i++) r[i] = a[i]; }
            case F64 -> System.arraycopy(x.f64(), lo, r, lo, hi - lo);
            case I32 -> { int[] a = x.i32(); for (int i = lo; i < hi; i++) r[i] = a[i]; }
            case U32 -> { int[] a = x.i32(); for (int i = lo; i < hi; i++) r[i] = Integer.toUnsignedLong(a[i]); }
            case I64 -> { long[] a = x.i64(); for (int i = lo; i < hi; i++) r[i] = a[i]; }
            case BOOL -> { boolean[] a = x.bool(); for (int i = lo; i < hi; i++) r[i] = a[i] ? 1 : 0; }
        }
    }

    /** To i32 or u32, which share the {@code int[]} storage and differ only in how floats saturate. */
    private static void toInt(HostData x, DType to, int[] r, int lo, int hi) {
        switch (x.dtype()) {
            case F32 -> { float[] a = x.f32(); for (int i = lo; i < hi; i++) r[i] = (int) Conversions.toLong(to, a[i]); }
            case F64 -> { double[] a = x.f64(); for (int i = lo; i < hi; i++) r[i] = (int) Conversions.toLong(to, a[i]); }
            case I32, U32 -> System.arraycopy(x.i32(), lo, r, lo, hi - lo);       // i32 <-> u32 keeps the bits
            case I64 -> { long[] a = x.i64(); for (int i = lo; i < hi; i++) r[i] = (int) a[i]; }
            case BOOL -> { boolean[] a = x.bool(); for (int i = lo; i < hi; i++) r[i] = a[i] ? 1 : 0; }
        }
    }

    private static void toLong(HostData x, long[] r, int lo, int hi) {
        switch (x.dtype()) {
            case F32 -> { float[] a = x.f32(); for (int i = lo; i < hi; i++) r[i] = Conversions.toLong(DType.I64, a[i]); }
            case F64 -> { double[] a = x.f64(); for (int i = lo; i < hi; i++) r[i] = Conversions.toLong(DType.I64, a[i]); }
            case I32 -> { int[] a = x.i32(); for (int i = lo; i < hi; i++) r[i] = a[i]; }
            case U32 -> { int[] a = x.i32(); for (int i = lo; i < hi; i++) r[i] = Integer.toUnsignedLong(a[i]); }
            case I64 -> System.arraycopy(x.i64(), lo, r, lo, hi - lo);
            case BOOL -> { boolean[] a = x.bool(); for (int i = lo; i < hi; i++) r[i] = a[i] ? 1 : 0; }
        }
    }

    private static void toBool(HostData x, boolean[] r, int lo, int hi) {
        switch (x.dtype()) {
            case F32 -> { float[] a = x.f32(); for (int i = lo; i < hi; i++) r[i] = a[i] != 0; }
            case F64 -> { double[] a = x.f64(); for (int i = lo; i < hi; i++) r[i] = a[i] != 0; }
            case I32, U32 -> { int[] a = x.i32(); for (int i = lo; i < hi; i++) r[i] = a[i] != 0; }
            case I64 -> { long[] a = x.i64(); for (int i = lo; i < hi; i++) r[i] = a[i] != 0; }
            case BOOL -> System.arraycopy(x.bool(), lo, r, lo, hi - lo);
        }
    }
}
