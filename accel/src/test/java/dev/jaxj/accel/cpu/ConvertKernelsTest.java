package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.BitcastConvertType;
import dev.jaxj.ir.Primitive.ConvertElementType;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link ConvertKernels} through the backend: every (source, target) pair of dtypes on edge
 * values, against the exact value of each element ({@link BigDecimal}) and the conversion rules
 * of XLA on CPU; and bitcasts against known IEEE 754 bit patterns.
 */
class ConvertKernelsTest {
    private static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY;
    /** The types kernels compute in; conversions of storage types are NarrowConversionsTest's. */
    private static final java.util.List<DType> COMPUTE_TYPES = java.util.List.of(DType.F32, DType.F64, DType.I32, DType.U32, DType.I64, DType.BOOL);

    /** Edge values per source dtype: rounding, truncation, saturation and wrap-around cases. */
    private static Operand source(DType d) {
        return switch (d) {
            case F32 -> Operand.f32(Shape.of(16), 0, -0f, 0.5f, -0.5f, 1.9f, -1.9f, 2.5f, 1e10f, -1e10f, 3e9f, 5e9f, Float.NaN,
                    Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 16777216f, Float.MIN_VALUE);
            case F64 -> Operand.f64(Shape.of(14), 0, -0.0, 0.7, -0.7, 2147483647.9, -2147483648.9, 4294967295.5, 9.3e18, -9.3e18,
                    1e300, NAN, INF, -INF, 3.4028235677973366e38);
            case I32 -> Operand.i32(Shape.of(7), 0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 16777217, -16777219);
            case U32 -> Operand.u32(Shape.of(7), 0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 16777217, 0x8000_0001);
            case I64 -> Operand.i64(Shape.of(8), 0, -1, Long.MIN_VALUE, Long.MAX_VALUE, (1L << 53) + 1, 0x1_0000_0005L, -0x1_0000_0005L,
                    (1L << 31));
            case BOOL -> Operand.bool(Shape.of(2), false, true);
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("covered by NarrowConversionsTest: " + d);
        };
    }

    /** The exact value of element {@code i}, or null for NaN and infinities. */
    private static BigDecimal exact(HostData b, int i) {
        return switch (b.dtype()) {
            case F32, F64 -> Double.isFinite(b.getDouble(i)) ? new BigDecimal(b.getDouble(i)) : null;
            case I32 -> BigDecimal.valueOf(b.i32()[i]);
            case U32 -> BigDecimal.valueOf(b.i32()[i] & 0xFFFF_FFFFL);
            case I64 -> BigDecimal.valueOf(b.i64()[i]);
            case BOOL -> b.bool()[i] ? BigDecimal.ONE : BigDecimal.ZERO;
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw new IllegalArgumentException("covered by NarrowConversionsTest: " + b.dtype());
        };
    }

    @Test
    void shouldConvertBetweenEveryPairOfDtypes() {
        for (DType from : COMPUTE_TYPES) {
            Operand x = source(from);
            for (DType to : COMPUTE_TYPES) {
                HostData r = KernelHarness.run(new ConvertElementType(to, false), x).data();
                assertEquals(to, r.dtype());
                for (int i = 0; i < x.aval().size(); i++) {
                    String what = from + " " + x.data().getDouble(i) + " -> " + to;
                    assertConverted(x.data(), i, r, what);
                }
            }
        }
    }

    private static void assertConverted(HostData in, int i, HostData out, String what) {
        double v = in.getDouble(i);
        BigDecimal e = exact(in, i);
        switch (out.dtype()) {
            // BigDecimal's float and double values round to nearest once; NaN and infinities stay.
            case F32 -> assertEquals(Float.floatToIntBits(e == null ? (float) v : zeroLike(e.floatValue(), v)), Float.floatToIntBits(out.f32()[i]), what);
            case F64 -> assertEquals(Double.doubleToLongBits(e == null ? v : zeroLike(e.doubleValue(), v)), Double.doubleToLongBits(out.f64()[i]), what);
            case I32 -> assertEquals(integer(in, e, v, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)).intValue(), out.i32()[i], what);
            case U32 -> assertEquals(integer(in, e, v, BigInteger.ZERO, BigInteger.valueOf(0xFFFF_FFFFL)).intValue(), out.i32()[i], what);
            case I64 -> assertEquals(integer(in, e, v, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)).longValue(), out.i64()[i], what);
            case BOOL -> assertEquals(e == null || e.signum() != 0, out.bool()[i], what);
        }
    }

    /**
     * The integer a value converts to: floats truncate toward zero, saturate at {@code [min, max]}
     * and send NaN to 0; integers come out whole, and the callers keep their low bits (intValue, longValue).
     */
    private static BigInteger integer(HostData in, BigDecimal e, double v, BigInteger min, BigInteger max) {
        if (in.dtype().isFloating()) {
            if (Double.isNaN(v)) return BigInteger.ZERO;
            if (Double.isInfinite(v)) return v > 0 ? max : min;
            BigInteger t = e.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
            return t.max(min).min(max);
        }
        return e.toBigIntegerExact();
    }

    /** BigDecimal has no -0: a zero result takes the sign of the source. */
    private static float zeroLike(float r, double source) { return r == 0 ? Math.copySign(0f, (float) source) : r; }

    private static double zeroLike(double r, double source) { return r == 0 ? Math.copySign(0.0, source) : r; }

    @Test
    void shouldReinterpretBitsOfSameWidthTypes() {
        float[] f = {1, -0f, Float.NaN, Float.intBitsToFloat(0x7FC0_0001), Float.MIN_VALUE, Float.NEGATIVE_INFINITY};
        int[] bits = {0x3F80_0000, 0x8000_0000, 0x7FC0_0000, 0x7FC0_0001, 1, 0xFF80_0000};
        assertArrayEquals(bits, KernelHarness.run(new BitcastConvertType(DType.I32), Operand.f32(Shape.of(6), f)).data().i32());
        assertArrayEquals(bits, KernelHarness.run(new BitcastConvertType(DType.U32), Operand.f32(Shape.of(2, 3), f)).data().i32());
        float[] back = KernelHarness.run(new BitcastConvertType(DType.F32), Operand.u32(Shape.of(6), bits)).data().f32();
        for (int i = 0; i < bits.length; i++) assertEquals(bits[i], Float.floatToRawIntBits(back[i]), "u32 bits " + Integer.toHexString(bits[i]));
        int[] signed = KernelHarness.run(new BitcastConvertType(DType.I32), Operand.u32(Shape.of(6), bits)).data().i32();
        assertArrayEquals(bits, signed);

        double[] d = {1, -0.0, Double.MIN_VALUE, Double.POSITIVE_INFINITY};
        long[] lbits = {0x3FF0_0000_0000_0000L, 0x8000_0000_0000_0000L, 1, 0x7FF0_0000_0000_0000L};
        assertArrayEquals(lbits, KernelHarness.run(new BitcastConvertType(DType.I64), Operand.f64(Shape.of(4), d)).data().i64());
        double[] dback = KernelHarness.run(new BitcastConvertType(DType.F64), Operand.i64(Shape.of(4), lbits)).data().f64();
        for (int i = 0; i < lbits.length; i++) assertEquals(lbits[i], Double.doubleToRawLongBits(dback[i]));
    }

    @Test
    void shouldConvertScalarsAndEmptyArrays() {
        assertEquals(-2, KernelHarness.run(new ConvertElementType(DType.I32, false), Operand.f32(Shape.SCALAR, -2.9f)).data().i32()[0]);
        var empty = KernelHarness.run(new ConvertElementType(DType.F64, true), Operand.i32(Shape.of(0, 4))).data();
        assertEquals(DType.F64, empty.dtype());
        assertEquals(0, empty.size());
    }
}
