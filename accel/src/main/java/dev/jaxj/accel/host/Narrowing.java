package dev.jaxj.accel.host;

import dev.jaxj.ir.DType;

/**
 * Moves between a storage type and its compute type ({@link DType#computeType()}): widening is
 * exact; narrowing rounds floats to nearest even (bf16, f16) and keeps the low bits of integers.
 * u64 and its compute type i64 are the same bits, so that move is a view.
 * {@snippet :
 * HostData wide = Narrowing.widen(bf16Data);        // f32, exact
 * HostData back = Narrowing.narrow(wide, DType.BF16); // the same bits again
 * }
 */
public final class Narrowing {
    private Narrowing() {}

    /** {@return {@code x} in its compute type} ({@code x} itself when it is one) */
    public static HostData widen(HostData x) {
        DType d = x.dtype();
        int n = x.size();
        return switch (d) {
            case BF16 -> { short[] a = (short[]) x.array(); float[] r = HeapArrays.floats(n); for (int i = 0; i < n; i++) r[i] = Conversions.fromBf16(a[i]); yield HostData.own(r); }
            case F16 -> { short[] a = (short[]) x.array(); float[] r = HeapArrays.floats(n); for (int i = 0; i < n; i++) r[i] = Conversions.fromF16(a[i]); yield HostData.own(r); }
            case I16 -> { short[] a = (short[]) x.array(); int[] r = HeapArrays.ints(n); for (int i = 0; i < n; i++) r[i] = a[i]; yield HostData.own(DType.I32, r); }
            case U16 -> { short[] a = (short[]) x.array(); int[] r = HeapArrays.ints(n); for (int i = 0; i < n; i++) r[i] = a[i] & 0xFFFF; yield HostData.own(DType.U32, r); }
            case I8 -> { byte[] a = (byte[]) x.array(); int[] r = HeapArrays.ints(n); for (int i = 0; i < n; i++) r[i] = a[i]; yield HostData.own(DType.I32, r); }
            case U8 -> { byte[] a = (byte[]) x.array(); int[] r = HeapArrays.ints(n); for (int i = 0; i < n; i++) r[i] = a[i] & 0xFF; yield HostData.own(DType.U32, r); }
            case U64 -> x.retype(DType.I64);    // the same bits; host data is never written again, so sharing is safe
            case F32, F64, I32, I64, U32, BOOL, C64, C128 -> x;
        };
    }

    /** {@return {@code x}, of {@code to}'s compute type, rounded or wrapped to the storage type {@code to}} */
    public static HostData narrow(HostData x, DType to) {
        if (x.dtype() != to.computeType()) throw new IllegalArgumentException("narrowing " + x.dtype() + " to " + to + " needs " + to.computeType());
        int n = x.size();
        return switch (to) {
            case BF16 -> { float[] a = x.f32(); short[] r = shorts(to, n); for (int i = 0; i < n; i++) r[i] = Conversions.toBf16(a[i]); yield HostData.ownStorage(to, r); }
            case F16 -> { float[] a = x.f32(); short[] r = shorts(to, n); for (int i = 0; i < n; i++) r[i] = Conversions.toF16(a[i]); yield HostData.ownStorage(to, r); }
            case I16, U16 -> { int[] a = x.i32(); short[] r = shorts(to, n); for (int i = 0; i < n; i++) r[i] = (short) a[i]; yield HostData.ownStorage(to, r); }
            case I8, U8 -> { int[] a = x.i32(); byte[] r = HeapArrays.allocate(to, n, byte[]::new); for (int i = 0; i < n; i++) r[i] = (byte) a[i]; yield HostData.ownStorage(to, r); }
            case U64 -> x.retype(DType.U64);
            case F32, F64, I32, I64, U32, BOOL, C64, C128 -> x;
        };
    }

    private static short[] shorts(DType d, int n) {
        return HeapArrays.allocate(d, n, short[]::new);
    }
}
