package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;

import dev.jaxj.accel.cpu.KernelHarness.Operand;
import dev.jaxj.errors.DTypeError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link IntegerKernels} through the backend, against {@link BigInteger} arithmetic reduced to
 * the operand width: the wrap-around, division by zero, {@code MIN / -1}, unsigned u32 and
 * shift-amount edge cases, on edge values crossed with each other and on seeded random values.
 */
class IntegerKernelsTest {
    private static final DType[] INTEGERS = {DType.I32, DType.U32, DType.I64};
    private static final BigInteger TWO_32 = BigInteger.ONE.shiftLeft(32), TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** Edge values, crossed with each other, then random ones; as longs (i32 and u32 keep the low 32 bits). */
    private static long[][] operandPairs(DType d) {
        long[] edges = d == DType.I64
                ? new long[] {0, 1, -1, 2, -2, 7, -7, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 1L << 32, 3_000_000_000L}
                : new long[] {0, 1, -1, 2, -2, 7, -7, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, 0xFFFF_FFFEL, 65536};
        var random = new Random(7);
        int n = edges.length * edges.length + 500;
        long[] a = new long[n], b = new long[n];
        for (int i = 0; i < n; i++) {
            boolean grid = i < edges.length * edges.length;
            a[i] = grid ? edges[i / edges.length] : random.nextLong();
            b[i] = grid ? edges[i % edges.length] : random.nextLong() >> random.nextInt(64);
            if (d != DType.I64) {
                a[i] = (int) a[i];
                b[i] = (int) b[i];
            }
        }
        return new long[][] {a, b};
    }

    /** {@return the value of the stored bits: signed for i32 and i64, unsigned for u32} */
    private static BigInteger value(DType d, long bits) {
        return d == DType.U32 ? BigInteger.valueOf(bits & 0xFFFF_FFFFL) : BigInteger.valueOf(bits);
    }

    /** {@return v reduced to the width of d, as stored bits} */
    private static long wrap(DType d, BigInteger v) {
        return d == DType.I64 ? v.mod(TWO_64).longValue() : (int) v.mod(TWO_32).longValue();
    }

    private static Operand operand(DType d, long... v) {
        return switch (d) {
            case I64 -> Operand.i64(Shape.of(v.length), v);
            case I32, U32 -> {
                int[] bits = new int[v.length];
                for (int i = 0; i < v.length; i++) bits[i] = (int) v[i];
                yield d == DType.I32 ? Operand.i32(Shape.of(v.length), bits) : Operand.u32(Shape.of(v.length), bits);
            }
            case F32, F64, BOOL -> throw new IllegalArgumentException(d.toString());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(d);
        };
    }

    private static long[] run(Primitive p, DType d, Operand... in) {
        HostData r = KernelHarness.run(p, in).data();
        assertEquals(d, r.dtype(), p.name() + " result dtype");
        long[] bits = new long[r.size()];
        for (int i = 0; i < bits.length; i++) bits[i] = d == DType.I64 ? r.i64()[i] : r.i32()[i];
        return bits;
    }

    private static void checkBinary(Primitive p, BinaryOperator<BigInteger> reference) {
        for (DType d : INTEGERS) {
            long[][] ab = operandPairs(d);
            long[] got = run(p, d, operand(d, ab[0]), operand(d, ab[1]));
            for (int i = 0; i < got.length; i++) {
                BigInteger x = value(d, ab[0][i]), y = value(d, ab[1][i]);
                assertEquals(wrap(d, reference.apply(x, y)), got[i], p.name() + "(" + x + ", " + y + ") in " + d);
            }
        }
    }

    @Test
    void shouldWrapAroundOnAddSubAndMul() {
        checkBinary(new Add(), BigInteger::add);
        checkBinary(new Sub(), BigInteger::subtract);
        checkBinary(new Mul(), BigInteger::multiply);
    }

    @Test
    void shouldDivideTowardZeroWithXlaResultsForZeroDivisors() {
        // BigInteger divides toward zero; MIN / -1 = 2^(w-1) wraps to MIN, as XLA's guarded division gives.
        checkBinary(new Div(), (x, y) -> y.signum() == 0 ? BigInteger.ONE.negate() : x.divide(y));
        checkBinary(new Rem(), (x, y) -> y.signum() == 0 ? x : x.remainder(y));
    }

    @Test
    void shouldTakeMaxAndMinInTheTypesOrder() {
        checkBinary(new Max(), BigInteger::max);
        checkBinary(new Min(), BigInteger::min);
    }

    @Test
    void shouldGiveDocumentedEdgeResults() {
        assertArrayEquals(new long[] {-1, Integer.MIN_VALUE, -1}, run(new Div(), DType.I32, operand(DType.I32, 5, Integer.MIN_VALUE, 0), operand(DType.I32, 0, -1, 0)));
        assertArrayEquals(new long[] {5, 0}, run(new Rem(), DType.I32, operand(DType.I32, 5, Integer.MIN_VALUE), operand(DType.I32, 0, -1)));
        assertArrayEquals(new long[] {-1, 0x7FFF_FFFF}, run(new Div(), DType.U32, operand(DType.U32, 5, -2), operand(DType.U32, 0, 2)));
        assertArrayEquals(new long[] {-1, Long.MIN_VALUE}, run(new Div(), DType.I64, operand(DType.I64, 5, Long.MIN_VALUE), operand(DType.I64, 0, -1)));
        assertArrayEquals(new long[] {-1}, run(new Max(), DType.U32, operand(DType.U32, -1), operand(DType.U32, 1)));
    }

    private static void checkUnary(Primitive p, DType d, UnaryOperator<BigInteger> reference) {
        long[] x = operandPairs(d)[0];
        long[] got = run(p, d, operand(d, x));
        for (int i = 0; i < got.length; i++) {
            assertEquals(wrap(d, reference.apply(value(d, x[i]))), got[i], p.name() + "(" + value(d, x[i]) + ") in " + d);
        }
    }

    @Test
    void shouldNegateTakeAbsAndSignOfIntegers() {
        for (DType d : INTEGERS) {
            checkUnary(new Neg(), d, BigInteger::negate);
            // abs(MIN) = 2^(w-1) wraps to MIN; unsigned operands are rejected by the rule, as lax.abs does.
            if (d != DType.U32) checkUnary(new Abs(), d, BigInteger::abs);
            checkUnary(new Sign(), d, v -> BigInteger.valueOf(v.signum()));
        }
    }

    @Test
    void shouldRaiseIntegersToPowersWithWrapAround() {
        for (DType d : INTEGERS) {
            for (int y : new int[] {0, 1, 2, 3, 7, 31, 64, 65}) {
                checkUnary(new IntegerPow(y), d, v -> v.pow(y));
            }
        }
    }

    @Test
    void shouldRejectNegativeIntegerPowersOfIntegers() {
        var e = assertThrows(DTypeError.class, () -> KernelHarness.run(new IntegerPow(-1), operand(DType.I32, 2)));
        assertTrue(e.getMessage().contains("floating-point (for a negative exponent -1)"), e.getMessage());
        assertThrows(DTypeError.class, () -> KernelHarness.run(new Abs(), operand(DType.U32, 2)));
    }

    @Test
    void shouldApplyBitwiseOperationsToIntegers() {
        checkBinary(new And(), BigInteger::and);
        checkBinary(new Or(), BigInteger::or);
        checkBinary(new Xor(), BigInteger::xor);
        for (DType d : INTEGERS) checkUnary(new Not(), d, BigInteger::not);
    }

    @Test
    void shouldApplyLogicalOperationsToBools() {
        boolean[] x = {false, false, true, true}, y = {false, true, false, true};
        Operand a = Operand.bool(Shape.of(2, 2), x), b = Operand.bool(Shape.of(2, 2), y);
        assertArrayEquals(new boolean[] {false, false, false, true}, KernelHarness.run(new And(), a, b).data().bool());
        assertArrayEquals(new boolean[] {false, true, true, true}, KernelHarness.run(new Or(), a, b).data().bool());
        assertArrayEquals(new boolean[] {false, true, true, false}, KernelHarness.run(new Xor(), a, b).data().bool());
        assertArrayEquals(new boolean[] {true, true, false, false}, KernelHarness.run(new Not(), a).data().bool());
    }

    @Test
    void shouldShiftOutEveryBitForAmountsOfAtLeastTheWidth() {
        for (DType d : INTEGERS) {
            int width = d == DType.I64 ? 64 : 32;
            long[] values = {1, -1, 0x1234_5678, Integer.MIN_VALUE, d == DType.I64 ? Long.MIN_VALUE : Integer.MAX_VALUE, -12345};
            long[] amounts = {0, 1, 5, 31, 32, 33, 63, 64, 65, 100, -1, Integer.MIN_VALUE};
            int n = values.length * amounts.length;
            long[] a = new long[n], s = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = d == DType.I64 ? values[i / amounts.length] : (int) values[i / amounts.length];
                s[i] = d == DType.I64 ? amounts[i % amounts.length] : (int) amounts[i % amounts.length];
            }
            long[] left = run(new ShiftLeft(), d, operand(d, a), operand(d, s));
            long[] logical = run(new ShiftRightLogical(), d, operand(d, a), operand(d, s));
            long[] arithmetic = run(new ShiftRightArithmetic(), d, operand(d, a), operand(d, s));
            for (int i = 0; i < n; i++) {
                // The amount is read unsigned, so -1 and MIN are huge; the arithmetic shift reads the bits as signed.
                BigInteger amount = d == DType.I64 ? new BigInteger(Long.toUnsignedString(s[i])) : BigInteger.valueOf(s[i] & 0xFFFF_FFFFL);
                boolean inRange = amount.compareTo(BigInteger.valueOf(width)) < 0;
                int k = inRange ? amount.intValue() : width;
                BigInteger signed = BigInteger.valueOf(a[i]), unsigned = signed.mod(d == DType.I64 ? TWO_64 : TWO_32);
                String what = a[i] + " by " + amount + " in " + d;
                assertEquals(inRange ? wrap(d, signed.shiftLeft(k)) : 0, left[i], "shift_left " + what);
                assertEquals(inRange ? wrap(d, unsigned.shiftRight(k)) : 0, logical[i], "shift_right_logical " + what);
                assertEquals(wrap(d, signed.shiftRight(k)), arithmetic[i], "shift_right_arithmetic " + what);
            }
        }
    }
}
