package dev.jaxj.accel.cpu;

import dev.jaxj.accel.host.StorageTypes;
import dev.jaxj.accel.host.HostData;
import dev.jaxj.accel.host.HeapArrays;

import dev.jaxj.errors.ArgumentError;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Primitive.*;

import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

import static dev.jaxj.accel.cpu.ElementwiseKernels.rejected;

/**
 * Kernels of integer operands (i32, u32, i64), plus the logical operations of bools.
 *
 * <p>The semantics are those of XLA on CPU. Add, sub, mul, neg and integer_pow wrap around.
 * Division truncates toward zero; dividing by zero gives -1 (all bits set) and the remainder by
 * zero is the dividend; {@code MIN / -1} is {@code MIN} and {@code MIN % -1} is 0. u32 divides,
 * compares and takes max/min unsigned. Shift amounts are read unsigned, and amounts of at least
 * the bit width shift every bit out: 0, or the sign fill for an arithmetic right shift.
 */
final class IntegerKernels {
    private IntegerKernels() {}

    static HostData arithmetic(Arithmetic p, HostData x, HostData y) {
        return switch (x.dtype()) {
            case I32 -> HostData.own(DType.I32, ElementLoops.zip(x.i32(), y.i32(), i32(p)));
            case U32 -> HostData.own(DType.U32, ElementLoops.zip(x.i32(), y.i32(), u32(p)));
            case I64 -> HostData.own(ElementLoops.zip(x.i64(), y.i64(), i64(p)));
            case F32, F64, BOOL -> throw rejected(p.name(), x.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(x.dtype());
        };
    }

    /** Neg, abs, sign and integer_pow; abs of u32 is the identity and abs of MIN is MIN. */
    static HostData numeric(NumericUnary p, HostData x) {
        if (p instanceof IntegerPow(var y) && y < 0) {
            throw new ArgumentError("integer_pow",
                    "integers cannot be raised to a negative power, got y = " + y + " for a " + x.dtype() + " operand");
        }
        return switch (x.dtype()) {
            case I32 -> HostData.own(DType.I32, ElementLoops.map(x.i32(), switch (p) {
                case Neg _ -> v -> -v;
                case Abs _ -> Math::abs;
                case Sign _ -> Integer::signum;
                case IntegerPow(var y) -> v -> (int) integerPow(v, y);
            }));
            case U32 -> HostData.own(DType.U32, ElementLoops.map(x.i32(), switch (p) {
                case Neg _ -> v -> -v;
                case Abs _ -> v -> v;
                case Sign _ -> v -> v == 0 ? 0 : 1;
                case IntegerPow(var y) -> v -> (int) integerPow(v, y);   // the low 32 bits ignore the sign extension
            }));
            case I64 -> HostData.own(ElementLoops.map(x.i64(), switch (p) {
                case Neg _ -> v -> -v;
                case Abs _ -> Math::abs;
                case Sign _ -> v -> Long.signum(v);
                case IntegerPow(var y) -> v -> integerPow(v, y);
            }));
            case F32, F64, BOOL -> throw rejected(p.name(), x.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(x.dtype());
        };
    }

    /** {@return {@code x^y} modulo 2^64 for {@code y >= 0}}, by repeated squaring */
    static long integerPow(long x, int y) {
        long acc = 1;
        for (int n = y; n > 0; n >>>= 1) {
            if ((n & 1) != 0) acc *= x;
            x *= x;
        }
        return acc;
    }

    /** And, or and xor: logical on bools, bitwise on integers. */
    static HostData bitwise(Bitwise p, HostData x, HostData y) {
        return switch (x.dtype()) {
            case BOOL -> HostData.own(logical(p, x.bool(), y.bool()));
            case I32, U32 -> HostData.own(x.dtype(), ElementLoops.zip(x.i32(), y.i32(), switch (p) {
                case And _ -> (a, b) -> a & b;
                case Or _ -> (a, b) -> a | b;
                case Xor _ -> (a, b) -> a ^ b;
            }));
            case I64 -> HostData.own(ElementLoops.zip(x.i64(), y.i64(), switch (p) {
                case And _ -> (a, b) -> a & b;
                case Or _ -> (a, b) -> a | b;
                case Xor _ -> (a, b) -> a ^ b;
            }));
            case F32, F64 -> throw rejected(p.name(), x.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(x.dtype());
        };
    }

    /** Logical not of bools, bitwise complement of integers. */
    static HostData not(HostData x) {
        return switch (x.dtype()) {
            case BOOL -> {
                boolean[] a = x.bool(), r = HeapArrays.booleans(a.length);
                Parallel.forRange(r.length, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) r[i] = !a[i];
                });
                yield HostData.own(r);
            }
            case I32, U32 -> HostData.own(x.dtype(), ElementLoops.map(x.i32(), v -> ~v));
            case I64 -> HostData.own(ElementLoops.map(x.i64(), v -> ~v));
            case F32, F64 -> throw rejected("not", x.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(x.dtype());
        };
    }

    static HostData shift(Shift p, HostData x, HostData y) {
        return switch (x.dtype()) {
            // u32 shifts the same bits as i32; an arithmetic shift reads them as signed, as XLA does.
            case I32, U32 -> HostData.own(x.dtype(), ElementLoops.zip(x.i32(), y.i32(), switch (p) {
                case ShiftLeft _ -> (a, s) -> Integer.compareUnsigned(s, 32) < 0 ? a << s : 0;
                case ShiftRightLogical _ -> (a, s) -> Integer.compareUnsigned(s, 32) < 0 ? a >>> s : 0;
                case ShiftRightArithmetic _ -> (a, s) -> a >> (Integer.compareUnsigned(s, 32) < 0 ? s : 31);
            }));
            case I64 -> HostData.own(ElementLoops.zip(x.i64(), y.i64(), switch (p) {
                case ShiftLeft _ -> (a, s) -> Long.compareUnsigned(s, 64) < 0 ? a << s : 0;
                case ShiftRightLogical _ -> (a, s) -> Long.compareUnsigned(s, 64) < 0 ? a >>> s : 0;
                case ShiftRightArithmetic _ -> (a, s) -> a >> (Long.compareUnsigned(s, 64) < 0 ? s : 63);
            }));
            case F32, F64, BOOL -> throw rejected(p.name(), x.dtype());
            case BF16, F16, I8, I16, U8, U16, U64, C64, C128 -> throw StorageTypes.unlowered(x.dtype());
        };
    }

    private static IntBinaryOperator i32(Arithmetic p) {
        return switch (p) {
            case Add _ -> Integer::sum;
            case Sub _ -> (a, b) -> a - b;
            case Mul _ -> (a, b) -> a * b;
            case Div _ -> (a, b) -> b == 0 ? -1 : a / b;     // Java's MIN / -1 is MIN already
            case Rem _ -> (a, b) -> b == 0 ? a : a % b;      // and MIN % -1 is 0
            case Max _ -> Math::max;
            case Min _ -> Math::min;
        };
    }

    private static IntBinaryOperator u32(Arithmetic p) {
        return switch (p) {
            case Add _, Sub _, Mul _ -> i32(p);                // the same bits as signed
            case Div _ -> (a, b) -> b == 0 ? -1 : Integer.divideUnsigned(a, b);
            case Rem _ -> (a, b) -> b == 0 ? a : Integer.remainderUnsigned(a, b);
            case Max _ -> (a, b) -> Integer.compareUnsigned(a, b) >= 0 ? a : b;
            case Min _ -> (a, b) -> Integer.compareUnsigned(a, b) <= 0 ? a : b;
        };
    }

    private static LongBinaryOperator i64(Arithmetic p) {
        return switch (p) {
            case Add _ -> Long::sum;
            case Sub _ -> (a, b) -> a - b;
            case Mul _ -> (a, b) -> a * b;
            case Div _ -> (a, b) -> b == 0 ? -1 : a / b;
            case Rem _ -> (a, b) -> b == 0 ? a : a % b;
            case Max _ -> Math::max;
            case Min _ -> Math::min;
        };
    }

    private static boolean[] logical(Bitwise p, boolean[] a, boolean[] b) {
        boolean[] r = HeapArrays.booleans(a.length);
        Parallel.Range body = switch (p) {
            case And _ -> (lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = a[i] & b[i];
            };
            case Or _ -> (lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = a[i] | b[i];
            };
            case Xor _ -> (lo, hi) -> {
                for (int i = lo; i < hi; i++) r[i] = a[i] ^ b[i];
            };
        };
        Parallel.forRange(r.length, body);
        return r;
    }
}
